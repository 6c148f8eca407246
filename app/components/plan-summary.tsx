import { Link } from "@remix-run/react";
import { STATUS_LABEL, STATUS_STYLE } from "./initiative-labels";
import { fromIsoDate } from "~/domain/dates";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "~/domain/initiative.schema";
import { useI18n } from "~/utils/use-i18n";

type Props = {
  counts: Record<InitiativeStatus, number>;
  reviews: { initiativeId: string | null; title: string; date: string; overdue: boolean }[];
  nextReassessment: string | null;
  reassessmentOverdue: boolean;
};

/** The organization home's plan cards: reviews due and overdue, the next reassessment, initiatives by status. */
export function PlanSummary({ counts, reviews, nextReassessment, reassessmentOverdue }: Props) {
  const { t, date } = useI18n();
  const total = INITIATIVE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <section aria-labelledby="plan-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="plan-title" className="text-xl font-bold">
          {t("plan.title")}
        </h2>
        <div className="flex flex-wrap gap-3">
          <Link to="roadmap" className="btn btn-secondary">
            {t("plan.roadmap")}
          </Link>
          <Link to="initiatives" className="btn btn-secondary">
            {t("plan.open")}
          </Link>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="card p-4" data-testid="home-reviews-due">
          <h3 className="font-semibold">{t("plan.reviewsDue")}</h3>
          {reviews.length === 0 ? (
            <p className="mt-2 text-ink-soft">{t("plan.reviewsDue.none")}</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {reviews.map((r) => (
                <li key={r.initiativeId} data-initiative={r.initiativeId} data-due={r.date}>
                  <Link to={`initiatives/${r.initiativeId}`} className="font-semibold">
                    {r.title}
                  </Link>
                  <span className={`block text-sm ${r.overdue ? "font-semibold text-accent" : "text-ink-soft"}`}>
                    {date(fromIsoDate(r.date))}
                    {r.overdue ? ` · ${t("initiative.overdue")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link to="reviews" className="mt-2 inline-block text-sm font-semibold">
            {t("plan.reviewsDue.all")}
          </Link>
        </div>
        <div className={`card p-4 ${reassessmentOverdue ? "border-l-4 border-l-accent" : ""}`} data-testid="home-reassessment" data-date={nextReassessment ?? undefined}>
          <h3 className="font-semibold">{t("plan.nextReassessment")}</h3>
          {nextReassessment ? (
            <p className="mt-2 text-2xl font-bold tabular-nums">
              {date(fromIsoDate(nextReassessment))}
              {reassessmentOverdue ? <span className="block text-base text-accent">{t("initiative.overdue")}</span> : null}
            </p>
          ) : (
            <p className="mt-2 text-ink-soft">{t("plan.nextReassessment.none")}</p>
          )}
        </div>
        <div className="card p-4">
          <h3 className="font-semibold">{t("plan.progress")}</h3>
          {total === 0 ? (
            <p className="mt-2 text-ink-soft">{t("plan.empty")}</p>
          ) : (
            <>
              <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-line" aria-hidden="true">
                {INITIATIVE_STATUSES.filter((s) => counts[s] > 0).map((s) => (
                  <span key={s} className={STATUS_STYLE[s]} style={{ width: `${(100 * counts[s]) / total}%` }} />
                ))}
              </div>
              <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-3 text-sm">
                {INITIATIVE_STATUSES.map((s) => (
                  <div key={s} className="contents" data-status={s}>
                    <dt>{t(STATUS_LABEL[s])}</dt>
                    <dd className="text-right font-semibold tabular-nums">{counts[s]}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
