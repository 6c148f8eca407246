import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, t, useTestDatabase } from "../../tests/setup/test-db";
import { countParticipants, getAssessment, getOpenWorkshopByCode, listAssessments, requireAssessment, type Assessment } from "./assessment.server";
import { saveConsensus } from "./consensus.server";
import type { Organization } from "./organization.server";
import { joinWorkshop } from "./participant.server";
import type { User } from "./user.server";
import { isJoinCode, JOIN_CODE_ALPHABET } from "~/domain/workshop";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

afterEach(async () => {
  vi.restoreAllMocks();
});

function newAssessment(mode: Assessment["mode"] = "workshop", name = "2026 H2", organizationId = org.id): Promise<Assessment> {
  return makeAssessment(organizationId, consultant.id, { mode, name });
}

describe("createAssessment", () => {
  it("gives a workshop an open status and a valid join code", async () => {
    const workshop = await newAssessment("workshop", "  2026 H2 ");
    expect(workshop).toMatchObject({ organizationId: org.id, name: "2026 H2", mode: "workshop", status: "open", lockedAt: null, resultsVisible: false });
    expect(isJoinCode(workshop.joinCode ?? "")).toBe(true);
    expect(workshop.id.length).toBeGreaterThanOrEqual(16);
    expect((await getOpenWorkshopByCode(workshop.joinCode!))?.id).toBe(workshop.id);
  });

  it("gives a solo assessment no join code", async () => {
    const solo = await newAssessment("solo");
    expect(solo).toMatchObject({ mode: "solo", status: "open", joinCode: null });
  });

  it("gives open workshops distinct codes", async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 40; i += 1) codes.push((await newAssessment()).joinCode);
    expect(new Set(codes).size).toBe(40);
    expect(codes.every((code) => isJoinCode(code ?? ""))).toBe(true);
  });

  it("draws a fresh code when the first one is taken by an open workshop", async () => {
    // Join codes are drawn one character at a time with crypto.randomInt(27): the first two codes
    // (6 draws each) clash, the third is fresh.
    let draws = 0;
    vi.spyOn(crypto, "randomInt").mockImplementation(((max: number) => {
      expect(max).toBe(JOIN_CODE_ALPHABET.length);
      draws += 1;
      return draws <= 12 ? 0 : 1;
    }) as typeof crypto.randomInt);

    const first = await newAssessment();
    const second = await newAssessment();
    expect(first.joinCode).toBe(JOIN_CODE_ALPHABET[0]!.repeat(6));
    expect(second.joinCode).toBe(JOIN_CODE_ALPHABET[1]!.repeat(6));
    expect(draws).toBe(18);
    expect(await listAssessments(org.id)).toHaveLength(2);
  });

  it("lets a locked workshop's code be used again, but never by two open ones", async () => {
    const first = await newAssessment();
    const copyId = crypto.randomUUID();
    const duplicate = () =>
      database.db.orm
        .insert(t.assessments)
        .values({ id: copyId, organizationId: org.id, name: "copy", mode: "workshop", joinCode: first.joinCode, modelId: "m", modelVersion: 1, createdBy: consultant.id })
        .returning({ id: t.assessments.id });
    await expectConstraintError(duplicate(), "unique");
    expect(await saveConsensus(first.id, [], true)).toBe("locked");
    expect(await duplicate()).toHaveLength(1);
    // The code now lets people into the open copy, not the locked workshop.
    expect((await getOpenWorkshopByCode(first.joinCode!))?.id).toBe(copyId);
  });

  it("lists an organization's assessments with their participant counts, and only its own", async () => {
    const workshop = await newAssessment("workshop", "Taller");
    await newAssessment("solo", "Solo");
    await joinWorkshop(workshop.id, "Ana");
    await joinWorkshop(workshop.id, "Bruno");
    const other = await makeOrganization((await makeUser()).id);
    const foreign = await newAssessment("workshop", "Foreign", other.id);

    const listed = await listAssessments(org.id);
    expect(listed.map((a) => [a.name, a.participantCount]).sort()).toEqual([
      ["Solo", 0],
      ["Taller", 2],
    ]);
    expect(await getAssessment(org.id, foreign.id)).toBeUndefined();
    await expect(requireAssessment(org.id, foreign.id)).rejects.toBeInstanceOf(Response);
    expect(await countParticipants(workshop.id)).toBe(2);
  });
});
