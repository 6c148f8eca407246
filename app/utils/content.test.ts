import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORY_KEYS, LEVELS } from "~/domain/capability-model";
import { METRIC_KEYS } from "~/domain/metric-keys";
import { BANDS, QUIZ_QUESTIONS } from "~/domain/quiz";
import { CapabilityModelSchema, MetricCatalogueSchema, QuizContentSchema } from "./content.schema";
import { contentFolder, getCapabilityModel, getLocalizedMetrics, getMetricCatalogue, getQuizContent } from "./content.server";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readContent(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(contentFolder, file), "utf8")) as Json;
}

/** Every `{ es, en }` pair in a content file, with where it sits, plus any half-translated object. */
function localizedTexts(value: Json, where = ""): { where: string; es: unknown; en: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${where}.${i}`));
  if (value === null || typeof value !== "object") return [];
  if ("es" in value || "en" in value) return [{ where, es: value.es, en: value.en }];
  return Object.entries(value).flatMap(([key, item]) => localizedTexts(item, `${where}.${key}`));
}

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join("."));
}

describe.each(["quiz.json", "capability-model.json", "metrics.json"])("content/%s", (file) => {
  const texts = localizedTexts(readContent(file));

  it("has text in both languages everywhere, none of it empty", () => {
    expect(texts.length).toBeGreaterThan(20);
    const bad = texts.filter(
      (t) => typeof t.es !== "string" || typeof t.en !== "string" || t.es.trim() === "" || t.en.trim() === "",
    );
    expect(bad).toEqual([]);
  });
});

describe("quiz content", () => {
  it("loads and validates: the app gets the file's quiz as the schema reads it", () => {
    expect(getQuizContent()).toEqual(QuizContentSchema.parse(readContent("quiz.json")));
  });

  it("has the questions, answers and bands of the scoring table", () => {
    const quiz = getQuizContent();
    expect(quiz.questions.map((q) => [q.id, q.answers.map((a) => a.key)])).toEqual(
      Object.entries(QUIZ_QUESTIONS).map(([id, options]) => [id, [...options]]),
    );
    expect(quiz.bands.map((b) => [b.key, b.min, b.max])).toEqual(BANDS.map((b) => [b.key, b.min, b.max]));
    expect(quiz.challenges).toHaveLength(5);
  });

  it("passes the schema as a raw copy, so the rejections below are caused by the change alone", () => {
    expect(QuizContentSchema.safeParse(readContent("quiz.json")).success).toBe(true);
  });

  it.each(["es", "en"])("rejects an answer whose %s text is missing", (lang) => {
    const quiz = structuredClone(readContent("quiz.json")) as { questions: { answers: { label: Record<string, string> }[] }[] };
    delete quiz.questions[3]!.answers[2]!.label[lang];
    const result = QuizContentSchema.safeParse(quiz);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual([`questions.3.answers.2.label.${lang}`]);
  });

  it("rejects an answer whose text is only blanks", () => {
    const quiz = structuredClone(readContent("quiz.json")) as { questions: { answers: { label: Record<string, string> }[] }[] };
    quiz.questions[0]!.answers[0]!.label.en = "   ";
    expect(issuePaths(QuizContentSchema.safeParse(quiz))).toEqual(["questions.0.answers.0.label.en"]);
  });

  it("rejects a question that lost an answer", () => {
    const quiz = structuredClone(readContent("quiz.json")) as { questions: { answers: unknown[] }[] };
    quiz.questions[3]!.answers.pop();
    expect(QuizContentSchema.safeParse(quiz).success).toBe(false);
  });
});

describe("capability model content", () => {
  const expectedKeys = Object.entries(CATEGORY_KEYS).map(([category, capabilities]) => [category, [...capabilities]]);

  it("loads and validates: the app gets the file's model as the schema reads it", () => {
    expect(getCapabilityModel()).toEqual(CapabilityModelSchema.parse(readContent("capability-model.json")));
  });

  it("has exactly the category and capability keys of the contract, in order", () => {
    const model = getCapabilityModel();
    expect(model.categories.map((c) => [c.key, c.capabilities.map((cap) => cap.key)])).toEqual(expectedKeys);
    expect(model.categories).toHaveLength(4);
    expect(model.categories.flatMap((c) => c.capabilities)).toHaveLength(25);
  });

  it("describes the four levels and four level texts per capability", () => {
    const model = getCapabilityModel();
    expect(model.levels.map((l) => l.level)).toEqual([...LEVELS]);
    expect(LEVELS).toEqual([1, 2, 3, 4]);
    for (const capability of model.categories.flatMap((c) => c.capabilities)) {
      expect(capability.levels, capability.key).toHaveLength(4);
    }
  });

  it("passes the schema as a raw copy, so the rejections below are caused by the change alone", () => {
    expect(CapabilityModelSchema.safeParse(readContent("capability-model.json")).success).toBe(true);
  });

  it("rejects a capability with a level missing", () => {
    const model = structuredClone(readContent("capability-model.json")) as {
      categories: { capabilities: { levels: unknown[] }[] }[];
    };
    model.categories[2]!.capabilities[4]!.levels.splice(1, 1);
    const result = CapabilityModelSchema.safeParse(model);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(["categories.2.capabilities.4.levels"]);
  });

  it("rejects a level text with one language missing", () => {
    const model = structuredClone(readContent("capability-model.json")) as {
      categories: { capabilities: { levels: Record<string, string>[] }[] }[];
    };
    delete model.categories[0]!.capabilities[0]!.levels[3]!.es;
    expect(issuePaths(CapabilityModelSchema.safeParse(model))).toEqual(["categories.0.capabilities.0.levels.3.es"]);
  });

  it("rejects a duplicated capability key", () => {
    const model = structuredClone(readContent("capability-model.json")) as {
      categories: { capabilities: { key: string }[] }[];
    };
    model.categories[1]!.capabilities[0]!.key = "billing";
    expect(CapabilityModelSchema.safeParse(model).success).toBe(false);
  });
});

describe("metric catalogue content", () => {
  type RawMetric = Record<string, unknown> & { unit?: Record<string, string>; name: Record<string, string>; references: Record<string, unknown>[] };
  const raw = () => structuredClone(readContent("metrics.json")) as { metrics: RawMetric[] };

  it("loads and validates: the app gets the file's catalogue as the schema reads it", () => {
    expect(getMetricCatalogue()).toEqual(MetricCatalogueSchema.parse(readContent("metrics.json")));
  });

  it("has exactly the eight keys of INTERFACES, business first, each with its kind", () => {
    const metrics = getMetricCatalogue().metrics;
    expect(metrics.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    expect(metrics.map((m) => m.kind)).toEqual(["business", "business", "business", "operational", "operational", "operational", "operational", "operational"]);
  });

  it("says which way is better: lower only for the cost per call", () => {
    expect(getMetricCatalogue().metrics.filter((m) => m.direction === "lower").map((m) => m.key)).toEqual(["cost-per-call"]);
  });

  it("gives NPS its −100 to 100 scale and every percentage 0 to 100", () => {
    const bounds = Object.fromEntries(getMetricCatalogue().metrics.map((m) => [m.key, m.bounds]));
    expect(bounds.nps).toEqual({ min: -100, max: 100 });
    for (const key of ["csat", "quality-score", "fcr"]) expect(bounds[key], key).toEqual({ min: 0, max: 100 });
  });

  it("gives every reference a source and a year, and ranges inside the metric's bounds", () => {
    for (const metric of getMetricCatalogue().metrics) {
      for (const reference of metric.references) {
        expect(reference.source.length, metric.key).toBeGreaterThan(0);
        expect(reference.year, metric.key).toBeGreaterThanOrEqual(2000);
        for (const value of [reference.min, reference.max].filter((v) => v !== undefined)) {
          expect(value, metric.key).toBeGreaterThanOrEqual(metric.bounds?.min ?? -Infinity);
          expect(value, metric.key).toBeLessThanOrEqual(metric.bounds?.max ?? Infinity);
        }
      }
    }
    // Figures we have a source for; none invented for the others.
    const sourced = getMetricCatalogue().metrics.filter((m) => m.references.length > 0).map((m) => m.key);
    expect(sourced).toEqual(["csat", "fcr", "ces"]);
  });

  it("reads in one language at a time", () => {
    const en = getLocalizedMetrics("en");
    const es = getLocalizedMetrics("es");
    expect(en.map((m) => m.key)).toEqual([...METRIC_KEYS]);
    expect(en.find((m) => m.key === "fcr")!.name).toBe("First-contact resolution (FCR)");
    expect(es.find((m) => m.key === "fcr")!.name).toBe("Resolución en el primer contacto (FCR)");
    expect(es.find((m) => m.key === "fcr")!.references.map((r) => [r.min, r.max])).toEqual([[undefined, 69], [70, 79], [80, undefined]]);
  });

  it("passes the schema as a raw copy, so the rejections below are caused by the change alone", () => {
    expect(MetricCatalogueSchema.safeParse(raw()).success).toBe(true);
  });

  it("rejects a missing key", () => {
    const catalogue = raw();
    catalogue.metrics.splice(4, 1);
    const result = MetricCatalogueSchema.safeParse(catalogue);
    expect(issuePaths(result)).toEqual(["metrics"]);
  });

  it("rejects an unknown key", () => {
    const catalogue = raw();
    catalogue.metrics[1]!.key = "aht";
    expect(issuePaths(MetricCatalogueSchema.safeParse(catalogue))).toContain("metrics.1.key");
  });

  it.each(["es", "en"])("rejects a name whose %s text is missing", (lang) => {
    const catalogue = raw();
    delete catalogue.metrics[3]!.name[lang];
    expect(issuePaths(MetricCatalogueSchema.safeParse(catalogue))).toEqual([`metrics.3.name.${lang}`]);
  });

  it("rejects a metric without a unit, or with half a unit", () => {
    const catalogue = raw();
    delete catalogue.metrics[0]!.unit;
    delete catalogue.metrics[5]!.unit!.en;
    expect(issuePaths(MetricCatalogueSchema.safeParse(catalogue))).toEqual(["metrics.0.unit", "metrics.5.unit.en"]);
  });

  it("rejects a metric without a direction, or with one that is not higher or lower", () => {
    const catalogue = raw();
    delete catalogue.metrics[2]!.direction;
    catalogue.metrics[6]!.direction = "up";
    expect(issuePaths(MetricCatalogueSchema.safeParse(catalogue))).toEqual(["metrics.2.direction", "metrics.6.direction"]);
  });

  it("rejects a reference without its source or year", () => {
    const catalogue = raw();
    const fcr = catalogue.metrics[5]!;
    delete fcr.references[0]!.year;
    fcr.references[1]!.source = " ";
    expect(issuePaths(MetricCatalogueSchema.safeParse(catalogue))).toEqual(["metrics.5.references.0.year", "metrics.5.references.1.source"]);
  });
});
