import { and, asc, desc, eq, gte, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import type { IsoDate } from "~/domain/dates";
import type { InitiativeStatus, ReviewInput } from "~/domain/initiative.schema";
import { canReview, statusAfterReview } from "~/domain/initiative-status";
import { nextReviewDate } from "~/domain/review-schedule";
import type { ChangeRecord } from "./initiative.server";
import { randomId } from "~/utils/tokens.server";

export type Review = Tables["initiativeReviews"]["$inferSelect"] & { createdByName: string | null };

/** An initiative's reviews, latest date first. Call it for an initiative already found in the organization. */
export async function listReviews(initiativeId: string): Promise<Review[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ review: t.initiativeReviews, createdByName: t.users.name })
    .from(t.initiativeReviews)
    .leftJoin(t.users, eq(t.users.id, t.initiativeReviews.createdBy))
    .where(eq(t.initiativeReviews.initiativeId, initiativeId))
    .orderBy(desc(t.initiativeReviews.date), desc(t.initiativeReviews.createdAt));
  return rows.map((row) => ({ ...row.review, createdByName: row.createdByName }));
}

export type ReviewOutcome =
  | { outcome: "saved"; status: InitiativeStatus; nextReview: IsoDate | null }
  | { outcome: "not-found" }
  | { outcome: "closed" };

/**
 * Records a review, in one transaction on the initiative read for update: the review row, the
 * status its decision implies (stop → stopped, complete → done) and the history row. The next
 * review is not stored: it is six months after the latest review's date (domain/review-schedule),
 * so once this commits every page already shows the new date. A done or stopped initiative, or a
 * proposal without a start, has no schedule and takes no review (`closed`).
 */
export async function saveReview(organizationId: string, initiativeId: string, input: ReviewInput, userId: string, now = new Date()): Promise<ReviewOutcome> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [initiative] = await tx
      .select({ status: t.initiatives.status, start: t.initiatives.start })
      .from(t.initiatives)
      .where(and(eq(t.initiatives.id, initiativeId), eq(t.initiatives.organizationId, organizationId), isNull(t.initiatives.dismissedAt)))
      .for("update");
    if (!initiative) return { outcome: "not-found" } as const;
    // A proposal (no start yet) has no schedule to review against, like a closed initiative.
    if (!canReview(initiative.status) || initiative.start === null) return { outcome: "closed" } as const;
    await tx.insert(t.initiativeReviews).values({ id: randomId(), initiativeId, createdBy: userId, createdAt: now, ...input });
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
