import { Link } from "@remix-run/react";
import type { MaturityPoint } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";
import { MaturityLine } from "./charts/lazy";
import { DataTable, type Column } from "./data-table";

type Props = { points: MaturityPoint[]; categories: { key: string; name: string }[]; nextDue: number | null; now: number };

/** The organization's maturity index across locked assessments: a line chart and the same numbers as a table. */
export function MaturityHistory({ points, categories, nextDue, now }: Props) {
  const { t, number, date } = useI18n();
  const fmt = (v: number | null | undefined) => (v == null ? "–" : number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  return (
    <section className="card p-6" aria-labelledby="maturity-title">
      <h2 id="maturity-title" className="text-xl font-bold">{t("org.maturity.title")}</h2>
      {nextDue ? (
        <p className={`mt-1 font-semibold ${nextDue < now ? "text-accent" : "text-ink-soft"}`}>
          {nextDue < now ? <span aria-hidden="true">⚠ </span> : null}
          {t(nextDue < now ? "org.maturity.overdue" : "org.maturity.nextDue", { date: date(nextDue) })}
        </p>
      ) : null}
      {points.length === 0 ? (
        <p className="mt-3 text-ink-soft">{t("org.maturity.empty")}</p>
      ) : (
        <>
          {points.length > 1 ? (
            <div className="mt-4" aria-hidden="true">
              <MaturityLine points={points} series={categories} overallLabel={t("org.maturity.overall")} />
            </div>
          ) : null}
          <div className="mt-4 overflow-x-auto">
            <DataTable
              className="min-w-[40rem] text-sm"
              edge="flush"
              columns={[
                { key: "assessment", header: t("org.maturity.assessment"), rowHeader: true, className: "font-semibold", cell: (p) => <Link to={`assessments/${p.id}/gaps`}>{p.name}</Link> },
                { key: "lockedOn", header: t("org.maturity.lockedOn"), cell: (p) => date(p.lockedAt) },
                { key: "overall", header: t("org.maturity.overall"), align: "end", className: "tabular font-bold", cell: (p) => fmt(p.overall) },
                ...categories.map(
                  (c): Column<MaturityPoint> => ({ key: c.key, header: c.name, align: "end", className: "tabular", cell: (p) => fmt(p.categories[c.key]) }),
                ),
              ]}
              rows={points}
              rowKey={(p) => p.id}
            />
          </div>
        </>
      )}
    </section>
  );
}
