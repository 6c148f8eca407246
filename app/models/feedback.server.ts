import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import type { FeedbackChannel, FeedbackInput, FeedbackSentiment } from "~/domain/metric.schema";
import { randomId } from "~/utils/tokens.server";

export type Feedback = Tables["feedback"]["$inferSelect"];
export type FeedbackFilters = { sentiment?: FeedbackSentiment; channel?: FeedbackChannel; capability?: string };

/** Enough rows per statement to be quick, few enough parameters for either engine (6 a row). */
const CHUNK = 500;

/** Stores every comment or none (one transaction): a form's one, or an import's all. */
export async function createFeedback(organizationId: string, entries: readonly FeedbackInput[]): Promise<void> {
  const { t, transaction } = getDb();
  const rows = entries.map((e) => ({ id: randomId(), organizationId, date: e.date, sentiment: e.sentiment, channel: e.channel, capability: e.capability, text: e.text }));
  await transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += CHUNK) await tx.insert(t.feedback).values(rows.slice(start, start + CHUNK));
  });
}

function filtered(organizationId: string, filters: FeedbackFilters): SQL | undefined {
  const { t } = getDb();
  return and(
    eq(t.feedback.organizationId, organizationId),
    filters.sentiment ? eq(t.feedback.sentiment, filters.sentiment) : undefined,
    filters.channel ? eq(t.feedback.channel, filters.channel) : undefined,
    filters.capability ? eq(t.feedback.capability, filters.capability) : undefined,
  );
}

/** The organization's comments that pass the filters, newest first; `limit` caps a page's list. */
export async function listFeedback(organizationId: string, filters: FeedbackFilters = {}, limit?: number): Promise<Feedback[]> {
  const { orm, t } = getDb();
  const query = orm
    .select()
    .from(t.feedback)
    .where(filtered(organizationId, filters))
    .orderBy(desc(t.feedback.date), desc(t.feedback.createdAt), desc(t.feedback.id));
  return limit === undefined ? query : query.limit(limit);
}

/** Positive and negative comments among those that pass the filters. */
export async function countFeedbackBySentiment(organizationId: string, filters: FeedbackFilters = {}): Promise<Record<FeedbackSentiment, number>> {
  const { orm, t } = getDb();
  const rows = await orm.select({ sentiment: t.feedback.sentiment, n: count() }).from(t.feedback).where(filtered(organizationId, filters)).groupBy(t.feedback.sentiment);
  const counts = { positive: 0, negative: 0 };
  for (const row of rows) counts[row.sentiment] = Number(row.n);
  return counts;
}

export type FeedbackCount = { capability: string | null; channel: FeedbackChannel; sentiment: FeedbackSentiment; count: number };

/** How many comments the organization has per capability, channel and sentiment (one grouped statement). */
export async function countFeedbackByCapability(organizationId: string): Promise<FeedbackCount[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ capability: t.feedback.capability, channel: t.feedback.channel, sentiment: t.feedback.sentiment, n: count() })
    .from(t.feedback)
    .where(eq(t.feedback.organizationId, organizationId))
    .groupBy(t.feedback.capability, t.feedback.channel, t.feedback.sentiment);
  return rows.map((row) => ({ capability: row.capability, channel: row.channel, sentiment: row.sentiment, count: Number(row.n) }));
}

/** The initiative each of these comments was turned into (dismissed drafts left out), by comment id. */
export async function initiativesFromFeedback(feedbackIds: readonly string[]): Promise<Map<string, { id: string; title: string }>> {
  if (feedbackIds.length === 0) return new Map();
  const { orm, t } = getDb();
  const rows = await orm
    .select({ feedbackId: t.initiativeFeedback.feedbackId, id: t.initiatives.id, title: t.initiatives.title })
    .from(t.initiativeFeedback)
    .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeFeedback.initiativeId))
    .where(and(inArray(t.initiativeFeedback.feedbackId, [...feedbackIds]), isNull(t.initiatives.dismissedAt)));
  return new Map(rows.map((row) => [row.feedbackId, { id: row.id, title: row.title }]));
}
