import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assessments, consensus, participants, ratings } from "../../db/schema";
import { makeOrganization, makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { ALL_KEYS, consensusRows, context, formRequest, ratingRows, settle, votes } from "./assessment-helpers";
import { isJoinCode, JOIN_CODE_ALPHABET, nextAssessmentDue } from "~/domain/workshop";
import { countParticipants, createAssessment, getAssessment, getOpenWorkshopByCode, listAssessments, requireAssessment, type Assessment } from "~/models/assessment.server";
import { getConsensus, saveConsensus } from "~/models/consensus.server";
import { getParticipantByToken, joinWorkshop } from "~/models/participant.server";
import { countVoters, getParticipantRatings, saveRatings, summarizeAssessmentVotes } from "~/models/rating.server";
import type { Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { getConsensusDrafts, withMedianDefaults } from "~/services/consensus-view.server";
import { getCapabilityGaps } from "~/services/gap-analysis.server";
import { countAttempt, resetLimits } from "~/utils/rate-limit.server";
import { answerBackgroundSave, pagePostLocation, VOTE_POSTS_PER_PARTICIPANT, warmUpVoteValidation } from "~/services/votes.server";
import { hashToken } from "~/utils/tokens.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as joinAction } from "~/routes/join";
import { action as rateAction, loader as rateLoader } from "~/routes/w.$token";

// Password cost is beside the point here (see tests/setup/cheap-passwords.ts).
vi.mock("~/utils/password.server", async (importOriginal) => (await import("../setup/cheap-passwords")).cheapPasswords(importOriginal));

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  resetLimits();
  consultant = await makeUser({ name: "Carla Consultora" });
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function newAssessment(mode: Assessment["mode"] = "workshop", name = "2026 H2", organizationId = org.id): Assessment {
  return createAssessment({ organizationId, name, mode, createdBy: consultant.id });
}

function storedAssessment(id: string): Assessment {
  return database.db.select().from(assessments).where(eq(assessments.id, id)).get()!;
}

function storedRating(participantId: string, capabilityKey: string) {
  return database.db
    .select({ current: ratings.current, ideal: ratings.ideal, comment: ratings.comment })
    .from(ratings)
    .where(and(eq(ratings.participantId, participantId), eq(ratings.capabilityKey, capabilityKey)))
    .get();
}

const rating = (capabilityKey: string, current: number | null, ideal: number | null, comment = "") => ({ capabilityKey, current, ideal, comment });

describe("createAssessment", () => {
  it("gives a workshop an open status and a valid join code", () => {
    const workshop = newAssessment("workshop", "  2026 H2 ");
    expect(workshop).toMatchObject({ organizationId: org.id, name: "2026 H2", mode: "workshop", status: "open", lockedAt: null, resultsVisible: false });
    expect(isJoinCode(workshop.joinCode ?? "")).toBe(true);
    expect(workshop.id.length).toBeGreaterThanOrEqual(16);
    expect(getOpenWorkshopByCode(workshop.joinCode!)?.id).toBe(workshop.id);
  });

  it("gives a solo assessment no join code", () => {
    const solo = newAssessment("solo");
    expect(solo).toMatchObject({ mode: "solo", status: "open", joinCode: null });
  });

  it("gives open workshops distinct codes", () => {
    const codes = Array.from({ length: 40 }, () => newAssessment().joinCode);
    expect(new Set(codes).size).toBe(40);
    expect(codes.every((code) => isJoinCode(code ?? ""))).toBe(true);
  });

  it("draws a fresh code when the first one is taken by an open workshop", () => {
    // Join codes are drawn one character at a time with crypto.randomInt(27): the first two codes
    // (6 draws each) clash, the third is fresh.
    let draws = 0;
    vi.spyOn(crypto, "randomInt").mockImplementation(((max: number) => {
      expect(max).toBe(JOIN_CODE_ALPHABET.length);
      draws += 1;
      return draws <= 12 ? 0 : 1;
    }) as typeof crypto.randomInt);

    const first = newAssessment();
    const second = newAssessment();
    expect(first.joinCode).toBe(JOIN_CODE_ALPHABET[0]!.repeat(6));
    expect(second.joinCode).toBe(JOIN_CODE_ALPHABET[1]!.repeat(6));
    expect(draws).toBe(18);
    expect(listAssessments(org.id)).toHaveLength(2);
  });

  it("lets a locked workshop's code be used again, but never by two open ones", () => {
    const first = newAssessment();
    const duplicate = () =>
      database.db
        .insert(assessments)
        .values({ id: crypto.randomUUID(), organizationId: org.id, name: "copy", mode: "workshop", joinCode: first.joinCode, modelId: "m", modelVersion: 1, createdBy: consultant.id })
        .run();
    expect(duplicate).toThrow(/UNIQUE/);
    expect(saveConsensus(first.id, [], true)).toBe("locked");
    expect(duplicate).not.toThrow();
    expect(getOpenWorkshopByCode(first.joinCode!)?.id).not.toBe(first.id);
  });

  it("lists an organization's assessments with their participant counts, and only its own", async () => {
    const workshop = newAssessment("workshop", "Taller");
    newAssessment("solo", "Solo");
    joinWorkshop(workshop.id, "Ana");
    joinWorkshop(workshop.id, "Bruno");
    const other = makeOrganization((await makeUser()).id);
    const foreign = newAssessment("workshop", "Foreign", other.id);

    const listed = listAssessments(org.id);
    expect(listed.map((a) => [a.name, a.participantCount]).sort()).toEqual([
      ["Solo", 0],
      ["Taller", 2],
    ]);
    expect(getAssessment(org.id, foreign.id)).toBeUndefined();
    expect(() => requireAssessment(org.id, foreign.id)).toThrow(Response);
    expect(countParticipants(workshop.id)).toBe(2);
  });
});

describe("joinWorkshop and getParticipantByToken", () => {
  it("stores only a hash of the participant's unguessable token", () => {
    const workshop = newAssessment();
    const { participant, token } = joinWorkshop(workshop.id, "  Ana María ");
    expect(participant.displayName).toBe("Ana María");
    // 256 random bits in base64url.
    expect(token).toMatch(/^[\w-]{43,}$/);
    const row = database.db.select().from(participants).where(eq(participants.id, participant.id)).get()!;
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("finds the participant and their assessment by token, and nothing by hash or a wrong token", () => {
    const workshop = newAssessment();
    const { participant, token } = joinWorkshop(workshop.id, "Ana");
    joinWorkshop(workshop.id, "Bruno");
    const session = getParticipantByToken(token);
    expect(session?.participant.id).toBe(participant.id);
    expect(session?.assessment.id).toBe(workshop.id);
    expect(getParticipantByToken(hashToken(token))).toBeNull();
    expect(getParticipantByToken(`${token}x`)).toBeNull();
    expect(getParticipantByToken("")).toBeNull();
  });

  it("gives every participant a different token", () => {
    const workshop = newAssessment();
    const tokens = Array.from({ length: 20 }, (_, i) => joinWorkshop(workshop.id, `P${i}`).token);
    expect(new Set(tokens).size).toBe(20);
  });
});

describe("POST /join", () => {
  const join = (fields: Record<string, string>) => settle(() => joinAction({ request: formRequest("http://localhost/join", fields), params: {}, context }));

  it.each([
    ["as shown", (code: string) => code],
    ["in lower case", (code: string) => code.toLowerCase()],
    ["with spaces and a dash", (code: string) => ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `],
  ])("lets a participant in with the code typed %s", async (_how, typed) => {
    const workshop = newAssessment();
    const { status, response } = await join({ code: typed(workshop.joinCode!), name: "Ana" });
    expect(status).toBe(303);
    const token = response!.headers.get("Location")?.match(/^\/w\/([\w-]+)$/)?.[1];
    expect(token).toBeTruthy();
    expect(getParticipantByToken(token!)?.assessment.id).toBe(workshop.id);
    expect(countParticipants(workshop.id)).toBe(1);
  });

  it("refuses an unknown code, a locked workshop's code and a missing name; nobody joins", async () => {
    const workshop = newAssessment();
    const locked = newAssessment();
    saveConsensus(locked.id, [], true);

    expect(await join({ code: "XXXXXX", name: "Ana" })).toMatchObject({ status: 400, body: { errors: { code: "join.error.codeUnknown" } } });
    expect(await join({ code: locked.joinCode!, name: "Ana" })).toMatchObject({ status: 400, body: { errors: { code: "join.error.codeUnknown" } } });
    expect(await join({ code: workshop.joinCode!, name: " " })).toMatchObject({ status: 400, body: { errors: { name: "join.error.nameRequired" } } });
    expect(await join({ code: "", name: "Ana" })).toMatchObject({ status: 400, body: { errors: { code: "join.error.codeRequired" } } });
    expect(database.db.select().from(participants).all()).toEqual([]);
  });
});

describe("saveRatings", () => {
  it("stores a participant's votes", () => {
    const workshop = newAssessment();
    const { participant } = joinWorkshop(workshop.id, "Ana");
    expect(saveRatings(participant.id, workshop.id, [rating("billing", 2, 3, "late invoices"), rating("security", null, 4)])).toBe("saved");
    expect(getParticipantRatings(participant.id).sort((a, b) => a.capabilityKey.localeCompare(b.capabilityKey))).toEqual([
      { capabilityKey: "billing", current: 2, ideal: 3, comment: "late invoices" },
      { capabilityKey: "security", current: null, ideal: 4, comment: "" },
    ]);
  });

  it("replaces an earlier vote on the same capability, never duplicates it", () => {
    const workshop = newAssessment();
    const { participant } = joinWorkshop(workshop.id, "Ana");
    saveRatings(participant.id, workshop.id, [rating("billing", 1, 2, "first"), rating("security", 2, 2)]);
    saveRatings(participant.id, workshop.id, [rating("billing", 3, 4, "second")]);
    saveRatings(participant.id, workshop.id, [rating("billing", 4, 4, "third")]);
    expect(ratingRows(workshop.id)).toBe(2);
    expect(storedRating(participant.id, "billing")).toEqual({ current: 4, ideal: 4, comment: "third" });
    // A capability the later posts did not mention keeps its vote.
    expect(storedRating(participant.id, "security")).toEqual({ current: 2, ideal: 2, comment: "" });
  });

  it("keeps each participant's votes apart", () => {
    const workshop = newAssessment();
    const ana = joinWorkshop(workshop.id, "Ana").participant;
    const bruno = joinWorkshop(workshop.id, "Bruno").participant;
    saveRatings(ana.id, workshop.id, [rating("billing", 1, 2)]);
    saveRatings(bruno.id, workshop.id, [rating("billing", 4, 4)]);
    saveRatings(ana.id, workshop.id, [rating("billing", 2, 3)]);
    expect(ratingRows(workshop.id)).toBe(2);
    expect(storedRating(bruno.id, "billing")).toMatchObject({ current: 4, ideal: 4 });
    expect(storedRating(ana.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("refuses votes after the lock and changes nothing", () => {
    const workshop = newAssessment();
    const { participant } = joinWorkshop(workshop.id, "Ana");
    saveRatings(participant.id, workshop.id, [rating("billing", 2, 3)]);
    expect(saveConsensus(workshop.id, [], true)).toBe("locked");

    expect(saveRatings(participant.id, workshop.id, [rating("billing", 4, 4), rating("security", 1, 1)])).toBe("locked");
    expect(ratingRows(workshop.id)).toBe(1);
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("rolls back the whole post when one value breaks a constraint", () => {
    const workshop = newAssessment();
    const { participant } = joinWorkshop(workshop.id, "Ana");
    saveRatings(participant.id, workshop.id, [rating("billing", 2, 3)]);
    // Validation normally stops a 7 first; the CHECK constraint and the transaction are the last line.
    expect(() => saveRatings(participant.id, workshop.id, [rating("billing", 1, 1), rating("security", 7, 4)])).toThrow(/CHECK/);
    expect(ratingRows(workshop.id)).toBe(1);
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("loses and duplicates nothing when 50 participants save all 25 votes twice, interleaved", () => {
    const workshop = newAssessment();
    const people = Array.from({ length: 50 }, (_, i) => joinWorkshop(workshop.id, `Participant ${i}`).participant);
    const levelFor = (person: number, capability: number, round: number) => ((person + capability + round) % 4) + 1;
    // Round-robin: everyone's first chunk, then everyone's second… as posts from a room arrive.
    for (const round of [0, 1]) {
      for (const chunk of [0, 1, 2, 3, 4]) {
        for (const [p, person] of people.entries()) {
          const input = ALL_KEYS.slice(chunk * 5, chunk * 5 + 5).map((key) => rating(key, levelFor(p, ALL_KEYS.indexOf(key), round), 4));
          expect(saveRatings(person.id, workshop.id, input)).toBe("saved");
        }
      }
      expect(ratingRows(workshop.id)).toBe(50 * 25);
    }
    expect(countVoters(workshop.id)).toBe(50);
    const rows = database.db
      .select({ participantId: ratings.participantId, capabilityKey: ratings.capabilityKey, current: ratings.current })
      .from(ratings)
      .innerJoin(participants, eq(participants.id, ratings.participantId))
      .where(eq(participants.assessmentId, workshop.id))
      .all();
    const wrong = rows.filter((row) => row.current !== levelFor(people.findIndex((p) => p.id === row.participantId), ALL_KEYS.indexOf(row.capabilityKey), 1));
    expect(wrong).toEqual([]);
  });

  it("keeps the count exact when posts to the page arrive all at once", async () => {
    const workshop = newAssessment();
    const people = Array.from({ length: 6 }, (_, i) => joinWorkshop(workshop.id, `Participant ${i}`));
    const levelFor = (person: number, capability: number, round: number) => ((person + capability + round) % 4) + 1;
    // Each person posts their 25 votes in 5 chunks through the page's action, every request of a
    // round in flight together (bodies parse asynchronously, so they interleave).
    for (const round of [0, 1]) {
      const posts = people.flatMap(({ token }, p) =>
        [0, 1, 2, 3, 4].map((chunk) => {
          const keys = ALL_KEYS.slice(chunk * 5, chunk * 5 + 5);
          const fields = votes(Object.fromEntries(keys.map((key) => [key, [levelFor(p, ALL_KEYS.indexOf(key), round), 4]])), { step: "1" });
          return settle(() => rateAction({ request: formRequest(`http://localhost/w/${token}`, fields), params: { token }, context }));
        }),
      );
      const statuses = (await Promise.all(posts)).map((r) => r.status);
      expect(statuses.filter((status) => status !== 303)).toEqual([]);
      expect(ratingRows(workshop.id)).toBe(6 * 25);
    }
    for (const [p, person] of people.entries()) {
      const stored = getParticipantRatings(person.participant.id);
      expect(stored).toHaveLength(25);
      for (const row of stored) expect(row.current, `${p} ${row.capabilityKey}`).toBe(levelFor(p, ALL_KEYS.indexOf(row.capabilityKey), 1));
    }
  });
});

describe("the participant's rating page", () => {
  async function setup() {
    const workshop = newAssessment();
    const { participant, token } = joinWorkshop(workshop.id, "Ana");
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      settle(() => rateAction({ request: formRequest(`http://localhost/w/${token}`, fields, headers), params: { token }, context }));
    // The two vote posts answered by server.ts's lane before Remix (tests/e2e covers them over HTTP).
    const background = (fields: Record<string, string>) => answerBackgroundSave(token, fields);
    const lane = (fields: Record<string, string>) => pagePostLocation(token, fields);
    return { workshop, participant, token, post, background, lane };
  }

  it("saves a step and moves to the next, then to the end", async () => {
    const { participant, post } = await setup();
    const first = await post(votes({ "business-intelligence": [2, 3], "customer-strategy": [1, 4] }, { step: "1", go: "next" }));
    expect(first.status).toBe(303);
    expect(first.response!.headers.get("Location")).toMatch(/\?step=2$/);
    const last = await post(votes({ security: [3, 3] }, { step: "4", go: "next" }));
    expect(last.response!.headers.get("Location")).toMatch(/\?step=done$/);
    const back = await post(votes({ security: [3, 4] }, { step: "3", go: "back" }));
    expect(back.response!.headers.get("Location")).toMatch(/\?step=2$/);
    expect(getParticipantRatings(participant.id)).toHaveLength(3);
  });

  it("asks for a second look at goals below today before moving on, but keeps them", async () => {
    const { participant, post } = await setup();
    const checked = await post(votes({ billing: [3, 2] }, { step: "3", go: "next" }));
    expect(checked.response!.headers.get("Location")).toMatch(/\?step=3&check=1$/);
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 3, ideal: 2 });
    const acknowledged = await post(votes({ billing: [3, 2] }, { step: "3", go: "next", acknowledged: "1" }));
    expect(acknowledged.response!.headers.get("Location")).toMatch(/\?step=4$/);
  });

  it("answers a vote outside 1–4 with 400 and changes nothing, not even the valid part of the post", async () => {
    const { workshop, participant, post } = await setup();
    await post(votes({ "business-intelligence": [2, 3] }, { step: "1" }));
    const refused = await post(votes({ "business-intelligence": [7, 3], "customer-strategy": [1, 2] }, { step: "1" }));
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as { errors: Record<string, string> }).errors)).toEqual(["business-intelligence.current"]);
    expect(ratingRows(workshop.id)).toBe(1);
    expect(storedRating(participant.id, "business-intelligence")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("answers the background save's bad vote with a JSON 400, and saves a good one", async () => {
    const { workshop, participant, background } = await setup();
    const refused = background({ "billing.current": "0", "billing.ideal": "2" });
    expect(refused).toEqual({ status: 400, body: { errors: { "billing.current": "rating.error.level" } } });
    expect(ratingRows(workshop.id)).toBe(0);

    const saved = background({ "billing.current": "2", "billing.ideal": "4" });
    expect(saved).toEqual({ status: 200, body: { saved: 1 } });
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 4 });
  });

  it("refuses votes with 409 once locked, on both routes, and shows the page as locked", async () => {
    const { workshop, participant, token, post, background } = await setup();
    await post(votes({ billing: [2, 3] }, { step: "3" }));
    saveConsensus(workshop.id, [], true);

    const page = await post(votes({ billing: [4, 4] }, { step: "3" }));
    expect(page.status).toBe(409);
    expect(background(votes({ billing: [4, 4] }))).toEqual({ status: 409, body: { error: "locked" } });
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });

    const loaded = await rateLoader({ request: new Request(`http://localhost/w/${token}?step=3`), params: { token }, context });
    expect(loaded).toMatchObject({ locked: true, step: 3, saved: { billing: { current: 2, ideal: 3 } } });
  });

  it("answers an unknown token with 404 on every route", async () => {
    const token = "not-a-real-token-not-a-real-token-00000000";
    const params = { token };
    expect((await settle(() => rateLoader({ request: new Request(`http://localhost/w/${token}`), params, context }))).status).toBe(404);
    expect((await settle(() => rateAction({ request: formRequest(`http://localhost/w/${token}`, votes({ billing: [1, 1] })), params, context }))).status).toBe(404);
    expect(answerBackgroundSave(token, votes({ billing: [1, 1] })).status).toBe(404);
    expect(pagePostLocation(token, votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect(ratingRows()).toBe(0);
  });

  it("answers a saving page post in the lane with the next step: on, back, a second look, the end", async () => {
    const { participant, lane } = await setup();
    expect(lane(votes({ "business-intelligence": [2, 3] }, { step: "1", go: "next" }))).toMatch(/^\/w\/[\w-]+\?step=2$/);
    expect(lane(votes({ security: [3, 3] }, { step: "4" }))).toMatch(/\?step=done$/);
    expect(lane(votes({ security: [3, 4] }, { step: "3", go: "back" }))).toMatch(/\?step=2$/);
    const fields = votes({ billing: [3, 2] }, { step: "3", go: "next" });
    expect(lane(fields)).toMatch(/\?step=3&check=1$/);
    expect(lane({ ...fields, acknowledged: "1" })).toMatch(/\?step=4$/);
    expect(getParticipantRatings(participant.id)).toHaveLength(3);
  });

  it("leaves a bad, locked or limited page post to the action, having saved and counted nothing", async () => {
    const { workshop, participant, lane, post } = await setup();
    expect(lane(votes({ billing: [2, 3] }, { step: "3" }))).toBeDefined();
    expect(lane(votes({ billing: [7, 3], security: [1, 2] }, { step: "3" }))).toBeUndefined();
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
    expect(ratingRows(workshop.id)).toBe(1);

    // Both posts so far counted once each: the refused one is counted by the action, not the lane.
    for (let i = 2; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);
    expect(lane(votes({ billing: [4, 4] }, { step: "3" }))).toBeDefined();
    expect(lane(votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect((await post(votes({ billing: [1, 1] }, { step: "3" }))).status).toBe(429);
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 4, ideal: 4 });

    resetLimits();
    saveConsensus(workshop.id, [], true);
    expect(lane(votes({ billing: [1, 1] }, { step: "3" }))).toBeUndefined();
    expect((await post(votes({ billing: [1, 1] }, { step: "3" }))).status).toBe(409);
    expect(storedRating(participant.id, "billing")).toMatchObject({ current: 4, ideal: 4 });
  });

  it("warms the vote schema at start-up with posts it accepts, saving and counting nothing", async () => {
    const { participant, lane } = await setup();
    expect(() => warmUpVoteValidation(50)).not.toThrow();
    expect(ratingRows()).toBe(0);
    // No attempt was counted against anyone: the participant still has the whole allowance.
    for (let i = 1; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);
    expect(lane(votes({ billing: [2, 3] }, { step: "3" }))).toBeDefined();
  });

  it("limits posts per participant, not per IP: a neighbour on the same network still votes", async () => {
    const { workshop, participant, post } = await setup();
    const neighbour = joinWorkshop(workshop.id, "Bruno");
    for (let i = 0; i < VOTE_POSTS_PER_PARTICIPANT.max; i += 1) countAttempt(VOTE_POSTS_PER_PARTICIPANT, participant.id);

    const limited = await post(votes({ billing: [2, 2] }, { step: "3" }));
    expect(limited.status).toBe(429);
    expect(ratingRows(workshop.id)).toBe(0);

    const other = await settle(() =>
      rateAction({ request: formRequest(`http://localhost/w/${neighbour.token}`, votes({ billing: [2, 2] }, { step: "3" })), params: { token: neighbour.token }, context }),
    );
    expect(other.status).toBe(303);
    expect(ratingRows(workshop.id)).toBe(1);
  });
});

