import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, importFeedback, importMetricValues, MAX_REPORTED_PROBLEMS, type ImportProblem, type ImportResult } from "./csv-import";
import { hasMessage } from "~/utils/i18n.server";

const KNOWN = ["fcr", "csat", "nps", "Ventas web", "Tiempo medio de atención"];
const CAPABILITIES = ["billing", "complaint-handling", "self-service"];

function rowsOf<T>(result: ImportResult<T>): T[] {
  expect(result.ok ? [] : result.problems).toEqual([]);
  return result.ok ? result.rows : [];
}

function problemsOf<T>(result: ImportResult<T>): ImportProblem[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const problem of result.problems) expect(hasMessage(problem.message), problem.message).toBe(true);
  return result.problems;
}

describe("importMetricValues", () => {
  it("reads a plain comma-separated file", () => {
    const csv = "metric,date,value\nfcr,2026-01-31,71.5\ncsat,2026-01-31,82\nVentas web,2026-01-31,1500\n";
    expect(rowsOf(importMetricValues(csv, KNOWN))).toEqual([
      { row: 2, metric: "fcr", date: "2026-01-31", value: 71.5 },
      { row: 3, metric: "csat", date: "2026-01-31", value: 82 },
      { row: 4, metric: "Ventas web", date: "2026-01-31", value: 1500 },
    ]);
  });

  it("reads a Spanish Excel file: BOM, semicolons, CRLF, decimal commas, DD/MM/YYYY, empty rows", () => {
    const csv = "\uFEFFmetric;date;value\r\nFCR;31/01/2026;71,5\r\n;;\r\n\r\nventas  WEB;28/02/2026;1.234,50\r\nnps;31/03/2026;-12,5\r\n;;\r\n\r\n";
    expect(rowsOf(importMetricValues(csv, KNOWN))).toEqual([
      { row: 2, metric: "fcr", date: "2026-01-31", value: 71.5 },
      { row: 5, metric: "Ventas web", date: "2026-02-28", value: 1234.5 },
      { row: 6, metric: "nps", date: "2026-03-31", value: -12.5 },
    ]);
  });

  it("decodes Windows-1252 bytes from an older Excel, and UTF-8 bytes with a BOM", () => {
    const text = "metric;date;value\r\nTiempo medio de atención;31/01/2026;312\r\n";
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(rowsOf(importMetricValues(latin1, KNOWN))[0]!.metric).toBe("Tiempo medio de atención");
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(rowsOf(importMetricValues(utf8, KNOWN))[0]!.metric).toBe("Tiempo medio de atención");
  });

  it("takes the header in any order and case, quoted, with Excel's sep= line, tabs, or a trailing delimiter", () => {
    expect(rowsOf(importMetricValues('"Value","Metric","Date"\n"71,5","fcr","2026-01-31"\n', KNOWN))).toEqual([{ row: 2, metric: "fcr", date: "2026-01-31", value: 71.5 }]);
    expect(rowsOf(importMetricValues("sep=;\nmetric;date;value\nfcr;2026-01-31;70\n", KNOWN))).toEqual([{ row: 3, metric: "fcr", date: "2026-01-31", value: 70 }]);
    expect(rowsOf(importMetricValues("metric\tdate\tvalue\nfcr\t2026-01-31\t70\n", KNOWN))).toHaveLength(1);
    expect(rowsOf(importMetricValues("metric;date;value;\nfcr;2026-01-31;70;\n", KNOWN))).toHaveLength(1);
  });

  it("reads a last line without a line break", () => {
    expect(rowsOf(importMetricValues("metric,date,value\r\nfcr,2026-01-31,70", KNOWN))).toHaveLength(1);
  });

  it("reports every bad row with its field and why, and stores nothing", () => {
    const csv = [
      "metric;date;value",
      "fcr;31/01/2026;71,5",
      "aht;31/01/2026;300",
      "fcr;31/02/2026;72",
      "csat;2026-01-31;",
      "csat;2026-02-28;1,234",
      "nps;;abc",
      "fcr;2026-01-31;70",
    ].join("\r\n");
    expect(problemsOf(importMetricValues(csv, KNOWN))).toEqual([
      { row: 3, field: "metric", message: "import.error.unknownMetric" },
      { row: 4, field: "date", message: "metric.error.date" },
      { row: 5, field: "value", message: "metric.error.valueRequired" },
      { row: 6, field: "value", message: "metric.error.numberAmbiguous" },
      { row: 7, field: "date", message: "metric.error.dateRequired" },
      { row: 7, field: "value", message: "metric.error.number" },
      { row: 8, field: "date", message: "import.error.duplicate", params: { first: 2 } },
    ]);
  });

  it("refuses a value outside its metric's bounds, with the numbers for the message", () => {
    const bounds = new Map([
      ["fcr", { min: 0, max: 100 }],
      ["nps", { min: -100, max: 100 }],
      ["Ventas web", { min: 0 }],
    ]);
    const csv = ["metric,date,value", "fcr,2026-01-31,140", "fcr,2026-02-28,100", "nps,2026-01-31,-35", "nps,2026-02-28,-101", "Ventas web,2026-01-31,-1", "Tiempo medio de atención,2026-01-31,-3"].join("\n");
    expect(problemsOf(importMetricValues(csv, KNOWN, bounds))).toEqual([
      { row: 2, field: "value", message: "metric.error.between", params: { min: 0, max: 100 } },
      { row: 5, field: "value", message: "metric.error.between", params: { min: -100, max: 100 } },
      { row: 6, field: "value", message: "metric.error.negative" },
    ]);
  });

  it("counts a quoted cell with a line break as one spreadsheet row", () => {
    const csv = 'metric,date,value\n"Tiempo medio\nde atención",2026-01-31,300\nfcr,2026-13-01,70\n';
    // The break inside the name reads as a space, so row 2 names a known metric.
    expect(problemsOf(importMetricValues(csv, KNOWN))).toEqual([{ row: 3, field: "date", message: "metric.error.date" }]);
  });

  it("refuses a wrong header with one clear problem", () => {
    for (const header of ["metrica;fecha;valor", "metric,date", "metric,date,value,target", "date,value,metric,date", ""]) {
      const result = importMetricValues(`${header}\nfcr,2026-01-31,70\n`, KNOWN);
      expect(problemsOf(result), header).toEqual([{ row: 1, field: "header", message: "import.error.header", params: { expected: "metric,date,value" } }]);
    }
  });

  it("refuses a file with only a header, or nothing at all", () => {
    expect(problemsOf(importMetricValues("metric,date,value\r\n\r\n,,\r\n", KNOWN))).toEqual([{ row: 2, field: "file", message: "import.error.empty" }]);
    expect(problemsOf(importMetricValues("", KNOWN))[0]!.message).toBe("import.error.header");
  });

  it("names a row with too many or too few cells", () => {
    const csv = "metric;date;value\nfcr;2026-01-31;70;extra\nfcr;2026-02-28\nfcr;2026-03-31;71\n";
    expect(problemsOf(importMetricValues(csv, KNOWN))).toEqual([
      { row: 2, field: "row", message: "import.error.columns", params: { found: 4, expected: 3 } },
      { row: 3, field: "row", message: "import.error.columns", params: { found: 2, expected: 3 } },
    ]);
  });

  it("names the row where an unclosed quote makes the rest unreadable", () => {
    const csv = 'metric,date,value\nfcr,2026-01-31,70\n"fcr,2026-02-28,71\nfcr,2026-03-31,72\n';
    expect(problemsOf(importMetricValues(csv, KNOWN))).toEqual([{ row: 3, field: "file", message: "import.error.unreadable" }]);
  });

  it("refuses a file over the size limit before reading it", () => {
    const huge = "metric,date,value\n" + "fcr,2026-01-31,70\n".repeat(Math.ceil(CSV_MAX_BYTES / 18) + 1);
    expect(problemsOf(importMetricValues(huge, KNOWN))).toEqual([{ row: 1, field: "file", message: "import.error.tooLarge", params: { max: 4 } }]);
  });

  it("refuses more rows than the cap", () => {
    const lines = Array.from({ length: CSV_MAX_ROWS + 1 }, () => "fcr;2026-01-31;70");
    expect(problemsOf(importMetricValues(`metric;date;value\n${lines.join("\n")}`, KNOWN))).toEqual([
      { row: CSV_MAX_ROWS + 2, field: "file", message: "import.error.tooManyRows", params: { max: CSV_MAX_ROWS } },
    ]);
  });

  it("reports the first problems and counts the rest", () => {
    const lines = Array.from({ length: 150 }, (_, i) => `aht;2026-01-${String((i % 28) + 1).padStart(2, "0")};${i}`);
    const result = importMetricValues(`metric,date,value\n${lines.join("\n")}`, KNOWN);
    expect(problemsOf(result)).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.ok ? 0 : result.omitted).toBe(50);
  });

  // About 0.3 s here on an idle machine; the bound only catches a slide into quadratic time, since
  // this VM's speed drifts and the suite runs files side by side.
  it("reads 10,000 rows of a year of daily values", () => {
    const start = new Date(Date.UTC(2025, 0, 1));
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      const day = new Date(start.getTime() + (i % 365) * 86_400_000);
      const date = `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/${day.getUTCFullYear()}`;
      return `${KNOWN[Math.floor(i / 365) % 3]!}-${Math.floor(i / 1095)};${date};${(70 + (i % 17) / 10).toFixed(1).replace(".", ",")}`;
    });
    const known = Array.from({ length: 10 }, (_, n) => ["fcr", "csat", "nps"].map((k) => `${k}-${n}`)).flat();
    const began = performance.now();
    const rows = rowsOf(importMetricValues(`\uFEFFmetric;date;value\r\n${lines.join("\r\n")}\r\n`, known));
    const took = performance.now() - began;
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toMatchObject({ row: 10_001 });
    expect(took).toBeLessThan(5_000);
  });
});

