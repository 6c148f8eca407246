import { and, asc, countDistinct, eq, isNotNull, or } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { VoteOutcome } from "../../db/database.server";
import type { RatingInput } from "~/domain/assessment.schema";
import { summarizeVotes, type VoteSummary } from "~/domain/workshop";

export type SaveOutcome = VoteOutcome;

/**
 * Saves a participant's votes in one transaction: the lock check and the upserts see the same
 * state, and the (participant, capability) key turns a repeated post into a replacement. The
 * statements are the database's own, prepared once (db/sqlite.server.ts, db/postgres.server.ts).
 */
export function saveRatings(participantId: string, assessmentId: string, input: RatingInput[], now = Date.now()): Promise<SaveOutcome> {
  return getDb().saveVotes(participantId, assessmentId, input, now);
}

export type StoredRating = { capabilityKey: string; current: number | null; ideal: number | null; comment: string };

export async function getParticipantRatings(participantId: string): Promise<StoredRating[]> {
  const { orm, t } = getDb();
  return orm
    .select({ capabilityKey: t.ratings.capabilityKey, current: t.ratings.current, ideal: t.ratings.ideal, comment: t.ratings.comment })
    .from(t.ratings)
    .where(eq(t.ratings.participantId, participantId));
}

/** Vote statistics per capability key for the board, the consensus form and the gaps. */
export async function summarizeAssessmentVotes(assessmentId: string): Promise<Map<string, VoteSummary>> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ capabilityKey: t.ratings.capabilityKey, current: t.ratings.current, ideal: t.ratings.ideal })
    .from(t.participants)
    .innerJoin(t.ratings, eq(t.ratings.participantId, t.participants.id))
    .where(eq(t.participants.assessmentId, assessmentId));
  const byCapability = new Map<string, { current: number | null; ideal: number | null }[]>();
  for (const row of rows) {
    const list = byCapability.get(row.capabilityKey) ?? [];
    list.push(row);
    byCapability.set(row.capabilityKey, list);
  }
  return new Map([...byCapability].map(([key, votes]) => [key, summarizeVotes(votes)]));
}

export type RatingExportRow = { participant: string; capabilityKey: string; current: number | null; ideal: number | null; comment: string };

export async function listRatingsForExport(assessmentId: string): Promise<RatingExportRow[]> {
  const { orm, t } = getDb();
  return orm
    .select({
      participant: t.participants.displayName,
      capabilityKey: t.ratings.capabilityKey,
      current: t.ratings.current,
      ideal: t.ratings.ideal,
      comment: t.ratings.comment,
    })
    .from(t.participants)
    .innerJoin(t.ratings, eq(t.ratings.participantId, t.participants.id))
    .where(eq(t.participants.assessmentId, assessmentId))
    .orderBy(asc(t.participants.createdAt), asc(t.participants.id), asc(t.ratings.capabilityKey));
}

/** Participants who voted on at least one capability. */
export async function countVoters(assessmentId: string): Promise<number> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ n: countDistinct(t.ratings.participantId) })
    .from(t.participants)
    .innerJoin(t.ratings, eq(t.ratings.participantId, t.participants.id))
    .where(and(eq(t.participants.assessmentId, assessmentId), or(isNotNull(t.ratings.current), isNotNull(t.ratings.ideal))));
  return row?.n ?? 0;
}
