import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { memberships, users, type Role } from "../../db/schema";

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export function listMembers(organizationId: string): Member[] {
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(sql`${users.name} collate nocase`))
    .all();
}

export type MemberChange = "ok" | "not-found" | "last-consultant";

/**
 * Removes a member or changes their role, refusing to leave the organization without a consultant.
 * Read and write happen in one IMMEDIATE transaction so two removals cannot both pass the check.
 */
export function changeMember(organizationId: string, userId: string, role: Role | null): MemberChange {
  const db = getDb();
  const run = db.transaction((tx) => {
    const target = tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .get();
    if (!target) return "not-found" as const;
    if (target.role === "consultant" && role !== "consultant") {
      const consultants = tx
        .select({ n: sql<number>`count(*)` })
        .from(memberships)
        .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "consultant")))
        .get()?.n;
      if ((consultants ?? 0) <= 1) return "last-consultant" as const;
    }
    const where = and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId));
    if (role) tx.update(memberships).set({ role }).where(where).run();
    else tx.delete(memberships).where(where).run();
    return "ok" as const;
  }, { behavior: "immediate" });
  return run;
}
