import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { MetricChart } from "~/components/charts/lazy";
import { DataTable } from "~/components/data-table";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { MetricMarkerList } from "~/components/metric-markers";
import { MetricStatusBadge, StatusBasis } from "~/components/metric-status";
import { MetricValueForm, NpsCountsForm } from "~/components/metric-value-form";
import { fromIsoDate, isIsoDate } from "~/domain/dates";
import { listValues, requireMetric } from "~/models/metric.server";
import { today, viewMetric, metricBounds } from "~/services/metrics.server";
import { getMetricMarkers } from "~/services/roadmap.server";
import { detectLang, type MessageKey } from "~/utils/i18n";
import { messagesFor } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data ? `${data.metric.name} · Madura` : errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const metric = await requireMetric(organization.id, params.metricId);
  const day = today();
  return {
    i18n: messagesFor(request, ["metrics"]),
    metric: viewMetric(metric, await listValues(metric.id), detectLang(request), day),
    canEdit: can(role, "manage-initiatives"),
    today: day,
    bounds: metricBounds(metric),
    markers: await getMetricMarkers(organization.id, metric.key),
  };
}

export const action = orgRouteWithoutPosts;

const DIRECTION: Record<"higher" | "lower", MessageKey> = { higher: "metric.direction.higher", lower: "metric.direction.lower" };
const CADENCE: Record<"monthly" | "quarterly", MessageKey> = { monthly: "metric.cadence.monthly", quarterly: "metric.cadence.quarterly" };

export default function MetricDetail() {
  const { metric: m, canEdit, today: day, bounds, markers } = useLoaderData<typeof loader>();
  const { orgId } = useParams();
  const [search] = useSearchParams();
  const { t, number, measure, date, lang } = useI18n();
  const saved = search.get("saved");
  const fmt = (value: number) => measure(value, m.unit, { maximumFractionDigits: 2 });
  const longDate = (iso: string) => date(fromIsoDate(iso), { dateStyle: "medium" });
  const facts: [MessageKey, string][] = [
    ["metric.field.baseline", fmt(m.baseline)],
    ["metric.field.target", fmt(m.target)],
    ["metric.field.targetDate", longDate(m.targetDate)],
    ["metric.field.direction", t(DIRECTION[m.direction])],
    ["metric.field.cadence", t(CADENCE[m.cadence])],
    ...(m.owner ? [["metric.field.owner", m.owner] as [MessageKey, string]] : []),
  ];
  const action = `/orgs/${orgId}/metrics/${m.id}/values`;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div>
        <Link to={`/orgs/${orgId}/metrics`} className="no-print text-sm font-semibold">
          ← {t("metrics.title")}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{m.name}</h1>
          <MetricStatusBadge status={m.status} />
        </div>
        <p className="mt-1">
          <StatusBasis basis={m.basis} judged={m.judged} targetDate={m.targetDate} unit={m.unit} />
        </p>
      </div>
      {saved && isIsoDate(saved) ? <FormMessage tone="success">{t("metric.values.saved", { date: longDate(saved) })}</FormMessage> : null}
      <dl className="card grid grid-cols-2 gap-4 p-4 sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-ink-soft">{t(label)}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <section className="card p-4 sm:p-6" aria-labelledby="chart-title">
        <h2 id="chart-title" className="text-xl font-bold">
          {t("metric.chart.title")}
        </h2>
        <div className="mt-4">
          <MetricChart
            values={m.values}
            baseline={m.baseline}
            target={m.target}
            targetDate={m.targetDate}
            lang={lang}
            labels={{
              values: t("metric.chart.values"),
              target: t("metric.field.target"),
              baseline: t("metric.field.baseline"),
              targetDate: t("metric.field.targetDate"),
              start: t("metric.chart.start"),
              finish: t("metric.chart.finish"),
              review: t("metric.chart.review"),
            }}
            markers={markers}
          />
        </div>
        <MetricMarkerList orgId={orgId!} markers={markers} custom={m.key === null} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card overflow-x-auto" tabIndex={0} aria-labelledby="values-title">
          <h2 id="values-title" className="px-4 pt-4 text-xl font-bold">
            {t("metric.values.title")}
          </h2>
          {m.values.length === 0 ? (
            <p className="p-4 text-ink-soft">{t(canEdit ? "metric.values.emptyEdit" : "metric.values.none")}</p>
          ) : (
            <DataTable
              id="metric-values"
              rows={[...m.values].reverse()}
              rowKey={(v) => v.date}
              rowProps={(v) => ({ "data-date": v.date, "data-value": v.value })}
              columns={[
                { key: "date", header: t("metric.field.date"), cell: (v) => longDate(v.date), rowHeader: true },
                { key: "value", header: m.unit ? t("metric.field.valueIn", { unit: m.unit }) : t("metric.field.value"), cell: (v) => number(v.value, { maximumFractionDigits: 2 }), align: "end", className: "tabular-nums" },
              ]}
            />
          )}
        </section>
        {canEdit ? (
          <section className="card space-y-6 p-4 sm:p-6" aria-labelledby="add-title">
            <h2 id="add-title" className="text-xl font-bold">
              {t("metric.values.add")}
            </h2>
            <p className="text-sm text-ink-soft">{t("metric.values.addHint")}</p>
            <MetricValueForm key={`value-${saved ?? ""}`} action={action} today={day} unit={m.unit} bounds={bounds} />
            {m.key === "nps" ? (
              <div className="border-t border-line pt-6">
                <h3 className="font-bold">{t("metric.nps.title")}</h3>
                <p className="mb-3 text-sm text-ink-soft">{t("metric.nps.hint")}</p>
                <NpsCountsForm key={`nps-${saved ?? ""}`} action={action} today={day} />
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
      {m.catalog ? (
        <section className="card space-y-3 p-4 sm:p-6" aria-labelledby="about-title">
          <h2 id="about-title" className="text-xl font-bold">
            {t("metric.about.title")}
          </h2>
          <p>{m.catalog.definition}</p>
          <p className="text-ink-soft">
            <span className="font-semibold text-ink">{t("metric.about.computation")} </span>
            {m.catalog.computation}
          </p>
          {m.catalog.references.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t("metric.about.references")}</h3>
              <p className="text-sm text-ink-soft">{t("metric.about.referencesHint")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {m.catalog.references.map((r) => (
                  <li key={`${r.source}-${r.year}-${r.label}`}>
                    {r.label} <span className="text-sm text-ink-soft">({r.source}, {r.year})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
