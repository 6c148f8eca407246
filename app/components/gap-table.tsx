import type { GapAnalysisRow } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";
import { Delta } from "./delta";

/** Every capability with its numbers: works without JavaScript and is what screen readers use. */
export function GapTable({ rows, hasPrevious }: { rows: GapAnalysisRow[]; hasPrevious: boolean }) {
  const { t, number } = useI18n();
  const cell = (value: number | null) => (value === null ? "–" : number(value));
  return (
    <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={t("gaps.table")}>
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid="gap-table">
        <caption className="px-4 pt-4 text-left text-lg font-bold">{t("gaps.table")}</caption>
        <thead className="border-b border-line text-ink-soft">
          <tr>
            <th scope="col" className="px-4 py-2">{t("term.capability")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("term.current")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("term.target")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("gaps.col.gap")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("term.importance")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("gaps.col.priority")}</th>
            {hasPrevious ? (
              <>
                <th scope="col" className="px-2 py-2 text-right">{t("gaps.col.previous")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("gaps.col.change")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={row.capabilityKey}
              data-capability={row.capabilityKey}
              data-previous-current={row.previous?.current}
              data-previous-ideal={row.previous?.ideal}
              className={`border-b border-line last:border-0 ${index === 0 || rows[index - 1]!.categoryKey !== row.categoryKey ? "border-t-2 border-t-ink/20" : ""}`}
            >
              <th scope="row" className="px-4 py-2 font-normal">
                <span className="block text-xs text-ink-soft">{row.categoryName}</span>
                {row.name}
              </th>
              <td className="tabular px-2 py-2 text-right">{cell(row.current)}</td>
              <td className="tabular px-2 py-2 text-right">{cell(row.ideal)}</td>
              <td className={`tabular px-2 py-2 text-right ${row.gap ? "font-bold text-accent" : ""}`}>{cell(row.gap)}</td>
              <td className="tabular px-2 py-2 text-right">{cell(row.importance)}</td>
              <td className="tabular px-2 py-2 text-right font-semibold">{cell(row.priority)}</td>
              {hasPrevious ? (
                <>
                  <td className="tabular px-2 py-2 text-right">{row.previous ? `${number(row.previous.current)} → ${number(row.previous.ideal)}` : "–"}</td>
                  <td className="px-4 py-2 text-right">
                    <Delta value={row.deltaCurrent} />
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
