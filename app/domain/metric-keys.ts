/**
 * The metric catalog of INTERFACES ("Metrics, customer feedback, roadmap"): the keys a library
 * initiative names as the metrics it should move, an initiative's expected metrics, and the
 * catalog metrics an organization tracks. Business results first, then operational measures.
 */
export const METRIC_KEYS_BY_KIND = {
  business: ["revenue-per-contact", "cost-per-call", "orders-per-period"],
  operational: ["csat", "quality-score", "fcr", "nps", "ces"],
} as const;

export type MetricKind = keyof typeof METRIC_KEYS_BY_KIND;

export const METRIC_KEYS = [...METRIC_KEYS_BY_KIND.business, ...METRIC_KEYS_BY_KIND.operational] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export function isMetricKey(value: unknown): value is MetricKey {
  return typeof value === "string" && (METRIC_KEYS as readonly string[]).includes(value);
}

export function metricKindOf(key: MetricKey): MetricKind {
  return (METRIC_KEYS_BY_KIND.business as readonly string[]).includes(key) ? "business" : "operational";
}
