import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { EmptyState } from "~/components/page";
import { RoadmapChart } from "~/components/roadmap-chart";
import { RoadmapFilterForm, RoadmapLegend, RoadmapList } from "~/components/roadmap-parts";
import { today } from "~/domain/review-schedule";
import { buildRoadmap } from "~/domain/roadmap";
import { categoryOptions, getRoadmap, parseRoadmapFilters, type RoadmapData } from "~/services/roadmap.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { noJavaScript } from "~/utils/route-handle";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

// Plain HTML: the timeline is drawn on the server, the filters are a GET form. No React in the
// browser means no loader data in the page either, which keeps a 300-initiative roadmap light.
export const handle = noJavaScript;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const lang = detectLang(request);
  const search = new URL(request.url).searchParams;
  const filters = parseRoadmapFilters(
    search,
    categoryOptions(lang).map((c) => c.key),
  );
  return {
    i18n: messagesFor(lang, ["roadmap", "initiatives", "metrics"]),
    title: `${translate(lang, "roadmap.title")} · ${organization.name}`,
    orgId: organization.id,
    projector: search.get("view") === "projector",
    filters,
    // One string: Remix encodes loader data even for a page without JavaScript, and turbo-stream
    // flattening thousands of values cost more than rendering them (README, Decisions).
    roadmap: JSON.stringify(await getRoadmap(organization.id, lang, today(), filters)),
  };
}

export const action = orgRouteWithoutPosts;

// A4 landscape for this page only: @page cannot be scoped by a class in app.css.
const PRINT_PAGE = "@media print { @page { size: A4 landscape; margin: 10mm; } }";

export default function RoadmapPage() {
  const data = useLoaderData<typeof loader>();
  const { orgId, projector, filters } = data;
  const roadmap = useMemo(() => {
    const view = JSON.parse(data.roadmap) as RoadmapData;
    return { ...view, ...buildRoadmap(view.input) };
  }, [data.roadmap]);
  const { t } = useI18n();
  const categoryNames = Object.fromEntries(roadmap.options.categories.map((c) => [c.key, c.name]));
  const shown = roadmap.groups.reduce((sum, g) => sum + g.bars.length, 0);
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const projectorLink = `?${new URLSearchParams([...query, ...(projector ? [] : [["view", "projector"]])])}`;
  return (
    <div className={`mx-auto space-y-6 px-4 py-8 ${projector ? "roadmap-projector max-w-none" : "max-w-6xl"}`}>
      <style>{PRINT_PAGE}</style>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("roadmap.title")}</h1>
          {projector ? null : <p className="mt-2 max-w-3xl text-lg text-ink-soft">{t("roadmap.lead")}</p>}
        </div>
        <a href={projectorLink} className="no-print btn btn-secondary">
          {t(projector ? "roadmap.exitProjector" : "roadmap.projector")}
        </a>
      </div>
      {roadmap.total === 0 ? (
        <EmptyState
          title={t("roadmap.empty.title")}
          text={t("roadmap.empty.text")}
          action={
            <a href={`/orgs/${orgId}/initiatives`} className="btn btn-primary">
              {t("roadmap.empty.action")}
            </a>
          }
        />
      ) : (
        <RoadmapFilterForm filters={filters} options={roadmap.options} projector={projector} />
      )}
      <section className="card space-y-3 p-3 sm:p-4" aria-labelledby="timeline-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2 px-1">
          <h2 id="timeline-title" className="text-xl font-bold">
            {t("roadmap.shown", { count: shown })}
          </h2>
          <p className="text-sm text-ink-soft md:hidden">{t("roadmap.scrollHint")}</p>
        </div>
        {roadmap.total > 0 && shown === 0 ? <p className="px-1 text-ink-soft">{t("roadmap.noMatch")}</p> : null}
        <RoadmapChart
          orgId={orgId}
          window={roadmap.window}
          now={roadmap.today}
          reassessment={roadmap.reassessment}
          groups={roadmap.groups}
          categoryNames={categoryNames}
          metrics={roadmap.metrics}
        />
        {roadmap.metrics.length === 0 ? <p className="px-1 text-sm text-ink-soft">{t("roadmap.metrics.empty")}</p> : null}
        <RoadmapLegend />
      </section>
      <RoadmapList items={roadmap.items} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
