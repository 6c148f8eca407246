import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { MetricChart } from "~/components/charts/lazy";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { MetricStatusBadge, StatusBasis } from "~/components/metric-status";
import { EmptyState, Page } from "~/components/page";
import { fromIsoDate } from "~/domain/dates";
import { METRIC_KINDS, type MetricKind } from "~/domain/metric.schema";
import { FcrWhatIfPanel } from "~/components/fcr-what-if";
import { asksWhatIf, decimalText, fcrWhatIf, FcrWhatIfSchema } from "~/domain/fcr-what-if";
import { listMetricViews, type MetricView } from "~/services/metrics.server";
import { getFcrWhatIfSource } from "~/utils/content.server";
import { parseValues } from "~/utils/forms";
import { detectLang, type MessageKey } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const lang = detectLang(request);
  const metrics = await listMetricViews(organization.id, lang);
  const whatIf = readWhatIf(new URL(request.url).searchParams, metrics, lang);
  return data(
    {
      i18n: messagesFor(request, ["metrics"]),
      title: `${translate(lang, "metrics.title")} · ${organization.name}`,
      canEdit: can(role, "manage-initiatives"),
      metrics: metrics.map(({ catalog: _catalog, ...m }) => m),
      whatIf,
    },
    // A what-if asked with a bad number answers 400, the message at its field, like a refused post.
    { status: whatIf.errors ? 400 : 200 },
  );
}

/**
 * The FCR what-if's form and answer: as asked in the query string, or prefilled with the
 * organization's latest FCR, CSAT and cost per call and the sourced default ratios.
 */
function readWhatIf(search: URLSearchParams, metrics: MetricView[], lang: ReturnType<typeof detectLang>) {
  const source = getFcrWhatIfSource(lang);
  const latest = (key: string) => metrics.find((m) => m.key === key)?.values.at(-1)?.value ?? null;
  const costUnit = metrics.find((m) => m.key === "cost-per-call")?.unit ?? "";
  if (!asksWhatIf(search)) {
    const text = (value: number | null) => decimalText(value, lang);
    const values = { points: "5", fcr: text(latest("fcr")), csat: text(latest("csat")), cost: text(latest("cost-per-call")), csat_ratio: text(source.csatPerPoint), cost_ratio: text(source.costPerPoint) };
    return { values, errors: null, result: null, source, costUnit };
  }
  const asked = { points: "", fcr: "", csat: "", cost: "", csat_ratio: "", cost_ratio: "", ...Object.fromEntries([...search].filter(([name]) => ["points", "fcr", "csat", "cost", "csat_ratio", "cost_ratio"].includes(name))) };
  const form = parseValues(FcrWhatIfSchema, asked);
  if (!form.ok) return { values: asked, errors: form.errors, result: null, source, costUnit };
  return { values: asked, errors: null, result: { ...fcrWhatIf(form.data), fcr: form.data.fcr, csat: form.data.csat, cost: form.data.cost }, source, costUnit };
}

export const action = orgRouteWithoutPosts;

const KIND_TITLES: Record<MetricKind, MessageKey> = { business: "metrics.kind.business", operational: "metrics.kind.operational" };

export default function MetricsOverview() {
  const { metrics, canEdit, whatIf } = useLoaderData<typeof loader>();
  const { t, measure, date, lang } = useI18n();
  const { orgId } = useParams();
  const [search] = useSearchParams();
  const imported = Number(search.get("imported"));
  const chartLabels = { values: t("metric.chart.values"), target: t("metric.field.target"), baseline: t("metric.field.baseline"), targetDate: t("metric.field.targetDate") };
  const actions = (
    <>
      {canEdit ? (
        <>
          <Link to="new" className="btn btn-primary">
            {t("metrics.add")}
          </Link>
          <Link to="import" className="btn btn-secondary">
            {t("metrics.import")}
          </Link>
        </>
      ) : null}
      {metrics.length > 0 ? (
        <a href={`/orgs/${orgId}/metrics.csv?excel=1`} className="btn btn-secondary" download>
          {t("metrics.download")}
        </a>
      ) : null}
    </>
  );
  return (
    <Page title={t("metrics.title")} lead={t("metrics.lead")} actions={actions} width="max-w-6xl">
      {imported > 0 ? (
        <div className="mb-6">
          <FormMessage tone="success">{t("metrics.imported", { count: imported })}</FormMessage>
        </div>
      ) : null}
      {metrics.length === 0 ? (
        <EmptyState
          title={t("metrics.empty.title")}
          text={t(canEdit ? "metrics.empty.text" : "metrics.empty.viewer")}
          action={
            canEdit ? (
              <Link to="new" className="btn btn-primary">
                {t("metrics.add")}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <div className="space-y-10">
          {METRIC_KINDS.map((kind) => {
            const own = metrics.filter((m) => m.kind === kind);
            if (own.length === 0) return null;
            return (
              <section key={kind} aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`} className="text-xl font-bold">
                  {t(KIND_TITLES[kind])}
                </h2>
                <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {own.map((m) => {
                    const latest = m.values.at(-1);
                    return (
                      <li key={m.id} className="card flex flex-col gap-2 p-4" data-metric={m.key ?? m.name}>
                        <div className="flex items-start justify-between gap-2">
                          <h3 className="font-semibold">
                            <Link to={m.id}>{m.name}</Link>
                          </h3>
                          <MetricStatusBadge status={m.status} />
                        </div>
                        <p className="text-sm">
                          {latest ? (
                            <>
                              {/* A percentage keeps its sign with the number ("76.7%", "76,7 %"); another unit follows in small type. */}
                              <span className="text-2xl font-bold tabular-nums">{measure(latest.value, m.unit === "%" ? "%" : "", { maximumFractionDigits: 1 })}</span>
                              {m.unit === "%" ? null : `\u00a0${m.unit}`}
                              <span className="text-ink-soft"> · {date(fromIsoDate(latest.date), { dateStyle: "medium" })}</span>
                            </>
                          ) : (
                            <span className="text-ink-soft">{t("metric.values.none")}</span>
                          )}
                        </p>
                        <p className="text-sm text-ink-soft">
                          {t("metric.targetBy", { target: measure(m.target, m.unit, { maximumFractionDigits: 2 }), date: date(fromIsoDate(m.targetDate), { dateStyle: "medium" }) })}
                        </p>
                        <MetricChart values={m.values} baseline={m.baseline} target={m.target} targetDate={m.targetDate} lang={lang} labels={chartLabels} compact />
                        <StatusBasis basis={m.basis} judged={m.judged} targetDate={m.targetDate} unit={m.unit} />
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      <div className="mt-10">
        <FcrWhatIfPanel {...whatIf} />
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
