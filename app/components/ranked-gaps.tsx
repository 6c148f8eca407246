import { Link } from "@remix-run/react";
import type { GapAnalysisRow } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";

type Props = { ranked: GapAnalysisRow[]; categories: { key: string; name: string }[]; filter: string | null };

/** The largest weighted gaps first, each with what the next level looks like; filtered by a link (no JS needed). */
export function RankedGaps({ ranked, categories, filter }: Props) {
  const { t, number } = useI18n();
  // All of one category, or the ten largest overall: the table below has every row.
  const shown = filter ? ranked.filter((r) => r.categoryKey === filter) : ranked.slice(0, 10);
  const chip = (active: boolean) => `rounded-full border px-3 py-1 text-sm font-semibold no-underline ${active ? "border-primary bg-primary text-white" : "border-line bg-white text-ink"}`;
  return (
    <section className="space-y-3" aria-labelledby="ranked-title">
      <h2 id="ranked-title" className="text-xl font-bold">{t("gaps.ranked")}</h2>
      <nav className="no-print flex flex-wrap gap-2" aria-label={t("gaps.filter")}>
        <Link to="?" preventScrollReset className={chip(!filter)} aria-current={!filter ? "true" : undefined}>
          {t("gaps.all")}
        </Link>
        {categories.map((c) => (
          <Link key={c.key} to={`?category=${c.key}`} preventScrollReset className={chip(filter === c.key)} aria-current={filter === c.key ? "true" : undefined}>
            {c.name}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="text-ink-soft">{t("gaps.none")}</p>
      ) : (
        <ol className="space-y-3">
          {shown.map((row, index) => (
            <li key={row.capabilityKey} className="card flex gap-4 p-4">
              <span className="tabular text-2xl font-bold text-ink-soft">{index + 1}</span>
              <div className="flex-1">
                <p className="text-xs text-ink-soft">{row.categoryName}</p>
                <h3 className="font-bold">{row.name}</h3>
                <p className="tabular text-sm">
                  {t("gaps.rowSummary", { current: number(row.current ?? 0), ideal: number(row.ideal ?? 0), gap: number(row.gap ?? 0), importance: number(row.importance), priority: number(row.priority ?? 0) })}
                </p>
                {row.nextLevel ? (
                  <p className="mt-2 rounded-lg bg-primary-soft p-2 text-sm">
                    <span className="font-semibold">{t("gaps.nextLevel", { level: (row.current ?? 0) + 1 })} </span>
                    {row.nextLevel}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
