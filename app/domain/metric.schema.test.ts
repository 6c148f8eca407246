import { describe, expect, it } from "vitest";
import { readMessage } from "./messages";
import { boundsMessage, customMetricBounds, feedbackSchema, metricValueSchema, MetricValueSchema, NewMetricSchema, NpsCountsSchema, readDate, readDecimal } from "./metric.schema";
import { hasMessage } from "~/utils/i18n.server";

type Issues = Record<string, string>;

/** The first message per field, as parseForm (utils/forms.ts) reports them to the page. */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Issues {
  expect(result.success).toBe(false);
  const issues: Issues = {};
  for (const issue of result.error!.issues) issues[issue.path.join(".")] ??= issue.message;
  for (const message of Object.values(issues)) expect(hasMessage(message), message).toBe(true);
  return issues;
}

describe("readDecimal: the same number in either language", () => {
  it.each([
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["70", 70],
    ["0,125", 0.125],
    [",5", 0.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1 234,5", 1234.5],
    ["1\u00A0234,5", 1234.5],
    ["12345,678", 12345.678],
    ["-3", -3],
    ["\u22122,5", -2.5],
    ["+4", 4],
    ["-0", 0],
    ["75 %", 75],
    ["  82,3%  ", 82.3],
  ])("%j is %d", (text, value) => {
    expect(readDecimal(text)).toEqual({ ok: true, value });
  });

  it.each(["1,234", "1.234", "12.500", "999,000", "-1,234"])("refuses %j: thousands or decimals?", (text) => {
    expect(readDecimal(text)).toEqual({ ok: false, reason: "ambiguous" });
  });

  it.each(["", " ", "abc", "1e3", "5.", "1,2,3", "12.34.56", "1.234,567.8", "1,23.4", "€5", "0x10", "1..2", "--1", "Infinity", "12,34,567"])(
    "refuses %j as no number",
    (text) => {
      expect(readDecimal(text)).toEqual({ ok: false, reason: "format" });
    },
  );
});

describe("readDate", () => {
  it("reads ISO dates and day-first dates, and returns ISO", () => {
    expect(readDate("2026-03-31")).toBe("2026-03-31");
    expect(readDate(" 31/03/2026 ")).toBe("2026-03-31");
    expect(readDate("1/2/2026")).toBe("2026-02-01");
    expect(readDate("29/02/2028")).toBe("2028-02-29");
  });

  it.each(["2026-02-30", "31/04/2026", "29/02/2027", "2026-13-01", "03/31/2026", "2026/03/31", "31-03-2026", "2026-3-1", "", "ayer"])("refuses %j", (text) => {
    expect(readDate(text)).toBeNull();
  });
});

const plan = { baseline: "68,5", target: "80", target_date: "2026-12-31", cadence: "monthly" };

describe("NewMetricSchema", () => {
  it("takes a catalogue key with the plan, ignoring the custom fields", () => {
    expect(NewMetricSchema.parse({ key: "fcr", name: "", kind: "", unit: "", direction: "", ...plan })).toEqual({
      source: "catalogue",
      key: "fcr",
      currency: null,
      baseline: 68.5,
      target: 80,
      targetDate: "2026-12-31",
      cadence: "monthly",
    });
  });

  it("takes an amount's currency as written, trimmed; an empty one is none and a long one is refused at its field", () => {
    expect(NewMetricSchema.parse({ key: "cost-per-call", currency: "  S/ ", ...plan })).toMatchObject({ key: "cost-per-call", currency: "S/" });
    expect(NewMetricSchema.parse({ key: "cost-per-call", currency: " ", ...plan })).toMatchObject({ currency: null });
    const refused = NewMetricSchema.safeParse({ key: "cost-per-call", currency: "Nuevos soles peruanos", ...plan });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["currency", "form.error.tooLong"]]);
  });

  it("takes a custom metric when no key is given, with a symbol as its unit", () => {
    expect(NewMetricSchema.parse({ key: "", name: "  Ventas web ", kind: "business", unit: "€", direction: "higher", ...plan, cadence: "Quarterly" })).toEqual({
      source: "custom",
      name: "Ventas web",
      kind: "business",
      unit: "€",
      direction: "higher",
      baseline: 68.5,
      target: 80,
      targetDate: "2026-12-31",
      cadence: "quarterly",
    });
    expect(NewMetricSchema.parse({ name: "Average handle time", kind: "operational", unit: "s", direction: "lower", ...plan })).toMatchObject({ source: "custom", direction: "lower" });
  });

  it("refuses a key outside the catalogue", () => {
    expect(issuesOf(NewMetricSchema.safeParse({ key: "aht", ...plan }))).toEqual({ key: "metric.error.keyUnknown" });
  });

  it("names every missing custom field and every bad plan field at once", () => {
    expect(issuesOf(NewMetricSchema.safeParse({ key: " ", name: "\u200B", unit: " ", direction: "up", baseline: "", target: "1,234", target_date: "2026-02-30", cadence: "weekly" }))).toEqual({
      name: "metric.error.nameRequired",
      kind: "metric.error.kind",
      unit: "metric.error.unitRequired",
      direction: "metric.error.direction",
      baseline: "metric.error.baselineRequired",
      target: "metric.error.numberAmbiguous",
      target_date: "metric.error.date",
      cadence: "metric.error.cadence",
    });
  });

  it("asks for every field of an empty post", () => {
    expect(issuesOf(NewMetricSchema.safeParse({}))).toEqual({
      name: "metric.error.nameRequired",
      kind: "metric.error.kind",
      unit: "metric.error.unitRequired",
      direction: "metric.error.direction",
      baseline: "metric.error.baselineRequired",
      target: "metric.error.targetRequired",
      target_date: "metric.error.dateRequired",
      cadence: "metric.error.cadence",
    });
  });
});

