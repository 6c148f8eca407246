import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const quizResults = sqliteTable(
  "quiz_results",
  {
    id: text("id").primaryKey(),
    q1: text("q1", { enum: ["a", "b", "c"] }).notNull(),
    q2: text("q2", { enum: ["a", "b", "c"] }).notNull(),
    q3: text("q3", { enum: ["a", "b", "c"] }).notNull(),
    q4: text("q4", { enum: ["a", "b", "c", "d"] }).notNull(),
    score: integer("score").notNull(),
    band: text("band", { enum: ["long-way", "good-job", "on-top"] }).notNull(),
    lang: text("lang", { enum: ["es", "en"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("quiz_results_score_range", sql`${t.score} between 4 and 13`),
    index("quiz_results_created_at_idx").on(t.createdAt),
  ],
);
