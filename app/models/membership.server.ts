import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Role } from "../../db/schema";

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(organizationId: string): Promise<Member[]> {
  const { orm, t } = getDb();
  return orm
    .select({ userId: t.users.id, name: t.users.name, email: t.users.email, role: t.memberships.role, joinedAt: t.memberships.createdAt })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.organizationId, organizationId))
    .orderBy(asc(sql`lower(${t.users.name})`));
}

export type MemberChange = "ok" | "not-found" | "last-consultant";

/**
 * Removes a member or changes their role, refusing to leave the organization without a consultant.
 * The organization's consultants are read for update in the same transaction as the change, so two
 * removals cannot both pass the check.
 */
export async function changeMember(organizationId: string, userId: string, role: Role | null): Promise<MemberChange> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const where = and(eq(t.memberships.organizationId, organizationId), eq(t.memberships.userId, userId));
    const [target] = await tx.select({ role: t.memberships.role }).from(t.memberships).where(where).for("update");
    if (!target) return "not-found";
    if (target.role === "consultant" && role !== "consultant") {
      const consultants = await tx
        .select({ userId: t.memberships.userId })
        .from(t.memberships)
        .where(and(eq(t.memberships.organizationId, organizationId), eq(t.memberships.role, "consultant")))
        .for("update");
      if (consultants.length <= 1) return "last-consultant";
    }
    if (role) await tx.update(t.memberships).set({ role }).where(where);
    else await tx.delete(t.memberships).where(where);
    return "ok";
  });
}

/** The consultants' and program owners' addresses of these organizations: who gets a reminder when an initiative names no owner's email. */
export async function listStaffEmails(organizationIds: readonly string[]): Promise<{ organizationId: string; email: string }[]> {
  if (organizationIds.length === 0) return [];
  const { orm, t } = getDb();
  return orm
    .select({ organizationId: t.memberships.organizationId, email: t.users.email })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(and(inArray(t.memberships.organizationId, [...organizationIds]), inArray(t.memberships.role, ["consultant", "program-owner"])))
    .orderBy(asc(t.users.email));
}
