import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import { bandFor, scoreAnswers, summarizeQuiz, type QuizAnswers, type QuizSummary } from "~/domain/quiz";
import type { Lang } from "~/utils/i18n";

export type QuizResult = Tables["quizResults"]["$inferSelect"];

/** 128 random bits, URL-safe: a share link nobody can guess or enumerate. */
export function newResultId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export async function createQuizResult(answers: QuizAnswers, lang: Lang, organizationId: string | null = null): Promise<QuizResult> {
  const score = scoreAnswers(answers);
  const { orm, t } = getDb();
  const [row] = await orm
    .insert(t.quizResults)
    .values({ id: newResultId(), ...answers, score, band: bandFor(score), lang, organizationId })
    .returning();
  return row!;
}

export async function getQuizResult(id: string): Promise<QuizResult | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm.select().from(t.quizResults).where(eq(t.quizResults.id, id));
  return row;
}

export async function getQuizSummary(organizationId: string): Promise<QuizSummary> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ q1: t.quizResults.q1, q2: t.quizResults.q2, q3: t.quizResults.q3, q4: t.quizResults.q4, score: t.quizResults.score })
    .from(t.quizResults)
    .where(eq(t.quizResults.organizationId, organizationId));
  return summarizeQuiz(rows);
}

/** The scores of an organization's executives, for the report's histogram. */
export async function listQuizScores(organizationId: string): Promise<number[]> {
  const { orm, t } = getDb();
  const rows = await orm.select({ score: t.quizResults.score }).from(t.quizResults).where(eq(t.quizResults.organizationId, organizationId));
  return rows.map((r) => r.score);
}
