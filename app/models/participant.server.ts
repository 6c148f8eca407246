import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
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

export function getParticipantByToken(token: string): ParticipantSession | null {
  const row = getDb()
    .select({ participant: participants, assessment: assessments })
    .from(participants)
    .innerJoin(assessments, eq(assessments.id, participants.assessmentId))
    .where(eq(participants.tokenHash, hashToken(token)))
    .get();
  return row ?? null;
}
