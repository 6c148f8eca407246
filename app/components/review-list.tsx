import { Link } from "@remix-run/react";
import { DECISION_LABEL } from "./initiative-labels";
import { fromIsoDate } from "~/domain/dates";
import type { ReviewDecision } from "~/domain/initiative.schema";
import { useI18n } from "~/utils/use-i18n";

export type ReviewRow = {
  id: string;
  date: string;
  decision: ReviewDecision;
  notes: string;
  stillValid: boolean;
  prioritiesChanged: boolean;
  environmentChanged: boolean;
  preferencesChanged: boolean;
  by: string | null;
  metrics: readonly ReviewMetricValue[];
};

export type ReviewMetricValue = { metricId: string; name: string; unit: string; date: string; value: number };

/** The linked metrics' values a review recorded (or, on the form, will record): name, value and unit, the value's date. */
export function ReviewMetricValues({ values, orgId }: { values: readonly ReviewMetricValue[]; orgId: string }) {
  const { measure, date } = useI18n();
  if (values.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2">
      {values.map((v) => (
        <li key={v.metricId} data-metric-value={v.metricId} data-value={v.value} data-date={v.date} className="rounded-lg border border-line px-3 py-1 text-sm">
          <Link to={`/orgs/${orgId}/metrics/${v.metricId}`} className="font-semibold">
            {v.name}
          </Link>{" "}
          <span className="tabular-nums">
            {measure(v.value, v.unit, { maximumFractionDigits: 2 })}
          </span>
          <span className="text-ink-soft"> · {date(fromIsoDate(v.date), { dateStyle: "medium" })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Past reviews, latest first: the date, the decision, the answers that call for attention, the notes. */
export function ReviewList({ reviews, orgId }: { reviews: readonly ReviewRow[]; orgId: string }) {
  const { t, date } = useI18n();
  if (reviews.length === 0) return <p className="mt-2 text-ink-soft">{t("review.list.empty")}</p>;
  return (
    <ul className="mt-3 divide-y divide-line">
      {reviews.map((r) => {
        const flags = [
          !r.stillValid && t("review.flag.notValid"),
          r.prioritiesChanged && t("review.flag.priorities"),
          r.environmentChanged && t("review.flag.environment"),
          r.preferencesChanged && t("review.flag.preferences"),
        ].filter(Boolean);
        return (
          <li key={r.id} data-review={r.id} className="py-3">
            <p className="font-semibold">
              {date(fromIsoDate(r.date))} · {t(DECISION_LABEL[r.decision].label)}
              {r.by ? <span className="font-normal text-ink-soft"> · {r.by}</span> : null}
            </p>
            {flags.length ? <p className="text-sm text-accent">{flags.join(" · ")}</p> : null}
            {r.notes ? <p className="whitespace-pre-line">{r.notes}</p> : null}
            <ReviewMetricValues values={r.metrics} orgId={orgId} />
          </li>
        );
      })}
    </ul>
  );
}
