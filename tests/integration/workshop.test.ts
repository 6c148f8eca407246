/**
 * A workshop from the participants' side, through the routes and services: joining with the code,
 * the rating page and its two posts answered by server.ts's lane, then the consultant's drafts
 * and gaps computed from the room's votes. The models' own tests sit beside them in app/models.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../setup/factories";
import { callAction, callLoader } from "../setup/route-harness";
import { t, useTestDatabase } from "../setup/test-db";
import { ALL_KEYS, rating, ratingRows, storedRating, votes, voteAsThreeParticipants } from "../setup/workshop";
import { countParticipants, type Assessment } from "~/models/assessment.server";
import { getConsensus, saveConsensus } from "~/models/consensus.server";
import { getParticipantByToken, joinWorkshop } from "~/models/participant.server";
import { getParticipantRatings, saveRatings } from "~/models/rating.server";
import type { Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { getConsensusDrafts, withMedianDefaults } from "~/services/consensus-view.server";
import { getCapabilityGaps } from "~/services/gap-analysis.server";
import { answerBackgroundSave, pagePostLocation, VOTE_POSTS_PER_PARTICIPANT, warmUpVoteValidation } from "~/services/votes.server";
import { countAttempt, resetLimits } from "~/utils/rate-limit.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as joinAction } from "~/routes/join";
import { action as rateAction, loader as rateLoader } from "~/routes/w.$token";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  await resetLimits();
  consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

function newAssessment(mode: Assessment["mode"] = "workshop"): Promise<Assessment> {
  return makeAssessment(org.id, consultant.id, { mode });
}

describe("POST /join", () => {
  const join = (fields: Record<string, string>) => callAction(joinAction, { url: "/join", fields });

  it.each([
    ["as shown", (code: string) => code],
    ["in lower case", (code: string) => code.toLowerCase()],
    ["with spaces and a dash", (code: string) => ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `],
  ])("lets a participant in with the code typed %s", async (_how, typed) => {
    const workshop = await newAssessment();
    const { status, headers } = await join({ code: typed(workshop.joinCode!), name: "Ana" });
    expect(status).toBe(303);
    // The participant's own page, at a 256-bit token in base64url.
    const location = headers.get("Location") ?? "";
    expect(location).toMatch(/^\/w\/[\w-]{43,}$/);
    const token = location.slice("/w/".length);
    expect(await getParticipantByToken(token)).toMatchObject({ participant: { displayName: "Ana" }, assessment: { id: workshop.id } });
    expect(await countParticipants(workshop.id)).toBe(1);
  });

  it("refuses an unknown code, a locked workshop's code and a missing name; nobody joins", async () => {
    const workshop = await newAssessment();
    const locked = await newAssessment();
    await saveConsensus(locked.id, [], true);

    expect(await join({ code: "XXXXXX", name: "Ana" })).toMatchObject({ status: 400, data: { errors: { code: "join.error.codeUnknown" } } });
    expect(await join({ code: locked.joinCode!, name: "Ana" })).toMatchObject({ status: 400, data: { errors: { code: "join.error.codeUnknown" } } });
    expect(await join({ code: workshop.joinCode!, name: " " })).toMatchObject({ status: 400, data: { errors: { name: "join.error.nameRequired" } } });
    expect(await join({ code: "", name: "Ana" })).toMatchObject({ status: 400, data: { errors: { code: "join.error.codeRequired" } } });
    expect((await database.db.orm.select().from(t.participants))).toEqual([]);
  });
});

describe("saveRatings through the rating page", () => {
  it("keeps the count exact when posts to the page arrive all at once", async () => {
    const workshop = await newAssessment();
    const people = [];
    for (let i = 0; i < 6; i += 1) people.push(await joinWorkshop(workshop.id, `Participant ${i}`));
    const levelFor = (person: number, capability: number, round: number) => ((person + capability + round) % 4) + 1;
    // Each person posts their 25 votes in 5 chunks through the page's action, every request of a
    // round in flight together (bodies parse asynchronously, so they interleave).
    for (const round of [0, 1]) {
      const posts = people.flatMap(({ token }, p) =>
        [0, 1, 2, 3, 4].map((chunk) => {
          const keys = ALL_KEYS.slice(chunk * 5, chunk * 5 + 5);
          const fields = votes(Object.fromEntries(keys.map((key) => [key, [levelFor(p, ALL_KEYS.indexOf(key), round), 4]])), { step: "1" });
          return callAction(rateAction, { url: `/w/${token}`, params: { token }, fields });
        }),
      );
      const statuses = (await Promise.all(posts)).map((r) => r.status);
      expect(statuses.filter((status) => status !== 303)).toEqual([]);
      expect(await ratingRows(workshop.id)).toBe(6 * 25);
    }
    for (const [p, person] of people.entries()) {
      const stored = await getParticipantRatings(person.participant.id);
      expect(stored).toHaveLength(25);
      for (const row of stored) expect(row.current, `${p} ${row.capabilityKey}`).toBe(levelFor(p, ALL_KEYS.indexOf(row.capabilityKey), 1));
    }
  });
});

describe("the participant's rating page", () => {
  async function setup() {
    const workshop = await newAssessment();
    const { participant, token } = await joinWorkshop(workshop.id, "Ana");
    const post = (fields: Record<string, string>) => callAction(rateAction, { url: `/w/${token}`, params: { token }, fields });
    // The two vote posts answered by server.ts's lane before Remix (tests/e2e covers them over HTTP).
    const background = (fields: Record<string, string>) => answerBackgroundSave(token, fields);
    const lane = (fields: Record<string, string>) => pagePostLocation(token, fields);
    return { workshop, participant, token, post, background, lane };
  }

  it("saves a step and moves to the next, then to the end", async () => {
    const { participant, post } = await setup();
    const first = await post(votes({ "business-intelligence": [2, 3], "customer-strategy": [1, 4] }, { step: "1", go: "next" }));
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toMatch(/\?step=2$/);
    const last = await post(votes({ security: [3, 3] }, { step: "4", go: "next" }));
    expect(last.headers.get("Location")).toMatch(/\?step=done$/);
    const back = await post(votes({ security: [3, 4] }, { step: "3", go: "back" }));
    expect(back.headers.get("Location")).toMatch(/\?step=2$/);
    expect(await getParticipantRatings(participant.id)).toHaveLength(3);
  });

  it("asks for a second look at goals below today before moving on, but keeps them", async () => {
    const { participant, post } = await setup();
    const checked = await post(votes({ billing: [3, 2] }, { step: "3", go: "next" }));
    expect(checked.headers.get("Location")).toMatch(/\?step=3&check=1$/);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 3, ideal: 2 });
    const acknowledged = await post(votes({ billing: [3, 2] }, { step: "3", go: "next", acknowledged: "1" }));
    expect(acknowledged.headers.get("Location")).toMatch(/\?step=4$/);
  });

  it("answers a vote outside 1–4 with 400 and changes nothing, not even the valid part of the post", async () => {
    const { workshop, participant, post } = await setup();
    await post(votes({ "business-intelligence": [2, 3] }, { step: "1" }));
    const refused = await post(votes({ "business-intelligence": [7, 3], "customer-strategy": [1, 2] }, { step: "1" }));
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.data as { errors: Record<string, string> }).errors)).toEqual(["business-intelligence.current"]);
    expect(await ratingRows(workshop.id)).toBe(1);
    expect(await storedRating(participant.id, "business-intelligence")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("answers the background save's bad vote with a JSON 400, and saves a good one", async () => {
    const { workshop, participant, background } = await setup();
    const refused = await background({ "billing.current": "0", "billing.ideal": "2" });
    expect(refused).toEqual({ status: 400, body: { errors: { "billing.current": "rating.error.level" } } });
    expect(await ratingRows(workshop.id)).toBe(0);

    const saved = await background({ "billing.current": "2", "billing.ideal": "4" });
    expect(saved).toEqual({ status: 200, body: { saved: 1 } });
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 4 });
  });

  it("refuses votes with 409 once locked, on both routes, and shows the page as locked", async () => {
    const { workshop, participant, token, post, background } = await setup();
    await post(votes({ billing: [2, 3] }, { step: "3" }));
    await saveConsensus(workshop.id, [], true);

    const page = await post(votes({ billing: [4, 4] }, { step: "3" }));
    expect(page.status).toBe(409);
    expect(await background(votes({ billing: [4, 4] }))).toEqual({ status: 409, body: { error: "locked" } });
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });

    const loaded = await callLoader(rateLoader, { url: `/w/${token}?step=3`, params: { token } });
    expect(loaded).toMatchObject({ status: 200, data: { locked: true, step: 3, saved: { billing: { current: 2, ideal: 3 } } } });
  });

  it("answers an unknown token with 404 on every route", async () => {
    const token = "not-a-real-token-not-a-real-token-00000000";
    const params = { token };
    expect((await callLoader(rateLoader, { url: `/w/${token}`, params })).status).toBe(404);
    expect((await callAction(rateAction, { url: `/w/${token}`, params, fields: votes({ billing: [1, 1] }) })).status).toBe(404);
    expect((await answerBackgroundSave(token, votes({ billing: [1, 1] }))).status).toBe(404);
    expect(await pagePostLocation(token, votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect(await ratingRows()).toBe(0);
  });

  it("answers a saving page post in the lane with the next step: on, back, a second look, the end", async () => {
    const { participant, lane } = await setup();
    expect(await lane(votes({ "business-intelligence": [2, 3] }, { step: "1", go: "next" }))).toMatch(/^\/w\/[\w-]+\?step=2$/);
    expect(await lane(votes({ security: [3, 3] }, { step: "4" }))).toMatch(/\?step=done$/);
    expect(await lane(votes({ security: [3, 4] }, { step: "3", go: "back" }))).toMatch(/\?step=2$/);
    const fields = votes({ billing: [3, 2] }, { step: "3", go: "next" });
    expect(await lane(fields)).toMatch(/\?step=3&check=1$/);
    expect(await lane({ ...fields, acknowledged: "1" })).toMatch(/\?step=4$/);
    expect(await getParticipantRatings(participant.id)).toHaveLength(3);
  });

  it("leaves a bad, locked or limited page post to the action, having saved and counted nothing", async () => {
    const { workshop, participant, lane, post } = await setup();
    expect(await lane(votes({ billing: [2, 3] }, { step: "3" }))).toMatch(/^\/w\/[\w-]+\?step=4$/);
    expect(await lane(votes({ billing: [7, 3], security: [1, 2] }, { step: "3" }))).toBeUndefined();
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
    expect(await ratingRows(workshop.id)).toBe(1);

    // Both posts so far counted once each: the refused one is counted by the action, not the lane.
    for (let i = 2; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) await countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);
    expect(await lane(votes({ billing: [4, 4] }, { step: "3" }))).toMatch(/^\/w\/[\w-]+\?step=4$/);
    expect(await lane(votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect((await post(votes({ billing: [1, 1] }, { step: "3" }))).status).toBe(429);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 4, ideal: 4 });

    await resetLimits();
    await saveConsensus(workshop.id, [], true);
    expect(await lane(votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect((await post(votes({ billing: [1, 1] }, { step: "3" }))).status).toBe(409);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 4, ideal: 4 });
  });

  it("warms the vote schema at start-up with posts it accepts, saving and counting nothing", async () => {
    const { participant, lane } = await setup();
    // It throws if the schema refuses one of its made-up posts: start-up would stop there.
    warmUpVoteValidation(50);
    expect(await ratingRows()).toBe(0);
    // No attempt was counted against anyone: the participant still has the whole allowance.
    for (let i = 1; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) await countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);
    expect(await lane(votes({ billing: [2, 3] }, { step: "3" }))).toMatch(/^\/w\/[\w-]+\?step=4$/);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("limits posts per participant, not per IP: a neighbour on the same network still votes", async () => {
    const { workshop, participant, post } = await setup();
    const neighbour = await joinWorkshop(workshop.id, "Bruno");
    for (let i = 0; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) await countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);

    const limited = await post(votes({ billing: [2, 2] }, { step: "3" }));
    expect(limited.status).toBe(429);
    expect(await ratingRows(workshop.id)).toBe(0);

    const other = await callAction(rateAction, { url: `/w/${neighbour.token}`, params: { token: neighbour.token }, fields: votes({ billing: [2, 2] }, { step: "3" }) });
    expect(other.status).toBe(303);
    expect(await ratingRows(workshop.id)).toBe(1);
  });
});

describe("medians, drafts and gaps", () => {
  /** Medians: billing 2 → 4; security 2.5 → 3.5, drafted as 3 → 4 (see voteAsThreeParticipants). */
  async function votedWorkshop() {
    const workshop = await newAssessment();
    await voteAsThreeParticipants(workshop.id);
    return workshop;
  }
  it("drafts the consensus from medians rounded half up until the facilitator agrees one", async () => {
    const workshop = await votedWorkshop();
    let drafts = await getConsensusDrafts(workshop.id);
    expect(Object.keys(drafts)).toEqual(ALL_KEYS);
    expect(drafts.billing).toMatchObject({ current: 2, ideal: 4, importance: 2, source: "median" });
    expect(drafts.security).toMatchObject({ current: 3, ideal: 4, importance: 2, source: "median" });
    expect(drafts.applications).toMatchObject({ current: null, ideal: null, source: "none" });
    expect(drafts["talent-training"]).toMatchObject({ current: null, ideal: null, source: "none" });

    await saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 2, importance: 3, rationale: "agreed" }], false);
    drafts = await getConsensusDrafts(workshop.id);
    expect(drafts.billing).toMatchObject({ current: 1, ideal: 2, importance: 3, rationale: "agreed", source: "consensus" });
    // The room's votes stay beside the t.consensus.
    expect(drafts.billing?.votes?.distributionCurrent).toEqual([1, 1, 1, 0]);
  });

  it("fills capabilities the facilitator left alone with their medians at lock", async () => {
    const workshop = await votedWorkshop();
    const posted = [{ capabilityKey: "billing", current: 1, ideal: 2, importance: 3, rationale: "agreed" }];
    const filled = await withMedianDefaults(workshop.id, posted);
    expect(filled).toEqual([...posted, { capabilityKey: "security", current: 3, ideal: 4, importance: 2, rationale: "" }]);

    await saveConsensus(workshop.id, filled, true);
    const agreed = await getConsensus(workshop.id);
    expect([...agreed.keys()].sort()).toEqual(["billing", "security"]);
    expect(agreed.get("billing")).toMatchObject({ current: 1, ideal: 2, importance: 3 });
    expect(agreed.get("security")).toMatchObject({ current: 3, ideal: 4, importance: 2 });
  });

  it("does not overwrite an earlier agreed row with the median at lock", async () => {
    const workshop = await votedWorkshop();
    await saveConsensus(workshop.id, [{ capabilityKey: "security", current: 1, ideal: 1, importance: 1, rationale: "earlier" }], false);
    const filled = await withMedianDefaults(workshop.id, []);
    expect(filled.map((e) => e.capabilityKey)).toEqual(["billing"]);
    await saveConsensus(workshop.id, filled, true);
    expect((await getConsensus(workshop.id)).get("security")).toMatchObject({ current: 1, ideal: 1, rationale: "earlier" });
  });

  it("computes the gaps from the consensus where there is one and the rounded medians elsewhere", async () => {
    const workshop = await votedWorkshop();
    await saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 4, importance: 3, rationale: "" }], false);
    const gaps = await getCapabilityGaps(workshop.id);
    expect(gaps.map((g) => g.capabilityKey)).toEqual(ALL_KEYS);
    const byKey = new Map(gaps.map((g) => [g.capabilityKey, g]));
    expect(byKey.get("billing")).toEqual({ categoryKey: "customer-interaction", capabilityKey: "billing", source: "consensus", current: 1, ideal: 4, importance: 3, gap: 3, priority: 9 });
    expect(byKey.get("security")).toEqual({ categoryKey: "infrastructure", capabilityKey: "security", source: "median", current: 3, ideal: 4, importance: 2, gap: 1, priority: 2 });
    expect(byKey.get("applications")).toMatchObject({ source: "none", current: null, ideal: null, gap: null, priority: null });
  });

  it("gives a goal below today a gap of 0", async () => {
    const workshop = await newAssessment("solo");
    await saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 4, ideal: 2, importance: 3, rationale: "" }], false);
    expect((await getCapabilityGaps(workshop.id)).find((g) => g.capabilityKey === "billing")).toMatchObject({ gap: 0, priority: 0 });
  });

  it("keeps one assessment's votes out of another's medians", async () => {
    const workshop = await votedWorkshop();
    const other = await newAssessment();
    const { participant } = await joinWorkshop(other.id, "Zoe");
    await saveRatings(participant.id, other.id, [rating("billing", 4, 4), rating("security", 4, 4)]);
    expect((await getConsensusDrafts(workshop.id)).billing).toMatchObject({ current: 2, ideal: 4 });
    expect((await getConsensusDrafts(other.id)).billing).toMatchObject({ current: 4, ideal: 4 });
    expect((await database.db.orm.select().from(t.consensus))).toEqual([]);
  });
});
