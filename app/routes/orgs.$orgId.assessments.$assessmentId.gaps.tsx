import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { GapCharts } from "~/components/charts/lazy";
import { GapSummary } from "~/components/gap-summary";
import { GapTable } from "~/components/gap-table";
import { RankedGaps } from "~/components/ranked-gaps";
import { requireAssessment } from "~/models/assessment.server";
import { getGapAnalysis, getPeerBenchmark } from "~/services/gap-analysis.server";
import { PeerBenchmark } from "~/components/peer-benchmark";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { GapInitiatives } from "~/components/gap-initiatives";
import { listInitiatives } from "~/models/initiative.server";
import { GapFeedback } from "~/components/gap-feedback";
import { getFeedbackBesideGaps } from "~/services/feedback.server";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const lang = detectLang(request);
  const analysis = await getGapAnalysis(assessment, lang);
  const [initiatives, feedback, peers] = await Promise.all([
    listInitiatives(organization.id),
    getFeedbackBesideGaps(
      organization.id,
      analysis.rows.map((r) => ({ capabilityKey: r.capabilityKey, name: r.name, gap: r.gap })),
    ),
    getPeerBenchmark(organization, analysis),
  ]);
  return {
    i18n: messagesFor(request, ["gaps", "initiatives", "metrics"]),
    feedback,
    peers,
    canGenerate: can(role, "manage-initiatives"),
    byCapability: analysis.rows.map((row) => ({
      capabilityKey: row.capabilityKey,
      name: row.name,
      gap: row.gap,
      initiatives: initiatives.filter((i) => i.capabilities.includes(row.capabilityKey)).map((i) => ({ id: i.id, title: i.title, status: i.status })),
    })),
    title: `${translate(lang, "gaps.title")} · ${assessment.name}`,
    assessment: { id: assessment.id, name: assessment.name, status: assessment.status },
    analysis,
  };
}

export const action = orgRouteWithoutPosts;

export default function GapsPage() {
  const { assessment, analysis, byCapability, canGenerate, feedback, peers } = useLoaderData<typeof loader>();
  const { orgId } = useParams();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const filter = searchParams.get("category");
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-6">
      <div>
        <Link to={`/orgs/${orgId}/assessments/${assessment.id}`} className="no-print text-sm font-semibold">
          ← {assessment.name}
        </Link>
        <h1 className="mt-1 text-3xl font-bold">{t("gaps.title")}</h1>
        <p className="mt-1 text-ink-soft">{t(assessment.status === "locked" ? "gaps.leadLocked" : "gaps.leadOpen")}</p>
      </div>
      <GapSummary analysis={analysis} />
      <GapCharts
        labels={{
          current: t("term.current"),
          ideal: t("term.target"),
          gap: t("gaps.col.gap"),
          byCategory: t("gaps.chart.byCategory"),
          byCapability: t("gaps.chart.byCapability"),
          gaps: t("gaps.chart.gaps"),
          chooseCategory: t("gaps.chart.chooseCategory"),
        }}
        categories={analysis.categories}
        rows={analysis.rows}
      />
      <PeerBenchmark benchmark={peers} />
      <RankedGaps ranked={analysis.ranked} categories={analysis.categories} filter={filter} />
      <GapTable rows={analysis.rows} hasPrevious={analysis.previous !== null} />
      <GapFeedback feedback={feedback} orgId={orgId!} />
      <GapInitiatives rows={byCapability} orgId={orgId!} assessmentId={assessment.id} canGenerate={canGenerate} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
