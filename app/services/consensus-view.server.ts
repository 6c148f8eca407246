import { roundHalfUp, type VoteSummary } from "~/domain/workshop";
import type { ConsensusInput } from "~/domain/assessment.schema";
import { getConsensus } from "~/models/consensus.server";
import { summarizeAssessmentVotes } from "~/models/rating.server";
import { getCapabilityKeys } from "~/utils/content.server";

export type ConsensusDraft = {
  current: number | null;
  ideal: number | null;
  importance: number;
  rationale: string;
  /** Where the values come from: agreed by the facilitator, or proposed from the vote medians. */
  source: "consensus" | "median" | "none";
  votes?: VoteSummary;
};

/** Per capability, the agreed values or, until then, the medians rounded half up. */
/**
 * `voteDetail: false` (the gap page) reads the votes only when some capability still lacks a
 * consensus: after a lock none does, and summarizing 200 people's votes was most of that page's time.
 */
export async function getConsensusDrafts(assessmentId: string, { voteDetail = true } = {}): Promise<Record<string, ConsensusDraft>> {
  const agreed = await getConsensus(assessmentId);
  const keys = getCapabilityKeys();
  const needVotes = voteDetail || keys.some((key) => !agreed.has(key));
  const votes = needVotes ? await summarizeAssessmentVotes(assessmentId) : new Map<string, VoteSummary>();
  const drafts: Record<string, ConsensusDraft> = {};
  for (const key of keys) {
    const row = agreed.get(key);
    const summary = votes.get(key);
    if (row) {
      drafts[key] = { current: row.current, ideal: row.ideal, importance: row.importance, rationale: row.rationale, source: "consensus", votes: summary };
    } else {
      const current = summary?.medianCurrent != null ? roundHalfUp(summary.medianCurrent) : null;
      const ideal = summary?.medianIdeal != null ? roundHalfUp(summary.medianIdeal) : null;
      drafts[key] = { current, ideal, importance: 2, rationale: "", source: current !== null && ideal !== null ? "median" : "none", votes: summary };
    }
  }
  return drafts;
}

/** At lock, capabilities the facilitator did not set adopt their medians, so the record is complete. */
export async function withMedianDefaults(assessmentId: string, entries: ConsensusInput[]): Promise<ConsensusInput[]> {
  const posted = new Set(entries.map((e) => e.capabilityKey));
  const fill: ConsensusInput[] = [];
  for (const [key, draft] of Object.entries(await getConsensusDrafts(assessmentId))) {
    if (posted.has(key) || draft.source !== "median" || draft.current === null || draft.ideal === null) continue;
    fill.push({ capabilityKey: key, current: draft.current, ideal: draft.ideal, importance: draft.importance, rationale: "" });
  }
  return [...entries, ...fill];
}