describe("saveConsensus and the lock", () => {
  const entry = (capabilityKey: string, current: number, ideal: number, importance = 2, rationale = "") => ({ capabilityKey, current, ideal, importance, rationale });

  it("saves entries and replaces them on a later save", () => {
    const workshop = newAssessment();
    expect(saveConsensus(workshop.id, [entry("billing", 1, 3, 3, "late"), entry("security", 2, 4)], false)).toBe("saved");
    expect(saveConsensus(workshop.id, [entry("billing", 2, 3, 1, "better now")], false)).toBe("saved");
    expect(consensusRows(workshop.id)).toBe(2);
    expect(getConsensus(workshop.id).get("billing")).toMatchObject({ current: 2, ideal: 3, importance: 1, rationale: "better now" });
    expect(storedAssessment(workshop.id)).toMatchObject({ status: "open", lockedAt: null });
  });

  it("saves and locks in one step: status, lock date, results shown; the next one is due six months later", () => {
    const workshop = newAssessment();
    const now = new Date(2026, 7, 31, 15, 0).getTime();
    expect(saveConsensus(workshop.id, [entry("billing", 1, 3)], true, now)).toBe("locked");
    const locked = storedAssessment(workshop.id);
    expect(locked).toMatchObject({ status: "locked", resultsVisible: true });
    expect(locked.lockedAt?.getTime()).toBe(now);
    expect(nextAssessmentDue(locked.lockedAt!)).toEqual(new Date(2027, 1, 28, 15, 0));
    expect(getConsensus(workshop.id).get("billing")).toMatchObject({ current: 1, ideal: 3 });
    // The join code no longer lets anyone in.
    expect(getOpenWorkshopByCode(workshop.joinCode!)).toBeUndefined();
  });

  it("changes nothing after the lock", () => {
    const workshop = newAssessment();
    const { participant } = joinWorkshop(workshop.id, "Ana");
    saveConsensus(workshop.id, [entry("billing", 1, 3)], true, 1_000);
    expect(saveConsensus(workshop.id, [entry("billing", 4, 4), entry("security", 1, 1)], false)).toBe("already-locked");
    expect(saveConsensus(workshop.id, [], true, 2_000)).toBe("already-locked");
    expect(saveRatings(participant.id, workshop.id, [rating("billing", 1, 1)])).toBe("locked");
    expect(consensusRows(workshop.id)).toBe(1);
    expect(getConsensus(workshop.id).get("billing")).toMatchObject({ current: 1, ideal: 3 });
    expect(storedAssessment(workshop.id).lockedAt?.getTime()).toBe(1_000);
    expect(ratingRows(workshop.id)).toBe(0);
  });

  it("does not lock when an entry cannot be saved: all or nothing", () => {
    const workshop = newAssessment();
    expect(() => saveConsensus(workshop.id, [entry("billing", 1, 3), entry("security", 2, 4, 9)], true)).toThrow(/CHECK/);
    expect(storedAssessment(workshop.id)).toMatchObject({ status: "open", lockedAt: null });
    expect(consensusRows(workshop.id)).toBe(0);
  });

  it("never touches another assessment", () => {
    const first = newAssessment();
    const second = newAssessment();
    saveConsensus(first.id, [entry("billing", 1, 3)], true);
    expect(storedAssessment(second.id).status).toBe("open");
    expect(consensusRows(second.id)).toBe(0);
  });
});

