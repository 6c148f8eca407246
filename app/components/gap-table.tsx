import type { GapAnalysisRow } from "~/services/gap-analysis.server";
import { useI18n } from "~/utils/use-i18n";
import { DataTable, type Column } from "./data-table";
import { Delta } from "./delta";

/** Every capability with its numbers: works without JavaScript and is what screen readers use. */
export function GapTable({ rows, hasPrevious }: { rows: GapAnalysisRow[]; hasPrevious: boolean }) {
  const { t, number } = useI18n();
  const cell = (value: number | null) => (value === null ? "–" : number(value));
  const figure = (key: string, header: string, value: (row: GapAnalysisRow) => number | null, className: Column<GapAnalysisRow>["className"] = "tabular"): Column<GapAnalysisRow> => ({
    key,
    header,
    align: "end",
    className,
    cell: (row) => cell(value(row)),
  });
  const columns: (Column<GapAnalysisRow> | false)[] = [
    {
      key: "capability",
      header: t("term.capability"),
      rowHeader: true,
      className: "font-normal",
      cell: (row) => (
        <>
          <span className="block text-xs text-ink-soft">{row.categoryName}</span>
          {row.name}
        </>
      ),
    },
    figure("current", t("term.current"), (r) => r.current),
    figure("ideal", t("term.target"), (r) => r.ideal),
    figure("gap", t("gaps.col.gap"), (r) => r.gap, (r) => `tabular ${r.gap ? "font-bold text-accent" : ""}`),
    figure("importance", t("term.importance"), (r) => r.importance),
    figure("priority", t("gaps.col.priority"), (r) => r.priority, "tabular font-semibold"),
    hasPrevious && {
      key: "previous",
      header: t("gaps.col.previous"),
      align: "end",
      className: "tabular",
      cell: (row) => (row.previous ? `${number(row.previous.current)} → ${number(row.previous.ideal)}` : "–"),
    },
    hasPrevious && { key: "change", header: t("gaps.col.change"), align: "end", cell: (row) => <Delta value={row.deltaCurrent} /> },
  ];
  return (
    <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={t("gaps.table")}>
      <DataTable
        className="min-w-[44rem] text-sm"
        data-testid="gap-table"
        caption={t("gaps.table")}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.capabilityKey}
        rowProps={(row, index) => ({
          "data-capability": row.capabilityKey,
          "data-previous-current": row.previous?.current,
          "data-previous-ideal": row.previous?.ideal,
          className: index === 0 || rows[index - 1]!.categoryKey !== row.categoryKey ? "border-t-2 border-t-ink/20" : "",
        })}
      />
    </div>
  );
}
