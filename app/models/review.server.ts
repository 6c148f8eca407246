import { and, asc, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables, Tx } from "../../db/database.server";
import type { IsoDate } from "~/domain/dates";
import type { InitiativeStatus, ReviewInput } from "~/domain/initiative.schema";
import { canReview, statusAfterReview } from "~/domain/initiative-status";
import { nextReviewDate } from "~/domain/review-schedule";
import type { ChangeRecord } from "./initiative.server";
import { randomId } from "~/utils/tokens.server";

/** A linked metric's value as a review saw it: which metric (catalog key or custom name and unit), the value and its date. */
export type ReviewMetricValue = { metricId: string; key: string | null; name: string | null; unit: string | null; currency: string | null; date: string; value: number };
export type Review = Tables["initiativeReviews"]["$inferSelect"] & { createdByName: string | null; metrics: ReviewMetricValue[] };

/** An initiative's reviews, latest date first, each with the metric values it recorded. Call it for an initiative already found in the organization. */
export async function listReviews(initiativeId: string): Promise<Review[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ review: t.initiativeReviews, createdByName: t.users.name })
    .from(t.initiativeReviews)
    .leftJoin(t.users, eq(t.users.id, t.initiativeReviews.createdBy))
    .where(eq(t.initiativeReviews.initiativeId, initiativeId))
    .orderBy(desc(t.initiativeReviews.date), desc(t.initiativeReviews.createdAt));
  if (rows.length === 0) return [];
  const recorded = await orm
    .select({ reviewId: t.initiativeReviewMetrics.reviewId, metricId: t.metrics.id, key: t.metrics.key, name: t.metrics.name, unit: t.metrics.unit, currency: t.metrics.currency, date: t.initiativeReviewMetrics.date, value: t.initiativeReviewMetrics.value })
    .from(t.initiativeReviewMetrics)
    .innerJoin(t.metrics, eq(t.metrics.id, t.initiativeReviewMetrics.metricId))
    .where(
      inArray(
        t.initiativeReviewMetrics.reviewId,
        rows.map((row) => row.review.id),
      ),
    )
    .orderBy(t.metrics.createdAt, t.metrics.id);
  const byReview = new Map<string, ReviewMetricValue[]>();
  for (const { reviewId, ...value } of recorded) byReview.set(reviewId, [...(byReview.get(reviewId) ?? []), value]);
  return rows.map((row) => ({ ...row.review, createdByName: row.createdByName, metrics: byReview.get(row.review.id) ?? [] }));
}

/**
 * The latest value on or before `asOf` of each of the organization's metrics whose catalog key the
 * initiative lists (its expected metrics), in the order the metrics were added; a metric without
 * such a value is left out (a review dated in the past records what was known then).
 * Run inside saveReview's transaction, or alone for the review form.
 */
export async function latestLinkedValues(organizationId: string, metricKeys: readonly string[], asOf: string, db: Pick<Tx, "select"> = getDb().orm): Promise<ReviewMetricValue[]> {
  if (metricKeys.length === 0) return [];
  const { t } = getDb();
  const rows = await db
    .select({ metricId: t.metrics.id, key: t.metrics.key, name: t.metrics.name, unit: t.metrics.unit, currency: t.metrics.currency, date: t.metricValues.date, value: t.metricValues.value })
    .from(t.metrics)
    .innerJoin(t.metricValues, eq(t.metricValues.metricId, t.metrics.id))
    .where(and(eq(t.metrics.organizationId, organizationId), inArray(t.metrics.key, [...metricKeys]), lte(t.metricValues.date, asOf)))
    .orderBy(t.metrics.createdAt, t.metrics.id, desc(t.metricValues.date));
  const latest = new Map<string, ReviewMetricValue>();
  for (const row of rows) if (!latest.has(row.metricId)) latest.set(row.metricId, row);
  return [...latest.values()];
}

export type ReviewOutcome =
  | { outcome: "saved"; status: InitiativeStatus; nextReview: IsoDate | null }
  | { outcome: "not-found" }
  | { outcome: "closed" };

/**
 * Records a review, in one transaction on the initiative read for update: the review row, the
 * status its decision implies (stop → stopped, complete → done), the latest value of each linked
 * metric (read in the same transaction, so the review keeps what the numbers said when it was
 * saved) and the history row. The next
 * review is not stored: it is six months after the latest review's date (domain/review-schedule),
 * so once this commits every page already shows the new date. A done or stopped initiative, or a
 * proposal without a start, has no schedule and takes no review (`closed`).
 */
export async function saveReview(organizationId: string, initiativeId: string, input: ReviewInput, userId: string, now = new Date()): Promise<ReviewOutcome> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [initiative] = await tx
      .select({ status: t.initiatives.status, start: t.initiatives.start, metrics: t.initiatives.metrics })
      .from(t.initiatives)
      .where(and(eq(t.initiatives.id, initiativeId), eq(t.initiatives.organizationId, organizationId), isNull(t.initiatives.dismissedAt)))
      .for("update");
    if (!initiative) return { outcome: "not-found" } as const;
    // A proposal (no start yet) has no schedule to review against, like a closed initiative.
    if (!canReview(initiative.status) || initiative.start === null) return { outcome: "closed" } as const;
    const reviewId = randomId();
    await tx.insert(t.initiativeReviews).values({ id: reviewId, initiativeId, createdBy: userId, createdAt: now, ...input });
    const values = await latestLinkedValues(organizationId, initiative.metrics ? initiative.metrics.split(";") : [], input.date, tx);
    if (values.length > 0) await tx.insert(t.initiativeReviewMetrics).values(values.map((v) => ({ reviewId, metricId: v.metricId, date: v.date, value: v.value })));
    const status = statusAfterReview(initiative.status, input.decision);
    const change: ChangeRecord = { kind: "reviewed", decision: input.decision };
    if (status !== initiative.status) {
      await tx.update(t.initiatives).set({ status, updatedAt: now }).where(eq(t.initiatives.id, initiativeId));
      change.fields = { status: [initiative.status, status] };
    }
    await tx.insert(t.initiativeChanges).values({ id: randomId(), initiativeId, userId, at: now, changes: JSON.stringify(change) });
    const dates = await tx.select({ date: t.initiativeReviews.date }).from(t.initiativeReviews).where(eq(t.initiativeReviews.initiativeId, initiativeId));
    return { outcome: "saved", status, nextReview: nextReviewDate({ status, start: initiative.start, reviewDates: dates.map((d) => d.date) }) } as const;
  });
}

export type OrganizationReview = { initiativeTitle: string; date: IsoDate; decision: Review["decision"] };

/** The reviews of an organization's initiatives dated on or after `since`, oldest first. */
export async function listOrganizationReviews(organizationId: string, since: IsoDate): Promise<OrganizationReview[]> {
  const { orm, t } = getDb();
  return orm
    .select({ initiativeTitle: t.initiatives.title, date: t.initiativeReviews.date, decision: t.initiativeReviews.decision })
    .from(t.initiativeReviews)
    .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeReviews.initiativeId))
    .where(and(eq(t.initiatives.organizationId, organizationId), gte(t.initiativeReviews.date, since)))
    .orderBy(asc(t.initiativeReviews.date));
}
