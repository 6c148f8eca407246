import type { MessageKey } from "~/utils/i18n";
import { z } from "zod";
import { withParams } from "./messages";
import { isMetricKey, type MetricKey, type MetricKind } from "./metric-keys";

export { isMetricKey };
import { cleanText, freeText, hasVisibleText, nameText } from "./text.schema";

/**
 * Form schemas of metrics, their values and the customer-feedback log (INTERFACES "Metrics,
 * customer feedback, roadmap"), shared by the forms, their actions and the CSV imports
 * (csv-import.ts). Messages are i18n keys of the `metrics` namespace.
 */

/** The kinds of metric as a list for forms; the type is metric-keys.ts's, which groups the catalog by kind. */
export const METRIC_KINDS = ["business", "operational"] as const satisfies readonly MetricKind[];
export type { MetricKind };
export const METRIC_DIRECTIONS = ["higher", "lower"] as const;
/** Which way is better. */
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const METRIC_CADENCES = ["monthly", "quarterly"] as const;
export type MetricCadence = (typeof METRIC_CADENCES)[number];
export const FEEDBACK_SENTIMENTS = ["positive", "negative"] as const;
export type FeedbackSentiment = (typeof FEEDBACK_SENTIMENTS)[number];
export const FEEDBACK_CHANNELS = ["phone", "email", "chat", "web", "branch", "social", "survey", "other"] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

// ── Numbers ────────────────────────────────────────────────────────────────────────────────────

export type DecimalReading = { ok: true; value: number } | { ok: false; reason: "format" | "ambiguous" };

/** Spaces people and spreadsheets put between thousands: space, no-break space, narrow no-break and thin space. */
const GROUP_SPACES = /[ \u00A0\u202F\u2009]/g;

/**
 * A decimal number as typed in Spanish or English, read the same whatever the page's language
 * (README, Decisions, "Decimal numbers in either language"):
 * - one mark, `.` or `,`, is the decimal mark: "1,5" and "1.5" are 1.5, ",5" is 0.5;
 * - with both marks, the last one is the decimal mark and the other must group thousands:
 *   "1.234,5" and "1,234.5" are 1234.5;
 * - one mark repeated must group thousands: "1.234.567" and "1,234,567" are 1234567;
 * - one mark followed by exactly three digits after 1–3 digits ("1,234", "12.500") could be either,
 *   so it is refused as ambiguous rather than read a thousand times off;
 * - spaces between digits are dropped ("1 234,5"), a sign may lead (`-`, `−`, `+`), a trailing `%`
 *   is dropped (the value is in percentage points as written). Nothing else: no exponents, no currency.
 */
export function readDecimal(input: string): DecimalReading {
  let text = input.trim().replace(GROUP_SPACES, "");
  if (text.endsWith("%")) text = text.slice(0, -1);
  const match = /^([-+\u2212]?)([\d.,]+)$/.exec(text);
  if (!match || text.length > 40) return { ok: false, reason: "format" };
  const negative = match[1] === "-" || match[1] === "\u2212";
  const body = match[2]!;
  const marks = body.replace(/\d/g, "");
  let plain: string;
  if (marks === "") {
    plain = body;
  } else if (marks.length === 1) {
    if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(body)) return { ok: false, reason: "ambiguous" };
    if (!/^\d*[.,]\d+$/.test(body)) return { ok: false, reason: "format" };
    plain = body.replace(",", ".");
  } else {
    const decimal = body[Math.max(body.lastIndexOf("."), body.lastIndexOf(","))]!;
    if (new Set(marks).size === 1) {
      // One mark, repeated: it can only be grouping thousands.
      const group = marks[0]!;
      if (!new RegExp(`^[1-9]\\d{0,2}(\\${group}\\d{3})+$`).test(body)) return { ok: false, reason: "format" };
      plain = body.split(group).join("");
    } else {
      const group = decimal === "." ? "," : ".";
      if (!new RegExp(`^[1-9]\\d{0,2}(\\${group}\\d{3})+\\${decimal}\\d+$`).test(body)) return { ok: false, reason: "format" };
      plain = body.split(group).join("").replace(decimal, ".");
    }
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, reason: "format" };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * A required text field read by `read`, which returns the value or the message of what is wrong;
 * `required` is the message for an empty or absent field.
 */
