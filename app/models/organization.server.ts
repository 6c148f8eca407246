import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { memberships, organizations, type Role } from "../../db/schema";
import { nextAssessmentDue } from "~/domain/workshop";
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

export type OrganizationSummary = {
  id: string;
  name: string;
  industry: string;
  role: Role;
  members: number;
  quizResults: number;
  /** Overall maturity index (mean of today's levels) of the latest locked assessment; null before the first lock. */
  maturity: number | null;
  /** When that assessment was locked (ms), and when the next one is due: six months on. */
  lastLockedAt: number | null;
  nextDue: number | null;
};

/**
 * The user's organizations with their counts and the latest locked assessment's index, in one
 * statement: a window function picks each organization's latest lock, and the index is the mean
 * of its consensus levels (a locked assessment always has a full consensus). `capabilityKeys`
 * limits the mean to the model's capabilities, as the history on the organization page does.
 */
export function listOrganizationsForUser(userId: string, capabilityKeys?: readonly string[]): OrganizationSummary[] {
  const inModel = capabilityKeys
    ? sql`and c.capability_key in (${sql.join(
        capabilityKeys.map((key) => sql`${key}`),
        sql`, `,
      )})`
    : sql``;
  const latest = sql`(
    select a.organization_id, a.locked_at,
      (select avg(c.current) from consensus c where c.assessment_id = a.id ${inModel}) as maturity,
      row_number() over (partition by a.organization_id order by a.locked_at desc, a.rowid desc) as position
    from assessments a
    where a.status = 'locked' and a.locked_at is not null
      and a.organization_id in (select organization_id from memberships where user_id = ${userId})
  )`;
  const rows = getDb().all<Omit<OrganizationSummary, "nextDue">>(sql`
    select o.id, o.name, o.industry, m.role,
      (select count(*) from memberships mm where mm.organization_id = o.id) as members,
      (select count(*) from quiz_results q where q.organization_id = o.id) as quizResults,
      l.maturity, l.locked_at as lastLockedAt
    from memberships m
    join organizations o on o.id = m.organization_id
    left join ${latest} l on l.organization_id = o.id and l.position = 1
    where m.user_id = ${userId}
    order by o.name collate nocase`);
  return rows.map((row) => ({
    ...row,
    nextDue: row.lastLockedAt === null ? null : nextAssessmentDue(new Date(row.lastLockedAt)).getTime(),
  }));
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
