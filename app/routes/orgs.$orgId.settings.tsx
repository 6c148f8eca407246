import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { FormMessage, TextField } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-fields";
import { CalendarFeedPanel, EmailRemindersPanel } from "~/components/reminder-settings";
import { OrganizationSchema } from "~/domain/account.schema";
import { organizationDeleteSchema, PeerBenchmarkSchema } from "~/domain/organization.schema";
import { deleteOrganization, setPeerBenchmark, updateOrganization } from "~/models/organization.server";
import { calendarFeedUrl } from "~/services/calendar-feed.server";
import { getEmailStatus } from "~/services/reminders.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { publicBaseUrl } from "~/utils/request.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-organization");
  const env = getEnv();
  return {
    title: `${translate(detectLang(request), "settings.title")} · ${organization.name}`,
    organizationId: organization.id,
    values: { name: organization.name, industry: organization.industry, defaultLang: organization.defaultLang },
    calendarUrl: await calendarFeedUrl({ organizationId: organization.id }, organization.defaultLang, publicBaseUrl(request)),
    email: await getEmailStatus(organization.id, Boolean(env.SMTP_URL), env.REMINDER_DAYS),
    peerBenchmark: organization.peerBenchmark,
  };
}

type Result = { intent: "update" | "delete" | "new-calendar-url" | "peer-benchmark"; errors: Record<string, string>; values?: Record<string, string>; saved?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-organization");
  const formData = await readFormData(request);
  if (formData.get("intent") === "new-calendar-url") {
    await calendarFeedUrl({ organizationId: organization.id }, organization.defaultLang, publicBaseUrl(request), true);
    return data<Result>({ intent: "new-calendar-url", errors: {}, saved: true });
  }
  if (formData.get("intent") === "delete") {
    const confirmed = parseForm(organizationDeleteSchema(organization.name), formData);
    if (!confirmed.ok) return data<Result>({ intent: "delete", errors: { confirm: "settings.delete.mismatch" } }, { status: 400 });
    await deleteOrganization(organization.id);
    return redirect("/orgs", 303);
  }
  if (formData.get("intent") === "peer-benchmark") {
    const choice = parseForm(PeerBenchmarkSchema, formData);
    if (!choice.ok) return data<Result>({ intent: "peer-benchmark", errors: choice.errors }, { status: 400 });
    await setPeerBenchmark(organization.id, choice.data.peer_benchmark === "in");
    return data<Result>({ intent: "peer-benchmark", errors: {}, saved: true });
  }
  const form = parseForm(OrganizationSchema, formData);
  if (!form.ok) return data<Result>({ intent: "update", errors: form.errors, values: form.values }, { status: 400 });
  await updateOrganization(organization.id, form.data);
  return data<Result>({ intent: "update", errors: {}, saved: true });
}

export default function Settings() {
  const { values, calendarUrl, email, organizationId, peerBenchmark } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const update = useValidatedForm(OrganizationSchema, result?.intent === "update" ? result.errors : null);
  const deleteSchema = useMemo(() => organizationDeleteSchema(values.name), [values.name]);
  const remove = useValidatedForm(deleteSchema, result?.intent === "delete" ? result.errors : null);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <section className="card p-6" aria-labelledby="settings-title">
        <h1 id="settings-title" className="text-xl font-bold">{t("settings.title")}</h1>
        <Form method="post" className="mt-4 space-y-5" {...update.formProps}>
          {result?.saved && result.intent === "update" ? <FormMessage tone="success">{t("form.saved")}</FormMessage> : null}
          <input type="hidden" name="intent" value="update" />
          <OrganizationFields values={result?.intent === "update" && result.values ? result.values : values} field={update.field} />
          <button type="submit" className="btn btn-primary">{t("form.save")}</button>
        </Form>
      </section>

      <CalendarFeedPanel url={calendarUrl} scope="organization" renewed={result?.intent === "new-calendar-url"} />
      <EmailRemindersPanel status={email} organizationId={organizationId} />
      <section className="card p-6" aria-labelledby="export-title">
        <h2 id="export-title" className="text-xl font-bold">{t("settings.export.title")}</h2>
        <p className="mt-2">{t("settings.export.text")}</p>
        <a href="export.json" className="btn btn-secondary mt-4" download>{t("settings.export.link")}</a>
      </section>

      <section className="card p-6" aria-labelledby="peers-title">
        <h2 id="peers-title" className="text-xl font-bold">{t("settings.peers.title")}</h2>
        <p className="mt-2">{t("settings.peers.text")}</p>
        <Form method="post" className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="peer-benchmark" />
          <fieldset aria-describedby={result?.intent === "peer-benchmark" && result.errors.peer_benchmark ? "peer_benchmark-error" : undefined}>
            <legend className="sr-only">{t("settings.peers.title")}</legend>
            {(["in", "out"] as const).map((choice) => (
              <label key={choice} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="peer_benchmark" value={choice} defaultChecked={(choice === "in") === peerBenchmark} className="size-5 shrink-0 accent-primary" />
                {t(choice === "in" ? "settings.peers.in" : "settings.peers.out")}
              </label>
            ))}
            {result?.intent === "peer-benchmark" && result.errors.peer_benchmark ? (
              <p id="peer_benchmark-error" className="text-sm font-semibold text-danger">{t("form.error.invalidChoice")}</p>
            ) : null}
          </fieldset>
          {result?.intent === "peer-benchmark" && result.saved ? <FormMessage tone="success">{t("form.saved")}</FormMessage> : null}
          <button type="submit" className="btn btn-secondary">{t("form.save")}</button>
        </Form>
      </section>

      <section className="card border-danger p-6" aria-labelledby="delete-title">
        <h2 id="delete-title" className="text-xl font-bold text-danger">{t("settings.delete.title")}</h2>
        <p className="mt-2">{t("settings.delete.text")}</p>
        <Form method="post" className="mt-4 space-y-4" {...remove.formProps}>
          <input type="hidden" name="intent" value="delete" />
          <TextField {...remove.field("confirm")} label={t("settings.delete.confirmLabel", { name: values.name })} autoComplete="off" />
          <button type="submit" className="btn bg-danger text-white hover:opacity-90">{t("settings.delete.submit")}</button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
