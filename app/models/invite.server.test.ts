import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeMembership, makeOrganization, makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
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
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

function membershipRows(userId: string) {
  return database.db.orm
    .select()
    .from(t.memberships)
    .where(and(eq(t.memberships.organizationId, org.id), eq(t.memberships.userId, userId)));
}

describe("createInvite / getUsableInvite", () => {
  it("returns an unguessable token once and stores only its hash", async () => {
    const { invite, token } = await createInvite(org.id, "viewer", consultant.id, T0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite).toMatchObject({ organizationId: org.id, role: "viewer", createdBy: consultant.id, revokedAt: null });
    expect(invite.tokenHash).toBe(hashToken(token));
    const dump = JSON.stringify(await database.db.orm.select().from(t.invites));
    expect(dump).not.toContain(token);
    expect((await createInvite(org.id, "viewer", consultant.id, T0)).token).not.toBe(token);
  });

  it("finds the invite and its organization's name by token, and nothing for another token", async () => {
    const { invite, token } = await createInvite(org.id, "program-owner", consultant.id, T0);
    expect(await getUsableInvite(token, T0 + 1000)).toEqual({ invite, organizationName: "Andes Retail" });
    expect(await getUsableInvite(`${token}x`, T0 + 1000)).toBeNull();
    expect(await getUsableInvite(invite.tokenHash, T0 + 1000)).toBeNull();
  });

  it("expires after INVITE_TTL_MS", async () => {
    const { invite, token } = await createInvite(org.id, "viewer", consultant.id, T0);
    expect((await getUsableInvite(token, T0 + INVITE_TTL_MS - 1))?.invite.id).toBe(invite.id);
    expect(await getUsableInvite(token, T0 + INVITE_TTL_MS + 1)).toBeNull();
    expect(await listActiveInvites(org.id, T0 + INVITE_TTL_MS - 1)).toHaveLength(1);
    expect(await listActiveInvites(org.id, T0 + INVITE_TTL_MS + 1)).toEqual([]);
  });
});

describe("revokeInvite", () => {
  it("makes the link unusable and drops it from the active list; a second revoke changes nothing", async () => {
    const { invite, token } = await createInvite(org.id, "viewer", consultant.id, T0);
    const kept = await createInvite(org.id, "program-owner", consultant.id, T0);
    expect(await revokeInvite(org.id, invite.id, T0 + 1000)).toBe(true);
    expect(await getUsableInvite(token, T0 + 2000)).toBeNull();
    expect((await listActiveInvites(org.id, T0 + 2000)).map((i) => i.id)).toEqual([kept.invite.id]);
    expect(await revokeInvite(org.id, invite.id, T0 + 3000)).toBe(false);
    const row = (await database.db.orm.select().from(t.invites).where(eq(t.invites.id, invite.id)))[0]!;
    expect(row.revokedAt?.getTime()).toBe(T0 + 1000);
  });

  it("refuses to revoke another organization's invite through this one", async () => {
    const otherConsultant = await makeUser();
    const otherOrg = await makeOrganization(otherConsultant.id);
    const { invite, token } = await createInvite(otherOrg.id, "viewer", otherConsultant.id, T0);
    expect(await revokeInvite(org.id, invite.id, T0 + 1000)).toBe(false);
    expect((await getUsableInvite(token, T0 + 2000))?.invite.id).toBe(invite.id);
    expect(await revokeInvite(otherOrg.id, invite.id, T0 + 1000)).toBe(true);
  });

  it("does not touch an unknown id", async () => {
    await createInvite(org.id, "viewer", consultant.id, T0);
    expect(await revokeInvite(org.id, "no-such-invite", T0)).toBe(false);
    expect(await listActiveInvites(org.id, T0 + 1000)).toHaveLength(1);
  });
});

describe("acceptInvite", () => {
  it("makes a new user a member with the invite's role", async () => {
    const newcomer = await makeUser();
    const { invite } = await createInvite(org.id, "program-owner", consultant.id, T0);
    await acceptInvite(invite, newcomer.id);
    expect((await getMembership(org.id, newcomer.id))?.role).toBe("program-owner");
  });

  it("is idempotent: accepting twice leaves one membership with the same role", async () => {
    const newcomer = await makeUser();
    const { invite } = await createInvite(org.id, "viewer", consultant.id, T0);
    await acceptInvite(invite, newcomer.id);
    await acceptInvite(invite, newcomer.id);
    expect(await membershipRows(newcomer.id)).toEqual([expect.objectContaining({ role: "viewer" })]);
    expect((await database.db.orm.select({ n: count() }).from(t.memberships).where(eq(t.memberships.organizationId, org.id)))[0]!.n).toBe(2);
  });

  it("does not demote an existing member through a link for a lower role", async () => {
    const owner = await makeUser();
    await makeMembership(org.id, owner.id, "program-owner", consultant.id);
    const { invite: viewerInvite } = await createInvite(org.id, "viewer", consultant.id, T0);
    await acceptInvite(viewerInvite, owner.id);
    expect((await getMembership(org.id, owner.id))?.role).toBe("program-owner");
    await acceptInvite(viewerInvite, consultant.id);
    expect((await getMembership(org.id, consultant.id))?.role).toBe("consultant");
  });

  it("raises an existing member to the invite's higher role", async () => {
    const viewer = await makeUser();
    await makeMembership(org.id, viewer.id, "viewer", consultant.id);
    const { invite } = await createInvite(org.id, "consultant", consultant.id, T0);
    await acceptInvite(invite, viewer.id);
    expect(await membershipRows(viewer.id)).toEqual([expect.objectContaining({ role: "consultant" })]);
  });

  it("joins only the invite's organization", async () => {
    const otherConsultant = await makeUser();
    const otherOrg = await makeOrganization(otherConsultant.id);
    const newcomer = await makeUser();
    const { invite } = await createInvite(org.id, "viewer", consultant.id, T0);
    await acceptInvite(invite, newcomer.id);
    expect(await getMembership(otherOrg.id, newcomer.id)).toBeNull();
    expect(await getMembership(org.id, otherConsultant.id)).toBeNull();
  });

  it("leaves the usability checks to getUsableInvite: an expired or revoked link is not found", async () => {
    const { invite, token } = await createInvite(org.id, "viewer", consultant.id, T0);
    await revokeInvite(org.id, invite.id, T0 + 1000);
    expect(await getUsableInvite(token, T0 + 2000)).toBeNull();
    const expiring = await createInvite(org.id, "viewer", consultant.id, T0);
    expect(await getUsableInvite(expiring.token, T0 + INVITE_TTL_MS + 1)).toBeNull();
  });
});
