import { Link } from "@remix-run/react";
import { fromIsoDate } from "~/domain/dates";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

export type DueRow = {
  kind: "review" | "target" | "reassessment";
  organizationId: string;
  organizationName: string;
  initiativeId: string | null;
  title: string;
  date: string;
  overdue: boolean;
  days: number;
  /** May record reviews in this organization (else a review row links to the initiative). */
  canAct?: boolean;
};

const KIND: Record<DueRow["kind"], { label: MessageKey; action: MessageKey }> = {
  review: { label: "due.kind.review", action: "due.action.review" },
  target: { label: "due.kind.target", action: "due.action.target" },
  reassessment: { label: "due.kind.reassessment", action: "due.action.reassessment" },
};

function actionLink(row: DueRow, canAct: boolean): string {
  const org = `/orgs/${row.organizationId}`;
  if (row.kind === "review" && canAct) return `${org}/initiatives/${row.initiativeId}/reviews`;
  if (row.initiativeId) return `${org}/initiatives/${row.initiativeId}`;
  return `${org}/assessments/new`;
}

/**
 * Due and overdue items grouped by day, soonest first (overdue days lead, in amber, with the word
 * "overdue" beside the colour). Each row carries data-initiative (reviews and targets) and data-due.
 */
export function DueList({ rows, showOrganization, canAct = false }: { rows: readonly DueRow[]; showOrganization: boolean; canAct?: boolean }) {
  const { t, date } = useI18n();
  // Rows come sorted by date: one pass groups them by day (a portfolio can hold thousands).
  const byDay = new Map<string, DueRow[]>();
  for (const row of rows) {
    const items = byDay.get(row.date);
    if (items) items.push(row);
    else byDay.set(row.date, [row]);
  }
  return (
    <ol className="space-y-4">
      {[...byDay].map(([day, items]) => {
        const overdue = items[0]!.overdue;
        return (
          <li key={day} className={`card p-4 ${overdue ? "border-l-4 border-l-accent" : ""}`}>
            <h2 className="font-bold">
              {date(fromIsoDate(day), { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
              <span className={`ml-2 text-sm font-semibold ${overdue ? "text-accent" : "text-ink-soft"}`}>
                {overdue ? t("due.overdueBy", { count: -items[0]!.days }) : t("due.inDays", { count: items[0]!.days })}
              </span>
            </h2>
            <ul className="mt-2 divide-y divide-line">
              {items.map((row) => (
                <li
                  key={`${row.kind}-${row.initiativeId ?? row.organizationId}`}
                  data-initiative={row.kind === "review" ? row.initiativeId : undefined}
                  data-kind={row.kind}
                  data-due={row.date}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                >
                  <div>
                    <p className="text-sm text-ink-soft">
                      {t(KIND[row.kind].label)}
                      {showOrganization ? ` · ${row.organizationName}` : ""}
                    </p>
                    <p className="font-semibold">{row.kind === "reassessment" ? t("due.reassessmentOf", { name: row.organizationName }) : row.title}</p>
                  </div>
                  <Link to={actionLink(row, row.canAct ?? canAct)} className="btn btn-secondary">
                    {t(row.kind === "review" && !(row.canAct ?? canAct) ? "due.action.open" : KIND[row.kind].action)}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
