import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { readMessage } from "./messages";
import { boundedValueField, dateField, feedbackSchema, type FeedbackInput, type MetricBounds } from "./metric.schema";
import { cleanText } from "./text.schema";

/**
 * The metric-values and customer-feedback imports (INTERFACES: `metric,date,value` and
 * `date,sentiment,channel,capability,text`): every row is checked with the forms' own schemas, and
 * the answer is all the rows or a report of every bad one, never part of the file. Parsing text is
 * no I/O, so it lives with the rules; csv-parse needs Node's Buffer, so only server code imports
 * this module.
 *
 * What a spreadsheet hands us: UTF-8 with or without a byte-order mark, or Windows-1252 from an
 * older Excel (given bytes, not text); CRLF or LF; commas, or semicolons from a Spanish Excel (read
 * from the header), or tabs; an Excel `sep=;` first line; quoted cells holding commas, quotes and
 * line breaks; empty rows, rows of empty cells and trailing delimiters; decimal commas and
 * DD/MM/YYYY dates (metric.schema.ts). Row numbers are the spreadsheet's: the header is row 1 and a
 * cell with line breaks still makes one row.
 */

/** The request body limit (README, Decisions): a larger file could not arrive anyway. */
export const CSV_MAX_BYTES = 4 * 1024 * 1024;
/** A year of daily values for 50 metrics fits; a bigger file is most likely the wrong file. */
export const CSV_MAX_ROWS = 20_000;
/** A report longer than this helps nobody: the rest is counted in `omitted`. */
export const MAX_REPORTED_PROBLEMS = 100;

export const METRIC_VALUES_HEADER = ["metric", "date", "value"] as const;
export const FEEDBACK_HEADER = ["date", "sentiment", "channel", "capability", "text"] as const;

/** What is wrong where: `message` is an i18n key of the `metrics` namespace, `params` its placeholders. */
export type ImportProblem = { row: number; field: string; message: string; params?: Record<string, string | number> };
export type ImportResult<T> = { ok: true; rows: T[] } | { ok: false; problems: ImportProblem[]; omitted: number };

export type MetricValueRow = { row: number; metric: string; date: string; value: number };
export type FeedbackRow = FeedbackInput & { row: number };

/**
 * A metric-values file. `knownMetrics` are the keys and names the organization's metrics answer to
 * (catalogue keys, custom names); a row's `metric` matches one whatever its case and spacing, and
 * comes back spelled as in the list. Two rows for the same metric and date are refused: which one
 * should win? `bounds` gives a metric's bounds by its name in the list: a value outside them is
 * refused with the value form's message.
 */
export function importMetricValues(input: string | Uint8Array, knownMetrics: readonly string[], bounds: ReadonlyMap<string, MetricBounds> = new Map()): ImportResult<MetricValueRow> {
  const byName = new Map(knownMetrics.map((name) => [comparableName(name), name]));
  const valueFields = new Map([...bounds].map(([name, b]) => [name, boundedValueField(b)]));
  const unbounded = boundedValueField({});
  const valueFieldOf = (metric: unknown) => (typeof metric === "string" ? valueFields.get(metric) : undefined) ?? unbounded;
  const schema = z
    .object({
      metric: z
        .string()
        .transform((cell) => byName.get(comparableName(cell)))
        .refine((name) => name !== undefined, "import.error.unknownMetric"),
      date: dateField("metric.error.dateRequired"),
      value: z.unknown(),
    })
    .superRefine(
      // Runs beside the other fields' messages (`when`), so a row with a bad date and a bad value hears of both.
      (record, ctx) => {
        const value = valueFieldOf(record.metric).safeParse(record.value);
        if (!value.success) ctx.addIssue({ code: "custom", path: ["value"], message: value.error.issues[0]!.message });
      },
      { when: () => true },
    )
    .transform((record) => ({ ...record, value: valueFieldOf(record.metric).parse(record.value) }));
  const firstRowOf = new Map<string, number>();
  return importRows(input, METRIC_VALUES_HEADER, (record, row) => {
    const result = schema.safeParse(record);
    if (!result.success) return issuesOf(result.error, row);
    const { metric, date, value } = result.data;
    const id = `${metric!}\u0000${date}`;
    const first = firstRowOf.get(id);
    if (first !== undefined) return [{ row, field: "date", message: "import.error.duplicate", params: { first } }];
    firstRowOf.set(id, row);
    return { row, metric: metric!, date, value };
  });
}

