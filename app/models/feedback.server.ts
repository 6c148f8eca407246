import { and, count, desc, eq, type SQL } from "drizzle-orm";
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
