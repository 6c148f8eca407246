import { ratingPostSchema, type RatingInput } from "~/domain/assessment.schema";
import type { ParticipantSession } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import { getCapabilityKeys } from "./content.server";
import { parseForm, type FieldErrors } from "./forms";
import { checkLimit, countAttempt, type Limit, type LimitState } from "./rate-limit.server";

/** A room shares one IP, so votes are limited per participant: generous for tapping, not for a script. */
export const VOTE_POSTS_PER_PARTICIPANT: Limit = { name: "votes", max: 600, windowMs: 10 * 60 * 1000 };

export type RatingPostResult =
  | { kind: "saved"; ratings: RatingInput[] }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, string> }
  | { kind: "locked" }
  | { kind: "limited"; state: LimitState };

let ratingSchema: ReturnType<typeof ratingPostSchema> | undefined;

/** Built once per process: a 100-field schema cost ~7 ms per vote post when rebuilt each time. */
function getRatingSchema() {
  ratingSchema ??= ratingPostSchema(getCapabilityKeys());
  return ratingSchema;
}

/** Validates and saves one post of a participant's votes: all of it, or nothing. */
export function submitRatings(session: ParticipantSession, formData: FormData): RatingPostResult {
  const limit = checkLimit(VOTE_POSTS_PER_PARTICIPANT, session.participant.id);
  if (limit.limited) return { kind: "limited", state: limit };
  countAttempt(VOTE_POSTS_PER_PARTICIPANT, session.participant.id);
  const form = parseForm(getRatingSchema(), formData);
  if (!form.ok) return { kind: "invalid", errors: form.errors, values: form.values };
  const outcome = saveRatings(session.participant.id, session.assessment.id, form.data);
  return outcome === "locked" ? { kind: "locked" } : { kind: "saved", ratings: form.data };
}
