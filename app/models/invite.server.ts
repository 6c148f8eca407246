import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { invites, memberships, organizations, type Role } from "../../db/schema";
import { hashToken, randomId, randomToken } from "~/utils/tokens.server";

export const INVITE_TTL_MS = 14 * 24 * 3600 * 1000;

export type Invite = typeof invites.$inferSelect;

/** A link anyone with it can use until it expires or is revoked; returns the token once. */
export function createInvite(organizationId: string, role: Role, createdBy: string, now = Date.now()): { invite: Invite; token: string } {
  const token = randomToken();
  const invite = getDb()
    .insert(invites)
    .values({ id: randomId(), organizationId, role, createdBy, tokenHash: hashToken(token), expiresAt: new Date(now + INVITE_TTL_MS) })
    .returning()
    .get();
  return { invite, token };
}

export function listActiveInvites(organizationId: string, now = Date.now()): Invite[] {
  return getDb()
    .select()
    .from(invites)
    .where(and(eq(invites.organizationId, organizationId), isNull(invites.revokedAt), gt(invites.expiresAt, new Date(now))))
    .orderBy(desc(invites.createdAt))
    .all();
}

export function revokeInvite(organizationId: string, inviteId: string, now = Date.now()): boolean {
  const result = getDb()
    .update(invites)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(invites.id, inviteId), eq(invites.organizationId, organizationId), isNull(invites.revokedAt)))
    .run();
  return result.changes > 0;
}

export type UsableInvite = { invite: Invite; organizationName: string };

/** The invite behind a link, if it is still usable. */
export function getUsableInvite(token: string, now = Date.now()): UsableInvite | null {
  const row = getDb()
    .select({ invite: invites, organizationName: organizations.name })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.organizationId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.revokedAt), gt(invites.expiresAt, new Date(now))))
    .get();
  return row ?? null;
}

/**
 * Joins the user to the invite's organization. An existing member keeps the higher of the two
 * roles rather than being demoted by an old link.
 */
export function acceptInvite(invite: Invite, userId: string): void {
  const rank: Record<Role, number> = { viewer: 0, "program-owner": 1, consultant: 2 };
  const db = getDb();
  db.transaction((tx) => {
    const existing = tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, invite.organizationId), eq(memberships.userId, userId)))
      .get();
    if (!existing) {
      tx.insert(memberships).values({ organizationId: invite.organizationId, userId, role: invite.role }).run();
    } else if (rank[invite.role] > rank[existing.role]) {
      tx.update(memberships)
        .set({ role: invite.role })
        .where(and(eq(memberships.organizationId, invite.organizationId), eq(memberships.userId, userId)))
        .run();
    }
  }, { behavior: "immediate" });
}
