import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import { joinCodeFrom } from "~/domain/workshop";
import { getCapabilityModel } from "~/utils/content.server";
import { randomId } from "~/utils/tokens.server";

export type Assessment = Tables["assessments"]["$inferSelect"];
export type AssessmentMode = Assessment["mode"];

/**
 * A new assessment; a workshop gets a join code unique among open assessments (a partial unique
 * index, so servers sharing a database cannot hand out one code twice). A clash with another open
 * code (about one in 387 million per pair) is retried with a fresh code.
 */
export async function createAssessment(input: { organizationId: string; name: string; mode: AssessmentMode; createdBy: string }): Promise<Assessment> {
  const model = getCapabilityModel();
  const db = getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db.orm
        .insert(db.t.assessments)
        .values({
          id: randomId(),
          organizationId: input.organizationId,
          name: input.name.trim(),
          mode: input.mode,
          joinCode: input.mode === "workshop" ? joinCodeFrom((max) => crypto.randomInt(max)) : null,
          modelId: model.id,
          modelVersion: model.version,
          createdBy: input.createdBy,
        })
        .returning();
      return row!;
    } catch (error) {
      if (!db.isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** The assessment only if it belongs to the organization: ids from URLs never cross tenants. */
export async function getAssessment(organizationId: string, assessmentId: string): Promise<Assessment | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select()
    .from(t.assessments)
    .where(and(eq(t.assessments.id, assessmentId), eq(t.assessments.organizationId, organizationId)));
  return row;
}

export async function requireAssessment(organizationId: string, assessmentId: string | undefined): Promise<Assessment> {
  const assessment = assessmentId ? await getAssessment(organizationId, assessmentId) : undefined;
  if (!assessment) throw new Response("Not found", { status: 404 });
  return assessment;
}

export type AssessmentListItem = Assessment & { participantCount: number };

export async function listAssessments(organizationId: string): Promise<AssessmentListItem[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({
      assessment: t.assessments,
      // Spelled out: drizzle renders a column inside a select field unqualified, which the subquery
      // would resolve against its own table.
      participantCount: sql<number>`(select count(*) from participants p where p.assessment_id = "assessments"."id")`.mapWith(Number),
    })
    .from(t.assessments)
    .where(eq(t.assessments.organizationId, organizationId))
    .orderBy(desc(t.assessments.createdAt));
  return rows.map((row) => ({ ...row.assessment, participantCount: row.participantCount }));
}

export async function getOpenWorkshopByCode(code: string): Promise<Assessment | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select()
    .from(t.assessments)
    .where(and(eq(t.assessments.joinCode, code), eq(t.assessments.status, "open"), eq(t.assessments.mode, "workshop")));
  return row;
}

export async function setResultsVisible(assessmentId: string, visible: boolean): Promise<void> {
  const { orm, t } = getDb();
  await orm.update(t.assessments).set({ resultsVisible: visible }).where(eq(t.assessments.id, assessmentId));
}

export async function countParticipants(assessmentId: string): Promise<number> {
  const { orm, t } = getDb();
  const [row] = await orm.select({ n: count() }).from(t.participants).where(eq(t.participants.assessmentId, assessmentId));
  return row?.n ?? 0;
}

/** The organization's locked assessment before this one (by lock date), for maturity over time. */
export async function getPreviousLocked(assessment: Assessment): Promise<Assessment | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select()
    .from(t.assessments)
    .where(
      and(
        eq(t.assessments.organizationId, assessment.organizationId),
        eq(t.assessments.status, "locked"),
        ne(t.assessments.id, assessment.id),
        assessment.lockedAt ? lt(t.assessments.lockedAt, assessment.lockedAt) : undefined,
      ),
    )
    .orderBy(desc(t.assessments.lockedAt))
    .limit(1);
  return row;
}

/** Each of these organizations' latest locked assessment (one per organization that has any). */
export async function latestLockedOf(organizationIds: readonly string[]): Promise<Assessment[]> {
  if (organizationIds.length === 0) return [];
  const { orm, t } = getDb();
  const rows = await orm
    .select()
    .from(t.assessments)
    .where(and(inArray(t.assessments.organizationId, [...organizationIds]), eq(t.assessments.status, "locked")))
    .orderBy(desc(t.assessments.lockedAt), desc(t.assessments.id));
  const latest = new Map<string, Assessment>();
  for (const row of rows) if (!latest.has(row.organizationId)) latest.set(row.organizationId, row);
  return [...latest.values()];
}

export async function listLocked(organizationId: string): Promise<Assessment[]> {
  const { orm, t } = getDb();
  return orm
    .select()
    .from(t.assessments)
    .where(and(eq(t.assessments.organizationId, organizationId), eq(t.assessments.status, "locked")))
    .orderBy(asc(t.assessments.lockedAt));
}

/** When the organization's latest assessment was locked (the next reassessment's anchor), or null before any lock. */
export async function getLastLockedAt(organizationId: string): Promise<Date | null> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ lockedAt: t.assessments.lockedAt })
    .from(t.assessments)
    .where(and(eq(t.assessments.organizationId, organizationId), eq(t.assessments.status, "locked")))
    .orderBy(desc(t.assessments.lockedAt))
    .limit(1);
  return row?.lockedAt ?? null;
}