describe("importFeedback", () => {
  it("reads comments with quoted commas, quotes and line breaks, with or without a capability", () => {
    const csv = [
      "date,sentiment,channel,capability,text",
      '2026-02-01,negative,phone,billing,"Me cobraron dos veces, y nadie respondió."',
      '01/02/2026,Positive,CHAT,,"La agente dijo ""listo"" y lo estaba.\nVolvería."',
      "2026-02-02,positive,web,self-service,Fácil de usar",
    ].join("\r\n");
    expect(rowsOf(importFeedback(csv, CAPABILITIES))).toEqual([
      { row: 2, date: "2026-02-01", sentiment: "negative", channel: "phone", capability: "billing", text: "Me cobraron dos veces, y nadie respondió." },
      { row: 3, date: "2026-02-01", sentiment: "positive", channel: "chat", capability: null, text: 'La agente dijo "listo" y lo estaba.\nVolvería.' },
      { row: 4, date: "2026-02-02", sentiment: "positive", channel: "web", capability: "self-service", text: "Fácil de usar" },
    ]);
  });

  it("reads a semicolon file whose comments hold commas, and a stray quote inside an unquoted comment", () => {
    const csv = '\uFEFFdate;sentiment;channel;capability;text\r\n03/02/2026;negative;branch;;Esperé 40 minutos, otra vez\r\n04/02/2026;positive;email;billing;Me dijeron "sin problema"\r\n';
    expect(rowsOf(importFeedback(csv, CAPABILITIES)).map((r) => r.text)).toEqual(["Esperé 40 minutos, otra vez", 'Me dijeron "sin problema"']);
  });

  it("takes back a text cell our export quoted against formulas", () => {
    const csv = "date,sentiment,channel,capability,text\n2026-02-01,negative,web,,'=precio subió\n2026-02-01,positive,web,,'Genial' dijo\n";
    expect(rowsOf(importFeedback(csv, CAPABILITIES)).map((r) => r.text)).toEqual(["=precio subió", "'Genial' dijo"]);
  });

  it("reports every bad row with its field and why", () => {
    const csv = ["date;sentiment;channel;capability;text", "2026-02-01;neutral;fax;pricing;Hola", "2026-02-30;positive;web;;", "2026-02-01;positive;web;billing;Bien"].join("\n");
    expect(problemsOf(importFeedback(csv, CAPABILITIES))).toEqual([
      { row: 2, field: "sentiment", message: "feedback.error.sentiment" },
      { row: 2, field: "channel", message: "feedback.error.channel" },
      { row: 2, field: "capability", message: "feedback.error.capability" },
      { row: 3, field: "date", message: "metric.error.date" },
      { row: 3, field: "text", message: "feedback.error.textRequired" },
    ]);
  });

  it("refuses the metrics header in the feedback import", () => {
    expect(problemsOf(importFeedback("metric,date,value\nfcr,2026-01-31,70\n", CAPABILITIES))).toEqual([
      { row: 1, field: "header", message: "import.error.header", params: { expected: "date,sentiment,channel,capability,text" } },
    ]);
  });
});
