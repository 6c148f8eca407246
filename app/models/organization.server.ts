import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { memberships, organizations, type Role } from "../../db/schema";
import type { Lang } from "~/utils/i18n";
import { randomId, randomToken } from "~/utils/tokens.server";

export type Organization = typeof organizations.$inferSelect;
export type Membership = { organization: Organization; role: Role };

/** Creates the organization with its creator as consultant, in one transaction. */
export function createOrganization(input: { name: string; industry?: string; defaultLang: Lang }, creatorId: string): Organization {
  const db = getDb();
  return db.transaction((tx) => {
    const org = tx
      .insert(organizations)
      .values({ id: randomId(), name: input.name.trim(), industry: input.industry?.trim() ?? "", defaultLang: input.defaultLang, quizInviteToken: randomToken(18) })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId: org.id, userId: creatorId, role: "consultant" }).run();
    return org;
  });
}

/** The organization as seen by one user: null when it does not exist or they are not a member. */
export function getMembership(organizationId: string, userId: string): Membership | null {
  const row = getDb()
    .select({ organization: organizations, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .get();
  return row ?? null;
}

export type OrganizationSummary = { id: string; name: string; industry: string; role: Role; members: number; quizResults: number };

export function listOrganizationsForUser(userId: string): OrganizationSummary[] {
  const db = getDb();
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      industry: organizations.industry,
      role: memberships.role,
      // Spelled out: drizzle renders a column inside a select field unqualified ("id"), which the
      // subquery would resolve against its own table.
      members: sql<number>`(select count(*) from memberships m where m.organization_id = "organizations"."id")`,
      quizResults: sql<number>`(select count(*) from quiz_results q where q.organization_id = "organizations"."id")`,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(sql`${organizations.name} collate nocase`))
    .all();
}

export function updateOrganization(id: string, input: { name: string; industry: string; defaultLang: Lang }): void {
  getDb()
    .update(organizations)
    .set({ name: input.name.trim(), industry: input.industry.trim(), defaultLang: input.defaultLang })
    .where(eq(organizations.id, id))
    .run();
}

/** Everything of the organization goes with it: the foreign keys cascade inside one statement. */
export function deleteOrganization(id: string): void {
  getDb().transaction((tx) => {
    tx.delete(organizations).where(eq(organizations.id, id)).run();
  });
}

export function getOrganizationByQuizInvite(token: string): Organization | undefined {
  if (!token) return undefined;
  return getDb().select().from(organizations).where(eq(organizations.quizInviteToken, token)).get();
}

/** A new quiz link; the old one stops counting new answers. */
export function regenerateQuizInvite(id: string): void {
  getDb().update(organizations).set({ quizInviteToken: randomToken(18) }).where(eq(organizations.id, id)).run();
}
