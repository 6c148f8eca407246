import crypto from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { assessments, participants } from "../../db/schema";
import { joinCodeFrom } from "~/domain/workshop";
import { getCapabilityModel } from "~/utils/content.server";
import { randomId } from "~/utils/tokens.server";

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentMode = Assessment["mode"];

/**
 * A new assessment; a workshop gets a join code unique among open assessments. A clash with another
 * open code (about one in 387 million per pair) is retried with a fresh code.
 */
export function createAssessment(input: { organizationId: string; name: string; mode: AssessmentMode; createdBy: string }): Assessment {
  const model = getCapabilityModel();
  for (let attempt = 0; ; attempt++) {
    try {
      return getDb()
        .insert(assessments)
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
        .returning()
        .get();
    } catch (error) {
      const clash = error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
      if (!clash || attempt >= 5) throw error;
    }
  }
}

/** The assessment only if it belongs to the organization: ids from URLs never cross tenants. */
export function getAssessment(organizationId: string, assessmentId: string): Assessment | undefined {
  return getDb()
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.organizationId, organizationId)))
    .get();
}

export function requireAssessment(organizationId: string, assessmentId: string | undefined): Assessment {
  const assessment = assessmentId ? getAssessment(organizationId, assessmentId) : undefined;
  if (!assessment) throw new Response("Not found", { status: 404 });
  return assessment;
}

export type AssessmentListItem = Assessment & { participantCount: number };

export function listAssessments(organizationId: string): AssessmentListItem[] {
  return getDb()
    .select({
      assessment: assessments,
      // Spelled out: drizzle renders a column inside a select field unqualified, which the subquery
      // would resolve against its own table.
      participantCount: sql<number>`(select count(*) from participants p where p.assessment_id = "assessments"."id")`,
    })
    .from(assessments)
    .where(eq(assessments.organizationId, organizationId))
    .orderBy(desc(assessments.createdAt))
    .all()
    .map((row) => ({ ...row.assessment, participantCount: row.participantCount }));
}

export function getOpenWorkshopByCode(code: string): Assessment | undefined {
  return getDb()
    .select()
    .from(assessments)
    .where(and(eq(assessments.joinCode, code), eq(assessments.status, "open"), eq(assessments.mode, "workshop")))
    .get();
}

export function setResultsVisible(assessmentId: string, visible: boolean): void {
  getDb().update(assessments).set({ resultsVisible: visible }).where(eq(assessments.id, assessmentId)).run();
}

export function countParticipants(assessmentId: string): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(participants).where(eq(participants.assessmentId, assessmentId)).get()?.n ?? 0;
}

/** The organization's locked assessment before this one (by lock date), for maturity over time. */
export function getPreviousLocked(assessment: Assessment): Assessment | undefined {
  const before = assessment.lockedAt ?? new Date(8.64e15);
  return getDb()
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.organizationId, assessment.organizationId),
        eq(assessments.status, "locked"),
        sql`${assessments.id} != ${assessment.id}`,
        sql`${assessments.lockedAt} < ${before.getTime()}`,
      ),
    )
    .orderBy(desc(assessments.lockedAt))
    .get();
}

export function listLocked(organizationId: string): Assessment[] {
  return getDb()
    .select()
    .from(assessments)
    .where(and(eq(assessments.organizationId, organizationId), eq(assessments.status, "locked")))
    .orderBy(asc(assessments.lockedAt))
    .all();
}
