import { z } from "zod";
import { isIsoDate, type IsoDate } from "./dates";
import { METRIC_KEYS, type MetricKey } from "./metric-keys";
import { freeText, hasVisibleText, nameText } from "./text.schema";
import { repeatedField } from "~/utils/forms";

/** INTERFACES "Initiatives and six-month reviews": the values an initiative and a review take. */
export const INITIATIVE_STATUSES = ["proposed", "planned", "in-progress", "done", "stopped"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const EFFORTS = ["S", "M", "L"] as const;
export type Effort = (typeof EFFORTS)[number];

/** The seed's "train or hire?": what the initiative needs in people. */
export const STAFFING = ["none", "train", "hire"] as const;
export type Staffing = (typeof STAFFING)[number];

/** 1 is high, 3 low. */
export const PRIORITIES = [1, 2, 3] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REVIEW_DECISIONS = ["continue", "adjust", "stop", "complete"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The form's repeated fields: `parseForm(schema, formData, INITIATIVE_REPEATED_FIELDS)`. */
export const INITIATIVE_REPEATED_FIELDS = ["capabilities", "metrics"] as const;

const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "form.error.invalidChoice" });

/** A `YYYY-MM-DD` calendar date (a real day: not 2026-02-30). */
export const isoDateField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((value): value is IsoDate => isIsoDate(value), message);

export type InitiativeInput = {
  title: string;
  description: string;
  capabilities: string[];
  ownerName: string;
  ownerEmail: string | null;
  start: IsoDate;
  target: IsoDate;
  status: InitiativeStatus;
  priority: Priority;
  effort: Effort;
  staffing: Staffing;
  metrics: MetricKey[];
};

/**
 * The initiative form (new and edit). Built from the model's capability keys, as the rating
 * schemas are. An edit posts any subset of the fields: the action lays them over the stored
 * initiative's values (`initiativeFormValues`) and parses the whole, so every rule, the dates'
 * order included, holds for the result. Messages are i18n keys.
 */
export function initiativeFormSchema(capabilityKeys: readonly string[]) {
  return z
    .object({
      title: nameText({ max: 200, required: "initiative.error.titleRequired" }),
      description: freeText({ max: 4000, multiline: true }).refine(hasVisibleText, "initiative.error.descriptionRequired"),
      capabilities: repeatedField(z.string().refine((key) => capabilityKeys.includes(key), "initiative.error.capabilityUnknown")).refine(
        (keys) => keys.length > 0,
        "initiative.error.capabilitiesRequired",
      ),
      owner_name: nameText({ max: 120, required: "initiative.error.ownerRequired" }),
      owner_email: z
        .string({ error: "initiative.error.emailInvalid" })
        .trim()
        .max(254, "initiative.error.emailInvalid")
        .pipe(z.union([z.literal(""), z.email("initiative.error.emailInvalid")]))
        .optional(),
      start: isoDateField("initiative.error.date"),
      target: isoDateField("initiative.error.date"),
      status: choice(INITIATIVE_STATUSES),
      priority: choice(["1", "2", "3"]).transform((value) => Number(value) as Priority),
      effort: choice(EFFORTS),
      staffing: choice(STAFFING),
      metrics: repeatedField(z.enum(METRIC_KEYS, { error: "initiative.error.metricUnknown" })),
    })
    .refine((values) => values.target >= values.start, {
      path: ["target"],
      message: "initiative.error.targetBeforeStart",
      // Said even when other fields are wrong too, as long as both dates are real dates.
      when: ({ value }) => {
        const dates = value as { start?: unknown; target?: unknown };
        return typeof dates.start === "string" && typeof dates.target === "string" && isIsoDate(dates.start) && isIsoDate(dates.target);
      },
    })
    .transform(
      (values): InitiativeInput => ({
        title: values.title,
        description: values.description,
        capabilities: values.capabilities,
        ownerName: values.owner_name,
        ownerEmail: values.owner_email ? values.owner_email : null,
        start: values.start,
        target: values.target,
        status: values.status,
        priority: values.priority,
        effort: values.effort,
        staffing: values.staffing,
        metrics: values.metrics,
      }),
    );
}

/** A stored initiative as the form's posted values: what an edit lays its subset over, and what the edit page pre-fills. */
export function initiativeFormValues(initiative: InitiativeInput): Record<string, string | string[]> {
  return {
    title: initiative.title,
    description: initiative.description,
    capabilities: [...initiative.capabilities],
    owner_name: initiative.ownerName,
    owner_email: initiative.ownerEmail ?? "",
    start: initiative.start,
    target: initiative.target,
    status: initiative.status,
    priority: String(initiative.priority),
    effort: initiative.effort,
    staffing: initiative.staffing,
    metrics: [...initiative.metrics],
  };
}

export type ReviewInput = {
  date: IsoDate;
  stillValid: boolean;
  prioritiesChanged: boolean;
  environmentChanged: boolean;
  preferencesChanged: boolean;
  decision: ReviewDecision;
  notes: string;
};

const yesNo = choice(["yes", "no"]).transform((value) => value === "yes");

/**
 * The six-month review: the seed's three questions (still valid against the company's
 * priorities? business environment changed? customer preferences changed?) plus whether the
 * priorities themselves changed, the decision and notes. `date` left empty is `today` (the
 * caller's calendar day, so the schema stays pure).
 */
export function reviewFormSchema(today: IsoDate) {
  return z
    .object({
      date: z
        .string({ error: "review.error.date" })
        .trim()
        .optional()
        .transform((value) => (value ? value : today))
        .pipe(isoDateField("review.error.date")),
      still_valid: yesNo,
      priorities_changed: yesNo,
      environment_changed: yesNo,
      preferences_changed: yesNo,
      decision: choice(REVIEW_DECISIONS),
      notes: freeText({ max: 4000, multiline: true }).default(""),
    })
    .transform(
      (values): ReviewInput => ({
        date: values.date,
        stillValid: values.still_valid,
        prioritiesChanged: values.priorities_changed,
        environmentChanged: values.environment_changed,
        preferencesChanged: values.preferences_changed,
        decision: values.decision,
        notes: values.notes,
      }),
    );
}
