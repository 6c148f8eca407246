/**
 * An organization as a whole, out of the database and into it: the export's rows (no ids, users,
 * secrets) and the import into a new organization in one transaction. The shape is
 * app/domain/organization-export.schema.ts; app/services/portability.server.ts adds the envelope
 * checks and the messages.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tx } from "../../db/database.server";
import { EXPORT_FORMAT, EXPORT_VERSION, type OrganizationExport, type OrganizationExportInput } from "~/domain/organization-export.schema";
import type { MetricKey } from "~/domain/metric-keys";
import { newResultId } from "./quiz-result.server";
import { hashToken, randomId, randomToken } from "~/utils/tokens.server";

/**
 * The tables an export carries (everything an organization owns), and those it leaves out on
 * purpose, with why. tests/integration/export-coverage.test.ts fails when db/schema.ts gains a
 * table that belongs to an organization (directly or through its parents) and is in neither list.
 */
export const EXPORTED_TABLES = [
  "organizations",
  "quiz_results",
  "assessments",
  "participants",
  "ratings",
  "consensus",
  "initiatives",
  "initiative_reviews",
  "initiative_review_metrics",
  "initiative_changes",
  "initiative_feedback",
  "metrics",
  "metric_values",
  "feedback",
] as const;

export const NOT_EXPORTED_TABLES: Record<string, string> = {
  memberships: "users belong to an install: the importer becomes the only consultant",
  invites: "secret links to join, for people of this install",
  calendar_feeds: "secret calendar URLs",
  calendar_events: "the sequences calendars were served with (delivery state)",
  email_recipients: "addresses and their opt-out tokens (delivery state, secrets)",
  outbox: "emails queued or sent (delivery state)",
};

