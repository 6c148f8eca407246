import { ratingPostSchema, type RatingInput } from "~/domain/assessment.schema";
import { getParticipantByToken, type ParticipantSession } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import { getCapabilityKeys, getCapabilityModel } from "~/utils/content.server";
import { parseValues, type FieldErrors } from "~/utils/forms";
import { retryAfter, takeAttempt, type Limit, type LimitState } from "~/utils/rate-limit.server";

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

/**
 * Compiles the vote schema before the first room posts. V8 optimises a function only after many
 * calls, and a 100-field zod object is slow until then: the first 200 posts of a room took 0.4 ms
 * each to validate against 0.08 ms once warm, in the middle of the burst the lane exists for.
 * Validating made-up posts of the shapes phones send (a whole form, one card as /rate.js posts it)
 * at start-up halves that; it takes about 0.1 s and saves nothing.
 */
export function warmUpVoteValidation(posts = 300): void {
  const keys = getCapabilityKeys();
  const schema = getRatingSchema();
  for (let i = 0; i < posts; i += 1) {
    const card = i % 2 === 0 ? keys[(i / 2) % keys.length] : undefined;
    const values: Record<string, string> = { step: "1" };
    for (const [c, key] of keys.entries()) {
      if (card !== undefined && key !== card) continue;
      values[`${key}.current`] = String(1 + ((i + c) % 4));
      values[`${key}.ideal`] = String(1 + ((i + 2 * c) % 4));
      if (card !== undefined) values[`${key}.comment`] = "";
    }
    if (!parseValues(schema, values).ok) throw new Error("A made-up vote post failed validation: warmUpVoteValidation no longer matches the rating schema.");
  }
}

/** Validates and saves one post of a participant's votes (its text fields): all of it, or nothing. */
export async function submitRatings(session: ParticipantSession, values: Record<string, string>): Promise<RatingPostResult> {
  const limit = await takeAttempt(VOTE_POSTS_PER_PARTICIPANT, session.participant.id);
  if (limit.limited) return { kind: "limited", state: limit };
  const form = parseValues(getRatingSchema(), values);
  if (!form.ok) return { kind: "invalid", errors: form.errors, values: form.values };
  const outcome = await saveRatings(session.participant.id, session.assessment.id, form.data);
  return outcome === "locked" ? { kind: "locked" } : { kind: "saved", ratings: form.data };
}

/**
 * Where the page's own post sends the participant once saved: back a step, to a second look at
 * goals set below today (allowed, but worth confirming), or on to the next step and the end.
 */
export function nextStepLocation(token: string, values: Record<string, string>, ratings: RatingInput[]): string {
  const step = Number(values.step) || 1;
  const base = `/w/${token}`;
  if (values.go === "back") return `${base}?step=${Math.max(step - 1, 1)}`;
  const belowToday = ratings.some((r) => r.current !== null && r.ideal !== null && r.ideal < r.current);
  if (belowToday && values.acknowledged !== "1") return `${base}?step=${step}&check=1`;
  const steps = getCapabilityModel().categories.length;
  return step >= steps ? `${base}?step=done` : `${base}?step=${step + 1}`;
}

/*
 * For server.ts's phone lane. A room of 200 phones posts its votes within seconds, and Remix's
 * request path (a web Request, route matching twice, the data strategy) cost two thirds of each
 * post's CPU in `npm run bench`. The lane answers the two vote posts with these functions before
 * Remix, from the form fields it has read: the same validation, limit and transaction as the
 * page's action.
 */

export type LaneAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** POST /w/:token/save, the background save of /rate.js: every outcome is a small JSON answer. */
export async function answerBackgroundSave(token: string, values: Record<string, string>): Promise<LaneAnswer> {
  const session = await getParticipantByToken(token);
  if (!session) return { status: 404, body: { error: "not-found" } };
  const result = await submitRatings(session, values);
  switch (result.kind) {
    case "saved":
      return { status: 200, body: { saved: result.ratings.length } };
    case "invalid":
      return { status: 400, body: { errors: result.errors } };
    case "locked":
      return { status: 409, body: { error: "locked" } };
    case "limited":
      return { status: 429, body: { error: "too-many" }, headers: retryAfter(result.state) as Record<string, string> };
  }
}

/**
 * POST /w/:token, the page's own post, when it saves: the 303's Location. Undefined leaves the post
 * to the route's action, which shows the page with what went wrong (an unknown link, a bad vote, the
 * lock, the limit); a post that fails validation is neither counted nor saved here, so the action
 * sees it afresh.
 */
export async function pagePostLocation(token: string, values: Record<string, string>): Promise<string | undefined> {
  const session = await getParticipantByToken(token);
  if (!session || session.assessment.status === "locked") return undefined;
  const form = parseValues(getRatingSchema(), values);
  if (!form.ok) return undefined;
  // Over the limit: the action answers 429 with the page (it sees the limit already used up).
  if ((await takeAttempt(VOTE_POSTS_PER_PARTICIPANT, session.participant.id)).limited) return undefined;
  // Locked between the lookup and this transaction: the action answers 409 with the page.
  if ((await saveRatings(session.participant.id, session.assessment.id, form.data)) === "locked") return undefined;
  return nextStepLocation(token, values, form.data);
}
