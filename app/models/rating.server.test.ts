import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { participants, ratings } from "../../db/schema";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { ALL_KEYS, rating, ratingRows, storedRating, voteAsThreeParticipants } from "../../tests/setup/workshop";
import { saveConsensus } from "./consensus.server";
import type { Organization } from "./organization.server";
import { joinWorkshop } from "./participant.server";
import { countVoters, getParticipantRatings, saveRatings, summarizeAssessmentVotes } from "./rating.server";
import type { User } from "./user.server";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

const newAssessment = () => makeAssessment(org.id, consultant.id);

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

});

describe("summarizeAssessmentVotes", () => {
  function votedWorkshop() {
    const workshop = newAssessment();
    voteAsThreeParticipants(workshop.id);
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

});