/** Rows are ordered by time, then by their content, so an export does not depend on the ids an install gave them. */
function ordered<T>(rows: T[], time: (row: T) => string, content: (row: T) => unknown = (row) => row): T[] {
  const keyed = rows.map((row) => ({ row, time: time(row), content: JSON.stringify(content(row)) }));
  keyed.sort((a, b) => a.time.localeCompare(b.time) || a.content.localeCompare(b.content));
  return keyed.map((k) => k.row);
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const keys = (value: string) => (value ? value.split(";") : []);
const byKey = <T extends { capability: string }>(rows: T[]) => rows.sort((a, b) => a.capability.localeCompare(b.capability));

export async function readOrganizationExport(organizationId: string, now = new Date()): Promise<OrganizationExportInput | null> {
  const { orm, t } = getDb();
  const [org] = await orm.select().from(t.organizations).where(eq(t.organizations.id, organizationId));
  if (!org) return null;
  const [quiz, assessments, participants, ratings, consensus, initiatives, reviews, reviewValues, changes, sources, metrics, values, feedback] = await Promise.all([
    orm.select().from(t.quizResults).where(eq(t.quizResults.organizationId, organizationId)),
    orm.select().from(t.assessments).where(eq(t.assessments.organizationId, organizationId)).orderBy(asc(t.assessments.createdAt), asc(t.assessments.id)),
    orm
      .select({ participant: t.participants })
      .from(t.participants)
      .innerJoin(t.assessments, eq(t.assessments.id, t.participants.assessmentId))
      .where(eq(t.assessments.organizationId, organizationId)),
    orm
      .select({ rating: t.ratings })
      .from(t.ratings)
      .innerJoin(t.participants, eq(t.participants.id, t.ratings.participantId))
      .innerJoin(t.assessments, eq(t.assessments.id, t.participants.assessmentId))
      .where(eq(t.assessments.organizationId, organizationId)),
    orm
      .select({ consensus: t.consensus })
      .from(t.consensus)
      .innerJoin(t.assessments, eq(t.assessments.id, t.consensus.assessmentId))
      .where(eq(t.assessments.organizationId, organizationId)),
    orm.select().from(t.initiatives).where(eq(t.initiatives.organizationId, organizationId)),
    orm
      .select({ review: t.initiativeReviews })
      .from(t.initiativeReviews)
      .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeReviews.initiativeId))
      .where(eq(t.initiatives.organizationId, organizationId)),
    orm
      .select({ value: t.initiativeReviewMetrics })
      .from(t.initiativeReviewMetrics)
      .innerJoin(t.initiativeReviews, eq(t.initiativeReviews.id, t.initiativeReviewMetrics.reviewId))
      .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeReviews.initiativeId))
      .where(eq(t.initiatives.organizationId, organizationId)),
    orm
      .select({ change: t.initiativeChanges })
      .from(t.initiativeChanges)
      .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeChanges.initiativeId))
      .where(eq(t.initiatives.organizationId, organizationId)),
    orm
      .select({ source: t.initiativeFeedback })
      .from(t.initiativeFeedback)
      .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeFeedback.initiativeId))
      .where(eq(t.initiatives.organizationId, organizationId)),
    orm.select().from(t.metrics).where(eq(t.metrics.organizationId, organizationId)),
    orm
      .select({ value: t.metricValues })
      .from(t.metricValues)
      .innerJoin(t.metrics, eq(t.metrics.id, t.metricValues.metricId))
      .where(eq(t.metrics.organizationId, organizationId)),
    orm.select().from(t.feedback).where(eq(t.feedback.organizationId, organizationId)),
  ]);

  const assessmentIndex = new Map<string, number>();
  const assessmentRows = ordered(
    assessments.map((a) => ({
      id: a.id,
      out: {
        name: a.name,
        mode: a.mode,
        status: a.status,
        resultsVisible: a.resultsVisible,
        model: { id: a.modelId, version: a.modelVersion },
        createdAt: iso(a.createdAt),
        lockedAt: isoOrNull(a.lockedAt),
        participants: ordered(
          participants
            .filter((p) => p.participant.assessmentId === a.id)
            .map(({ participant }) => ({
              name: participant.displayName,
              joinedAt: iso(participant.createdAt),
              ratings: byKey(
                ratings
                  .filter((r) => r.rating.participantId === participant.id)
                  .map(({ rating }) => ({
                    capability: rating.capabilityKey,
                    current: rating.current,
                    ideal: rating.ideal,
                    comment: rating.comment,
                    updatedAt: iso(rating.updatedAt),
                  })),
              ),
            })),
          (p) => p.joinedAt,
        ),
        consensus: byKey(
          consensus
            .filter((c) => c.consensus.assessmentId === a.id)
            .map(({ consensus: c }) => ({
              capability: c.capabilityKey,
              current: c.current,
              ideal: c.ideal,
              importance: c.importance,
              rationale: c.rationale,
              updatedAt: iso(c.updatedAt),
            })),
        ),
      },
    })),
    (a) => a.out.createdAt,
    (a) => a.out,
  );
  assessmentRows.forEach((a, i) => assessmentIndex.set(a.id, i));

  const metricRows = ordered(
    metrics.map((m) => ({
      id: m.id,
      out: {
        key: m.key as MetricKey | null,
        name: m.name,
        kind: m.kind,
        unit: m.unit,
        direction: m.direction,
        baseline: m.baseline,
        target: m.target,
        targetDate: m.targetDate,
        cadence: m.cadence,
        owner: m.owner,
        currency: m.currency,
        createdAt: iso(m.createdAt),
        values: values
          .filter((v) => v.value.metricId === m.id)
          .map(({ value: v }) => ({ date: v.date, value: v.value }))
          .sort((a, b) => a.date.localeCompare(b.date)),
      },
    })),
    (m) => m.out.createdAt,
    (m) => m.out,
  );
  const metricIndex = new Map(metricRows.map((m, i) => [m.id, i]));
  const feedbackRows = ordered(
    feedback.map((f) => ({ id: f.id, out: { date: f.date, sentiment: f.sentiment, channel: f.channel, capability: f.capability, text: f.text, createdAt: iso(f.createdAt) } })),
    (f) => `${f.out.createdAt} ${f.out.date}`,
    (f) => f.out,
  );
  const feedbackIndex = new Map(feedbackRows.map((f, i) => [f.id, i]));
  /** Positions of the rows `ids` name, in order (a link to a row of another organization cannot exist: both sides are this one's). */
  const positionsOf = (index: Map<string, number>, ids: string[]) => ids.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])).sort((a, b) => a - b);

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    organization: { name: org.name, industry: org.industry, defaultLang: org.defaultLang, createdAt: iso(org.createdAt), peerBenchmark: org.peerBenchmark },
    quizResults: ordered(
      quiz.map((q) => ({ answers: { q1: q.q1, q2: q.q2, q3: q.q3, q4: q.q4 }, score: q.score, band: q.band, lang: q.lang, createdAt: iso(q.createdAt) })),
      (q) => q.createdAt,
    ),
    assessments: assessmentRows.map((a) => a.out),
    initiatives: ordered(
      initiatives.map((i) => ({
        assessment: i.assessmentId ? assessmentIndex.get(i.assessmentId) ?? null : null,
        libraryKey: i.libraryKey,
        title: i.title,
        description: i.description,
        capabilities: keys(i.capabilities),
        owner: { name: i.ownerName, email: i.ownerEmail },
        start: i.start,
        target: i.target,
        status: i.status,
        priority: i.priority as 1 | 2 | 3,
        effort: i.effort,
        staffing: i.staffing,
        metrics: keys(i.metrics) as MetricKey[],
        dismissedAt: isoOrNull(i.dismissedAt),
        createdAt: iso(i.createdAt),
        updatedAt: iso(i.updatedAt),
        reviews: ordered(
          reviews
            .filter((r) => r.review.initiativeId === i.id)
            .map(({ review: r }) => ({
              date: r.date,
              stillValid: r.stillValid,
              prioritiesChanged: r.prioritiesChanged,
              environmentChanged: r.environmentChanged,
              preferencesChanged: r.preferencesChanged,
              decision: r.decision,
              notes: r.notes,
              createdAt: iso(r.createdAt),
              metrics: reviewValues
                .filter((v) => v.value.reviewId === r.id && metricIndex.has(v.value.metricId))
                .map(({ value: v }) => ({ metric: metricIndex.get(v.metricId)!, date: v.date, value: v.value }))
                .sort((a, b) => a.metric - b.metric),
            })),
          (r) => `${r.date} ${r.createdAt}`,
        ),
        history: ordered(
          changes
            .filter((c) => c.change.initiativeId === i.id)
            .map(({ change: c }) => ({ at: iso(c.at), changes: JSON.parse(c.changes) as Record<string, unknown> })),
          (c) => c.at,
        ),
        feedback: positionsOf(
          feedbackIndex,
          sources.filter((s) => s.source.initiativeId === i.id).map((s) => s.source.feedbackId),
        ),
      })),
      (i) => i.createdAt,
    ),
    metrics: metricRows.map((m) => m.out),
    feedback: feedbackRows.map((f) => f.out),
  };
}

