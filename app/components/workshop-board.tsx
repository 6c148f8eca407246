import type { VoteSummary } from "~/domain/workshop";
import { useI18n } from "~/utils/use-i18n";

export type BoardCategory = { key: string; name: string; capabilities: { key: string; name: string }[] };

type Props = {
  categories: BoardCategory[];
  summaries: Record<string, VoteSummary>;
  sort: "category" | "disagreement";
  showResults: boolean;
  projector: boolean;
};

const LEVEL_BG = ["bg-level-1", "bg-level-2", "bg-level-3", "bg-level-4"];

/** Votes per level as a row of four bars: current solid, ideal outlined (the same code everywhere). */
function Distribution({ current, ideal, label }: { current: number[]; ideal: number[]; label: string }) {
  const max = Math.max(1, ...current, ...ideal);
  return (
    <div className="mt-2 grid grid-cols-4 items-end gap-1" role="img" aria-label={label}>
      {current.map((count, index) => (
        <div key={index} className="flex h-14 items-end justify-center gap-1">
          {/* No vote, no bar: an empty border would read as a stub of one. */}
          <span className={`w-3.5 rounded-t ${LEVEL_BG[index]} ${count ? "border border-ink/60" : ""}`} style={{ height: `${(count / max) * 100}%` }} />
          <span className={`w-3.5 rounded-t ${ideal[index] ? "border-2 border-dashed border-ink/70" : ""}`} style={{ height: `${((ideal[index] ?? 0) / max) * 100}%` }} />
        </div>
      ))}
      {[1, 2, 3, 4].map((level) => (
        <span key={level} className="tabular text-center text-xs text-ink-soft" aria-hidden="true">
          {level}
        </span>
      ))}
    </div>
  );
}

function Tile({ name, summary, showResults, projector }: { name: string; summary?: VoteSummary; showResults: boolean; projector: boolean }) {
  const { t, number } = useI18n();
  const votes = summary?.votes ?? 0;
  const fmt = (value: number | null | undefined) => (value == null ? "–" : number(value, { maximumFractionDigits: 1 }));
  const disagreement = showResults && summary?.disagreement;
  return (
    // A column: the results sit at the tile's foot, so a row of tiles lines its charts up whatever the names' length.
    <li className={`card flex min-w-0 flex-col p-3 ${disagreement ? "border-2 border-accent" : ""}`} data-testid="board-tile">
      <h3 className={`font-semibold leading-snug wrap-break-word ${projector ? "text-xl" : ""}`}>{name}</h3>
      {/* Under the name, not beside it: the name keeps the tile's width, and the flag stays clear of the chart. */}
      <p className={`mt-1 flex flex-wrap items-center gap-2 ${projector ? "text-base" : "text-sm"}`}>
        <span className="tabular rounded bg-paper px-1.5" title={t("board.votes")}>
          {t("board.voteCount", { count: votes })}
        </span>
        {disagreement ? (
          <span className="inline-flex items-center gap-1 rounded bg-accent-soft px-2 font-bold text-accent" data-testid="disagreement">
            <span aria-hidden="true">⚑</span> {t("board.disagreement")}
          </span>
        ) : null}
      </p>
      {showResults && summary && votes > 0 ? (
        <div className="mt-auto">
          <p className={`tabular mt-1 ${projector ? "text-3xl" : "text-xl"} font-bold`}>
            <span className="sr-only">{t("board.median")}: </span>
            {fmt(summary.medianCurrent)} <span aria-hidden="true">→</span>
            <span className="sr-only">{t("term.to")}</span> {fmt(summary.medianIdeal)}
          </p>
          <Distribution
            current={summary.distributionCurrent}
            ideal={summary.distributionIdeal}
            label={t("board.distributionLabel", { current: summary.distributionCurrent.join(", "), ideal: summary.distributionIdeal.join(", ") })}
          />
          <p className={`mt-1 text-ink-soft ${projector ? "text-base" : "text-xs"}`}>{t("board.spread", { current: summary.spreadCurrent, ideal: summary.spreadIdeal })}</p>
        </div>
      ) : null}
    </li>
  );
}

/** What the bars mean, once above the tiles: the room reads it from the back too. */
function BoardLegend({ projector }: { projector: boolean }) {
  const { t } = useI18n();
  return (
    <p className={`flex flex-wrap items-center gap-x-5 gap-y-1 text-ink-soft ${projector ? "text-lg" : "text-sm"}`} data-testid="board-legend">
      <span className="inline-flex items-center gap-2">
        <span className="inline-block h-4 w-3.5 rounded-t border border-ink/60 bg-level-3" aria-hidden="true" /> {t("board.legend.current")}
      </span>
      <span className="inline-flex items-center gap-2">
        <span className="inline-block h-4 w-3.5 rounded-t border-2 border-dashed border-ink/70" aria-hidden="true" /> {t("board.legend.ideal")}
      </span>
      <span>{t("board.legend.levels")}</span>
    </p>
  );
}

/** The facilitator's board: 25 tiles by category, or one list with the widest disagreement first. */
export function WorkshopBoard(props: Props) {
  return (
    <div className="space-y-4">
      {props.showResults ? <BoardLegend projector={props.projector} /> : null}
      <Tiles {...props} />
    </div>
  );
}

function Tiles({ categories, summaries, sort, showResults, projector }: Props) {
  const { t } = useI18n();
  const grid = projector ? "grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" : "grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4";
  if (sort === "disagreement") {
    const all = categories.flatMap((c) => c.capabilities.map((cap) => ({ ...cap, category: c.name })));
    const score = (key: string) => {
      const s = summaries[key];
      return s ? (s.disagreement ? 100 : 0) + Math.max(s.spreadCurrent, s.spreadIdeal) * 10 + s.votes / 1000 : -1;
    };
    const ordered = [...all].sort((a, b) => score(b.key) - score(a.key));
    return (
      <ul className={grid} aria-label={t("board.sortedByDisagreement")}>
        {ordered.map((cap) => (
          <Tile key={cap.key} name={cap.name} summary={summaries[cap.key]} showResults={showResults} projector={projector} />
        ))}
      </ul>
    );
  }
  return (
    <div className="space-y-6">
      {categories.map((category) => (
        <section key={category.key} aria-labelledby={`cat-${category.key}`}>
          <h2 id={`cat-${category.key}`} className={`${projector ? "text-2xl" : "text-lg"} font-bold`}>
            {category.name}
          </h2>
          <ul className={`mt-2 ${grid}`}>
            {category.capabilities.map((cap) => (
              <Tile key={cap.key} name={cap.name} summary={summaries[cap.key]} showResults={showResults} projector={projector} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
