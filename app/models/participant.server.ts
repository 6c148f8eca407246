import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../../db/connection.server";
import { assessments, participants } from "../../db/schema";
import type { Assessment } from "./assessment.server";
import { hashToken, randomId, randomToken } from "~/utils/tokens.server";

export type Participant = typeof participants.$inferSelect;

/** Joins a workshop; the token (returned once) is the participant's private link, no account needed. */
export function joinWorkshop(assessmentId: string, displayName: string): { participant: Participant; token: string } {
  const token = randomToken();
  const participant = getDb()
    .insert(participants)
    .values({ id: randomId(), assessmentId, displayName: displayName.trim(), tokenHash: hashToken(token) })
    .returning()
    .get();
  return { participant, token };
}

export type ParticipantSession = { participant: Participant; assessment: Assessment };

function prepareLookup(db: Db) {
  return db
    .select({ participant: participants, assessment: assessments })
    .from(participants)
    .innerJoin(assessments, eq(assessments.id, participants.assessmentId))
    .where(eq(participants.tokenHash, sql.placeholder("tokenHash")))
    .prepare();
}

// Every vote post starts here: the query is built and prepared once per connection.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

export function getParticipantByToken(token: string): ParticipantSession | null {
  const db = getDb();
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return lookup.get({ tokenHash: hashToken(token) }) ?? null;
}
