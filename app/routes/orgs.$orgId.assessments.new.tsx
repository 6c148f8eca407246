import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FieldError, TextField, useMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { NewAssessmentSchema } from "~/domain/assessment.schema";
import { createAssessment } from "~/models/assessment.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "run-assessments");
  return { title: `${translate(detectLang(request), "assessment.new.title")} · ${organization.name}`, i18n: messagesFor(request, ["workshop"]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "run-assessments");
  const form = parseForm(NewAssessmentSchema, await readFormData(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const assessment = await createAssessment({ organizationId: organization.id, name: form.data.name, mode: form.data.mode, createdBy: user.id });
  return redirect(`/orgs/${organization.id}/assessments/${assessment.id}`, 303);
}

const MODES = ["workshop", "solo"] as const;

export default function NewAssessment() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const message = useMessage();
  const form = useValidatedForm(NewAssessmentSchema, result?.errors);
  const mode = result?.values.mode ?? "workshop";
  const { error: modeError, ...modeField } = form.field("mode");
  return (
    <Page title={t("assessment.new.title")} lead={t("assessment.new.lead")} width="max-w-2xl">
      <Form method="post" className="card space-y-6 p-6" {...form.formProps}>
        <TextField
          {...form.field("name")}
          label={t("assessment.field.name")}
          hint={t("assessment.field.nameHint")}
          required
          maxLength={120}
          defaultValue={result?.values.name}
        />
        <fieldset aria-describedby={modeError ? "mode-error" : undefined}>
          <legend className="font-semibold">{t("assessment.field.mode")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {MODES.map((value) => (
              <label
                key={value}
                className="flex cursor-pointer gap-3 rounded-lg border border-line p-4 has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft"
              >
                <input {...modeField} type="radio" value={value} defaultChecked={mode === value} className="mt-1 size-5 shrink-0 accent-primary" />
                <span>
                  <span className="block font-semibold">{t(`assessment.mode.${value}`)}</span>
                  <span className="block text-sm text-ink-soft">{t(`assessment.mode.${value}.text`)}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="mode-error" message={message(modeError)} />
        </fieldset>
        <button type="submit" className="btn btn-primary">
          {t("assessment.new.submit")}
        </button>
      </Form>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
