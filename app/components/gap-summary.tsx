import type { GapAnalysis } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";
import { Delta } from "./delta";

/** Overall index today → goal, the change since the last cycle, and the three largest weighted gaps. */
export function GapSummary({ analysis }: { analysis: GapAnalysis }) {
  const { t, number, date } = useI18n();
  const fmt = (v: number | null) => (v === null ? "–" : number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const { overall, previous } = analysis;
  return (
    <section className="grid gap-4 lg:grid-cols-[auto_1fr]" aria-label={t("gaps.summary")}>
      <div className="card p-5">
        <p className="text-sm font-semibold text-ink-soft">{t("gaps.overall")}</p>
        <p className="tabular mt-1 text-4xl font-bold" data-testid="overall-index">
          {fmt(overall.current)} <span aria-hidden="true">→</span>
          <span className="sr-only"> {t("term.to")} </span> {fmt(overall.ideal)}
        </p>
        {previous ? (
          <p className="mt-2 text-sm">
            <Delta value={overall.deltaCurrent} /> {t("gaps.sincePrevious", { name: previous.name, date: date(previous.lockedAt) })}
          </p>
        ) : (
          <p className="mt-2 text-sm text-ink-soft">{t("gaps.noPrevious")}</p>
        )}
        <ul className="mt-4 space-y-1 text-sm">
          {analysis.categories.map((c) => (
            <li key={c.key} className="flex justify-between gap-4">
              <span>{c.name}</span>
              <span className="tabular whitespace-nowrap font-semibold">
                {fmt(c.current)} → {fmt(c.ideal)} {previous ? <Delta value={c.deltaCurrent} /> : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card p-5">
        <p className="text-sm font-semibold text-ink-soft">{t("gaps.topThree")}</p>
        {analysis.ranked.length === 0 ? (
          <p className="mt-2">{t("gaps.none")}</p>
        ) : (
          <ol className="mt-2 grid gap-3 md:grid-cols-3">
            {analysis.ranked.slice(0, 3).map((row) => (
              <li key={row.capabilityKey} className="rounded-lg border-l-4 border-accent bg-accent-soft p-3">
                <p className="text-xs text-ink-soft">{row.categoryName}</p>
                <p className="font-bold">{row.name}</p>
                <p className="tabular text-sm">{t("gaps.priorityOf", { priority: number(row.priority ?? 0), gap: number(row.gap ?? 0) })}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
