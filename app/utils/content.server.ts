import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { MetricKey } from "~/domain/metric-keys";
import type { MetricDirection, MetricKind } from "~/domain/metric.schema";
import {
  CapabilityModelSchema,
  InitiativeLibraryFileSchema,
  initiativeLibraryIssues,
  MetricCatalogueSchema,
  pick,
  QuizContentSchema,
  type CapabilityModel,
  type LibraryInitiative,
  type MetricCatalogue,
  type QuizContent,
} from "./content.schema";
import type { Lang } from "./i18n";

/** Content ships beside the build as data, so a variant model needs no code change. */
export const contentFolder = path.resolve(process.cwd(), "content");

function load<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const full = path.join(contentFolder, file);
  const result = schema.safeParse(JSON.parse(fs.readFileSync(full, "utf8")));
  if (!result.success) {
    throw new Error(`Invalid content in ${full}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return result.data;
}

let quiz: QuizContent | undefined;
let model: CapabilityModel | undefined;
let metrics: MetricCatalogue | undefined;

export function getQuizContent(): QuizContent {
  quiz ??= load("quiz.json", QuizContentSchema);
  return quiz;
}

export function getCapabilityModel(): CapabilityModel {
  model ??= load("capability-model.json", CapabilityModelSchema);
  return model;
}

export function getMetricCatalogue(): MetricCatalogue {
  metrics ??= load("metrics.json", MetricCatalogueSchema);
  return metrics;
}

export type LocalizedMetric = {
  key: MetricKey;
  kind: MetricKind;
  direction: MetricDirection;
  unit: string;
  /** An amount's unit with a currency in it ("{currency} per call"); absent for other metrics. */
  currencyUnit?: string;
  bounds: { min?: number; max?: number };
  name: string;
  definition: string;
  computation: string;
  references: { label: string; min?: number; max?: number; source: string; year: number }[];
};

const localizedMetrics = new Map<Lang, LocalizedMetric[]>();

/** The metric catalogue in one language, in INTERFACES order (cached per language). */
export function getLocalizedMetrics(lang: Lang): LocalizedMetric[] {
  let list = localizedMetrics.get(lang);
  if (!list) {
    list = getMetricCatalogue().metrics.map((m) => ({
      key: m.key,
      kind: m.kind,
      direction: m.direction,
      unit: pick(m.unit, lang),
      ...(m.currencyUnit ? { currencyUnit: pick(m.currencyUnit, lang) } : {}),
      bounds: m.bounds ?? {},
      name: pick(m.name, lang),
      definition: pick(m.definition, lang),
      computation: pick(m.computation, lang),
      references: m.references.map((r) => ({ ...r, label: pick(r.label, lang) })),
    }));
    localizedMetrics.set(lang, list);
  }
  return list;
}

export type FcrWhatIfSource = { csatPerPoint: number; costPerPoint: number; source: string; year: number; label: string };

/** The FCR what-if's default ratios and where they come from, in one language (content/metrics.json, `whatIf`). */
export function getFcrWhatIfSource(lang: Lang): FcrWhatIfSource {
  const { label, ...rest } = getMetricCatalogue().whatIf.fcr;
  return { ...rest, label: pick(label, lang) };
}

export type LocalizedCapability = { key: string; name: string; description: string; levels: string[] };
export type LocalizedCategory = { key: string; name: string; question: string; capabilities: LocalizedCapability[] };
export type LocalizedModel = { name: string; levels: { level: number; name: string; description: string }[]; categories: LocalizedCategory[] };

const localized = new Map<Lang, LocalizedModel>();

/** The capability model in one language, the shape pages need (cached per language). */
export function getLocalizedModel(lang: Lang): LocalizedModel {
  let model = localized.get(lang);
  if (!model) {
    const source = getCapabilityModel();
    model = {
      name: pick(source.name, lang),
      levels: source.levels.map((l) => ({ level: l.level, name: pick(l.name, lang), description: pick(l.description, lang) })),
      categories: source.categories.map((c) => ({
        key: c.key,
        name: pick(c.name, lang),
        question: pick(c.question, lang),
        capabilities: c.capabilities.map((cap) => ({
          key: cap.key,
          name: pick(cap.name, lang),
          description: pick(cap.description, lang),
          levels: cap.levels.map((l) => pick(l, lang)),
        })),
      })),
    };
    localized.set(lang, model);
  }
  return model;
}

/** Every capability key of the model, in order. */
export function getCapabilityKeys(): string[] {
  return getCapabilityModel().categories.flatMap((c) => c.capabilities.map((cap) => cap.key));
}

/** Category key of each capability key. */
export function getCategoryOf(): Map<string, string> {
  return new Map(getCapabilityModel().categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, c.key] as const)));
}

/** The initiative library's files: content/initiatives/<category>.json. */
export const initiativesFolder = path.join(contentFolder, "initiatives");

/** The library's file names, sorted (none when the folder is missing). */
export function initiativeLibraryFiles(): string[] {
  if (!fs.existsSync(initiativesFolder)) return [];
  return fs
    .readdirSync(initiativesFolder)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

let library: readonly LibraryInitiative[] | undefined;

/**
 * Every library initiative, validated file by file and across files against the model (a broken
 * file stops the server, as a broken model does), in model order: category, capability, then level
 * to reach, then the file's order. Whether every capability × level has its two initiatives is
 * checked by the content test, not here: generation proposes what there is.
 */
export function getInitiativeLibrary(): readonly LibraryInitiative[] {
  if (!library) {
    const files = initiativeLibraryFiles().map((file) => ({ file, data: load(path.join("initiatives", file), InitiativeLibraryFileSchema) }));
    const issues = initiativeLibraryIssues(files, getCapabilityModel());
    if (issues.length > 0) throw new Error(`Invalid content in ${initiativesFolder}: ${issues.join("; ")}`);
    const order = new Map(getCapabilityKeys().map((key, index) => [key, index]));
    library = files
      .flatMap(({ data }) => data.initiatives.map((initiative) => ({ ...initiative, category: data.category })))
      .map((initiative, index) => ({ initiative, index }))
      .sort((a, b) => order.get(a.initiative.capability)! - order.get(b.initiative.capability)! || a.initiative.level - b.initiative.level || a.index - b.index)
      .map(({ initiative }) => initiative);
  }
  return library;
}

/** One library initiative by its key, or null (a key stored on an initiative may outlive a library change). */
export function getLibraryInitiative(key: string): LibraryInitiative | null {
  return getInitiativeLibrary().find((initiative) => initiative.key === key) ?? null;
}

/** A capability's library initiatives, all of them or those for one level to reach, in order. */
export function getLibraryInitiativesFor(capabilityKey: string, level?: number): LibraryInitiative[] {
  return getInitiativeLibrary().filter((i) => i.capability === capabilityKey && (level === undefined || i.level === level));
}

export type LocalizedLibraryInitiative = Omit<LibraryInitiative, "es" | "en"> & { title: string; description: string };

/** A library initiative in one language, the shape pages and new initiatives take. */
export function localizeLibraryInitiative(initiative: LibraryInitiative, lang: Lang): LocalizedLibraryInitiative {
  const { es: _es, en: _en, ...rest } = initiative;
  return { ...rest, title: initiative[lang].title, description: initiative[lang].description };
}
