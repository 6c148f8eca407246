import type Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { participants, ratings } from "../../db/schema";
import type { RatingInput } from "~/domain/assessment.schema";
import { summarizeVotes, type VoteSummary } from "~/domain/workshop";

export type SaveOutcome = "saved" | "locked";

type VoteStatements = { status: Statement<[string], { status: string }>; upsert: Statement<unknown[]> };
const statements = new WeakMap<object, VoteStatements>();

/**
 * The vote path is the hottest write of a workshop (200 phones at once), so it uses statements
 * prepared once per connection: building the same SQL through the query builder per post was a
 * third of its CPU time.
 */
function voteStatements(): { sqlite: Database.Database; s: VoteStatements } {
  const sqlite = getDb().$client;
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      status: sqlite.prepare("select status from assessments where id = ?"),
      upsert: sqlite.prepare(
        `insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at)
         values (?, ?, ?, ?, ?, ?)
         on conflict (participant_id, capability_key) do update set
           current = excluded.current, ideal = excluded.ideal, comment = excluded.comment, updated_at = excluded.updated_at`,
      ),
    };
    statements.set(sqlite, s);
  }
  return { sqlite, s };
}

/**
 * Saves a participant's votes in one IMMEDIATE transaction: the lock check and the upserts see the
 * same state, and the (participant, capability) key turns a repeated post into a replacement.
 */
export function saveRatings(participantId: string, assessmentId: string, input: RatingInput[], now = Date.now()): SaveOutcome {
  const { sqlite, s } = voteStatements();
  const save = sqlite.transaction((): SaveOutcome => {
    if (s.status.get(assessmentId)?.status !== "open") return "locked";
    for (const r of input) s.upsert.run(participantId, r.capabilityKey, r.current, r.ideal, r.comment, now);
    return "saved";
  });
  return save.immediate();
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
    .from(participants)
    .innerJoin(ratings, eq(ratings.participantId, participants.id))
    .where(eq(participants.assessmentId, assessmentId))
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
    .from(participants)
    .innerJoin(ratings, eq(ratings.participantId, participants.id))
    .where(eq(participants.assessmentId, assessmentId))
    .orderBy(asc(participants.createdAt), asc(participants.id), asc(ratings.capabilityKey))
    .all();
}

/** Participants who voted on at least one capability. */
export function countVoters(assessmentId: string): number {
  return (
    getDb()
      .select({ n: sql<number>`count(distinct ${ratings.participantId})` })
      .from(participants)
      .innerJoin(ratings, eq(ratings.participantId, participants.id))
      .where(and(eq(participants.assessmentId, assessmentId), sql`(${ratings.current} is not null or ${ratings.ideal} is not null)`))
      .get()?.n ?? 0
  );
}
