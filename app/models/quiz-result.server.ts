import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { quizResults } from "../../db/schema";
import { bandFor, scoreAnswers, summarizeQuiz, type QuizAnswers, type QuizSummary } from "~/domain/quiz";
import type { Lang } from "~/utils/i18n";

export type QuizResult = typeof quizResults.$inferSelect;

/** 128 random bits, URL-safe: a share link nobody can guess or enumerate. */
export function newResultId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function createQuizResult(answers: QuizAnswers, lang: Lang, organizationId: string | null = null): QuizResult {
  const score = scoreAnswers(answers);
  return getDb()
    .insert(quizResults)
    .values({ id: newResultId(), ...answers, score, band: bandFor(score), lang, organizationId })
    .returning()
    .get();
}

export function getQuizResult(id: string): QuizResult | undefined {
  return getDb().select().from(quizResults).where(eq(quizResults.id, id)).get();
}

export function getQuizSummary(organizationId: string): QuizSummary {
  const rows = getDb()
    .select({ q1: quizResults.q1, q2: quizResults.q2, q3: quizResults.q3, q4: quizResults.q4, score: quizResults.score })
    .from(quizResults)
    .where(eq(quizResults.organizationId, organizationId))
    .all();
  return summarizeQuiz(rows);
}
