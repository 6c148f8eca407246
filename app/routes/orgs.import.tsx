import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { UploadForm } from "~/components/upload-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { importOrganizationFile } from "~/services/portability.server";
import { readFormData, uploadedBytes } from "~/utils/forms";
import { detectLang, isMessageKey } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { title: `${translate(detectLang(request), "orgImport.title")} · Madura`, i18n: messagesFor(request, ["organizations"]) };
}

/** POST /orgs/import: a new organization from an export, the importing user its consultant; or 400 with the reason, nothing stored. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const file = await uploadedBytes(await readFormData(request), "file");
  const lang = detectLang(request);
  if (!file) return data({ error: translate(lang, "orgImport.error.fileRequired"), path: null }, { status: 400 });
  const result = await importOrganizationFile(file, user.id);
  if (result.ok) return redirect(`/orgs/${result.organizationId}`, 303);
  const message = isMessageKey(result.reason) ? translate(lang, result.reason, result.params) : result.reason;
  return data({ error: message, path: result.path ?? null }, { status: 400 });
}

export default function ImportOrganization() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <Page title={t("orgImport.title")} lead={t("orgImport.lead")} width="max-w-xl">
      <div className="space-y-5">
        {result ? (
          <FormMessage tone="error">
            <span data-testid="import-error">
              {result.error}
              {result.path ? ` (${t("orgImport.at", { path: result.path })})` : null}
            </span>
          </FormMessage>
        ) : null}
        <UploadForm label={t("orgImport.field.file")} hint={t("orgImport.field.fileHint")} accept=".json,application/json" submit={t("orgImport.submit")} invalid={Boolean(result)} />
        <p className="text-sm text-ink-soft">{t("orgImport.note")}</p>
        <Link to="/orgs" className="inline-block font-semibold">
          ← {t("orgImport.back")}
        </Link>
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
