import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { CHANNEL_LABELS, SENTIMENT_LABELS } from "~/components/feedback";
import { FieldError, SelectField, TextField, useMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { toIsoDate } from "~/domain/dates";
import { FEEDBACK_CHANNELS, FEEDBACK_SENTIMENTS, feedbackSchema } from "~/domain/metric.schema";
import { createFeedback } from "~/models/feedback.server";
import { getCapabilityKeys, getLocalizedModel } from "~/utils/content.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(lang, "feedback.new.title")} · ${organization.name}`,
    today: toIsoDate(new Date()),
    categories: getLocalizedModel(lang).categories.map((c) => ({ key: c.key, name: c.name, capabilities: c.capabilities.map((cap) => ({ key: cap.key, name: cap.name })) })),
    capabilityKeys: getCapabilityKeys(),
  };
}

/** POST /orgs/:orgId/feedback/new: `date`, `sentiment`, `channel`, optional `capability`, `text` → 303 to the log. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const form = parseForm(feedbackSchema(getCapabilityKeys()), await readFormData(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  await createFeedback(organization.id, [form.data]);
  return redirect(`/orgs/${organization.id}/feedback?added=1`, 303);
}

export default function NewFeedback() {
  const { today, categories, capabilityKeys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t } = useI18n();
  const message = useMessage();
  const form = useValidatedForm(feedbackSchema(capabilityKeys), result?.errors);
  const values: Record<string, string | undefined> = result?.values ?? {};
  const select = (name: string, label: string, children: React.ReactNode, fallback: string) => (
    <SelectField {...form.field(name)} label={label} defaultValue={values[name] ?? fallback}>
      {children}
    </SelectField>
  );
  const { error: textError, ...text } = form.field("text");
  const textMessage = message(textError);
  const { error: sentimentError, ...sentiment } = form.field("sentiment");
  return (
    <Page title={t("feedback.new.title")} lead={t("feedback.new.lead")} width="max-w-3xl">
      <Form method="post" className="card space-y-6 p-6" {...form.formProps}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...form.field("date")} type="date" label={t("feedback.field.date")} required defaultValue={values.date ?? today} />
          <fieldset aria-describedby={sentimentError ? "sentiment-error" : undefined}>
            <legend className="font-semibold">{t("feedback.field.sentiment")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {FEEDBACK_SENTIMENTS.map((s) => (
                <label key={s} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft">
                  <input {...sentiment} type="radio" value={s} defaultChecked={values.sentiment === s} className="size-5 shrink-0 accent-primary" />
                  {t(SENTIMENT_LABELS[s])}
                </label>
              ))}
            </div>
            <FieldError id="sentiment-error" message={message(sentimentError)} />
          </fieldset>
          {select(
            "channel",
            t("feedback.field.channel"),
            FEEDBACK_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(CHANNEL_LABELS[c])}
              </option>
            )),
            "phone",
          )}
          {select(
            "capability",
            `${t("feedback.field.capability")} (${t("form.optional")})`,
            <>
              <option value="">{t("feedback.field.capabilityNone")}</option>
              {categories.map((c) => (
                <optgroup key={c.key} label={c.name}>
                  {c.capabilities.map((cap) => (
                    <option key={cap.key} value={cap.key}>
                      {cap.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </>,
            "",
          )}
        </div>
        <div>
          <label htmlFor="text" className="block font-semibold">
            {t("feedback.field.text")}
          </label>
          <textarea
            {...text}
            id="text"
            rows={5}
            maxLength={4000}
            required
            defaultValue={values.text}
            aria-invalid={textMessage ? true : undefined}
            aria-describedby={textMessage ? "text-error" : undefined}
            className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 ${textMessage ? "border-2 border-danger" : "border-line"}`}
          />
          <FieldError id="text-error" message={textMessage} />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn btn-primary">
            {t("feedback.new.submit")}
          </button>
          <Link to={`/orgs/${orgId}/feedback`} className="font-semibold">
            {t("feedback.back")}
          </Link>
        </div>
      </Form>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
