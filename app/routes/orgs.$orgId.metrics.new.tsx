import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField, TextField } from "~/components/forms";
import { Page } from "~/components/page";
import { METRIC_CADENCES, METRIC_DIRECTIONS, METRIC_KINDS, MetricOwnerSchema, NewMetricSchema } from "~/domain/metric.schema";
import { listMetricsWithValues } from "~/models/metric.server";
import { addMetric } from "~/services/metrics.server";
import { getLocalizedMetrics } from "~/utils/content.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang, type MessageKey } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const lang = detectLang(request);
  const tracked = new Set((await listMetricsWithValues(organization.id)).map((m) => m.key));
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(lang, "metric.new.title")} · ${organization.name}`,
    catalog: getLocalizedMetrics(lang)
      .filter((m) => !tracked.has(m.key))
      .map((m) => ({ key: m.key, name: m.name, unit: m.unit, kind: m.kind })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const formData = await readFormData(request);
  const form = parseForm(NewMetricSchema, formData);
  const owner = parseForm(MetricOwnerSchema, formData);
  if (!form.ok || !owner.ok) {
    const errors = { ...(form.ok ? {} : form.errors), ...(owner.ok ? {} : owner.errors) };
    return data({ errors, values: form.ok ? (owner.ok ? {} : owner.values) : form.values }, { status: 400 });
  }
  const created = await addMetric(organization.id, { ...form.data, owner: owner.data.owner });
  if (!created.ok) return data({ errors: { [created.field]: created.message }, values: Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string")) }, { status: 400 });
  return redirect(`/orgs/${organization.id}/metrics/${created.metric.id}`, 303);
}

const KIND: Record<(typeof METRIC_KINDS)[number], MessageKey> = { business: "metrics.kind.business", operational: "metrics.kind.operational" };
const DIRECTION: Record<(typeof METRIC_DIRECTIONS)[number], MessageKey> = { higher: "metric.direction.higher", lower: "metric.direction.lower" };
const CADENCE: Record<(typeof METRIC_CADENCES)[number], MessageKey> = { monthly: "metric.cadence.monthly", quarterly: "metric.cadence.quarterly" };

export default function NewMetric() {
  const { catalog } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const form = useValidatedForm(NewMetricSchema, result?.errors);
  const values: Record<string, string | undefined> = result?.values ?? {};
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const select = (name: string, label: string, options: readonly { value: string; label: string }[], fallback: string) => {
    const { error, ...field } = form.field(name);
    return (
      <SelectField {...field} label={label} error={error ?? errors[name]} defaultValue={values[name] ?? fallback}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    );
  };
  return (
    <Page title={t("metric.new.title")} lead={t("metric.new.lead")} width="max-w-3xl">
      <Form method="post" className="card space-y-6 p-6" {...form.formProps}>
        {select(
          "key",
          t("metric.field.key"),
          [...catalog.map((m) => ({ value: m.key, label: `${m.name} (${m.unit}) · ${t(KIND[m.kind])}` })), { value: "", label: t("metric.field.keyCustom") }],
          catalog[0]?.key ?? "",
        )}
        <TextField
          {...form.field("currency")}
          label={`${t("metric.field.currency")} (${t("form.optional")})`}
          hint={t("metric.field.currencyHint")}
          maxLength={12}
          defaultValue={values.currency}
        />
        <fieldset className="space-y-4 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">{t("metric.custom.legend")}</legend>
          <p className="text-sm text-ink-soft">{t("metric.custom.hint")}</p>
          <TextField {...form.field("name")} label={t("metric.field.name")} maxLength={80} defaultValue={values.name} />
          <div className="grid gap-4 sm:grid-cols-3">
            {select("kind", t("metric.field.kind"), METRIC_KINDS.map((k) => ({ value: k, label: t(KIND[k]) })), "operational")}
            <TextField {...form.field("unit")} label={t("metric.field.unit")} hint={t("metric.field.unitHint")} maxLength={30} defaultValue={values.unit} />
            {select("direction", t("metric.field.direction"), METRIC_DIRECTIONS.map((d) => ({ value: d, label: t(DIRECTION[d]) })), "higher")}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...form.field("baseline")} label={t("metric.field.baseline")} hint={t("metric.field.baselineHint")} inputMode="decimal" required defaultValue={values.baseline} />
          <TextField {...form.field("target")} label={t("metric.field.target")} hint={t("metric.field.targetHint")} inputMode="decimal" required defaultValue={values.target} />
          <TextField {...form.field("target_date")} type="date" label={t("metric.field.targetDate")} required defaultValue={values.target_date} />
          {select("cadence", t("metric.field.cadence"), METRIC_CADENCES.map((c) => ({ value: c, label: t(CADENCE[c]) })), "monthly")}
        </div>
        <TextField
          name="owner"
          label={`${t("metric.field.owner")} (${t("form.optional")})`}
          hint={t("metric.field.ownerHint")}
          maxLength={80}
          defaultValue={values.owner}
          error={errors.owner}
        />
        <button type="submit" className="btn btn-primary">
          {t("metric.new.submit")}
        </button>
      </Form>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
