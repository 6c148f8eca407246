import { FEEDBACK_CHANNELS, type FeedbackChannel, type FeedbackSentiment } from "./metric.schema";

/**
 * Customer comments beside the gap analysis (issue 13, SPEC §7): counts by capability and by
 * channel, and where to start, a capability with many negative comments and a big gap.
 */

export type SentimentCounts = Record<FeedbackSentiment, number>;
export type FeedbackCountRow = { capability: string | null; channel: FeedbackChannel; sentiment: FeedbackSentiment; count: number };
export type FeedbackSummary = {
  /** Per capability key; comments without a capability are in `unassigned`. */
  byCapability: Map<string, SentimentCounts & { channels: Partial<Record<FeedbackChannel, SentimentCounts>> }>;
  byChannel: Record<FeedbackChannel, SentimentCounts>;
  unassigned: SentimentCounts;
};

const none = (): SentimentCounts => ({ positive: 0, negative: 0 });

export function summarizeFeedback(rows: readonly FeedbackCountRow[]): FeedbackSummary {
  const byChannel = Object.fromEntries(FEEDBACK_CHANNELS.map((c) => [c, none()])) as Record<FeedbackChannel, SentimentCounts>;
  const byCapability: FeedbackSummary["byCapability"] = new Map();
  const unassigned = none();
  for (const row of rows) {
    byChannel[row.channel][row.sentiment] += row.count;
    if (row.capability === null) {
      unassigned[row.sentiment] += row.count;
      continue;
    }
    const entry = byCapability.get(row.capability) ?? { ...none(), channels: {} };
    entry[row.sentiment] += row.count;
    const channel = (entry.channels[row.channel] ??= none());
    channel[row.sentiment] += row.count;
    byCapability.set(row.capability, entry);
  }
  return { byCapability, byChannel, unassigned };
}

/** Fewer negative comments than this about one capability are an anecdote, not a pattern. */
export const MIN_NEGATIVE_TO_START = 3;

/**
 * Where to start: among capabilities with a gap of at least 1 and at least MIN_NEGATIVE_TO_START
 * negative comments, those with the most negative comments × gap (ties all returned, model order
 * kept). Empty when no capability qualifies: the page then says nothing stands out.
 */
export function whereToStart(rows: readonly { capabilityKey: string; gap: number | null; negative: number }[]): string[] {
  const candidates = rows.filter((r) => r.gap !== null && r.gap >= 1 && r.negative >= MIN_NEGATIVE_TO_START);
  const best = Math.max(0, ...candidates.map((r) => r.negative * r.gap!));
  return candidates.filter((r) => r.negative * r.gap! === best).map((r) => r.capabilityKey);
}
