import { aliasedTable, and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import type { Role } from "../../db/schema";
import { nextAssessmentDue } from "~/domain/workshop";
import type { Lang } from "~/utils/i18n";
import { randomId, randomToken } from "~/utils/tokens.server";

export type Organization = Tables["organizations"]["$inferSelect"];
export type Membership = { organization: Organization; role: Role };

/** Creates the organization with its creator as consultant, in one transaction. */
export async function createOrganization(input: { name: string; industry?: string; defaultLang: Lang }, creatorId: string): Promise<Organization> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [org] = await tx
      .insert(t.organizations)
      .values({ id: randomId(), name: input.name.trim(), industry: input.industry?.trim() ?? "", defaultLang: input.defaultLang, quizInviteToken: randomToken(18) })
      .returning();
    await tx.insert(t.memberships).values({ organizationId: org!.id, userId: creatorId, role: "consultant" });
    return org!;
  });
}

/** The organization as seen by one user: null when it does not exist or they are not a member. */
export async function getMembership(organizationId: string, userId: string): Promise<Membership | null> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ organization: t.organizations, role: t.memberships.role })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(and(eq(t.memberships.organizationId, organizationId), eq(t.memberships.userId, userId)));
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
export async function listOrganizationsForUser(userId: string, capabilityKeys?: readonly string[]): Promise<OrganizationSummary[]> {
  const inModel = capabilityKeys
    ? sql`and c.capability_key in (${sql.join(
        capabilityKeys.map((key) => sql`${key}`),
        sql`, `,
      )})`
    : sql``;
  const latest = sql`(
    select a.organization_id, a.locked_at,
      (select avg(c.current) from consensus c where c.assessment_id = a.id ${inModel}) as maturity,
      row_number() over (partition by a.organization_id order by a.locked_at desc, a.id desc) as position
    from assessments a
    where a.status = 'locked' and a.locked_at is not null
      and a.organization_id in (select organization_id from memberships where user_id = ${userId})
  )`;
  // Raw rows come back as each driver gives them (PostgreSQL: counts and averages as text,
  // timestamps as Date; SQLite: numbers), hence the conversions below.
  type Row = Omit<OrganizationSummary, "members" | "quizResults" | "maturity" | "lastLockedAt" | "nextDue"> & {
    members: number | string;
    quizResults: number | string;
    maturity: number | string | null;
    lastLockedAt: number | Date | null;
  };
  const rows = await getDb().rows<Row>(sql`
    select o.id, o.name, o.industry, m.role,
      (select count(*) from memberships mm where mm.organization_id = o.id) as members,
      (select count(*) from quiz_results q where q.organization_id = o.id) as "quizResults",
      l.maturity, l.locked_at as "lastLockedAt"
    from memberships m
    join organizations o on o.id = m.organization_id
    left join ${latest} l on l.organization_id = o.id and l.position = 1
    where m.user_id = ${userId}
    order by lower(o.name), o.id`);
  return rows.map((row) => {
    const lastLockedAt = row.lastLockedAt === null ? null : new Date(row.lastLockedAt).getTime();
    return {
      ...row,
      members: Number(row.members),
      quizResults: Number(row.quizResults),
      maturity: row.maturity === null ? null : Number(row.maturity),
      lastLockedAt,
      nextDue: lastLockedAt === null ? null : nextAssessmentDue(new Date(lastLockedAt)).getTime(),
    };
  });
}

export async function updateOrganization(id: string, input: { name: string; industry: string; defaultLang: Lang }): Promise<void> {
  const { orm, t } = getDb();
  await orm
    .update(t.organizations)
    .set({ name: input.name.trim(), industry: input.industry.trim(), defaultLang: input.defaultLang })
    .where(eq(t.organizations.id, id));
}

/** In or out of its consultants' anonymous peer benchmark (settings). */
export async function setPeerBenchmark(id: string, included: boolean): Promise<void> {
  const { orm, t } = getDb();
  await orm.update(t.organizations).set({ peerBenchmark: included }).where(eq(t.organizations.id, id));
}

/**
 * The other organizations that share a consultant with this one and stay in the peer benchmark:
 * the organizations whose results may be compared, anonymously, with this one's.
 */
export async function listBenchmarkPeers(organizationId: string): Promise<string[]> {
  const { orm, t } = getDb();
  const mine = aliasedTable(t.memberships, "mine");
  const rows = await orm
    .selectDistinct({ id: t.memberships.organizationId })
    .from(mine)
    .innerJoin(t.memberships, and(eq(t.memberships.userId, mine.userId), eq(t.memberships.role, "consultant")))
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(and(eq(mine.organizationId, organizationId), eq(mine.role, "consultant"), ne(t.memberships.organizationId, organizationId), eq(t.organizations.peerBenchmark, true)));
  return rows.map((row) => row.id);
}

/** Everything of the organization goes with it: the foreign keys cascade inside one statement. */
export async function deleteOrganization(id: string): Promise<void> {
  const { orm, t } = getDb();
  await orm.delete(t.organizations).where(eq(t.organizations.id, id));
}

export async function getOrganizationByQuizInvite(token: string): Promise<Organization | undefined> {
  if (!token) return undefined;
  const { orm, t } = getDb();
  const [row] = await orm.select().from(t.organizations).where(eq(t.organizations.quizInviteToken, token));
  return row;
}

/** A new quiz link; the old one stops counting new answers. */
export async function regenerateQuizInvite(id: string): Promise<void> {
  const { orm, t } = getDb();
  await orm.update(t.organizations).set({ quizInviteToken: randomToken(18) }).where(eq(t.organizations.id, id));
}

export type ScheduledOrganization = { id: string; name: string; defaultLang: Lang; lastLockedAt: number | null };

/**
 * Organizations with what their schedule needs (the latest lock, for the next reassessment): the
 * given ones, a user's, or every organization (the reminder scheduler).
 */
export async function listScheduledOrganizations(which?: { ids: readonly string[] } | { memberId: string }): Promise<ScheduledOrganization[]> {
  if (which && "ids" in which && which.ids.length === 0) return [];
  const { orm, t } = getDb();
  const where = !which
    ? undefined
    : "ids" in which
      ? inArray(t.organizations.id, [...which.ids])
      : inArray(t.organizations.id, orm.select({ id: t.memberships.organizationId }).from(t.memberships).where(eq(t.memberships.userId, which.memberId)));
  // Spelled out: drizzle renders a column inside a select field unqualified.
  const lastLock = sql<number | Date | string | null>`(select max(a.locked_at) from assessments a where a.organization_id = "organizations"."id" and a.status = 'locked')`;
  const rows = await orm
    .select({ id: t.organizations.id, name: t.organizations.name, defaultLang: t.organizations.defaultLang, lastLock })
    .from(t.organizations)
    .where(where)
    .orderBy(t.organizations.id);
  // A raw max() comes back as the driver gives it: a number (SQLite) or a timestamp (PostgreSQL).
  return rows.map(({ lastLock: last, ...row }) => ({ ...row, lastLockedAt: last === null ? null : new Date(typeof last === "string" && /^\d+$/.test(last) ? Number(last) : last).getTime() }));
}
