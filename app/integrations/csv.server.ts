import { stringify } from "csv-stringify/sync";

/**
 * A CSV download (RFC 4180, UTF-8). The plain URL is exactly the documented header and rows, for
 * scripts; `?excel=1` prepends a byte-order mark so Excel shows accents correctly.
 */
export function csvResponse(request: Request, filename: string, header: string[], rows: (string | number | null)[][]): Response {
  const body = stringify([header, ...rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))], { record_delimiter: "\r\n" });
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
