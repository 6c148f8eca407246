import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, useTestDatabase } from "../../tests/setup/test-db";
import { consensusRows, rating, ratingRows, storedAssessment } from "../../tests/setup/workshop";
import { getOpenWorkshopByCode } from "./assessment.server";
import { getConsensus, saveConsensus } from "./consensus.server";
import type { Organization } from "./organization.server";
import { joinWorkshop } from "./participant.server";
import { saveRatings } from "./rating.server";
import type { User } from "./user.server";
import { nextAssessmentDue } from "~/domain/workshop";

useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

const newAssessment = () => makeAssessment(org.id, consultant.id);

describe("saveConsensus and the lock", () => {
  const entry = (capabilityKey: string, current: number, ideal: number, importance = 2, rationale = "") => ({ capabilityKey, current, ideal, importance, rationale });

  it("saves entries and replaces them on a later save", async () => {
    const workshop = await newAssessment();
    expect(await saveConsensus(workshop.id, [entry("billing", 1, 3, 3, "late"), entry("security", 2, 4)], false)).toBe("saved");
    expect(await saveConsensus(workshop.id, [entry("billing", 2, 3, 1, "better now")], false)).toBe("saved");
    expect(await consensusRows(workshop.id)).toBe(2);
    expect((await getConsensus(workshop.id)).get("billing")).toMatchObject({ current: 2, ideal: 3, importance: 1, rationale: "better now" });
    expect(await storedAssessment(workshop.id)).toMatchObject({ status: "open", lockedAt: null });
  });

  it("saves and locks in one step: status, lock date, results shown; the next one is due six months later", async () => {
    const workshop = await newAssessment();
    const now = new Date(2026, 7, 31, 15, 0).getTime();
    expect(await saveConsensus(workshop.id, [entry("billing", 1, 3)], true, now)).toBe("locked");
    const locked = await storedAssessment(workshop.id);
    expect(locked).toMatchObject({ status: "locked", resultsVisible: true });
    expect(locked.lockedAt?.getTime()).toBe(now);
    expect(nextAssessmentDue(locked.lockedAt!)).toEqual(new Date(2027, 1, 28, 15, 0));
    expect((await getConsensus(workshop.id)).get("billing")).toMatchObject({ current: 1, ideal: 3 });
    // The join code no longer lets anyone in.
    expect(await getOpenWorkshopByCode(workshop.joinCode!)).toBeUndefined();
  });

  it("changes nothing after the lock", async () => {
    const workshop = await newAssessment();
    const { participant } = await joinWorkshop(workshop.id, "Ana");
    await saveConsensus(workshop.id, [entry("billing", 1, 3)], true, 1_000);
    expect(await saveConsensus(workshop.id, [entry("billing", 4, 4), entry("security", 1, 1)], false)).toBe("already-locked");
    expect(await saveConsensus(workshop.id, [], true, 2_000)).toBe("already-locked");
    expect(await saveRatings(participant.id, workshop.id, [rating("billing", 1, 1)])).toBe("locked");
    expect(await consensusRows(workshop.id)).toBe(1);
    expect((await getConsensus(workshop.id)).get("billing")).toMatchObject({ current: 1, ideal: 3 });
    expect((await storedAssessment(workshop.id)).lockedAt?.getTime()).toBe(1_000);
    expect(await ratingRows(workshop.id)).toBe(0);
  });

  it("does not lock when an entry cannot be saved: all or nothing", async () => {
    const workshop = await newAssessment();
    await expectConstraintError(saveConsensus(workshop.id, [entry("billing", 1, 3), entry("security", 2, 4, 9)], true), "check");
    expect(await storedAssessment(workshop.id)).toMatchObject({ status: "open", lockedAt: null });
    expect(await consensusRows(workshop.id)).toBe(0);
  });

  it("never touches another assessment", async () => {
    const first = await newAssessment();
    const second = await newAssessment();
    await saveConsensus(first.id, [entry("billing", 1, 3)], true);
    expect((await storedAssessment(second.id)).status).toBe("open");
    expect(await consensusRows(second.id)).toBe(0);
  });
});
