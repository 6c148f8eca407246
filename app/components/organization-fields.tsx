import { LANGUAGES } from "~/utils/i18n";
import type { useValidatedForm } from "~/utils/use-validated-form";
import { FieldError, TextField, useMessage } from "./forms";
import { useI18n } from "~/utils/use-i18n";

type Values = { name?: string; industry?: string; defaultLang?: string };

/** Name, industry and default language: shared by the new-organization and settings forms. */
export function OrganizationFields({ values, field }: { values?: Values; field: ReturnType<typeof useValidatedForm>["field"] }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const languageNames = new Intl.DisplayNames([lang], { type: "language" });
  const { error: langError, ...defaultLang } = field("defaultLang");
  return (
    <>
      <TextField {...field("name")} label={t("org.field.name")} required maxLength={120} defaultValue={values?.name} />
      <TextField
        {...field("industry")}
        label={`${t("org.field.industry")} (${t("form.optional")})`}
        hint={t("org.field.industryHint")}
        maxLength={120}
        defaultValue={values?.industry}
      />
      <div>
        <label htmlFor="defaultLang" className="block font-semibold">
          {t("org.field.defaultLang")}
        </label>
        <select
          {...defaultLang}
          id="defaultLang"
          defaultValue={values?.defaultLang ?? lang}
          className="mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3"
          aria-invalid={langError ? true : undefined}
          aria-describedby={langError ? "defaultLang-error" : undefined}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageNames.of(code)}
            </option>
          ))}
        </select>
        <FieldError id="defaultLang-error" message={message(langError)} />
      </div>
    </>
  );
}
