import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import type { Organization } from "./organization.server";
import { getParticipantByToken, joinWorkshop } from "./participant.server";
import type { User } from "./user.server";
import { hashToken } from "~/utils/tokens.server";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

const newAssessment = () => makeAssessment(org.id, consultant.id);

describe("joinWorkshop and getParticipantByToken", () => {
  it("stores only a hash of the participant's unguessable token", async () => {
    const workshop = await newAssessment();
    const { participant, token } = await joinWorkshop(workshop.id, "  Ana María ");
    expect(participant.displayName).toBe("Ana María");
    // 256 random bits in base64url.
    expect(token).toMatch(/^[\w-]{43,}$/);
    const row = (await database.db.orm.select().from(t.participants).where(eq(t.participants.id, participant.id)))[0]!;
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("finds the participant and their assessment by token, and nothing by hash or a wrong token", async () => {
    const workshop = await newAssessment();
    const { participant, token } = await joinWorkshop(workshop.id, "Ana");
    await joinWorkshop(workshop.id, "Bruno");
    const session = await getParticipantByToken(token);
    expect(session?.participant.id).toBe(participant.id);
    expect(session?.assessment.id).toBe(workshop.id);
    expect(await getParticipantByToken(hashToken(token))).toBeNull();
    expect(await getParticipantByToken(`${token}x`)).toBeNull();
    expect(await getParticipantByToken("")).toBeNull();
  });

  it("gives every participant a different token", async () => {
    const workshop = await newAssessment();
    const tokens: string[] = [];
    for (let i = 0; i < 20; i += 1) tokens.push((await joinWorkshop(workshop.id, `P${i}`)).token);
    expect(new Set(tokens).size).toBe(20);
  });
});
