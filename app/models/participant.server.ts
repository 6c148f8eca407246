import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Orm, Tables } from "../../db/database.server";
import type { Assessment } from "./assessment.server";
import { hashToken, randomId, randomToken } from "~/utils/tokens.server";

export type Participant = Tables["participants"]["$inferSelect"];

/** Joins a workshop; the token (returned once) is the participant's private link, no account needed. */
export async function joinWorkshop(assessmentId: string, displayName: string): Promise<{ participant: Participant; token: string }> {
  const token = randomToken();
  const { orm, t } = getDb();
  const [participant] = await orm
    .insert(t.participants)
    .values({ id: randomId(), assessmentId, displayName: displayName.trim(), tokenHash: hashToken(token) })
    .returning();
  return { participant: participant!, token };
}

export type ParticipantSession = { participant: Participant; assessment: Assessment };

function prepareLookup({ orm, t }: { orm: Orm; t: Tables }) {
  return orm
    .select({ participant: t.participants, assessment: t.assessments })
    .from(t.participants)
    .innerJoin(t.assessments, eq(t.assessments.id, t.participants.assessmentId))
    .where(eq(t.participants.tokenHash, sql.placeholder("tokenHash")))
    .prepare("participant_by_token");
}

// Every vote post starts here: the query is built and prepared once per connection.
const lookups = new WeakMap<Orm, ReturnType<typeof prepareLookup>>();

export async function getParticipantByToken(token: string): Promise<ParticipantSession | null> {
  const db = getDb();
  let lookup = lookups.get(db.orm);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db.orm, lookup);
  }
  const [row] = await lookup.execute({ tokenHash: hashToken(token) });
  return row ?? null;
}
