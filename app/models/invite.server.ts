import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import type { Role } from "../../db/schema";
import { queueEmails, type NewEmail } from "./outbox.server";
import { hashToken, randomId, randomToken } from "~/utils/tokens.server";

export const INVITE_TTL_MS = 14 * 24 * 3600 * 1000;

export type Invite = Tables["invites"]["$inferSelect"];

/**
 * A link anyone with it can use until it expires or is revoked; returns the token once. `emails`
 * builds the invitation emails from the token: they are queued in the outbox in the same
 * transaction as the invite, so either both exist or neither.
 */
export async function createInvite(
  organizationId: string,
  role: Role,
  createdBy: string,
  now = Date.now(),
  emails?: (token: string, expiresAt: Date) => NewEmail[],
): Promise<{ invite: Invite; token: string }> {
  const token = randomToken();
  const { t, transaction } = getDb();
  const expiresAt = new Date(now + INVITE_TTL_MS);
  return transaction(async (tx) => {
    const [invite] = await tx
      .insert(t.invites)
      .values({ id: randomId(), organizationId, role, createdBy, tokenHash: hashToken(token), expiresAt })
      .returning();
    if (emails) await queueEmails(tx, emails(token, expiresAt), new Date(now));
    return { invite: invite!, token };
  });
}

export async function listActiveInvites(organizationId: string, now = Date.now()): Promise<Invite[]> {
  const { orm, t } = getDb();
  return orm
    .select()
    .from(t.invites)
    .where(and(eq(t.invites.organizationId, organizationId), isNull(t.invites.revokedAt), gt(t.invites.expiresAt, new Date(now))))
    .orderBy(desc(t.invites.createdAt));
}

export async function revokeInvite(organizationId: string, inviteId: string, now = Date.now()): Promise<boolean> {
  const { orm, t } = getDb();
  const revoked = await orm
    .update(t.invites)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(t.invites.id, inviteId), eq(t.invites.organizationId, organizationId), isNull(t.invites.revokedAt)))
    .returning({ id: t.invites.id });
  return revoked.length > 0;
}

export type UsableInvite = { invite: Invite; organizationName: string };

/** The invite behind a link, if it is still usable. */
export async function getUsableInvite(token: string, now = Date.now()): Promise<UsableInvite | null> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ invite: t.invites, organizationName: t.organizations.name })
    .from(t.invites)
    .innerJoin(t.organizations, eq(t.organizations.id, t.invites.organizationId))
    .where(and(eq(t.invites.tokenHash, hashToken(token)), isNull(t.invites.revokedAt), gt(t.invites.expiresAt, new Date(now))));
  return row ?? null;
}

/**
 * Joins the user to the invite's organization. An existing member keeps the higher of the two
 * roles rather than being demoted by an old link. Two acceptances at once (a double click, two
 * servers) meet at the membership's primary key: the insert that loses does nothing.
 */
export async function acceptInvite(invite: Invite, userId: string): Promise<void> {
  const rank: Record<Role, number> = { viewer: 0, "program-owner": 1, consultant: 2 };
  const { t, transaction } = getDb();
  await transaction(async (tx) => {
    const where = and(eq(t.memberships.organizationId, invite.organizationId), eq(t.memberships.userId, userId));
    const [existing] = await tx.select({ role: t.memberships.role }).from(t.memberships).where(where).for("update");
    if (!existing) {
      await tx.insert(t.memberships).values({ organizationId: invite.organizationId, userId, role: invite.role }).onConflictDoNothing();
    } else if (rank[invite.role] > rank[existing.role]) {
      await tx.update(t.memberships).set({ role: invite.role }).where(where);
    }
  });
}