function requiredField<T>(required: string, read: (text: string) => { value: T } | { message: string }) {
  return z.string({ error: required }).transform((text, ctx) => {
    const result = text.trim() === "" ? { message: required } : read(text);
    if ("message" in result) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
}

/** A required decimal field (readDecimal). */
export function decimalField(required: string) {
  return requiredField<number>(required, (text) => {
    const reading = readDecimal(text);
    if (reading.ok) return { value: reading.value };
    return { message: reading.reason === "ambiguous" ? "metric.error.numberAmbiguous" : "metric.error.number" };
  });
}

// ── Dates ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A calendar date as `YYYY-MM-DD` (what a date input posts), or day first as `D/M/YYYY` (what a
 * Spanish spreadsheet writes); returned as `YYYY-MM-DD`, or null when it is no real date.
 */
export function readDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1]!, iso[2]!, iso[3]!] : dayFirst ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  // A calendar check by hand: date-fns' parse costs ~15 µs a call, which a 10,000-row import feels.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return `${parts[0]}-${parts[1]!.padStart(2, "0")}-${parts[2]!.padStart(2, "0")}`;
}

/** A required date field (readDate). */
export function dateField(required: string) {
  return requiredField<string>(required, (text) => {
    const date = readDate(text);
    return date === null ? { message: "metric.error.date" } : { value: date };
  });
}

/** An enum field typed by hand or in a spreadsheet: case and spaces around it do not matter. */
function choice<T extends readonly [string, ...string[]]>(options: T, message: string) {
  return z.preprocess((value) => (typeof value === "string" ? value.trim().toLowerCase() : value), z.enum(options, { error: message }));
}

// ── A new metric ───────────────────────────────────────────────────────────────────────────────

export type MetricPlan = { baseline: number; target: number; targetDate: string; cadence: MetricCadence };
export type NewMetricInput =
  | ({ source: "catalogue"; key: MetricKey; currency?: string | null } & MetricPlan)
  | ({ source: "custom"; name: string; kind: MetricKind; unit: string; direction: MetricDirection } & MetricPlan);

const customName = nameText({ max: 80, required: "metric.error.nameRequired" });
/** An amount's currency as the organization writes it (€, USD, S/); empty: none. */
const currency = freeText({ max: 12 });
/** A unit may be a symbol alone (%, €, $), so it needs no letter, only something visible. */
const customUnit = z
  .string({ error: "metric.error.unitRequired" })
  .transform((value) => cleanText(value))
  .pipe(z.string().min(1, "metric.error.unitRequired").max(30, "form.error.tooLong"));
const customKind = choice(METRIC_KINDS, "metric.error.kind");
const customDirection = choice(METRIC_DIRECTIONS, "metric.error.direction");

/**
 * POST /orgs/:orgId/metrics/new: a catalogue `key`, or (with `key` empty or absent) a custom metric's
 * `name`, `kind`, `unit` and `direction`; and for both `baseline`, `target`, `target_date`, `cadence`.
 * A catalogue metric takes its unit, kind and direction from content/metrics.json, so those fields
 * are ignored when a key is given; an amount (revenue per contact, cost per call) may name its
 * `currency` (€, USD…), kept only for those. Every field's message comes at once.
 */
export const NewMetricSchema = z
  .object({
    key: z.string().optional(),
    name: z.unknown().optional(),
    kind: z.unknown().optional(),
    unit: z.unknown().optional(),
    direction: z.unknown().optional(),
    currency: z.unknown().optional(),
    baseline: decimalField("metric.error.baselineRequired"),
    target: decimalField("metric.error.targetRequired"),
    target_date: dateField("metric.error.dateRequired"),
    cadence: choice(METRIC_CADENCES, "metric.error.cadence"),
  })
  .superRefine(
    (values, ctx) => {
      const key = typeof values.key === "string" ? values.key.trim() : "";
      if (key !== "") {
        if (!isMetricKey(key)) ctx.addIssue({ code: "custom", path: ["key"], message: "metric.error.keyUnknown" });
        const written = currency.safeParse(values.currency ?? "");
        if (!written.success) ctx.addIssue({ code: "custom", path: ["currency"], message: written.error.issues[0]!.message });
        return;
      }
      const fields = { name: customName, kind: customKind, unit: customUnit, direction: customDirection };
      for (const [field, schema] of Object.entries(fields)) {
        const result = schema.safeParse(values[field as keyof typeof fields] ?? "");
        if (!result.success) ctx.addIssue({ code: "custom", path: [field], message: result.error.issues[0]!.message });
      }
    },
    { when: () => true },
  )
  .transform((values): NewMetricInput => {
    const plan: MetricPlan = { baseline: values.baseline, target: values.target, targetDate: values.target_date, cadence: values.cadence };
    const key = values.key?.trim() ?? "";
    if (isMetricKey(key)) return { source: "catalogue", key, currency: currency.parse(values.currency ?? "") || null, ...plan };
    // Reached only when the refinement above found the custom fields valid.
    return {
      source: "custom",
      name: customName.parse(values.name),
      kind: customKind.parse(values.kind),
      unit: customUnit.parse(values.unit),
      direction: customDirection.parse(values.direction),
      ...plan,
    };
  });

