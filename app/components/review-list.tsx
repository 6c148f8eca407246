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
};

/** Past reviews, latest first: the date, the decision, the answers that call for attention, the notes. */
export function ReviewList({ reviews }: { reviews: readonly ReviewRow[] }) {
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
          </li>
        );
      })}
    </ul>
  );
}
