import type { HTMLAttributes, ReactNode, TableHTMLAttributes } from "react";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Numbers line up at the end of the cell; text at the start. */
  align?: "start" | "end";
  /** The column that names the row: a `<th scope="row">`, so screen readers announce it with each cell. */
  rowHeader?: boolean;
  /** A width for `<colgroup>` (a Tailwind class), when the layout must not move as values change. */
  width?: string;
  /** Extra classes for this column's cells (weight, colour, tabular figures). */
  className?: string | ((row: Row) => string);
};

type Props<Row> = Omit<TableHTMLAttributes<HTMLTableElement>, "children"> & {
  columns: (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Attributes of each `<tr>` (data-*, extra classes). */
  rowProps?: (row: Row, index: number) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, unknown>;
  caption?: ReactNode;
  captionClassName?: string;
  /** `card`: the table runs to a card's edges, so its first and last columns take the card's inset. */
  edge?: "card" | "flush";
  /** Row height: `compact` for dense numbers, `comfortable` for lists people click through. */
  density?: "compact" | "comfortable";
  /** Rows keep their content at the top (forms with messages under inputs). */
  alignTop?: boolean;
  /** Below the `sm` breakpoint each row is a card, each cell under its column's name: no sideways scrolling on a phone. */
  cardsOnPhone?: boolean;
};

/**
 * The one table: header, cell padding, alignment and row lines in one place. Callers give
 * columns (header and cell) and rows; the wrapper (a card, a scroll region) stays theirs.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowProps,
  caption,
  captionClassName = "px-4 pt-4 text-left text-lg font-bold",
  edge = "card",
  density = "compact",
  alignTop = false,
  cardsOnPhone = false,
  className = "",
  ...table
}: Props<Row>) {
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  const last = shown.length - 1;
  const y = density === "compact" ? "py-2" : "py-3";
  const x = (i: number) => {
    if (i === 0) return edge === "card" ? "pl-4 pr-2" : "pr-2";
    if (i === last) return edge === "card" ? "pl-2 pr-4" : "pl-2";
    return "px-2";
  };
  const align = (column: Column<Row>) => (column.align === "end" ? "text-right" : "");
  const cards = cardsOnPhone
    ? { table: "max-sm:block", thead: "max-sm:sr-only", tbody: "max-sm:block max-sm:space-y-3 max-sm:p-3", tr: "max-sm:block max-sm:rounded-lg max-sm:border max-sm:last:border max-sm:p-3", cell: "max-sm:block max-sm:pl-0 max-sm:pr-0 max-sm:py-1 max-sm:text-left" }
    : { table: "", thead: "", tbody: "", tr: "", cell: "" };
  const phoneLabel = (column: Column<Row>) => (cardsOnPhone ? <span className="block text-xs font-semibold text-ink-soft sm:hidden">{column.header}</span> : null);
  return (
    <table className={`w-full text-left ${cards.table} ${className}`} {...table}>
      {caption ? <caption className={captionClassName}>{caption}</caption> : null}
      {shown.some((c) => c.width) ? (
        <colgroup>
          {shown.map((column) => (
            <col key={column.key} className={column.width} />
          ))}
        </colgroup>
      ) : null}
      <thead className={`border-b border-line text-sm text-ink-soft ${cards.thead}`}>
        <tr>
          {shown.map((column, i) => (
            <th key={column.key} scope="col" className={`${x(i)} py-2 ${align(column)}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={cards.tbody}>
        {rows.map((row, index) => {
          const { className: rowClass = "", ...attributes } = rowProps?.(row, index) ?? {};
          return (
            <tr key={rowKey(row)} className={`border-b border-line last:border-0 ${alignTop ? "align-top" : ""} ${cards.tr} ${rowClass}`} {...attributes}>
              {shown.map((column, i) => {
                const extra = typeof column.className === "function" ? column.className(row) : (column.className ?? "");
                const classes = `${x(i)} ${y} ${align(column)} ${cards.cell} ${extra}`;
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={classes}>
                    {phoneLabel(column)}
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.key} className={classes}>
                    {phoneLabel(column)}
                    {column.cell(row, index)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
