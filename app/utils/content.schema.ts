import { z } from "zod";
import { BANDS, QUIZ_QUESTIONS } from "~/domain/quiz";
import { LEVELS } from "~/domain/capability-model";
import { EFFORTS, STAFFING } from "~/domain/initiative.schema";
import { METRIC_KEYS } from "~/domain/metric-keys";
import { METRIC_DIRECTIONS, METRIC_KINDS } from "~/domain/metric.schema";
import type { Lang } from "./i18n";

/** Every piece of content is written in both languages, side by side. */
export const LocalizedSchema = z.object({ es: z.string().trim().min(1), en: z.string().trim().min(1) });
export type Localized = z.infer<typeof LocalizedSchema>;

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

export const QuizContentSchema = z
  .object({
    version: z.number().int().positive(),
    questions: z.array(
      z.object({
        id: z.enum(Object.keys(QUIZ_QUESTIONS) as [keyof typeof QUIZ_QUESTIONS]),
        topic: LocalizedSchema,
        prompt: LocalizedSchema,
        answers: z.array(z.object({ key: z.enum(["a", "b", "c", "d"]), label: LocalizedSchema })),
      }),
    ),
    bands: z.array(
      z.object({
        key: z.enum(BANDS.map((b) => b.key) as [string, ...string[]]),
        min: z.number().int(),
        max: z.number().int(),
        name: LocalizedSchema,
        summary: LocalizedSchema,
        detail: LocalizedSchema,
        nextStep: LocalizedSchema,
      }),
    ),
    cem: z.object({ title: LocalizedSchema, definition: LocalizedSchema, body: LocalizedSchema }),
    challenges: z
      .array(z.object({ key: z.string().min(1), title: LocalizedSchema, text: LocalizedSchema }))
      .length(5),
    assessmentInvite: z.object({ title: LocalizedSchema, text: LocalizedSchema }),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id).join();
    if (ids !== Object.keys(QUIZ_QUESTIONS).join()) {
      ctx.addIssue({ code: "custom", message: `questions must be ${Object.keys(QUIZ_QUESTIONS).join()} in order` });
    }
    for (const question of quiz.questions) {
      const keys = question.answers.map((a) => a.key).join();
      if (keys !== QUIZ_QUESTIONS[question.id].join()) {
        ctx.addIssue({ code: "custom", message: `${question.id} answers must be ${QUIZ_QUESTIONS[question.id].join()}` });
      }
    }
    const bands = quiz.bands.map((b) => `${b.key}:${b.min}-${b.max}`).join();
    if (bands !== BANDS.map((b) => `${b.key}:${b.min}-${b.max}`).join()) {
      ctx.addIssue({ code: "custom", message: "bands must match the scoring table" });
    }
  });
export type QuizContent = z.infer<typeof QuizContentSchema>;

export const CapabilityModelSchema = z.object({
  version: z.number().int().positive(),
  id: z.string().min(1),
  name: LocalizedSchema,
  levels: z
    .array(z.object({ level: z.number().int(), name: LocalizedSchema, description: LocalizedSchema }))
    .refine((levels) => levels.map((l) => l.level).join() === LEVELS.join(), `levels must be ${LEVELS.join()}`),
  categories: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z][a-z-]*$/),
        name: LocalizedSchema,
        question: LocalizedSchema,
        capabilities: z
          .array(
            z.object({
              key: z.string().regex(/^[a-z][a-z-]*$/),
              name: LocalizedSchema,
              description: LocalizedSchema,
              levels: z.array(LocalizedSchema).length(LEVELS.length),
            }),
          )
          .min(1),
      }),
    )
    .min(1)
    .refine((categories) => {
      const keys = categories.flatMap((c) => [c.key, ...c.capabilities.map((cap) => cap.key)]);
      return new Set(keys).size === keys.length;
    }, "category and capability keys must be unique"),
});
export type CapabilityModel = z.infer<typeof CapabilityModelSchema>;