/** A customer-feedback file; `capability` is empty or one of `capabilityKeys`. */
export function importFeedback(input: string | Uint8Array, capabilityKeys: readonly string[]): ImportResult<FeedbackRow> {
  const schema = feedbackSchema(capabilityKeys);
  return importRows(input, FEEDBACK_HEADER, (record, row) => {
    const result = schema.safeParse(record);
    return result.success ? { row, ...result.data } : issuesOf(result.error, row);
  });
}

/** A metric name as matched (by the import, and for uniqueness): cleaned, NFC, runs of spaces as one, case-folded. */
export function comparableName(name: string): string {
  return cleanText(name).replace(/\s+/g, " ").toLowerCase();
}

function issuesOf(error: z.ZodError, row: number): ImportProblem[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = issue.path.join(".");
    if (seen.has(field)) return [];
    seen.add(field);
    const { key, params } = readMessage(issue.message);
    return [params ? { row, field, message: key, params } : { row, field, message: key }];
  });
}

/** A row's value, or what is wrong with it. */
type RowReader<T> = (record: Record<string, string>, row: number) => T | ImportProblem[];

function importRows<T>(input: string | Uint8Array, header: readonly string[], read: RowReader<T>): ImportResult<T> {
  const fail = (problem: ImportProblem): ImportResult<T> => ({ ok: false, problems: [problem], omitted: 0 });
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > CSV_MAX_BYTES) return fail({ row: 1, field: "file", message: "import.error.tooLarge", params: { max: CSV_MAX_BYTES / 1024 / 1024 } });

  let text = decode(input).replace(/^\uFEFF/, "");
  // Excel reads, and some tools write, a first line `sep=;` naming the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  const offset = sep ? 1 : 0;
  if (sep) text = text.slice(sep[0].length);
  const columns = readHeader(text.split(/\r?\n/, 1)[0] ?? "", header, sep?.[1]);
  if (!columns) return fail({ row: 1 + offset, field: "header", message: "import.error.header", params: { expected: header.join(",") } });

  let records: string[][];
  try {
    records = parse(text, { delimiter: columns.delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const failedAt = typeof error.records === "number" ? error.records + 1 : 1;
    return fail({ row: failedAt + offset, field: "file", message: "import.error.unreadable" });
  }

  const body = records
    .map((cells, index) => ({ cells, row: index + 1 + offset }))
    .slice(1)
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (body.length === 0) return fail({ row: 2 + offset, field: "file", message: "import.error.empty" });
  if (body.length > CSV_MAX_ROWS) return fail({ row: CSV_MAX_ROWS + 2 + offset, field: "file", message: "import.error.tooManyRows", params: { max: CSV_MAX_ROWS } });

  const rows: T[] = [];
  const problems: ImportProblem[] = [];
  for (const { cells, row } of body) {
    // Trailing empty cells (a delimiter too many at the end of a line) are not columns.
    const width = Math.max(header.length, cells.findLastIndex((cell) => cell.trim() !== "") + 1);
    if (width !== header.length || cells.length < header.length) {
      problems.push({ row, field: "row", message: "import.error.columns", params: { found: Math.min(width, cells.length), expected: header.length } });
      continue;
    }
    const record = Object.fromEntries(columns.order.map((name, i) => [name, undoFormulaQuote(cells[i]!)]));
    const result = read(record, row);
    if (Array.isArray(result)) problems.push(...result);
    else rows.push(result);
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS), omitted: Math.max(0, problems.length - MAX_REPORTED_PROBLEMS) };
  return { ok: true, rows };
}

/** Bytes as UTF-8 when they are valid UTF-8 (a byte-order mark is dropped), else as Windows-1252. */
function decode(input: string | Uint8Array): string {
  if (typeof input === "string") return input;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    return new TextDecoder("windows-1252").decode(input);
  }
}

/**
 * The delimiter is whichever of comma, semicolon and tab splits the first line into exactly the
 * expected column names (any order, any case, quoted or not); the order found maps the cells.
 */
function readHeader(line: string, header: readonly string[], declared?: string): { delimiter: string; order: string[] } | null {
  for (const delimiter of declared ? [declared] : [",", ";", "\t"]) {
    const names = line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase());
    while (names.length > header.length && names.at(-1) === "") names.pop();
    if (names.length === header.length && [...names].sort().join() === [...header].sort().join()) return { delimiter, order: names };
  }
  return null;
}

/**
 * Our exports put a quote before a text cell that a spreadsheet would take for a formula
 * (integrations/csv.server.ts, neutralizeCell); reading one of our files back removes it again.
 * A quote before anything else is the user's and stays.
 */
function undoFormulaQuote(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}