describe("medians, drafts and gaps", () => {
  /** Three participants' votes: billing 1/2/3 → 2 and 3/4/4 → 4; security 2,3 → 2.5 → 3 and 3,4 → 3.5 → 4. */
  function votedWorkshop() {
    const workshop = newAssessment();
    const [ana, bruno, carla] = ["Ana", "Bruno", "Carla"].map((name) => joinWorkshop(workshop.id, name).participant);
    saveRatings(ana!.id, workshop.id, [rating("billing", 1, 3), rating("security", 2, 3), rating("applications", null, null, "no idea")]);
    saveRatings(bruno!.id, workshop.id, [rating("billing", 2, 4), rating("security", 3, 4)]);
    saveRatings(carla!.id, workshop.id, [rating("billing", 3, 4), rating("security", null, null)]);
    return workshop;
  }

  it("summarizes the votes per capability", () => {
    const workshop = votedWorkshop();
    const summaries = summarizeAssessmentVotes(workshop.id);
    expect(summaries.get("billing")).toMatchObject({ votes: 3, medianCurrent: 2, medianIdeal: 4, spreadCurrent: 2, disagreement: true, distributionCurrent: [1, 1, 1, 0] });
    expect(summaries.get("security")).toMatchObject({ votes: 2, medianCurrent: 2.5, medianIdeal: 3.5, disagreement: false });
    expect(summaries.get("applications")).toMatchObject({ votes: 0, medianCurrent: null });
    expect(summaries.has("talent-training")).toBe(false);
    expect(countVoters(workshop.id)).toBe(3);
  });

  it("drafts the consensus from medians rounded half up until the facilitator agrees one", () => {
    const workshop = votedWorkshop();
    let drafts = getConsensusDrafts(workshop.id);
    expect(Object.keys(drafts)).toEqual(ALL_KEYS);
    expect(drafts.billing).toMatchObject({ current: 2, ideal: 4, importance: 2, source: "median" });
    expect(drafts.security).toMatchObject({ current: 3, ideal: 4, importance: 2, source: "median" });
    expect(drafts.applications).toMatchObject({ current: null, ideal: null, source: "none" });
    expect(drafts["talent-training"]).toMatchObject({ current: null, ideal: null, source: "none" });

    saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 2, importance: 3, rationale: "agreed" }], false);
    drafts = getConsensusDrafts(workshop.id);
    expect(drafts.billing).toMatchObject({ current: 1, ideal: 2, importance: 3, rationale: "agreed", source: "consensus" });
    // The room's votes stay beside the consensus.
    expect(drafts.billing?.votes?.distributionCurrent).toEqual([1, 1, 1, 0]);
  });

  it("fills capabilities the facilitator left alone with their medians at lock", () => {
    const workshop = votedWorkshop();
    const posted = [{ capabilityKey: "billing", current: 1, ideal: 2, importance: 3, rationale: "agreed" }];
    const filled = withMedianDefaults(workshop.id, posted);
    expect(filled).toEqual([...posted, { capabilityKey: "security", current: 3, ideal: 4, importance: 2, rationale: "" }]);

    saveConsensus(workshop.id, filled, true);
    const agreed = getConsensus(workshop.id);
    expect([...agreed.keys()].sort()).toEqual(["billing", "security"]);
    expect(agreed.get("billing")).toMatchObject({ current: 1, ideal: 2, importance: 3 });
    expect(agreed.get("security")).toMatchObject({ current: 3, ideal: 4, importance: 2 });
  });

  it("does not overwrite an earlier agreed row with the median at lock", () => {
    const workshop = votedWorkshop();
    saveConsensus(workshop.id, [{ capabilityKey: "security", current: 1, ideal: 1, importance: 1, rationale: "earlier" }], false);
    const filled = withMedianDefaults(workshop.id, []);
    expect(filled.map((e) => e.capabilityKey)).toEqual(["billing"]);
    saveConsensus(workshop.id, filled, true);
    expect(getConsensus(workshop.id).get("security")).toMatchObject({ current: 1, ideal: 1, rationale: "earlier" });
  });

  it("computes the gaps from the consensus where there is one and the rounded medians elsewhere", () => {
    const workshop = votedWorkshop();
    saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 4, importance: 3, rationale: "" }], false);
    const gaps = getCapabilityGaps(workshop.id);
    expect(gaps.map((g) => g.capabilityKey)).toEqual(ALL_KEYS);
    const byKey = new Map(gaps.map((g) => [g.capabilityKey, g]));
    expect(byKey.get("billing")).toEqual({ categoryKey: "customer-interaction", capabilityKey: "billing", source: "consensus", current: 1, ideal: 4, importance: 3, gap: 3, priority: 9 });
    expect(byKey.get("security")).toEqual({ categoryKey: "infrastructure", capabilityKey: "security", source: "median", current: 3, ideal: 4, importance: 2, gap: 1, priority: 2 });
    expect(byKey.get("applications")).toMatchObject({ source: "none", current: null, ideal: null, gap: null, priority: null });
  });

  it("gives a goal below today a gap of 0", () => {
    const workshop = newAssessment("solo");
    saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 4, ideal: 2, importance: 3, rationale: "" }], false);
    expect(getCapabilityGaps(workshop.id).find((g) => g.capabilityKey === "billing")).toMatchObject({ gap: 0, priority: 0 });
  });

  it("keeps one assessment's votes out of another's medians", () => {
    const workshop = votedWorkshop();
    const other = newAssessment();
    const { participant } = joinWorkshop(other.id, "Zoe");
    saveRatings(participant.id, other.id, [rating("billing", 4, 4), rating("security", 4, 4)]);
    expect(getConsensusDrafts(workshop.id).billing).toMatchObject({ current: 2, ideal: 4 });
    expect(getConsensusDrafts(other.id).billing).toMatchObject({ current: 4, ideal: 4 });
    expect(database.db.select().from(consensus).all()).toEqual([]);
  });
});
