import { sql } from "drizzle-orm";
import { ROLES } from "../app/domain/roles";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export { ROLES, type Role } from "../app/domain/roles";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

/** Server-side sessions: the cookie holds a random id whose SHA-256 is stored, so a leaked table cannot sign anyone in. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  industry: text("industry").notNull().default(""),
  defaultLang: text("default_lang", { enum: ["es", "en"] }).notNull().default("es"),
  /** Executives who take the quiz through /quiz?invite=<token> count in this organization. */
  quizInviteToken: text("quiz_invite_token").notNull().unique(),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** SHA-256 of the token in the link; the token itself is shown once, when the link is made. */
    tokenHash: text("token_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invites_token_hash_idx").on(t.tokenHash), index("invites_org_idx").on(t.organizationId)],
);

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
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("quiz_results_org_idx").on(t.organizationId),
    check("quiz_results_score_range", sql`${t.score} between 4 and 13`),
    index("quiz_results_created_at_idx").on(t.createdAt),
  ],
);
