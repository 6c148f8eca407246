import { delta, maturityIndex, rankGaps, toGapRow, type GapRow, type MaturityIndex } from "~/domain/gaps";
import { peerBenchmark, type CategoryBenchmark } from "~/domain/peer-benchmark";
import { getPreviousLocked, latestLockedOf, listLocked, type Assessment } from "~/models/assessment.server";
import { listBenchmarkPeers, type Organization } from "~/models/organization.server";
import { getConsensus } from "~/models/consensus.server";
import type { Lang } from "~/utils/i18n";
import { getCapabilityModel, getLocalizedModel } from "~/utils/content.server";
import { getConsensusDrafts, type ConsensusDraft } from "./consensus-view.server";

export type CapabilityGap = GapRow & { categoryKey: string; capabilityKey: string; source: ConsensusDraft["source"] };

/** One row per capability, in model order: the consensus or, before it, the rounded vote medians. */
export async function getCapabilityGaps(assessmentId: string): Promise<CapabilityGap[]> {
  const drafts = await getConsensusDrafts(assessmentId, { voteDetail: false });
  return getCapabilityModel().categories.flatMap((category) =>
    category.capabilities.map((capability) => {
      const draft = drafts[capability.key]!;
      return {
        categoryKey: category.key,
        capabilityKey: capability.key,
        source: draft.source,
        ...toGapRow({ current: draft.current, ideal: draft.ideal, importance: draft.importance }),
      };
    }),
  );
}

/** A locked assessment's record is its consensus (completed from the medians at lock). */
async function lockedLevels(assessmentId: string): Promise<Map<string, { current: number; ideal: number }>> {
  return new Map([...(await getConsensus(assessmentId))].map(([key, row]) => [key, { current: row.current, ideal: row.ideal }]));
}

function categoryKeys(): string[] {
  return getCapabilityModel().categories.map((c) => c.key);
}

function indexOf(levels: Map<string, { current: number; ideal: number }>): MaturityIndex {
  const rows = getCapabilityModel().categories.flatMap((c) =>
    c.capabilities.map((cap) => ({ categoryKey: c.key, current: levels.get(cap.key)?.current ?? null, ideal: levels.get(cap.key)?.ideal ?? null })),
  );
  return maturityIndex(rows, categoryKeys());
}

export type GapAnalysisRow = CapabilityGap & {
  categoryName: string;
  name: string;
  previous: { current: number; ideal: number } | null;
  deltaCurrent: number | null;
  /** What the next level up looks like for this capability, when there is a gap to close. */
  nextLevel: string | null;
};

export type GapAnalysis = {
  rows: GapAnalysisRow[];
  ranked: GapAnalysisRow[];
  categories: { key: string; name: string; current: number | null; ideal: number | null; previousCurrent: number | null; deltaCurrent: number | null }[];
  overall: { current: number | null; ideal: number | null; previousCurrent: number | null; deltaCurrent: number | null };
  previous: { id: string; name: string; lockedAt: number } | null;
};

/** Everything the gap page shows, in the user's language. */
export async function getGapAnalysis(assessment: Assessment, lang: Lang): Promise<GapAnalysis> {
  const model = getLocalizedModel(lang);
  const previousAssessment = await getPreviousLocked(assessment);
  const previous = previousAssessment ? await lockedLevels(previousAssessment.id) : null;
  const names = new Map(model.categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, { category: c.name, cap }] as const)));
  const rows = (await getCapabilityGaps(assessment.id)).map((row): GapAnalysisRow => {
    const { category, cap } = names.get(row.capabilityKey)!;
    const before = previous?.get(row.capabilityKey) ?? null;
    return {
      ...row,
      categoryName: category,
      name: cap.name,
      previous: before,
      deltaCurrent: delta(row.current, before?.current),
      nextLevel: row.gap && row.current !== null ? (cap.levels[row.current] ?? null) : null,
    };
  });
  const index = maturityIndex(rows, categoryKeys());
  const previousIndex = previous ? indexOf(previous) : null;
  return {
    rows,
    ranked: rankGaps(rows),
    categories: index.categories.map((c, i) => {
      const before = previousIndex?.categories[i]?.current ?? null;
      return { key: c.key, name: model.categories[i]!.name, current: c.current, ideal: c.ideal, previousCurrent: before, deltaCurrent: delta(c.current, before) };
    }),
    overall: {
      ...index.overall,
      previousCurrent: previousIndex?.overall.current ?? null,
      deltaCurrent: delta(index.overall.current, previousIndex?.overall.current),
    },
    previous: previousAssessment ? { id: previousAssessment.id, name: previousAssessment.name, lockedAt: previousAssessment.lockedAt!.getTime() } : null,
  };
}

export type MaturityPoint = { id: string; name: string; lockedAt: number; overall: number | null; categories: Record<string, number | null> };

/** The organization's maturity over time: one point per locked assessment. */
export async function getMaturityHistory(organizationId: string): Promise<MaturityPoint[]> {
  const locked = await listLocked(organizationId);
  const levels = await Promise.all(locked.map((assessment) => lockedLevels(assessment.id)));
  return locked.map((assessment, i) => {
    const index = indexOf(levels[i]!);
    return {
      id: assessment.id,
      name: assessment.name,
      lockedAt: assessment.lockedAt!.getTime(),
      overall: index.overall.current,
      categories: Object.fromEntries(index.categories.map((c) => [c.key, c.current])),
    };
  });
}

export type PeerBenchmarkView = { included: false } | { included: true; categories: (CategoryBenchmark & { name: string })[] | null };

/**
 * This assessment's category indices beside the quartiles of the latest locked assessments of the
 * other organizations that share a consultant with this one and have not opted out. An organization
 * that opted out neither contributes nor sees the comparison. `categories` is null below five peers.
 */
export async function getPeerBenchmark(organization: Pick<Organization, "id" | "peerBenchmark">, analysis: Pick<GapAnalysis, "categories">): Promise<PeerBenchmarkView> {
  if (!organization.peerBenchmark) return { included: false };
  const latest = await latestLockedOf(await listBenchmarkPeers(organization.id));
  const levels = await Promise.all(latest.map((assessment) => lockedLevels(assessment.id)));
  const peers = levels.map((l) => Object.fromEntries(indexOf(l).categories.map((c) => [c.key, c.current])));
  const result = peerBenchmark(analysis.categories, peers);
  const names = new Map(analysis.categories.map((c) => [c.key, c.name]));
  return { included: true, categories: result ? result.map((c) => ({ ...c, name: names.get(c.key) ?? c.key })) : null };
}