/**
 * The initiative library (content/initiatives/<category>.json, one file per category of the
 * model): for each capability and each level to reach (2, 3, 4), initiatives a consultant can
 * propose, with their typical effort, duration, staffing and the metrics they should move.
 */
export const LIBRARY_LEVELS = [2, 3, 4] as const;
/** Each capability × level needs at least this many, so a consultant always has a choice. */
export const INITIATIVES_PER_LEVEL = 2;
export const INITIATIVE_TITLE_MAX = 70;
export const INITIATIVE_DESCRIPTION_MAX = 420;

const InitiativeTextSchema = z.object({
  title: z.string().trim().min(1).max(INITIATIVE_TITLE_MAX),
  description: z.string().trim().min(1).max(INITIATIVE_DESCRIPTION_MAX),
});

export const LibraryInitiativeSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/),
    capability: z.string().regex(/^[a-z][a-z-]*$/),
    level: z.union(LIBRARY_LEVELS.map((level) => z.literal(level)), { error: `level must be one of ${LIBRARY_LEVELS.join(", ")}` }),
    effort: z.enum(EFFORTS),
    months: z.number().int().min(1).max(24),
    staffing: z.enum(STAFFING),
    metrics: z
      .array(z.enum(METRIC_KEYS))
      .min(1)
      .max(4)
      .refine((keys) => new Set(keys).size === keys.length, "metric keys must not repeat"),
    es: InitiativeTextSchema,
    en: InitiativeTextSchema,
  })
  .refine((initiative) => initiative.key.startsWith(`${initiative.capability}-`), { path: ["key"], message: "key must start with its capability key and a hyphen" });
export type LibraryInitiative = z.infer<typeof LibraryInitiativeSchema> & { category: string };

export const InitiativeLibraryFileSchema = z.object({
  category: z.string().regex(/^[a-z][a-z-]*$/),
  initiatives: z.array(LibraryInitiativeSchema).min(1),
});
export type InitiativeLibraryFile = z.infer<typeof InitiativeLibraryFileSchema>;

type ModelKeys = { categories: readonly { key: string; capabilities: readonly { key: string }[] }[] };

/**
 * What one file cannot tell alone: each file is named after a category of the model and holds only
 * that category's capabilities, and every initiative key is unique across all the files.
 */
export function initiativeLibraryIssues(files: readonly { file: string; data: InitiativeLibraryFile }[], model: ModelKeys): string[] {
  const issues: string[] = [];
  const categoryOf = new Map(model.categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, c.key] as const)));
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    if (!model.categories.some((c) => c.key === data.category)) issues.push(`${file}: unknown category "${data.category}"`);
    if (file !== `${data.category}.json`) issues.push(`${file}: a file holds one category and is named after it (${data.category}.json)`);
    data.initiatives.forEach((initiative, i) => {
      const where = `${file}: initiatives.${i} (${initiative.key})`;
      const category = categoryOf.get(initiative.capability);
      if (category === undefined) issues.push(`${where}: unknown capability key "${initiative.capability}"`);
      else if (category !== data.category) issues.push(`${where}: capability "${initiative.capability}" belongs in ${category}.json`);
      const first = seen.get(initiative.key);
      if (first !== undefined) issues.push(`${where}: duplicate key, first in ${first}`);
      else seen.set(initiative.key, file);
    });
  }
  return issues;
}

/** Every capability × level to reach with fewer than INITIATIVES_PER_LEVEL initiatives, as "key level N: k of 2". */
export function initiativeLibraryShortfalls(initiatives: readonly { capability: string; level: number }[], capabilityKeys: readonly string[]): string[] {
  return capabilityKeys.flatMap((capability) =>
    LIBRARY_LEVELS.flatMap((level) => {
      const count = initiatives.filter((i) => i.capability === capability && i.level === level).length;
      return count >= INITIATIVES_PER_LEVEL ? [] : [`${capability} level ${level}: ${count} of ${INITIATIVES_PER_LEVEL}`];
    }),
  );
}

