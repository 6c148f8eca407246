import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { quizResults } from "../../db/schema";
import { bandFor, scoreAnswers, type QuizAnswers } from "~/domain/quiz";
import type { Lang } from "~/utils/i18n";

export type QuizResult = typeof quizResults.$inferSelect;

/** 128 random bits, URL-safe: a share link nobody can guess or enumerate. */
export function newResultId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function createQuizResult(answers: QuizAnswers, lang: Lang): QuizResult {
  const score = scoreAnswers(answers);
  return getDb()
    .insert(quizResults)
    .values({ id: newResultId(), ...answers, score, band: bandFor(score), lang })
    .returning()
    .get();
}

export function getQuizResult(id: string): QuizResult | undefined {
  return getDb().select().from(quizResults).where(eq(quizResults.id, id)).get();
}
