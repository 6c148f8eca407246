/** The metric catalogue's keys (INTERFACES "Metrics"): business first, then operational. */
export const BUSINESS_METRIC_KEYS = ["revenue-per-contact", "cost-per-call", "orders-per-period"] as const;
export const OPERATIONAL_METRIC_KEYS = ["csat", "quality-score", "fcr", "nps", "ces"] as const;
export const METRIC_KEYS = [...BUSINESS_METRIC_KEYS, ...OPERATIONAL_METRIC_KEYS] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
