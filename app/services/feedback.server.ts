import { fromIsoDate } from "~/domain/dates";
import { summarizeFeedback, whereToStart, type SentimentCounts } from "~/domain/feedback-focus";
import { FEEDBACK_CHANNEL_LABELS, type FeedbackChannel } from "~/domain/metric.schema";
import { countFeedbackByCapability } from "~/models/feedback.server";
import { addFeedbackDraft } from "~/models/initiative.server";
import type { Organization } from "~/models/organization.server";
import { getLocalizedModel } from "~/utils/content.server";
import { formatDate, type Lang } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";

/**
 * Customer feedback as the gap analysis shows it, and "turn into an initiative" (issue 13, SPEC
 * §7: negative comments suggest corrective initiatives, positive ones practices to repeat at scale).
 */

export type CapabilityFeedbackRow = SentimentCounts & { capabilityKey: string; name: string; gap: number | null; channels: { channel: FeedbackChannel; positive: number; negative: number }[]; start: boolean };
export type FeedbackBesideGaps = {
  rows: CapabilityFeedbackRow[];
  byChannel: { channel: FeedbackChannel; positive: number; negative: number }[];
  unassigned: SentimentCounts;
  total: number;
};

/** Counts by capability (model order, only those with comments) and by channel, each capability with its gap and whether to start there. */
export async function getFeedbackBesideGaps(organizationId: string, gaps: readonly { capabilityKey: string; name: string; gap: number | null }[]): Promise<FeedbackBesideGaps> {
  const counts = await countFeedbackByCapability(organizationId);
  const summary = summarizeFeedback(counts);
  const withFeedback = gaps.flatMap((g) => {
    const entry = summary.byCapability.get(g.capabilityKey);
    return entry ? [{ ...g, entry }] : [];
  });
  const start = new Set(whereToStart(withFeedback.map((r) => ({ capabilityKey: r.capabilityKey, gap: r.gap, negative: r.entry.negative }))));
  return {
    rows: withFeedback.map(({ entry, ...g }) => ({
      ...g,
      positive: entry.positive,
      negative: entry.negative,
      channels: Object.entries(entry.channels)
        .map(([channel, c]) => ({ channel: channel as FeedbackChannel, ...c }))
        .sort((a, b) => b.negative + b.positive - (a.negative + a.positive)),
      start: start.has(g.capabilityKey),
    })),
    byChannel: Object.entries(summary.byChannel)
      .map(([channel, c]) => ({ channel: channel as FeedbackChannel, ...c }))
      .filter((c) => c.positive + c.negative > 0),
    unassigned: summary.unassigned,
    total: counts.reduce((sum, c) => sum + c.count, 0),
  };
}

/** How much of a comment a drafted description quotes. */
const QUOTE_LENGTH = 300;


/**
 * Drafts an initiative (a proposal in the plan, to accept, edit or dismiss) from one of the
 * organization's comments, in the organization's language as generated proposals are: a negative
 * comment a corrective one, a positive one a "repeat it at scale" one. The same comment again gives
 * back its initiative. Null when the comment is not the organization's.
 */
export function turnFeedbackIntoInitiative(organization: Pick<Organization, "id" | "defaultLang">, feedbackId: string, userId: string) {
  const lang: Lang = organization.defaultLang;
  const capabilities = new Map(getLocalizedModel(lang).categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, cap.name] as const)));
  return addFeedbackDraft(
    organization.id,
    feedbackId,
    (comment) => {
      const channel = translate(lang, FEEDBACK_CHANNEL_LABELS[comment.channel as FeedbackChannel] ?? "feedback.channel.other");
      const capability = comment.capability ? capabilities.get(comment.capability) : undefined;
      const topic = capability ?? translate(lang, "feedback.draft.channelTopic", { channel: channel.toLocaleLowerCase(lang) });
      const text = comment.text.length > QUOTE_LENGTH ? `${comment.text.slice(0, QUOTE_LENGTH).trimEnd()}…` : comment.text;
      const params = { topic, channel, date: formatDate(lang, fromIsoDate(comment.date)), text };
      const negative = comment.sentiment === "negative";
      return {
        title: translate(lang, negative ? "feedback.draft.corrective.title" : "feedback.draft.scale.title", params),
        description: translate(lang, negative ? "feedback.draft.corrective.text" : "feedback.draft.scale.text", params),
        capabilityKey: capability ? comment.capability : null,
        priority: 2,
        effort: "M",
        staffing: "none",
        metrics: ["csat"],
      };
    },
    userId,
  );
}
