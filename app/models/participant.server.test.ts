import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { participants } from "../../db/schema";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import type { Organization } from "./organization.server";
import { getParticipantByToken, joinWorkshop } from "./participant.server";
import type { User } from "./user.server";
import { hashToken } from "~/utils/tokens.server";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

const newAssessment = () => makeAssessment(org.id, consultant.id);

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
