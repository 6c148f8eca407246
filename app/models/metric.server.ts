import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import { metricKindOf } from "~/domain/metric-keys";
import { comparableName } from "~/domain/csv-import";
import type { NewMetricInput } from "~/domain/metric.schema";
import { randomId } from "~/utils/tokens.server";

export type Metric = Tables["metrics"]["$inferSelect"];
export type MetricValue = { date: string; value: number };
export type MetricWithValues = Metric & { values: MetricValue[] };
export type CatalogDirections = Record<string, "higher" | "lower">;

/** What a new metric's post got wrong, at its field: an i18n key of the `metrics` namespace. */
export type CreateMetricResult = { ok: true; metric: Metric } | { ok: false; field: "key" | "name"; message: string };

/**
 * Adds a metric to the organization. A catalog metric takes its kind from the catalog and its
 * direction from `catalogDirections` (content); each catalog key once per organization. A custom
 * name must differ, case and spacing aside, from the organization's other custom names and from
 * every catalog key: the import finds a metric by that name (or key), so two answers to one name
 * would leave a row's metric ambiguous.
 */
export async function createMetric(
  organizationId: string,
  input: NewMetricInput & { owner: string | null },
  catalogDirections: CatalogDirections,
): Promise<CreateMetricResult> {
  const { t, transaction, isUniqueViolation } = getDb();
  const plan = { baseline: input.baseline, target: input.target, targetDate: input.targetDate, cadence: input.cadence, owner: input.owner };
  try {
    return await transaction(async (tx): Promise<CreateMetricResult> => {
      if (input.source === "catalogue") {
        const [metric] = await tx
          .insert(t.metrics)
          .values({ id: randomId(), organizationId, key: input.key, kind: metricKindOf(input.key), direction: catalogDirections[input.key] ?? "higher", currency: input.currency ?? null, ...plan })
          .returning();
        return { ok: true, metric: metric! };
      }
      const taken = new Set(Object.keys(catalogDirections).map(comparableName));
      const names = await tx.select({ name: t.metrics.name }).from(t.metrics).where(and(eq(t.metrics.organizationId, organizationId), isNotNull(t.metrics.name)));
      for (const { name } of names) taken.add(comparableName(name!));
      if (taken.has(comparableName(input.name))) return { ok: false, field: "name", message: "metric.error.nameTaken" };
      const [metric] = await tx
        .insert(t.metrics)
        .values({ id: randomId(), organizationId, name: input.name, unit: input.unit, kind: input.kind, direction: input.direction, ...plan })
        .returning();
      return { ok: true, metric: metric! };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return input.source === "catalogue" ? { ok: false, field: "key", message: "metric.error.keyTaken" } : { ok: false, field: "name", message: "metric.error.nameTaken" };
  }
}

/** The metric only if it belongs to the organization: ids from URLs never cross tenants. */
export async function getMetric(organizationId: string, metricId: string): Promise<Metric | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select()
    .from(t.metrics)
    .where(and(eq(t.metrics.id, metricId), eq(t.metrics.organizationId, organizationId)));
  return row;
}

export async function requireMetric(organizationId: string, metricId: string | undefined): Promise<Metric> {
  const metric = metricId ? await getMetric(organizationId, metricId) : undefined;
  if (!metric) throw new Response("Not found", { status: 404 });
  return metric;
}

/** The organization's metrics in the order they were added, each with its values by date (two statements). */
export async function listMetricsWithValues(organizationId: string): Promise<MetricWithValues[]> {
  const { orm, t } = getDb();
  const metrics = await orm.select().from(t.metrics).where(eq(t.metrics.organizationId, organizationId)).orderBy(asc(t.metrics.createdAt), asc(t.metrics.id));
  if (metrics.length === 0) return [];
  const values = await orm
    .select()
    .from(t.metricValues)
    .where(
      inArray(
        t.metricValues.metricId,
        metrics.map((m) => m.id),
      ),
    )
    .orderBy(asc(t.metricValues.date));
  const byMetric = new Map(metrics.map((m) => [m.id, [] as MetricValue[]]));
  for (const v of values) byMetric.get(v.metricId)?.push({ date: v.date, value: v.value });
  return metrics.map((m) => ({ ...m, values: byMetric.get(m.id)! }));
}

export async function listValues(metricId: string): Promise<MetricValue[]> {
  const { orm, t } = getDb();
  return orm.select({ date: t.metricValues.date, value: t.metricValues.value }).from(t.metricValues).where(eq(t.metricValues.metricId, metricId)).orderBy(asc(t.metricValues.date));
}

/** Rows of (metric, date, value); a (metric, date) already stored takes the new value. */
type ValueRow = { metricId: string; date: string; value: number };

/** Enough rows per statement to be quick, few enough parameters for either engine. */
const CHUNK = 500;

/** Adds a value, or replaces the one of that date. */
export async function saveValue(metricId: string, date: string, value: number): Promise<void> {
  await saveValues([{ metricId, date, value }]);
}

/**
 * Stores every row or none: one transaction, upserts by (metric, date). The caller has checked
 * that each metric belongs to the organization.
 */
export async function saveValues(rows: readonly ValueRow[]): Promise<void> {
  const { t, transaction } = getDb();
  await transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx
        .insert(t.metricValues)
        .values(rows.slice(start, start + CHUNK))
        .onConflictDoUpdate({ target: [t.metricValues.metricId, t.metricValues.date], set: { value: sql`excluded.value` } });
    }
  });
}
