/**
 * Shared by the workshop tests (models, services and routes): the model's keys, row counts and the
 * fields of a rating post. Needs a database installed by useTestDatabase().
 */
import { and, count, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { assessments, consensus, participants, ratings } from "../../db/schema";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import type { Assessment } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";

/** The 25 capability keys in the model's order. */
export const ALL_KEYS: string[] = Object.values(CATEGORY_KEYS).flat();

/** Stored votes, of one assessment or of all. */
export function ratingRows(assessmentId?: string): number {
  if (!assessmentId) return getDb().select({ n: count() }).from(ratings).get()!.n;
  return getDb()
    .select({ n: count() })
    .from(ratings)
    .innerJoin(participants, eq(participants.id, ratings.participantId))
    .where(eq(participants.assessmentId, assessmentId))
    .get()!.n;
}

export function consensusRows(assessmentId: string): number {
  return getDb().select({ n: count() }).from(consensus).where(eq(consensus.assessmentId, assessmentId)).get()!.n;
}

/** The assessment's row as stored, read past the models. */
export function storedAssessment(id: string): Assessment {
  return getDb().select().from(assessments).where(eq(assessments.id, id)).get()!;
}

/** One participant's stored vote on one capability, read past the models. */
export function storedRating(participantId: string, capabilityKey: string) {
  return getDb()
    .select({ current: ratings.current, ideal: ratings.ideal, comment: ratings.comment })
    .from(ratings)
    .where(and(eq(ratings.participantId, participantId), eq(ratings.capabilityKey, capabilityKey)))
    .get();
}

/**
 * Ana, Bruno and Carla join and vote: billing 1/2/3 → median 2 and 3/4/4 → 4; security 2,3 → 2.5
 * and 3,4 → 3.5 (Carla could not judge); applications only "no idea", with a comment.
 */
export function voteAsThreeParticipants(assessmentId: string): void {
  const [ana, bruno, carla] = ["Ana", "Bruno", "Carla"].map((name) => joinWorkshop(assessmentId, name).participant);
  saveRatings(ana!.id, assessmentId, [rating("billing", 1, 3), rating("security", 2, 3), rating("applications", null, null, "no idea")]);
  saveRatings(bruno!.id, assessmentId, [rating("billing", 2, 4), rating("security", 3, 4)]);
  saveRatings(carla!.id, assessmentId, [rating("billing", 3, 4), rating("security", null, null)]);
}

/** One vote as saveRatings takes it. */
export const rating = (capabilityKey: string, current: number | null, ideal: number | null, comment = "") => ({ capabilityKey, current, ideal, comment });

/** Fields of one rating post: `{ billing: [2, 3] }` → `billing.current=2&billing.ideal=3`. */
export function votes(levels: Record<string, [number | "", number | ""]>, extra: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, [current, ideal]] of Object.entries(levels)) {
    fields[`${key}.current`] = String(current);
    fields[`${key}.ideal`] = String(ideal);
  }
  return { ...fields, ...extra };
}
