/**
 * Shared by the workshop tests (models, services and routes): the model's keys, row counts and the
 * fields of a rating post. Needs a database installed by useTestDatabase().
 */
import { and, count, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import type { Assessment } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";

/** The 25 capability keys in the model's order. */
export const ALL_KEYS: string[] = Object.values(CATEGORY_KEYS).flat();

/** Stored votes, of one assessment or of all. */
export async function ratingRows(assessmentId?: string): Promise<number> {
  const { orm, t } = getDb();
  const [row] = assessmentId
    ? await orm
        .select({ n: count() })
        .from(t.ratings)
        .innerJoin(t.participants, eq(t.participants.id, t.ratings.participantId))
        .where(eq(t.participants.assessmentId, assessmentId))
    : await orm.select({ n: count() }).from(t.ratings);
  return row!.n;
}

export async function consensusRows(assessmentId: string): Promise<number> {
  const { orm, t } = getDb();
  const [row] = await orm.select({ n: count() }).from(t.consensus).where(eq(t.consensus.assessmentId, assessmentId));
  return row!.n;
}

/** The assessment's row as stored, read past the models. */
export async function storedAssessment(id: string): Promise<Assessment> {
  const { orm, t } = getDb();
  const [row] = await orm.select().from(t.assessments).where(eq(t.assessments.id, id));
  return row!;
}

/** One participant's stored vote on one capability, read past the models. */
export async function storedRating(participantId: string, capabilityKey: string) {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ current: t.ratings.current, ideal: t.ratings.ideal, comment: t.ratings.comment })
    .from(t.ratings)
    .where(and(eq(t.ratings.participantId, participantId), eq(t.ratings.capabilityKey, capabilityKey)));
  return row;
}

/**
 * Ana, Bruno and Carla join and vote: billing 1/2/3 → median 2 and 3/4/4 → 4; security 2,3 → 2.5
 * and 3,4 → 3.5 (Carla could not judge); applications only "no idea", with a comment.
 */
export async function voteAsThreeParticipants(assessmentId: string): Promise<void> {
  const ana = (await joinWorkshop(assessmentId, "Ana")).participant;
  const bruno = (await joinWorkshop(assessmentId, "Bruno")).participant;
  const carla = (await joinWorkshop(assessmentId, "Carla")).participant;
  await saveRatings(ana.id, assessmentId, [rating("billing", 1, 3), rating("security", 2, 3), rating("applications", null, null, "no idea")]);
  await saveRatings(bruno.id, assessmentId, [rating("billing", 2, 4), rating("security", 3, 4)]);
  await saveRatings(carla.id, assessmentId, [rating("billing", 3, 4), rating("security", null, null)]);
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
