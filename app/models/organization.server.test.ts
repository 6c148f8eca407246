import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeMembership, makeOrganization, makeQuizResults, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, t, useTestDatabase } from "../../tests/setup/test-db";
import { createInvite } from "./invite.server";
import { listMembers } from "./membership.server";
import { createOrganization, deleteOrganization, getMembership, listOrganizationsForUser, type Organization } from "./organization.server";
import { getQuizSummary } from "./quiz-result.server";
import type { User } from "./user.server";

const database = useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultant" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

async function roleOf(userId: string, organizationId = org.id) {
  return (await getMembership(organizationId, userId))?.role ?? null;
}

describe("createOrganization", () => {
  it("stores the trimmed fields and makes the creator its one consultant", async () => {
    const created = await createOrganization({ name: "  Pacífico Bank ", industry: " Banking ", defaultLang: "en" }, consultant.id);
    expect(created).toMatchObject({ name: "Pacífico Bank", industry: "Banking", defaultLang: "en" });
    expect(created.quizInviteToken.length).toBeGreaterThanOrEqual(24);
    expect(await listMembers(created.id)).toEqual([expect.objectContaining({ userId: consultant.id, role: "consultant" })]);
    expect(await getMembership(created.id, consultant.id)).toMatchObject({ role: "consultant", organization: { id: created.id } });
  });

  it("leaves no organization behind when the creator does not exist", async () => {
    const before = (await database.db.orm.select({ n: count() }).from(t.organizations))[0]!.n;
    await expectConstraintError(createOrganization({ name: "Orphan", defaultLang: "es" }, "no-such-user"), "foreign key");
    expect((await database.db.orm.select({ n: count() }).from(t.organizations))[0]!.n).toBe(before);
  });

  it("lists an organization only for its members", async () => {
    const outsider = await makeUser();
    expect((await listOrganizationsForUser(consultant.id)).map((o) => o.name)).toEqual(["Andes Retail"]);
    expect(await listOrganizationsForUser(outsider.id)).toEqual([]);
    expect(await getMembership(org.id, outsider.id)).toBeNull();
  });
});

describe("deleteOrganization", () => {
  it("takes its t.memberships, invites and quiz results with it, and nothing of another organization", async () => {
    const member = await makeUser();
    await makeMembership(org.id, member.id, "viewer", consultant.id);
    await createInvite(org.id, "program-owner", consultant.id);
    await makeQuizResults(org.id);

    const otherOrg = await makeOrganization(consultant.id, { name: "Other client" });
    await makeMembership(otherOrg.id, member.id, "program-owner", consultant.id);
    await createInvite(otherOrg.id, "viewer", consultant.id);
    await makeQuizResults(otherOrg.id, [{ answers: { q1: "a", q2: "b", q3: "c", q4: "d" }, lang: "en" }]);
    await makeQuizResults(null, [{ answers: { q1: "c", q2: "c", q3: "c", q4: "d" }, lang: "es" }]);

    const rowsOf = async (organizationId: string) => ({
      memberships: (await database.db.orm.select({ n: count() }).from(t.memberships).where(eq(t.memberships.organizationId, organizationId)))[0]!.n,
      invites: (await database.db.orm.select({ n: count() }).from(t.invites).where(eq(t.invites.organizationId, organizationId)))[0]!.n,
      quizResults: (await database.db.orm.select({ n: count() }).from(t.quizResults).where(eq(t.quizResults.organizationId, organizationId)))[0]!.n,
    });
    expect(await rowsOf(org.id)).toEqual({ memberships: 2, invites: 2, quizResults: 9 });
    const otherBefore = await rowsOf(otherOrg.id);

    await deleteOrganization(org.id);

    expect((await database.db.orm.select().from(t.organizations).where(eq(t.organizations.id, org.id)))[0]).toBeUndefined();
    expect(await rowsOf(org.id)).toEqual({ memberships: 0, invites: 0, quizResults: 0 });
    expect(await rowsOf(otherOrg.id)).toEqual(otherBefore);
    expect((await getQuizSummary(otherOrg.id)).total).toBe(1);
    // Anonymous quiz results (no organization) stay.
    expect((await database.db.orm.select({ n: count() }).from(t.quizResults))[0]!.n).toBe(2);
    // People are not deleted with an organization: they keep their other t.memberships.
    expect(await roleOf(member.id, otherOrg.id)).toBe("program-owner");
    expect((await listOrganizationsForUser(consultant.id)).map((o) => o.id)).toEqual([otherOrg.id]);
  });
});