describe("MetricValueSchema", () => {
  it("takes a date and a decimal in either language", () => {
    expect(MetricValueSchema.parse({ date: "2026-01-31", value: "71,2" })).toEqual({ date: "2026-01-31", value: 71.2 });
    expect(MetricValueSchema.parse({ date: "31/01/2026", value: "71.2" })).toEqual({ date: "2026-01-31", value: 71.2 });
  });

  it("says what is wrong with each field", () => {
    expect(issuesOf(MetricValueSchema.safeParse({ date: "", value: "" }))).toEqual({ date: "metric.error.dateRequired", value: "metric.error.valueRequired" });
    expect(issuesOf(MetricValueSchema.safeParse({ date: "31/02/2026", value: "seventy" }))).toEqual({ date: "metric.error.date", value: "metric.error.number" });
  });
});

describe("metric bounds", () => {
  const percent = metricValueSchema({ min: 0, max: 100 });
  it("keeps a value within its bounds, ends included", () => {
    expect(percent.parse({ date: "2026-01-31", value: "100" }).value).toBe(100);
    expect(percent.parse({ date: "2026-01-31", value: "0,0" }).value).toBe(0);
    expect(metricValueSchema({ min: 1, max: 7 }).parse({ date: "2026-01-31", value: "5,4" }).value).toBe(5.4);
  });

  it("refuses a percentage outside 0–100, a score outside its scale, a negative count, with the numbers in the message", () => {
    const message = (schema: ReturnType<typeof metricValueSchema>, value: string) => readMessage(issuesOfBounded(schema.safeParse({ date: "2026-01-31", value })).value!);
    expect(message(percent, "140")).toEqual({ key: "metric.error.between", params: { min: 0, max: 100 } });
    expect(message(percent, "-0,5")).toEqual({ key: "metric.error.between", params: { min: 0, max: 100 } });
    expect(message(metricValueSchema({ min: -100, max: 100 }), "-101")).toEqual({ key: "metric.error.between", params: { min: -100, max: 100 } });
    expect(message(metricValueSchema({ min: 1, max: 7 }), "0.5")).toEqual({ key: "metric.error.between", params: { min: 1, max: 7 } });
    expect(message(metricValueSchema({ min: 0 }), "-3")).toEqual({ key: "metric.error.negative" });
    expect(readMessage(boundsMessage(-2, { min: -1 })!)).toEqual({ key: "metric.error.atLeast", params: { min: -1 } });
    expect(readMessage(boundsMessage(2.5, { max: 1.5 })!)).toEqual({ key: "metric.error.atMost", params: { max: 1.5 } });
  });

  it("reads a custom metric's bounds from its unit: percent is 0–100, other units are not checked", () => {
    expect(customMetricBounds(" % ")).toEqual({ min: 0, max: 100 });
    expect(customMetricBounds("s")).toEqual({});
    expect(MetricValueSchema.parse({ date: "2026-01-31", value: "-40" }).value).toBe(-40);
  });
});

