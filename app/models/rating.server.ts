import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { assessments, participants, ratings } from "../../db/schema";
import type { RatingInput } from "~/domain/assessment.schema";
import { summarizeVotes, type VoteSummary } from "~/domain/workshop";

export type SaveOutcome = "saved" | "locked";

/**
 * Saves a participant's votes in one IMMEDIATE transaction: the lock check and the upserts see the
 * same state, and the (participant, capability) key turns a repeated post into a replacement.
 */
export function saveRatings(participantId: string, assessmentId: string, input: RatingInput[], now = Date.now()): SaveOutcome {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const status = tx.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()?.status;
      if (status !== "open") return "locked";
      if (input.length === 0) return "saved";
      // One multi-row upsert instead of one statement per capability.
      tx.insert(ratings)
        .values(input.map((r) => ({ participantId, assessmentId, capabilityKey: r.capabilityKey, current: r.current, ideal: r.ideal, comment: r.comment, updatedAt: new Date(now) })))
        .onConflictDoUpdate({
          target: [ratings.participantId, ratings.capabilityKey],
          set: { current: sql`excluded.current`, ideal: sql`excluded.ideal`, comment: sql`excluded.comment`, updatedAt: sql`excluded.updated_at` },
        })
        .run();
      return "saved";
    },
    { behavior: "immediate" },
  );
}

export type StoredRating = { capabilityKey: string; current: number | null; ideal: number | null; comment: string };

export function getParticipantRatings(participantId: string): StoredRating[] {
  return getDb()
    .select({ capabilityKey: ratings.capabilityKey, current: ratings.current, ideal: ratings.ideal, comment: ratings.comment })
    .from(ratings)
    .where(eq(ratings.participantId, participantId))
    .all();
}

/** Vote statistics per capability key for the board, the consensus form and the gaps. */
export function summarizeAssessmentVotes(assessmentId: string): Map<string, VoteSummary> {
  const rows = getDb()
    .select({ capabilityKey: ratings.capabilityKey, current: ratings.current, ideal: ratings.ideal })
    .from(ratings)
    .where(eq(ratings.assessmentId, assessmentId))
    .all();
  const byCapability = new Map<string, { current: number | null; ideal: number | null }[]>();
  for (const row of rows) {
    const list = byCapability.get(row.capabilityKey) ?? [];
    list.push(row);
    byCapability.set(row.capabilityKey, list);
  }
  return new Map([...byCapability].map(([key, votes]) => [key, summarizeVotes(votes)]));
}

export type RatingExportRow = { participant: string; capabilityKey: string; current: number | null; ideal: number | null; comment: string };

export function listRatingsForExport(assessmentId: string): RatingExportRow[] {
  return getDb()
    .select({
      participant: participants.displayName,
      capabilityKey: ratings.capabilityKey,
      current: ratings.current,
      ideal: ratings.ideal,
      comment: ratings.comment,
    })
    .from(ratings)
    .innerJoin(participants, eq(participants.id, ratings.participantId))
    .where(eq(ratings.assessmentId, assessmentId))
    .orderBy(asc(participants.createdAt), asc(participants.id), asc(ratings.capabilityKey))
    .all();
}

/** Participants who voted on at least one capability. */
export function countVoters(assessmentId: string): number {
  return (
    getDb()
      .select({ n: sql<number>`count(distinct ${ratings.participantId})` })
      .from(ratings)
      .where(and(eq(ratings.assessmentId, assessmentId), sql`(${ratings.current} is not null or ${ratings.ideal} is not null)`))
      .get()?.n ?? 0
  );
}
