import type { IsoDate } from "~/domain/dates";
import { INITIATIVE_STATUSES } from "~/domain/initiative.schema";
import type { MetricStatus } from "~/domain/metric-status";
import { nextReassessmentDate } from "~/domain/review-schedule";
import { matchesFilters, onTimeline, roadmapWindow, sparkline, type RoadmapFilters, type RoadmapInput, type Sparkline, type TimelineInitiative } from "~/domain/roadmap";
import { getLastLockedAt } from "~/models/assessment.server";
import { listTimeline, type TimelineRow } from "~/models/initiative.server";
import { getCategoryOf, getLocalizedModel } from "~/utils/content.server";
import type { Lang } from "~/utils/i18n";
import { listMetricViews } from "./metrics.server";

/**
 * The roadmap page's data: the timeline (domain/roadmap.ts) from the organization's dated
 * initiatives and their reviews (one statement), its next reassessment (one), and its metrics'
 * trend on the same time axis (two). A constant number of statements, whatever the organization holds.
 */

export type RoadmapMetric = {
  id: string;
  name: string;
  unit: string;
  status: MetricStatus;
  latest: { date: IsoDate; value: number } | null;
  target: number;
  line: Sparkline;
};

/**
 * What the page needs to draw the roadmap: the layout's input (only the initiatives that pass the
 * filters and touch the window, only the fields drawn), the metrics' lines, and the filters'
 * choices. The page lays it out with `buildRoadmap`; sending the input rather than the layout keeps
 * the loader data small (README, Decisions, "The roadmap's loader data is its input").
 */
export type RoadmapData = {
  input: RoadmapInput;
  metrics: RoadmapMetric[];
  /** What the filters offer: the model's categories in the reader's language, the owners found. */
  options: { categories: { key: string; name: string }[]; owners: string[] };
  /** How many dated initiatives the organization has before the filters (to tell "none yet" from "none match"). */
  total: number;
};

/** The filters from a URL's query: unknown values are ignored, never an error. */
export function parseRoadmapFilters(search: URLSearchParams, categoryKeys: readonly string[]): RoadmapFilters {
  const status = search.get("status");
  const category = search.get("category");
  return {
    status: INITIATIVE_STATUSES.find((s) => s === status),
    category: categoryKeys.find((c) => c === category),
    owner: search.get("owner") || undefined,
  };
}

export function categoryOptions(lang: Lang) {
  return getLocalizedModel(lang).categories.map((c) => ({ key: c.key, name: c.name }));
}

export async function getRoadmap(organizationId: string, lang: Lang, today: IsoDate, filters: RoadmapFilters): Promise<RoadmapData> {
  const categories = categoryOptions(lang);
  const rows = await listTimeline(organizationId);
  const lastLock = await getLastLockedAt(organizationId);
  const metrics = await listMetricViews(organizationId, lang, today);
  const window = roadmapWindow(today);
  const categoryOf = getCategoryOf();
  const initiatives: TimelineInitiative[] = [];
  for (const row of rows) {
    const initiative = {
      id: row.id,
      title: row.title,
      status: row.status,
      ownerName: row.ownerName,
      start: row.start,
      target: row.target,
      categories: [...new Set(row.capabilities.map((key) => categoryOf.get(key)).filter((c): c is string => Boolean(c)))],
      reviewDates: row.reviewDates,
    };
    if (onTimeline(initiative, window) && matchesFilters(initiative, filters)) initiatives.push(initiative);
  }
  return {
    input: { initiatives, filters, today, nextReassessment: nextReassessmentDate(lastLock), categoryOrder: categories.map((c) => c.key) },
    metrics: metrics.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      status: m.status,
      latest: m.values.at(-1) ?? null,
      target: m.target,
      line: sparkline(window, m.values, m.target),
    })),
    options: { categories, owners: [...new Set(rows.map((r) => r.ownerName).filter(Boolean))].sort((a, b) => a.localeCompare(b)) },
    total: rows.length,
  };
}

export type MetricMarker = { kind: "start" | "finish" | "review"; date: IsoDate; initiativeId: string; title: string };

/**
 * Where the initiatives linked to a catalog metric started and finish (their target date) and
 * where their reviews were held, by date: the markers on the metric's chart. A custom metric has
 * no key for an initiative to name, so none.
 */
export async function getMetricMarkers(organizationId: string, metricKey: string | null): Promise<MetricMarker[]> {
  if (!metricKey) return [];
  const markers: MetricMarker[] = [];
  for (const row of await listTimeline(organizationId)) {
    if (!row.metrics.includes(metricKey as TimelineRow["metrics"][number]) || row.start === null) continue;
    const base = { initiativeId: row.id, title: row.title };
    markers.push({ ...base, kind: "start", date: row.start });
    if (row.target) markers.push({ ...base, kind: "finish", date: row.target });
    for (const date of row.reviewDates) markers.push({ ...base, kind: "review", date });
  }
  return markers.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}
