import { Link } from "@remix-run/react";
import type { MaturityPoint } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";
import { MaturityLine } from "./charts/lazy";

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
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-line text-ink-soft">
                <tr>
                  <th scope="col" className="py-2 pr-2">{t("org.maturity.assessment")}</th>
                  <th scope="col" className="px-2 py-2">{t("org.maturity.lockedOn")}</th>
                  <th scope="col" className="px-2 py-2 text-right">{t("org.maturity.overall")}</th>
                  {categories.map((c) => (
                    <th key={c.key} scope="col" className="px-2 py-2 text-right">{c.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.id} className="border-b border-line last:border-0">
                    <th scope="row" className="py-2 pr-2 font-semibold">
                      <Link to={`assessments/${p.id}/gaps`}>{p.name}</Link>
                    </th>
                    <td className="px-2 py-2">{date(p.lockedAt)}</td>
                    <td className="tabular px-2 py-2 text-right font-bold">{fmt(p.overall)}</td>
                    {categories.map((c) => (
                      <td key={c.key} className="tabular px-2 py-2 text-right">{fmt(p.categories[c.key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
