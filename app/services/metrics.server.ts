import { importFeedback, importMetricValues, type ImportProblem } from "~/domain/csv-import";
import { metricStatus, type MetricStatus } from "~/domain/metric-status";
import { customMetricBounds, type MetricBounds, type NewMetricInput } from "~/domain/metric.schema";
import { toIsoDate } from "~/domain/dates";
import type { CsvCell } from "~/integrations/csv.server";
import { createFeedback } from "~/models/feedback.server";
import { createMetric, listMetricsWithValues, saveValues, type CatalogDirections, type Metric, type MetricValue } from "~/models/metric.server";
import { getCapabilityKeys, getLocalizedMetrics, getMetricCatalogue, type LocalizedMetric } from "~/utils/content.server";
import type { Lang } from "~/utils/i18n";

/**
 * The metrics of an organization as pages and files show them: catalog metrics with their name,
 * unit and texts in the reader's language, custom ones as typed; each with its status from the
 * trend (domain/metric-status.ts). And the two CSV imports, all rows or none.
 */

export type MetricView = {
  id: string;
  key: string | null;
  name: string;
  unit: string;
  kind: Metric["kind"];
  direction: Metric["direction"];
  baseline: number;
  target: number;
  targetDate: string;
  cadence: Metric["cadence"];
  owner: string | null;
  /** Catalog metrics only: what it is, how to compute it, published figures (context, never a target). */
  catalog: Pick<LocalizedMetric, "definition" | "computation" | "references" | "bounds"> | null;
  values: MetricValue[];
  status: MetricStatus;
  /** The value the status judged (the trend at the target date, or the latest value) and which. */
  judged: number | null;
  basis: "trend" | "latest" | null;
};

export function catalogDirections(): CatalogDirections {
  return Object.fromEntries(getMetricCatalogue().metrics.map((m) => [m.key, m.direction]));
}

/** Adds a metric; a currency is kept only for a catalogue amount (one with a `currencyUnit`). */
export function addMetric(organizationId: string, input: NewMetricInput & { owner: string | null }) {
  const amount = input.source === "catalogue" && getMetricCatalogue().metrics.some((m) => m.key === input.key && m.currencyUnit);
  return createMetric(organizationId, input.source === "catalogue" && !amount ? { ...input, currency: null } : input, catalogDirections());
}

/** The day a status is judged on, as the server's calendar has it. */
export function today(now = new Date()): string {
  return toIsoDate(now);
}

function catalogEntry(key: string | null, lang: Lang): LocalizedMetric | undefined {
  return key ? getLocalizedMetrics(lang).find((m) => m.key === key) : undefined;
}

/**
 * A metric's name and unit in the reader's language: the catalog's for a catalog metric (an amount
 * with the organization's currency when it named one: "USD per call"), as typed for a custom one.
 */
export function metricLabel(metric: Pick<Metric, "key" | "name" | "unit" | "currency">, lang: Lang): { name: string; unit: string } {
  const entry = catalogEntry(metric.key, lang);
  const unit = entry?.currencyUnit && metric.currency ? entry.currencyUnit.replace("{currency}", metric.currency) : (entry?.unit ?? metric.unit ?? "");
  return { name: entry?.name ?? metric.name ?? metric.key ?? "", unit };
}

/** The values a metric can take: the catalog's bounds (a percentage 0–100, NPS −100–100, CES 1–7, counts and amounts from 0), or a custom metric's from its unit. */
export function metricBounds(metric: Pick<Metric, "key" | "unit">): MetricBounds {
  if (metric.key) return getMetricCatalogue().metrics.find((m) => m.key === metric.key)?.bounds ?? {};
  return customMetricBounds(metric.unit ?? "");
}

export function viewMetric(metric: Metric, values: MetricValue[], lang: Lang, asOf: string): MetricView {
  const entry = catalogEntry(metric.key, lang);
  const status = metricStatus({ baseline: metric.baseline, target: metric.target, targetDate: metric.targetDate, direction: metric.direction, values, asOf });
  return {
    id: metric.id,
    key: metric.key,
    ...metricLabel(metric, lang),
    kind: metric.kind,
    direction: metric.direction,
    baseline: metric.baseline,
    target: metric.target,
    targetDate: metric.targetDate,
    cadence: metric.cadence,
    owner: metric.owner,
    catalog: entry ? { definition: entry.definition, computation: entry.computation, references: entry.references, bounds: entry.bounds } : null,
    values,
    ...status,
  };
}

export async function listMetricViews(organizationId: string, lang: Lang, asOf = today()): Promise<MetricView[]> {
  return (await listMetricsWithValues(organizationId)).map((m) => viewMetric(m, m.values, lang, asOf));
}

export type ImportOutcome = { ok: true; count: number } | { ok: false; problems: ImportProblem[]; omitted: number };

/**
 * A `metric,date,value` file: each row's metric is a catalog key or a custom metric's name of this
 * organization; every row is stored (a date already there takes the new value) or none.
 */
export async function importMetricValuesFile(organizationId: string, file: Uint8Array): Promise<ImportOutcome> {
  const metrics = await listMetricsWithValues(organizationId);
  const idByName = new Map(metrics.map((m) => [m.key ?? m.name ?? "", m.id]));
  const bounds = new Map(metrics.map((m) => [m.key ?? m.name ?? "", metricBounds(m)]));
  const result = importMetricValues(file, [...idByName.keys()], bounds);
  if (!result.ok) return result;
  await saveValues(result.rows.map((row) => ({ metricId: idByName.get(row.metric)!, date: row.date, value: row.value })));
  return { ok: true, count: result.rows.length };
}

/** A `date,sentiment,channel,capability,text` file: every comment is stored or none. */
export async function importFeedbackFile(organizationId: string, file: Uint8Array): Promise<ImportOutcome> {
  const result = importFeedback(file, getCapabilityKeys());
  if (!result.ok) return result;
  await createFeedback(organizationId, result.rows);
  return { ok: true, count: result.rows.length };
}

export const METRICS_CSV_HEADER = ["metric", "kind", "unit", "date", "value", "target"];

/**
 * `metrics.csv`: one row per value, oldest first within each metric; a metric without values gets
 * one row with the date and value empty, so every metric and its target are in the file.
 */
export async function metricsCsvRows(organizationId: string, lang: Lang): Promise<CsvCell[][]> {
  const metrics = await listMetricViews(organizationId, lang);
  return metrics.flatMap((m) => {
    const id = m.key ?? m.name;
    if (m.values.length === 0) return [[id, m.kind, m.unit, null, null, m.target]];
    return m.values.map((v) => [id, m.kind, m.unit, v.date, v.value, m.target]);
  });
}

export type LabelledValue = { metricId: string; name: string; unit: string; date: string; value: number };

/** Metric values a review recorded (or would record), with each metric's name and unit in the reader's language. */
export function labelValues(values: readonly (Pick<Metric, "key" | "name" | "unit" | "currency"> & { metricId: string; date: string; value: number })[], lang: Lang): LabelledValue[] {
  return values.map((v) => ({ metricId: v.metricId, ...metricLabel(v, lang), date: v.date, value: v.value }));
}
