import { sql } from "drizzle-orm";
import { ROLES } from "../app/domain/roles";
import { EFFORTS, INITIATIVE_STATUSES, REVIEW_DECISIONS, STAFFING } from "../app/domain/initiative.schema";
import { EMAIL_KINDS, OUTBOX_STATUSES } from "../app/domain/reminders";
import { FEEDBACK_CHANNELS, FEEDBACK_SENTIMENTS, METRIC_CADENCES, METRIC_DIRECTIONS, METRIC_KINDS } from "../app/domain/metric.schema";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
  /** Whether this organization's latest locked assessment counts in its consultant's anonymous peer benchmark (settings; in by default). */
  peerBenchmark: integer("peer_benchmark", { mode: "boolean" }).notNull().default(true),
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

export const assessments = sqliteTable(
  "assessments",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mode: text("mode", { enum: ["workshop", "solo"] }).notNull(),
    status: text("status", { enum: ["open", "locked"] }).notNull().default("open"),
    /** Six characters without look-alikes; unique among open assessments (partial index below). */
    joinCode: text("join_code"),
    /** The facilitator decides when the room sees the results on the board. */
    resultsVisible: integer("results_visible", { mode: "boolean" }).notNull().default(false),
    modelId: text("model_id").notNull(),
    modelVersion: integer("model_version").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lockedAt: integer("locked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("assessments_org_idx").on(t.organizationId, t.createdAt),
    uniqueIndex("assessments_open_join_code_idx").on(t.joinCode).where(sql`${t.status} = 'open'`),
  ],
);

export const participants = sqliteTable(
  "participants",
  {
    id: text("id").primaryKey(),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** SHA-256 of the token in the participant's private link. */
    tokenHash: text("token_hash").notNull(),
    displayName: text("display_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("participants_token_hash_idx").on(t.tokenHash), index("participants_assessment_idx").on(t.assessmentId)],
);

/**
 * One vote per participant and capability: posting again replaces it (the primary key enforces it).
 * The assessment is the participant's: reads by assessment go through participants and the key's
 * first column. A second index (on an assessment_id column) doubled the cost of a participant's
 * first 25 votes during a burst.
 */
export const ratings = sqliteTable(
  "ratings",
  {
    participantId: text("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    capabilityKey: text("capability_key").notNull(),
    /** Null when the participant said they cannot judge this capability. */
    current: integer("current"),
    ideal: integer("ideal"),
    comment: text("comment").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.capabilityKey] }),
    check("ratings_current_range", sql`${t.current} is null or ${t.current} between 1 and 4`),
    check("ratings_ideal_range", sql`${t.ideal} is null or ${t.ideal} between 1 and 4`),
  ],
);

export const consensus = sqliteTable(
  "consensus",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    capabilityKey: text("capability_key").notNull(),
    current: integer("current").notNull(),
    ideal: integer("ideal").notNull(),
    importance: integer("importance").notNull().default(2),
    rationale: text("rationale").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.capabilityKey] }),
    check("consensus_current_range", sql`${t.current} between 1 and 4`),
    check("consensus_ideal_range", sql`${t.ideal} between 1 and 4`),
    check("consensus_importance_range", sql`${t.importance} between 1 and 3`),
  ],
);

/**
 * Rate-limit windows and login back-offs shared by every server on one PostgreSQL database
 * (db/postgres.server.ts). SQLite means one process, which keeps them in memory; the table exists
 * there too so the two schemas stay one.
 */
