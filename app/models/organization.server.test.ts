import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { invites, memberships, organizations, quizResults } from "../../db/schema";
import { makeMembership, makeOrganization, makeQuizResults, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
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
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

function roleOf(userId: string, organizationId = org.id) {
  return getMembership(organizationId, userId)?.role ?? null;
}

describe("createOrganization", () => {
  it("stores the trimmed fields and makes the creator its one consultant", () => {
    const created = createOrganization({ name: "  Pacífico Bank ", industry: " Banking ", defaultLang: "en" }, consultant.id);
    expect(created).toMatchObject({ name: "Pacífico Bank", industry: "Banking", defaultLang: "en" });
    expect(created.quizInviteToken.length).toBeGreaterThanOrEqual(24);
    expect(listMembers(created.id)).toEqual([expect.objectContaining({ userId: consultant.id, role: "consultant" })]);
    expect(getMembership(created.id, consultant.id)).toMatchObject({ role: "consultant", organization: { id: created.id } });
  });

  it("leaves no organization behind when the creator does not exist", () => {
    const before = database.db.select({ n: count() }).from(organizations).get()!.n;
    expect(() => createOrganization({ name: "Orphan", defaultLang: "es" }, "no-such-user")).toThrow(/FOREIGN KEY/);
    expect(database.db.select({ n: count() }).from(organizations).get()!.n).toBe(before);
  });

  it("lists an organization only for its members", async () => {
    const outsider = await makeUser();
    expect(listOrganizationsForUser(consultant.id).map((o) => o.name)).toEqual(["Andes Retail"]);
    expect(listOrganizationsForUser(outsider.id)).toEqual([]);
    expect(getMembership(org.id, outsider.id)).toBeNull();
  });
});

describe("deleteOrganization", () => {
  it("takes its memberships, invites and quiz results with it, and nothing of another organization", async () => {
    const member = await makeUser();
    makeMembership(org.id, member.id, "viewer", consultant.id);
    createInvite(org.id, "program-owner", consultant.id);
    makeQuizResults(org.id);

    const otherOrg = makeOrganization(consultant.id, { name: "Other client" });
    makeMembership(otherOrg.id, member.id, "program-owner", consultant.id);
    createInvite(otherOrg.id, "viewer", consultant.id);
    makeQuizResults(otherOrg.id, [{ answers: { q1: "a", q2: "b", q3: "c", q4: "d" }, lang: "en" }]);
    makeQuizResults(null, [{ answers: { q1: "c", q2: "c", q3: "c", q4: "d" }, lang: "es" }]);

    const rowsOf = (organizationId: string) => ({
      memberships: database.db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, organizationId)).get()!.n,
      invites: database.db.select({ n: count() }).from(invites).where(eq(invites.organizationId, organizationId)).get()!.n,
      quizResults: database.db.select({ n: count() }).from(quizResults).where(eq(quizResults.organizationId, organizationId)).get()!.n,
    });
    expect(rowsOf(org.id)).toEqual({ memberships: 2, invites: 2, quizResults: 9 });
    const otherBefore = rowsOf(otherOrg.id);

    deleteOrganization(org.id);

    expect(database.db.select().from(organizations).where(eq(organizations.id, org.id)).get()).toBeUndefined();
    expect(rowsOf(org.id)).toEqual({ memberships: 0, invites: 0, quizResults: 0 });
    expect(rowsOf(otherOrg.id)).toEqual(otherBefore);
    expect(getQuizSummary(otherOrg.id).total).toBe(1);
    // Anonymous quiz results (no organization) stay.
    expect(database.db.select({ n: count() }).from(quizResults).get()!.n).toBe(2);
    // People are not deleted with an organization: they keep their other memberships.
    expect(roleOf(member.id, otherOrg.id)).toBe("program-owner");
    expect(listOrganizationsForUser(consultant.id).map((o) => o.id)).toEqual([otherOrg.id]);
  });
});
