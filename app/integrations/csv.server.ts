import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

/**
 * OWASP's CSV-injection rule: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula to a spreadsheet, so it gets a single quote in front. A cell that already
 * starts with a quote gets one more, so a script undoes the rule exactly by removing one leading
 * quote from any text cell that has one. Numbers are not text cells: -1 stays -1.
 */
export function neutralizeCell(cell: CsvCell): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return /^[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV download (RFC 4180, UTF-8). The plain URL is exactly the documented header and rows, for
 * scripts; `?excel=1` prepends a byte-order mark so Excel shows accents correctly. Every export goes
 * through here, so every text cell is neutralized (neutralizeCell): pass numbers as numbers.
 */
export function csvResponse(request: Request, filename: string, header: string[], rows: CsvCell[][]): Response {
  const body = stringify([header, ...rows.map((row) => row.map(neutralizeCell))], { record_delimiter: "\r\n" });
  const bom = new URL(request.url).searchParams.get("excel") === "1" ? "\uFEFF" : "";
  return new Response(bom + body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** A file-name-safe version of a name: "2026 H2 – Año" → "2026-h2-ano". */
export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "export"
  );
}
