import { fromIsoDate } from "~/domain/dates";
import type { MetricStatus } from "~/domain/metric-status";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

const STATUS: Record<MetricStatus, { label: MessageKey; icon: string; className: string }> = {
  "on-track": { label: "metric.status.onTrack", icon: "✓", className: "border-primary bg-primary-soft text-primary-strong" },
  "at-risk": { label: "metric.status.atRisk", icon: "!", className: "border-accent bg-accent-soft text-ink" },
  "off-track": { label: "metric.status.offTrack", icon: "✕", className: "border-danger bg-danger-soft text-danger" },
  "no-data": { label: "metric.status.noData", icon: "–", className: "border-line bg-paper text-ink-soft" },
};

/** A metric's status in a word, a symbol and a colour (never the colour alone). */
export function MetricStatusBadge({ status }: { status: MetricStatus }) {
  const { t } = useI18n();
  const { label, icon, className } = STATUS[status];
  return (
    <span data-status={status} className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {t(label)}
    </span>
  );
}

/** "Projected 77.7 by 31 Dec 2026" or "Latest 74 (target date passed)": what the status judged. */
export function StatusBasis({ basis, judged, targetDate, unit }: { basis: "trend" | "latest" | null; judged: number | null; targetDate: string; unit: string }) {
  const { t, measure, date } = useI18n();
  if (basis === null || judged === null) return <span className="text-sm text-ink-soft">{t("metric.status.needTwo")}</span>;
  const value = measure(judged, unit, { maximumFractionDigits: 1 });
  return (
    <span className="text-sm text-ink-soft">
      {basis === "trend" ? t("metric.status.projected", { value, date: date(fromIsoDate(targetDate), { dateStyle: "medium" }) }) : t("metric.status.latest", { value })}
    </span>
  );
}
