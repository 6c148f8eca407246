/**
 * The portable form of one organization (GET …/export.json, POST /orgs/import): everything the
 * organization owns, without ids (the importing install makes its own), users, passwords, sessions,
 * invites or secret links. Rows refer to each other by position (`assessment`: the index of an
 * assessment in `assessments`). Times are ISO 8601 in UTC; dates `YYYY-MM-DD`. Versioned: a field
 * added later is optional with the default that means what a file without it meant (so every
 * earlier version-1 file still imports as it did), and only a change an earlier reader would
 * misread (a field renamed, removed or meaning something else) gets a new `version`, which the
 * importer then reads alongside the old ones. Added within version 1: `organization.peerBenchmark`
 * (default true), a review's `metrics` and an initiative's `feedback` (default none), a metric's
 * `currency` (default none: an amount reads "amount per call").
 *
 * Not carried, on purpose (app/models/organization-transfer.server.ts `NOT_EXPORTED_TABLES`, checked
 * against db/schema.ts by tests/integration/export-coverage.test.ts): memberships and invites (users
 * belong to an install), calendar feeds (secret URLs), the calendar events' sequences, email
 * recipients and the outbox (delivery state of the reminders, and opt-out tokens).
 */
import { z } from "zod";
import { CATEGORY_KEYS } from "./capability-model";
import { EFFORTS, INITIATIVE_STATUSES, isoDateField, PRIORITIES, REVIEW_DECISIONS, STAFFING } from "./initiative.schema";
import { METRIC_KEYS } from "./metric-keys";
import { FEEDBACK_CHANNELS, FEEDBACK_SENTIMENTS, METRIC_CADENCES, METRIC_DIRECTIONS, METRIC_KINDS } from "./metric.schema";
import { freeText, nameText } from "./text.schema";

export const EXPORT_FORMAT = "madura-organization";
export const EXPORT_VERSION = 1;

const CAPABILITY_KEYS = Object.values(CATEGORY_KEYS).flat() as [string, ...string[]];
const capabilityKey = z.enum(CAPABILITY_KEYS, { error: "orgImport.error.capability" });
const metricKey = z.enum(METRIC_KEYS, { error: "orgImport.error.metric" });
const time = z.iso.datetime({ offset: true, error: "orgImport.error.time" });
const date = isoDateField("orgImport.error.date");
const level = z.number().int().min(1).max(4);
const name = nameText({ max: 200, required: "orgImport.error.name" });
const text = (max: number) => freeText({ max, multiline: true });
const finite = z.number().refine(Number.isFinite, "orgImport.error.number");

const RatingSchema = z.object({ capability: capabilityKey, current: level.nullable(), ideal: level.nullable(), comment: text(2000), updatedAt: time });
const ParticipantSchema = z.object({ name, joinedAt: time, ratings: z.array(RatingSchema).max(200) });
const ConsensusSchema = z.object({ capability: capabilityKey, current: level, ideal: level, importance: z.number().int().min(1).max(3), rationale: text(4000), updatedAt: time });

const AssessmentSchema = z
  .object({
    name,
    mode: z.enum(["workshop", "solo"]),
    status: z.enum(["open", "locked"]),
    resultsVisible: z.boolean(),
    model: z.object({ id: z.string().min(1).max(100), version: z.number().int().min(1) }),
    createdAt: time,
    lockedAt: time.nullable(),
    participants: z.array(ParticipantSchema).max(5000),
    consensus: z.array(ConsensusSchema).max(200),
  })
  .refine((a) => (a.status === "locked") === (a.lockedAt !== null), "orgImport.error.lock");

/** Index of a metric in `metrics`, or of a comment in `feedback`. */
const position = z.number().int().min(0);

const ReviewSchema = z.object({
  date,
  stillValid: z.boolean(),
  prioritiesChanged: z.boolean(),
  environmentChanged: z.boolean(),
  preferencesChanged: z.boolean(),
  decision: z.enum(REVIEW_DECISIONS),
  notes: text(4000),
  createdAt: time,
  /** The latest value of each linked metric the review recorded (`metric`: its index in `metrics`). */
  metrics: z.array(z.object({ metric: position, date, value: finite })).max(20).default([]),
});