export const limitCounters = sqliteTable(
  "limit_counters",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    /** Milliseconds since the epoch. */
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("limit_counters_expires_idx").on(t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------
// Initiatives and six-month reviews (issue 11). Kept together at the end so a parallel schema
// change merges as its own block.
// ---------------------------------------------------------------------------------------------

/**
 * An initiative of an organization's plan. `capabilities` and `metrics` hold keys joined with `;`
 * (as initiatives.csv writes them; no key contains one). `start` and `target` are `YYYY-MM-DD`,
 * null on a proposal not yet accepted. A proposal that was dismissed (or merged into another) keeps
 * its row with `dismissed_at` set, hidden everywhere, so generating again never proposes it twice;
 * the partial unique index makes that hold even when two servers generate at once.
 */
export const initiatives = sqliteTable(
  "initiatives",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assessmentId: text("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    libraryKey: text("library_key"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    capabilities: text("capabilities").notNull(),
    ownerName: text("owner_name").notNull().default(""),
    ownerEmail: text("owner_email"),
    start: text("start"),
    target: text("target"),
    status: text("status", { enum: INITIATIVE_STATUSES }).notNull(),
    priority: integer("priority").notNull(),
    effort: text("effort", { enum: EFFORTS }).notNull(),
    staffing: text("staffing", { enum: STAFFING }).notNull(),
    metrics: text("metrics").notNull().default(""),
    dismissedAt: integer("dismissed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("initiatives_org_idx").on(t.organizationId, t.status),
    uniqueIndex("initiatives_org_library_key_idx").on(t.organizationId, t.libraryKey).where(sql`${t.libraryKey} is not null`),
    check("initiatives_priority_range", sql`${t.priority} between 1 and 3`),
  ],
);

/** A six-month review: the seed's questions, the decision and notes. The next one is derived from the latest `date`. */
export const initiativeReviews = sqliteTable(
  "initiative_reviews",
  {
    id: text("id").primaryKey(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    stillValid: integer("still_valid", { mode: "boolean" }).notNull(),
    prioritiesChanged: integer("priorities_changed", { mode: "boolean" }).notNull(),
    environmentChanged: integer("environment_changed", { mode: "boolean" }).notNull(),
    preferencesChanged: integer("preferences_changed", { mode: "boolean" }).notNull(),
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
    notes: text("notes").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("initiative_reviews_initiative_idx").on(t.initiativeId, t.date)],
);

/** An initiative's history: who changed what, when. `changes` is JSON: `{ kind, fields: { name: [before, after] } }`. */
export const initiativeChanges = sqliteTable(
  "initiative_changes",
  {
    id: text("id").primaryKey(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    changes: text("changes").notNull(),
  },
  (t) => [index("initiative_changes_initiative_idx").on(t.initiativeId, t.at)],
);

// ── Metrics and the customer-feedback log (issue 13) ─────────────────────────────────────────────
// One block, kept together so a parallel branch's tables merge beside it without interleaving.

/**
 * A metric an organization tracks: a catalog metric (`key`, its name, unit and texts from
 * content/metrics.json, in the reader's language) or a custom one (`name` and `unit` as typed).
 * Kind and direction are stored for both, so queries and the status need no content lookup.
 */
export const metrics = sqliteTable(
  "metrics",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    key: text("key"),
    name: text("name"),
    kind: text("kind", { enum: METRIC_KINDS }).notNull(),
    unit: text("unit"),
    direction: text("direction", { enum: METRIC_DIRECTIONS }).notNull(),
    baseline: real("baseline").notNull(),
    target: real("target").notNull(),
    /** YYYY-MM-DD */
    targetDate: text("target_date").notNull(),
    cadence: text("cadence", { enum: METRIC_CADENCES }).notNull(),
    owner: text("owner"),
    /** A catalogue amount's currency as the organization writes it (€, USD, S/); null: "amount". */
    currency: text("currency"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("metrics_org_key_idx").on(t.organizationId, t.key).where(sql`${t.key} is not null`),
    uniqueIndex("metrics_org_name_idx").on(t.organizationId, t.name).where(sql`${t.name} is not null`),
    check("metrics_catalog_or_custom", sql`(${t.key} is not null and ${t.name} is null and ${t.unit} is null) or (${t.key} is null and ${t.name} is not null and ${t.unit} is not null)`),
  ],
);

/** One value per metric and date: entering the same date again replaces it (the primary key). */
export const metricValues = sqliteTable(
  "metric_values",
  {
    metricId: text("metric_id")
      .notNull()
      .references(() => metrics.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD */
    date: text("date").notNull(),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.date] })],
);

/** A customer's comment, positive or negative, from a channel, optionally about one capability. */
export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD */
    date: text("date").notNull(),
    sentiment: text("sentiment", { enum: FEEDBACK_SENTIMENTS }).notNull(),
    channel: text("channel", { enum: FEEDBACK_CHANNELS }).notNull(),
    capability: text("capability"),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("feedback_org_date_idx").on(t.organizationId, t.date)],
);

// ---------------------------------------------------------------------------------------------
// Reminders (issue 12): calendar feeds and the email outbox. Kept together at the end so a
// parallel schema change merges as its own block.
// ---------------------------------------------------------------------------------------------

/**
 * A secret calendar feed: one per organization, or one per user (everything of theirs across their
 * organizations). The token is the whole secret, so it is stored as it is (the settings page shows
 * the URL again); "make a new URL" replaces it, and the old one answers 404.
 */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** A user's feed speaks the language they used when they last made or saw its URL. */
    lang: text("lang", { enum: ["es", "en"] }).notNull().default("es"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_org_idx").on(t.organizationId),
    uniqueIndex("calendar_feeds_user_idx").on(t.userId),
    check("calendar_feeds_one_owner", sql`(${t.organizationId} is null) <> (${t.userId} is null)`),
  ],
);