/**
 * The metric catalogue (content/metrics.json): the eight keys of INTERFACES in order, each with its
 * unit, direction and texts (an amount also its unit with the organization's currency). `bounds` are the values the metric can take (a percentage 0–100, NPS
 * −100–100). `references` are published figures shown beside a metric as context, never as anyone's
 * target: each names its source and year, a range with `min` and/or `max` in the metric's unit (both
 * equal for a single figure) or none for a finding that is not on the metric's scale. A metric
 * without a sourced figure has an empty list.
 */
export const MetricCatalogueSchema = z.object({
  version: z.number().int().positive(),
  metrics: z
    .array(
      z.object({
        key: z.enum(METRIC_KEYS),
        kind: z.enum(METRIC_KINDS),
        direction: z.enum(METRIC_DIRECTIONS),
        unit: LocalizedSchema,
        /** An amount's unit once the organization names its currency: "{currency} per call". */
        currencyUnit: LocalizedSchema.refine((u) => u.es.includes("{currency}") && u.en.includes("{currency}"), "currencyUnit must hold {currency} in both languages").optional(),
        bounds: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
        name: LocalizedSchema,
        definition: LocalizedSchema,
        computation: LocalizedSchema,
        references: z.array(
          z
            .object({
              label: LocalizedSchema,
              min: z.number().optional(),
              max: z.number().optional(),
              source: z.string().trim().min(1),
              year: z.number().int().min(1900).max(2100),
            })
            .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, "min must not exceed max"),
        ),
      }),
    )
    .refine((metrics) => metrics.map((m) => m.key).join() === METRIC_KEYS.join(), `metrics must be ${METRIC_KEYS.join()} in order`),
  /**
   * The first-contact-resolution what-if's default ratios (app/domain/fcr-what-if.ts): percent change
   * of CSAT and of operating cost per point of FCR, with their source and year and a text that says
   * how they are applied. Shown beside the what-if and editable there.
   */
  whatIf: z.object({
    fcr: z.object({
      csatPerPoint: z.number().min(0).max(10),
      costPerPoint: z.number().min(0).max(10),
      source: z.string().trim().min(1),
      year: z.number().int().min(1900).max(2100),
      label: LocalizedSchema,
    }),
  }),
});
export type MetricCatalogue = z.infer<typeof MetricCatalogueSchema>;

/**
 * The glossary every product string follows (content/glossary.json): one term per concept in each
 * language, and the variants a test refuses, each with its reason. A ban matches `pattern` (a
 * regular expression, case-insensitive, on whole words) when given, else `text` as a whole phrase.
 */
export const GlossarySchema = z.object({
  version: z.number().int().positive(),
  terms: z
    .array(
      z.object({
        concept: z.string().trim().min(1),
        es: z.string().trim().min(1),
        en: z.string().trim().min(1),
        short: LocalizedSchema.optional(),
        note: z.string().trim().min(1).optional(),
        banned: z.array(
          z.object({
            lang: z.enum(["es", "en"]),
            text: z.string().trim().min(1),
            pattern: z
              .string()
              .min(1)
              .refine((source) => {
                try {
                  new RegExp(source, "iu");
                  return true;
                } catch {
                  return false;
                }
              }, "not a valid regular expression")
              .optional(),
            caseSensitive: z.boolean().optional(),
            reason: z.string().trim().min(1),
          }),
        ),
      }),
    )
    .min(1)
    .refine((terms) => new Set(terms.map((t) => t.concept)).size === terms.length, "one entry per concept"),
});
export type Glossary = z.infer<typeof GlossarySchema>;

/** The regular expression one glossary ban matches with, on any one string. */
export function banExpression(ban: Glossary["terms"][number]["banned"][number]): RegExp {
  const escaped = ban.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = ban.pattern ?? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`;
  return new RegExp(source, ban.caseSensitive ? "u" : "iu");
}