const InitiativeSchema = z.object({
  /** Index of the assessment it came from in `assessments`, or null. */
  assessment: z.number().int().min(0).nullable(),
  libraryKey: z.string().min(1).max(200).nullable(),
  title: name,
  description: text(4000),
  capabilities: z.array(capabilityKey).max(25),
  owner: z.object({ name: freeText({ max: 200 }), email: z.string().max(320).nullable() }),
  start: date.nullable(),
  target: date.nullable(),
  status: z.enum(INITIATIVE_STATUSES),
  priority: z.union(PRIORITIES.map((p) => z.literal(p)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]),
  effort: z.enum(EFFORTS),
  staffing: z.enum(STAFFING),
  metrics: z.array(metricKey).max(20),
  dismissedAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
  reviews: z.array(ReviewSchema).max(1000),
  history: z.array(z.object({ at: time, changes: z.record(z.string(), z.unknown()) })).max(5000),
  /** The customer comments it was drafted from: indexes in `feedback`. */
  feedback: z.array(position).max(1000).default([]),
});

const MetricSchema = z
  .object({
    key: metricKey.nullable(),
    name: name.nullable(),
    kind: z.enum(METRIC_KINDS),
    unit: freeText({ max: 30 }).nullable(),
    direction: z.enum(METRIC_DIRECTIONS),
    baseline: finite,
    target: finite,
    targetDate: date,
    cadence: z.enum(METRIC_CADENCES),
    owner: freeText({ max: 200 }).nullable(),
    currency: freeText({ max: 12 }).nullable().default(null),
    createdAt: time,
    values: z.array(z.object({ date, value: finite })).max(100_000),
  })
  .refine((m) => (m.key === null) !== (m.name === null), "orgImport.error.metricIdentity");

const FeedbackSchema = z.object({
  date,
  sentiment: z.enum(FEEDBACK_SENTIMENTS),
  channel: z.enum(FEEDBACK_CHANNELS),
  capability: capabilityKey.nullable(),
  text: text(4000),
  createdAt: time,
});

const QuizResultSchema = z.object({
  answers: z.object({ q1: z.enum(["a", "b", "c"]), q2: z.enum(["a", "b", "c"]), q3: z.enum(["a", "b", "c"]), q4: z.enum(["a", "b", "c", "d"]) }),
  score: z.number().int().min(4).max(13),
  band: z.enum(["long-way", "good-job", "on-top"]),
  lang: z.enum(["es", "en"]),
  createdAt: time,
});

/** Just enough to tell a Madura export (of some version) from any other JSON. */
export const ExportEnvelopeSchema = z.object({ format: z.literal(EXPORT_FORMAT), version: z.number().int() });

export const OrganizationExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: time,
    organization: z.object({
      name,
      industry: freeText({ max: 200 }),
      defaultLang: z.enum(["es", "en"]),
      createdAt: time,
      /** Counts in its consultant's anonymous peer benchmark (files from before it was exported: in). */
      peerBenchmark: z.boolean().default(true),
    }),
    quizResults: z.array(QuizResultSchema).max(100_000),
    assessments: z.array(AssessmentSchema).max(1000),
    initiatives: z.array(InitiativeSchema).max(10_000),
    metrics: z.array(MetricSchema).max(1000),
    feedback: z.array(FeedbackSchema).max(100_000),
  })
  .superRefine((data, ctx) => {
    data.initiatives.forEach((initiative, i) => {
      if (initiative.assessment !== null && initiative.assessment >= data.assessments.length) {
        ctx.addIssue({ code: "custom", path: ["initiatives", i, "assessment"], message: "orgImport.error.reference" });
      }
      initiative.feedback.forEach((comment, f) => {
        if (comment >= data.feedback.length) ctx.addIssue({ code: "custom", path: ["initiatives", i, "feedback", f], message: "orgImport.error.referenceFeedback" });
      });
      initiative.reviews.forEach((review, r) => {
        review.metrics.forEach((value, v) => {
          if (value.metric >= data.metrics.length) ctx.addIssue({ code: "custom", path: ["initiatives", i, "reviews", r, "metrics", v, "metric"], message: "orgImport.error.referenceMetric" });
        });
      });
    });
    data.assessments.forEach((assessment, a) => {
      assessment.participants.forEach((participant, p) => {
        const seen = new Set<string>();
        participant.ratings.forEach((rating, r) => {
          if (seen.has(rating.capability)) ctx.addIssue({ code: "custom", path: ["assessments", a, "participants", p, "ratings", r], message: "orgImport.error.duplicate" });
          seen.add(rating.capability);
        });
      });
    });
  });

export type OrganizationExport = z.output<typeof OrganizationExportSchema>;
/** What the exporter writes (the input side: before the importer's cleaning). */
export type OrganizationExportInput = z.input<typeof OrganizationExportSchema>;
