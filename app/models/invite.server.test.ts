import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { invites, memberships } from "../../db/schema";
import { makeMembership, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { acceptInvite, createInvite, getUsableInvite, INVITE_TTL_MS, listActiveInvites, revokeInvite } from "./invite.server";
import { getMembership, type Organization } from "./organization.server";
import type { User } from "./user.server";
import { hashToken } from "~/utils/tokens.server";

const database = useTestDatabase();

const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultant" });
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

function membershipRows(userId: string) {
  return database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, userId)))
    .all();
}

describe("createInvite / getUsableInvite", () => {
  it("returns an unguessable token once and stores only its hash", () => {
    const { invite, token } = createInvite(org.id, "viewer", consultant.id, T0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite).toMatchObject({ organizationId: org.id, role: "viewer", createdBy: consultant.id, revokedAt: null });
    expect(invite.tokenHash).toBe(hashToken(token));
    const dump = JSON.stringify(database.db.$client.prepare("select * from invites").all());
    expect(dump).not.toContain(token);
    expect(createInvite(org.id, "viewer", consultant.id, T0).token).not.toBe(token);
  });

  it("finds the invite and its organization's name by token, and nothing for another token", () => {
    const { invite, token } = createInvite(org.id, "program-owner", consultant.id, T0);
    expect(getUsableInvite(token, T0 + 1000)).toEqual({ invite, organizationName: "Andes Retail" });
    expect(getUsableInvite(`${token}x`, T0 + 1000)).toBeNull();
    expect(getUsableInvite(invite.tokenHash, T0 + 1000)).toBeNull();
  });

  it("expires after INVITE_TTL_MS", () => {
    const { invite, token } = createInvite(org.id, "viewer", consultant.id, T0);
    expect(getUsableInvite(token, T0 + INVITE_TTL_MS - 1)?.invite.id).toBe(invite.id);
    expect(getUsableInvite(token, T0 + INVITE_TTL_MS + 1)).toBeNull();
    expect(listActiveInvites(org.id, T0 + INVITE_TTL_MS - 1)).toHaveLength(1);
    expect(listActiveInvites(org.id, T0 + INVITE_TTL_MS + 1)).toEqual([]);
  });
});

describe("revokeInvite", () => {
  it("makes the link unusable and drops it from the active list; a second revoke changes nothing", () => {
    const { invite, token } = createInvite(org.id, "viewer", consultant.id, T0);
    const kept = createInvite(org.id, "program-owner", consultant.id, T0);
    expect(revokeInvite(org.id, invite.id, T0 + 1000)).toBe(true);
    expect(getUsableInvite(token, T0 + 2000)).toBeNull();
    expect(listActiveInvites(org.id, T0 + 2000).map((i) => i.id)).toEqual([kept.invite.id]);
    expect(revokeInvite(org.id, invite.id, T0 + 3000)).toBe(false);
    const row = database.db.select().from(invites).where(eq(invites.id, invite.id)).get()!;
    expect(row.revokedAt?.getTime()).toBe(T0 + 1000);
  });

  it("refuses to revoke another organization's invite through this one", async () => {
    const otherConsultant = await makeUser();
    const otherOrg = makeOrganization(otherConsultant.id);
    const { invite, token } = createInvite(otherOrg.id, "viewer", otherConsultant.id, T0);
    expect(revokeInvite(org.id, invite.id, T0 + 1000)).toBe(false);
    expect(getUsableInvite(token, T0 + 2000)?.invite.id).toBe(invite.id);
    expect(revokeInvite(otherOrg.id, invite.id, T0 + 1000)).toBe(true);
  });

  it("does not touch an unknown id", () => {
    createInvite(org.id, "viewer", consultant.id, T0);
    expect(revokeInvite(org.id, "no-such-invite", T0)).toBe(false);
    expect(listActiveInvites(org.id, T0 + 1000)).toHaveLength(1);
  });
});

describe("acceptInvite", () => {
  it("makes a new user a member with the invite's role", async () => {
    const newcomer = await makeUser();
    const { invite } = createInvite(org.id, "program-owner", consultant.id, T0);
    acceptInvite(invite, newcomer.id);
    expect(getMembership(org.id, newcomer.id)?.role).toBe("program-owner");
  });

  it("is idempotent: accepting twice leaves one membership with the same role", async () => {
    const newcomer = await makeUser();
    const { invite } = createInvite(org.id, "viewer", consultant.id, T0);
    acceptInvite(invite, newcomer.id);
    acceptInvite(invite, newcomer.id);
    expect(membershipRows(newcomer.id)).toEqual([expect.objectContaining({ role: "viewer" })]);
    expect(database.db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, org.id)).get()!.n).toBe(2);
  });

  it("does not demote an existing member through a link for a lower role", async () => {
    const owner = await makeUser();
    makeMembership(org.id, owner.id, "program-owner", consultant.id);
    const { invite: viewerInvite } = createInvite(org.id, "viewer", consultant.id, T0);
    acceptInvite(viewerInvite, owner.id);
    expect(getMembership(org.id, owner.id)?.role).toBe("program-owner");
    acceptInvite(viewerInvite, consultant.id);
    expect(getMembership(org.id, consultant.id)?.role).toBe("consultant");
  });

  it("raises an existing member to the invite's higher role", async () => {
    const viewer = await makeUser();
    makeMembership(org.id, viewer.id, "viewer", consultant.id);
    const { invite } = createInvite(org.id, "consultant", consultant.id, T0);
    acceptInvite(invite, viewer.id);
    expect(membershipRows(viewer.id)).toEqual([expect.objectContaining({ role: "consultant" })]);
  });

  it("joins only the invite's organization", async () => {
    const otherConsultant = await makeUser();
    const otherOrg = makeOrganization(otherConsultant.id);
    const newcomer = await makeUser();
    const { invite } = createInvite(org.id, "viewer", consultant.id, T0);
    acceptInvite(invite, newcomer.id);
    expect(getMembership(otherOrg.id, newcomer.id)).toBeNull();
    expect(getMembership(org.id, otherConsultant.id)).toBeNull();
  });

  it("leaves the usability checks to getUsableInvite: an expired or revoked link is not found", async () => {
    const { invite, token } = createInvite(org.id, "viewer", consultant.id, T0);
    revokeInvite(org.id, invite.id, T0 + 1000);
    expect(getUsableInvite(token, T0 + 2000)).toBeNull();
    const expiring = createInvite(org.id, "viewer", consultant.id, T0);
    expect(getUsableInvite(expiring.token, T0 + INVITE_TTL_MS + 1)).toBeNull();
  });
});