/** issuesOf for messages that carry numbers: the key must exist, the numbers travel after it. */
function issuesOfBounded(result: Parameters<typeof issuesOf>[0]): Issues {
  expect(result.success).toBe(false);
  const issues: Issues = {};
  for (const issue of result.error!.issues) issues[issue.path.join(".")] ??= issue.message;
  for (const message of Object.values(issues)) expect(hasMessage(readMessage(message).key), message).toBe(true);
  return issues;
}

describe("NpsCountsSchema", () => {
  it("takes three whole counts", () => {
    expect(NpsCountsSchema.parse({ date: "2026-01-31", promoters: "50", passives: " 30 ", detractors: "20" })).toEqual({ date: "2026-01-31", promoters: 50, passives: 30, detractors: 20 });
  });

  it("refuses negative or fractional counts, and no responses at all", () => {
    expect(issuesOf(NpsCountsSchema.safeParse({ date: "2026-01-31", promoters: "-1", passives: "2,5", detractors: "" }))).toEqual({
      promoters: "metric.error.count",
      passives: "metric.error.count",
      detractors: "metric.error.count",
    });
    expect(issuesOf(NpsCountsSchema.safeParse({ date: "2026-01-31", promoters: "0", passives: "0", detractors: "0" }))).toEqual({ promoters: "metric.error.noResponses" });
  });
});

describe("feedbackSchema", () => {
  const schema = feedbackSchema(["billing", "complaint-handling"]);

  it("takes a comment with or without a capability", () => {
    expect(schema.parse({ date: "2026-02-01", sentiment: "negative", channel: "phone", capability: "billing", text: "  Me cobraron dos veces.\r\nNadie respondió. " })).toEqual({
      date: "2026-02-01",
      sentiment: "negative",
      channel: "phone",
      capability: "billing",
      text: "Me cobraron dos veces.\r\nNadie respondió.",
    });
    expect(schema.parse({ date: "01/02/2026", sentiment: "Positive", channel: " CHAT ", capability: "", text: "Quick answer" })).toEqual({
      date: "2026-02-01",
      sentiment: "positive",
      channel: "chat",
      capability: null,
      text: "Quick answer",
    });
    expect(schema.parse({ date: "2026-02-01", sentiment: "positive", channel: "other", text: "ok" }).capability).toBeNull();
  });

  it("says what is wrong with each field", () => {
    expect(issuesOf(schema.safeParse({ date: "mañana", sentiment: "neutral", channel: "fax", capability: "pricing", text: "\u200B " }))).toEqual({
      date: "metric.error.date",
      sentiment: "feedback.error.sentiment",
      channel: "feedback.error.channel",
      capability: "feedback.error.capability",
      text: "feedback.error.textRequired",
    });
    expect(issuesOf(schema.safeParse({}))).toEqual({
      date: "metric.error.dateRequired",
      sentiment: "feedback.error.sentiment",
      channel: "feedback.error.channel",
      text: "feedback.error.textRequired",
    });
  });

  it("refuses a comment longer than 4,000 characters", () => {
    expect(issuesOf(schema.safeParse({ date: "2026-02-01", sentiment: "positive", channel: "web", text: "a".repeat(4001) }))).toEqual({ text: "form.error.tooLong" });
  });
});
