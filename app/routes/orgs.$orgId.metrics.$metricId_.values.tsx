import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage, useMessage } from "~/components/forms";
import { MetricValueForm, NpsCountsForm } from "~/components/metric-value-form";
import { Page } from "~/components/page";
import { npsFromCounts } from "~/domain/metric-status";
import { metricValueSchema, NpsCountsSchema } from "~/domain/metric.schema";
import { requireMetric, saveValue } from "~/models/metric.server";
import { metricBounds, today, viewMetric } from "~/services/metrics.server";
import { formValues, parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

/**
 * POST /orgs/:orgId/metrics/:metricId/values: a dated value (or, for NPS, its three counts) added or
 * replacing that date's, then back to the metric. The page itself only shows when a post without
 * JavaScript was refused: the form again, with the messages at its fields.
 */

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const metric = await requireMetric(organization.id, params.metricId);
  const lang = detectLang(request);
  const view = viewMetric(metric, [], lang, today());
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(lang, "metric.values.add")} · ${view.name}`,
    metric: { id: metric.id, name: view.name, unit: view.unit, isNps: metric.key === "nps", bounds: metricBounds(metric) },
    today: today(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const metric = await requireMetric(organization.id, params.metricId);
  const formData = await readFormData(request);
  const counts = formData.get("intent") === "nps-counts";
  if (counts && metric.key !== "nps") {
    return data({ counts, errors: { form: "metric.error.npsOnly" } as Record<string, string>, values: formValues(formData) }, { status: 400 });
  }
  const form = counts ? parseForm(NpsCountsSchema, formData) : parseForm(metricValueSchema(metricBounds(metric)), formData);
  if (!form.ok) return data({ counts, errors: form.errors, values: form.values }, { status: 400 });
  const value = "value" in form.data ? form.data.value : npsFromCounts(form.data)!;
  await saveValue(metric.id, form.data.date, value);
  return redirect(`/orgs/${organization.id}/metrics/${metric.id}?saved=${form.data.date}`, 303);
}

export default function MetricValues() {
  const { metric, today: day } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const message = useMessage();
  const { orgId } = useParams();
  const path = `/orgs/${orgId}/metrics/${metric.id}`;
  return (
    <Page title={t("metric.values.add")} lead={metric.name} width="max-w-3xl">
      <div className="card space-y-4 p-6">
        {result?.errors.form ? <FormMessage tone="error">{message(result.errors.form)}</FormMessage> : null}
        {result?.counts && metric.isNps ? (
          <NpsCountsForm action={`${path}/values`} today={day} errors={result.errors} values={result.values} />
        ) : (
          <MetricValueForm action={`${path}/values`} today={day} unit={metric.unit} bounds={metric.bounds} errors={result?.errors} values={result?.values} />
        )}
        <Link to={path} className="inline-block font-semibold">
          ← {metric.name}
        </Link>
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
