import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, t, useTestDatabase } from "../../tests/setup/test-db";
import { ALL_KEYS, rating, ratingRows, storedRating, voteAsThreeParticipants } from "../../tests/setup/workshop";
import { saveConsensus } from "./consensus.server";
import type { Organization } from "./organization.server";
import { joinWorkshop, type Participant } from "./participant.server";
import { countVoters, getParticipantRatings, saveRatings, summarizeAssessmentVotes } from "./rating.server";
import type { User } from "./user.server";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

const newAssessment = () => makeAssessment(org.id, consultant.id);

describe("saveRatings", () => {
  it("stores a participant's votes", async () => {
    const workshop = await newAssessment();
    const { participant } = await joinWorkshop(workshop.id, "Ana");
    expect(await saveRatings(participant.id, workshop.id, [rating("billing", 2, 3, "late invoices"), rating("security", null, 4)])).toBe("saved");
    expect((await getParticipantRatings(participant.id)).sort((a, b) => a.capabilityKey.localeCompare(b.capabilityKey))).toEqual([
      { capabilityKey: "billing", current: 2, ideal: 3, comment: "late invoices" },
      { capabilityKey: "security", current: null, ideal: 4, comment: "" },
    ]);
  });

  it("replaces an earlier vote on the same capability, never duplicates it", async () => {
    const workshop = await newAssessment();
    const { participant } = await joinWorkshop(workshop.id, "Ana");
    await saveRatings(participant.id, workshop.id, [rating("billing", 1, 2, "first"), rating("security", 2, 2)]);
    await saveRatings(participant.id, workshop.id, [rating("billing", 3, 4, "second")]);
    await saveRatings(participant.id, workshop.id, [rating("billing", 4, 4, "third")]);
    expect(await ratingRows(workshop.id)).toBe(2);
    expect(await storedRating(participant.id, "billing")).toEqual({ current: 4, ideal: 4, comment: "third" });
    // A capability the later posts did not mention keeps its vote.
    expect(await storedRating(participant.id, "security")).toEqual({ current: 2, ideal: 2, comment: "" });
  });

  it("keeps each participant's votes apart", async () => {
    const workshop = await newAssessment();
    const ana = (await joinWorkshop(workshop.id, "Ana")).participant;
    const bruno = (await joinWorkshop(workshop.id, "Bruno")).participant;
    await saveRatings(ana.id, workshop.id, [rating("billing", 1, 2)]);
    await saveRatings(bruno.id, workshop.id, [rating("billing", 4, 4)]);
    await saveRatings(ana.id, workshop.id, [rating("billing", 2, 3)]);
    expect(await ratingRows(workshop.id)).toBe(2);
    expect(await storedRating(bruno.id, "billing")).toMatchObject({ current: 4, ideal: 4 });
    expect(await storedRating(ana.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("refuses votes after the lock and changes nothing", async () => {
    const workshop = await newAssessment();
    const { participant } = await joinWorkshop(workshop.id, "Ana");
    await saveRatings(participant.id, workshop.id, [rating("billing", 2, 3)]);
    expect(await saveConsensus(workshop.id, [], true)).toBe("locked");

    expect(await saveRatings(participant.id, workshop.id, [rating("billing", 4, 4), rating("security", 1, 1)])).toBe("locked");
    expect(await ratingRows(workshop.id)).toBe(1);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("rolls back the whole post when one value breaks a constraint", async () => {
    const workshop = await newAssessment();
    const { participant } = await joinWorkshop(workshop.id, "Ana");
    await saveRatings(participant.id, workshop.id, [rating("billing", 2, 3)]);
    // Validation normally stops a 7 first; the CHECK constraint and the transaction are the last line.
    await expectConstraintError(saveRatings(participant.id, workshop.id, [rating("billing", 1, 1), rating("security", 7, 4)]), "check");
    expect(await ratingRows(workshop.id)).toBe(1);
    expect(await storedRating(participant.id, "billing")).toMatchObject({ current: 2, ideal: 3 });
  });

  it("loses and duplicates nothing when 50 participants save all 25 votes twice, interleaved", async () => {
    const workshop = await newAssessment();
    const people: Participant[] = [];
    for (let i = 0; i < 50; i += 1) people.push((await joinWorkshop(workshop.id, `Participant ${i}`)).participant);
    const levelFor = (person: number, capability: number, round: number) => ((person + capability + round) % 4) + 1;
    // Round-robin: everyone's first chunk, then everyone's second… as posts from a room arrive.
    for (const round of [0, 1]) {
      for (const chunk of [0, 1, 2, 3, 4]) {
        for (const [p, person] of people.entries()) {
          const input = ALL_KEYS.slice(chunk * 5, chunk * 5 + 5).map((key) => rating(key, levelFor(p, ALL_KEYS.indexOf(key), round), 4));
          expect(await saveRatings(person.id, workshop.id, input)).toBe("saved");
        }
      }
      expect(await ratingRows(workshop.id)).toBe(50 * 25);
    }
    expect(await countVoters(workshop.id)).toBe(50);
    const rows = await database.db.orm
      .select({ participantId: t.ratings.participantId, capabilityKey: t.ratings.capabilityKey, current: t.ratings.current })
      .from(t.ratings)
      .innerJoin(t.participants, eq(t.participants.id, t.ratings.participantId))
      .where(eq(t.participants.assessmentId, workshop.id));
    const wrong = rows.filter((row) => row.current !== levelFor(people.findIndex((p) => p.id === row.participantId), ALL_KEYS.indexOf(row.capabilityKey), 1));
    expect(wrong).toEqual([]);
  });

});

describe("summarizeAssessmentVotes", () => {
  async function votedWorkshop() {
    const workshop = await newAssessment();
    await voteAsThreeParticipants(workshop.id);
    return workshop;
  }

  it("summarizes the votes per capability", async () => {
    const workshop = await votedWorkshop();
    const summaries = await summarizeAssessmentVotes(workshop.id);
    expect(summaries.get("billing")).toMatchObject({ votes: 3, medianCurrent: 2, medianIdeal: 4, spreadCurrent: 2, disagreement: true, distributionCurrent: [1, 1, 1, 0] });
    expect(summaries.get("security")).toMatchObject({ votes: 2, medianCurrent: 2.5, medianIdeal: 3.5, disagreement: false });
    expect(summaries.get("applications")).toMatchObject({ votes: 0, medianCurrent: null });
    expect(summaries.has("talent-training")).toBe(false);
    expect(await countVoters(workshop.id)).toBe(3);
  });

});