/**
 * The last date a calendar event was served with, and its SEQUENCE: when an event's date moves,
 * the next feed read raises the sequence, so calendars replace the old copy instead of keeping both.
 */
export const calendarEvents = sqliteTable("calendar_events", {
  uid: text("uid").primaryKey(),
  /** YYYY-MM-DD */
  date: text("date").notNull(),
  sequence: integer("sequence").notNull().default(0),
});

/** Everyone the app has emailed, with the token of their one-click opt-out. */
export const emailRecipients = sqliteTable("email_recipients", {
  /** Lower case. */
  email: text("email").primaryKey(),
  token: text("token").notNull().unique(),
  optedOutAt: integer("opted_out_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/**
 * The outbox: every email is a row, written in the transaction that decided it, before anything is
 * sent. `dedupe_key` (kind, item, due date, recipient) makes queueing the same reminder twice
 * impossible, whichever process or run tries. A sender claims a row (`sending`) in a committed
 * transaction before talking to the SMTP server, so no other process can send it too.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    /** Null for a digest, which spans the recipient's organizations. */
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    recipient: text("recipient").notNull(),
    lang: text("lang", { enum: ["es", "en"] }).notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** The one-click opt-out URL (List-Unsubscribe); null for invitations, which are not reminders. */
    unsubscribeUrl: text("unsubscribe_url"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    claimedBy: text("claimed_by"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_org_idx").on(t.organizationId, t.status)],
);

// ── Review metric values and initiatives from comments (issues 11 and 13) ───────────────────────

/** The latest value of each linked metric as a review recorded it: what the numbers said that day. */
export const initiativeReviewMetrics = sqliteTable(
  "initiative_review_metrics",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => initiativeReviews.id, { onDelete: "cascade" }),
    metricId: text("metric_id")
      .notNull()
      .references(() => metrics.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD: the date of the value, not of the review. */
    date: text("date").notNull(),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.metricId] }), index("initiative_review_metrics_metric_idx").on(t.metricId)],
);

/** An initiative drafted from a customer's comment ("turn into an initiative"). */
export const initiativeFeedback = sqliteTable(
  "initiative_feedback",
  {
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    feedbackId: text("feedback_id")
      .notNull()
      .references(() => feedback.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.feedbackId] }), index("initiative_feedback_feedback_idx").on(t.feedbackId)],
);

/**
 * Which periodic run has happened, for a run that must happen once a period even if the app was
 * down on its day: the weekly digest records its week (the Monday) here, in the transaction that
 * queues it, so the first run of a week plans it, and no later run of that week again.
 */
export const periodicRuns = sqliteTable(
  "periodic_runs",
  {
    job: text("job").notNull(),
    /** The period's key: for the digest, its week's Monday (YYYY-MM-DD). */
    period: text("period").notNull(),
    ranAt: integer("ran_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