// ── Values ─────────────────────────────────────────────────────────────────────────────────────

/** The values a metric can take: a catalog metric's from content/metrics.json, a custom one's from its unit. */
export type MetricBounds = { min?: number; max?: number };

/** A custom metric in percent is a share, 0 to 100; any other unit says nothing we can check. */
export function customMetricBounds(unit: string): MetricBounds {
  return unit.trim() === "%" ? { min: 0, max: 100 } : {};
}

/** What is wrong with a value outside its metric's bounds (a message with its numbers, messages.ts), or null. */
export function boundsMessage(value: number, bounds: MetricBounds): string | null {
  const { min, max } = bounds;
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return null;
  if (min !== undefined && max !== undefined) return withParams("metric.error.between", { min, max });
  if (min === 0) return "metric.error.negative";
  return min !== undefined ? withParams("metric.error.atLeast", { min }) : withParams("metric.error.atMost", { max: max! });
}

/** A required decimal within the metric's bounds: a percentage of 140 or a negative count is refused at the field. */
export function boundedValueField(bounds: MetricBounds, required = "metric.error.valueRequired") {
  return decimalField(required).superRefine((value, ctx) => {
    const message = boundsMessage(value, bounds);
    if (message) ctx.addIssue({ code: "custom", message });
  });
}

/** POST /orgs/:orgId/metrics/:metricId/values: a dated value within the metric's bounds (same date again replaces it). */
export function metricValueSchema(bounds: MetricBounds) {
  return z.object({ date: dateField("metric.error.dateRequired"), value: boundedValueField(bounds) });
}
/** A value with no bounds to check (a custom metric whose unit says nothing). */
export const MetricValueSchema = metricValueSchema({});
export type MetricValueInput = z.infer<typeof MetricValueSchema>;

const count = z
  .string({ error: "metric.error.count" })
  .trim()
  .regex(/^\d{1,9}$/, "metric.error.count")
  .transform(Number);

/** NPS entered as its three counts instead of the score (npsFromCounts turns them into one). */
export const NpsCountsSchema = z
  .object({ date: dateField("metric.error.dateRequired"), promoters: count, passives: count, detractors: count })
  .refine((c) => c.promoters + c.passives + c.detractors > 0, { path: ["promoters"], message: "metric.error.noResponses" });
export type NpsCountsInput = z.infer<typeof NpsCountsSchema>;

// ── Customer feedback ──────────────────────────────────────────────────────────────────────────

/**
 * POST /orgs/:orgId/feedback/new, and each row of the feedback import: `capability` is optional and,
 * when given, one of the model's capability keys (built per model, like the rating schemas).
 */
export function feedbackSchema(capabilityKeys: readonly string[]) {
  return z.object({
    date: dateField("metric.error.dateRequired"),
    sentiment: choice(FEEDBACK_SENTIMENTS, "feedback.error.sentiment"),
    channel: choice(FEEDBACK_CHANNELS, "feedback.error.channel"),
    capability: z
      .string()
      .optional()
      .transform((value) => cleanText(value ?? "").toLowerCase() || null)
      .refine((value) => value === null || capabilityKeys.includes(value), "feedback.error.capability"),
    text: z
      .string({ error: "feedback.error.textRequired" })
      .pipe(freeText({ max: 4000, multiline: true }))
      .refine(hasVisibleText, "feedback.error.textRequired"),
  });
}
export type FeedbackInput = z.output<ReturnType<typeof feedbackSchema>>;

/** A metric's optional owner (who reports it), posted as `owner` beside NewMetricSchema's fields. */
export const MetricOwnerSchema = z.object({
  owner: freeText({ max: 80 })
    .optional()
    .transform((value) => value || null),
});

/** Each channel's name in the dictionary: the pages, the CSV and the drafted initiatives say it the same way. */
export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, MessageKey> = {
  phone: "feedback.channel.phone",
  email: "feedback.channel.email",
  chat: "feedback.channel.chat",
  web: "feedback.channel.web",
  branch: "feedback.channel.branch",
  social: "feedback.channel.social",
  survey: "feedback.channel.survey",
  other: "feedback.channel.other",
};