/** Enough rows per statement to be quick, few enough parameters for either engine. */
const CHUNK = 400;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/**
 * A new organization holding everything in `data`, with `userId` as its consultant, in one
 * transaction: a constraint that refuses any row leaves nothing stored. Open workshops get no join
 * code (the facilitator opens the room again), participants' private links are not carried over.
 */
export async function insertOrganizationImport(data: OrganizationExport, userId: string): Promise<string | "duplicate"> {
  const { t, transaction, isUniqueViolation } = getDb();
  const organizationId = randomId();
  const date = (value: string) => new Date(value);
  try {
    await transaction(async (tx: Tx) => {
      await tx.insert(t.organizations).values({
        id: organizationId,
        name: data.organization.name,
        industry: data.organization.industry,
        defaultLang: data.organization.defaultLang,
        quizInviteToken: randomToken(18),
        createdAt: date(data.organization.createdAt),
        peerBenchmark: data.organization.peerBenchmark,
      });
      await tx.insert(t.memberships).values({ organizationId, userId, role: "consultant" });
      await insertAll(
        data.quizResults.map((q) => ({
          id: newResultId(),
          ...q.answers,
          score: q.score,
          band: q.band,
          lang: q.lang,
          organizationId,
          createdAt: date(q.createdAt),
        })),
        (chunk) => tx.insert(t.quizResults).values(chunk),
      );

      const assessmentIds = data.assessments.map(() => randomId());
      const participants: (typeof t.participants.$inferInsert)[] = [];
      const ratings: (typeof t.ratings.$inferInsert)[] = [];
      const consensus: (typeof t.consensus.$inferInsert)[] = [];
      for (const [index, a] of data.assessments.entries()) {
        const assessmentId = assessmentIds[index]!;
        await tx.insert(t.assessments).values({
          id: assessmentId,
          organizationId,
          name: a.name,
          mode: a.mode,
          status: a.status,
          joinCode: null,
          resultsVisible: a.resultsVisible,
          modelId: a.model.id,
          modelVersion: a.model.version,
          createdBy: userId,
          createdAt: date(a.createdAt),
          lockedAt: a.lockedAt ? date(a.lockedAt) : null,
        });
        for (const p of a.participants) {
          const participantId = randomId();
          participants.push({ id: participantId, assessmentId, tokenHash: hashToken(randomToken()), displayName: p.name, createdAt: date(p.joinedAt) });
          for (const r of p.ratings)
            ratings.push({ participantId, capabilityKey: r.capability, current: r.current, ideal: r.ideal, comment: r.comment, updatedAt: date(r.updatedAt) });
        }
        for (const c of a.consensus) {
          consensus.push({
            assessmentId,
            capabilityKey: c.capability,
            current: c.current,
            ideal: c.ideal,
            importance: c.importance,
            rationale: c.rationale,
            updatedAt: date(c.updatedAt),
          });
        }
      }
      await insertAll(participants, (chunk) => tx.insert(t.participants).values(chunk));
      await insertAll(ratings, (chunk) => tx.insert(t.ratings).values(chunk));
      await insertAll(consensus, (chunk) => tx.insert(t.consensus).values(chunk));

      // Metrics and comments get their ids first: reviews' values and initiatives' sources name them.
      const metricIds = data.metrics.map(() => randomId());
      const feedbackIds = data.feedback.map(() => randomId());
      const reviews: (typeof t.initiativeReviews.$inferInsert)[] = [];
      const reviewValues: (typeof t.initiativeReviewMetrics.$inferInsert)[] = [];
      const changes: (typeof t.initiativeChanges.$inferInsert)[] = [];
      const sources: (typeof t.initiativeFeedback.$inferInsert)[] = [];
      const initiatives = data.initiatives.map((i) => {
        const id = randomId();
        for (const { metrics: recorded, ...r } of i.reviews) {
          const reviewId = randomId();
          reviews.push({ id: reviewId, initiativeId: id, ...r, createdBy: null, createdAt: date(r.createdAt) });
          for (const v of recorded) reviewValues.push({ reviewId, metricId: metricIds[v.metric]!, date: v.date, value: v.value });
        }
        for (const c of i.history) changes.push({ id: randomId(), initiativeId: id, userId: null, at: date(c.at), changes: JSON.stringify(c.changes) });
        for (const f of i.feedback) sources.push({ initiativeId: id, feedbackId: feedbackIds[f]! });
        return {
          id,
          organizationId,
          assessmentId: i.assessment === null ? null : assessmentIds[i.assessment]!,
          libraryKey: i.libraryKey,
          title: i.title,
          description: i.description,
          capabilities: i.capabilities.join(";"),
          ownerName: i.owner.name,
          ownerEmail: i.owner.email,
          start: i.start,
          target: i.target,
          status: i.status,
          priority: i.priority,
          effort: i.effort,
          staffing: i.staffing,
          metrics: i.metrics.join(";"),
          dismissedAt: i.dismissedAt ? date(i.dismissedAt) : null,
          createdAt: date(i.createdAt),
          updatedAt: date(i.updatedAt),
        };
      });
      await insertAll(initiatives, (chunk) => tx.insert(t.initiatives).values(chunk));
      await insertAll(reviews, (chunk) => tx.insert(t.initiativeReviews).values(chunk));
      await insertAll(changes, (chunk) => tx.insert(t.initiativeChanges).values(chunk));

      const values: (typeof t.metricValues.$inferInsert)[] = [];
      const metrics = data.metrics.map((m, index) => {
        const id = metricIds[index]!;
        for (const v of m.values) values.push({ metricId: id, date: v.date, value: v.value });
        const { values: _values, createdAt, ...rest } = m;
        return { id, organizationId, ...rest, createdAt: date(createdAt) };
      });
      await insertAll(metrics, (chunk) => tx.insert(t.metrics).values(chunk));
      await insertAll(values, (chunk) => tx.insert(t.metricValues).values(chunk));
      await insertAll(
        data.feedback.map((f, index) => ({ id: feedbackIds[index]!, organizationId, ...f, createdAt: date(f.createdAt) })),
        (chunk) => tx.insert(t.feedback).values(chunk),
      );
      await insertAll(reviewValues, (chunk) => tx.insert(t.initiativeReviewMetrics).values(chunk));
      await insertAll(sources, (chunk) => tx.insert(t.initiativeFeedback).values(chunk));
    });
  } catch (error) {
    // Two rows the schema let through that the database refuses (a capability agreed twice, two
    // values of one metric on one day): the transaction rolled back, nothing is stored.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  return organizationId;
}
