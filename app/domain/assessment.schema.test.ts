import { describe, expect, it } from "vitest";
import { consensusPostSchema, JoinSchema, NewAssessmentSchema, ratingPostSchema, type RatingInput } from "./assessment.schema";
import { CATEGORY_KEYS } from "./capability-model";
import { hasMessage } from "~/utils/i18n.server";

const KEYS: string[] = Object.values(CATEGORY_KEYS).flat();

type Issues = Record<string, string>;

/** The first message per field, as parseForm (utils/forms.ts) reports them to the page. */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Issues {
  expect(result.success).toBe(false);
  const issues: Issues = {};
  for (const issue of result.error!.issues) issues[issue.path.join(".")] ??= issue.message;
  return issues;
}

describe("NewAssessmentSchema", () => {
  it("takes a trimmed name and a mode", () => {
    expect(NewAssessmentSchema.parse({ name: "  2026 H2 ", mode: "workshop" })).toEqual({ name: "2026 H2", mode: "workshop" });
    expect(NewAssessmentSchema.parse({ name: "Año 2027", mode: "solo" })).toEqual({ name: "Año 2027", mode: "solo" });
  });

  it("refuses a blank name and an unknown mode", () => {
    expect(issuesOf(NewAssessmentSchema.safeParse({ name: "   ", mode: "remote" }))).toEqual({
      name: "assessment.error.nameRequired",
      mode: "assessment.error.mode",
    });
  });
});

describe("JoinSchema", () => {
  it("takes a code and a name", () => {
    expect(JoinSchema.parse({ code: " abc346 ", name: " Ana " })).toEqual({ code: "abc346", name: "Ana" });
  });

  it("needs both, and an empty honeypot", () => {
    expect(issuesOf(JoinSchema.safeParse({ code: "", name: " ", website: "spam" }))).toEqual({
      code: "join.error.codeRequired",
      name: "join.error.nameRequired",
      website: "form.error.bot",
    });
  });
});

describe("ratingPostSchema", () => {
  const schema = ratingPostSchema(KEYS);
  const parse = (fields: Record<string, string>) => schema.safeParse(fields);
  const ratings = (fields: Record<string, string>): RatingInput[] => {
    const result = parse(fields);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    return result.data!;
  };

  it("is built from the 25 capability keys", () => {
    expect(KEYS).toHaveLength(25);
  });

  it("accepts a single capability", () => {
    expect(ratings({ "billing.current": "2", "billing.ideal": "4" })).toEqual([{ capabilityKey: "billing", current: 2, ideal: 4, comment: "" }]);
  });

  it("accepts every capability in one post, in model order", () => {
    const fields = Object.fromEntries(KEYS.flatMap((key, i) => [[`${key}.current`, String((i % 4) + 1)], [`${key}.ideal`, "4"]]));
    const result = ratings(fields);
    expect(result.map((r) => r.capabilityKey)).toEqual(KEYS);
    expect(result.map((r) => r.current)).toEqual(KEYS.map((_, i) => (i % 4) + 1));
    expect(result.every((r) => r.ideal === 4 && r.comment === "")).toBe(true);
  });

  it("accepts any subset, and either level alone", () => {
    expect(ratings({ "security.ideal": "3", "talent-retention.current": "1", "talent-retention.comment": " depends on the region " })).toEqual([
      { capabilityKey: "talent-retention", current: 1, ideal: null, comment: "depends on the region" },
      { capabilityKey: "security", current: null, ideal: 3, comment: "" },
    ]);
  });

  it.each(["1", "2", "3", "4", " 3 "])("accepts the level %j", (value) => {
    expect(ratings({ "billing.current": value })[0]?.current).toBe(Number(value));
  });

  it("leaves untouched capabilities out, including ones posted empty", () => {
    const result = ratings({ "billing.current": "2", "security.current": "", "security.ideal": "", "security.comment": "   " });
    expect(result.map((r) => r.capabilityKey)).toEqual(["billing"]);
    expect(ratings({})).toEqual([]);
  });

  it("counts a comment on its own", () => {
    expect(ratings({ "applications.comment": "Nobody here knows the ERP" })).toEqual([
      { capabilityKey: "applications", current: null, ideal: null, comment: "Nobody here knows the ERP" },
    ]);
  });

  it("turns 'can't judge' into two nulls, even beside levels, and keeps the comment", () => {
    expect(ratings({ "billing.skip": "1", "billing.current": "3", "billing.ideal": "4", "billing.comment": "new here" })).toEqual([
      { capabilityKey: "billing", current: null, ideal: null, comment: "new here" },
    ]);
    expect(ratings({ "security.skip": "1" })).toEqual([{ capabilityKey: "security", current: null, ideal: null, comment: "" }]);
  });

  it("ignores fields it does not know", () => {
    expect(ratings({ "billing.current": "2", step: "3", go: "next", acknowledged: "1", "made-up.current": "9", "billing.extra": "x" })).toEqual([
      { capabilityKey: "billing", current: 2, ideal: null, comment: "" },
    ]);
  });

  it.each(["0", "5", "7", "-1", "2.5", "a", "12", "1e0", "٣"])("refuses the level %j", (value) => {
    const result = parse({ "billing.current": value, "billing.ideal": "3", "security.current": "2" });
    expect(result.success).toBe(false);
    // Only the wrong field is reported: the other values of the post are fine.
    expect(Object.keys(issuesOf(result))).toEqual(["billing.current"]);
  });

  it("reports a level outside 1–4 with its own message at that field", () => {
    expect(issuesOf(parse({ "billing.current": "7" }))).toEqual({ "billing.current": "rating.error.level" });
    expect(issuesOf(parse({ "security.ideal": "0", "billing.current": "2" }))).toEqual({ "security.ideal": "rating.error.level" });
    expect(issuesOf(parse({ "billing.current": "5", "billing.ideal": "x" }))).toEqual({
      "billing.current": "rating.error.level",
      "billing.ideal": "rating.error.level",
    });
  });

  it("refuses a comment over 1000 characters", () => {
    expect(issuesOf(parse({ "billing.comment": "x".repeat(1001) }))).toEqual({ "billing.comment": "form.error.tooLong" });
    expect(ratings({ "billing.comment": "x".repeat(1000) })[0]?.comment).toHaveLength(1000);
  });
});

describe("consensusPostSchema", () => {
  const schema = consensusPostSchema(KEYS);
  const parse = (fields: Record<string, string>) => schema.safeParse(fields);
  const ok = (fields: Record<string, string>) => {
    const result = parse(fields);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    return result.data!;
  };

  it("takes a row with both levels, importance and rationale", () => {
    expect(ok({ "billing.current": "1", "billing.ideal": "3", "billing.importance": "3", "billing.rationale": " Invoices are late " })).toEqual({
      entries: [{ capabilityKey: "billing", current: 1, ideal: 3, importance: 3, rationale: "Invoices are late" }],
      intent: "save",
    });
  });

  it("defaults importance to 2, empty or missing", () => {
    expect(ok({ "billing.current": "2", "billing.ideal": "3" }).entries[0]?.importance).toBe(2);
    expect(ok({ "billing.current": "2", "billing.ideal": "3", "billing.importance": "" }).entries[0]?.importance).toBe(2);
  });

  it("takes any subset of rows, in model order", () => {
    const data = ok({ "security.current": "3", "security.ideal": "4", "business-intelligence.current": "1", "business-intelligence.ideal": "2" });
    expect(data.entries.map((e) => e.capabilityKey)).toEqual(["business-intelligence", "security"]);
  });

  it("does not count a row that only has its (pre-filled) importance", () => {
    const fields = Object.fromEntries(KEYS.map((key) => [`${key}.importance`, "2"]));
    expect(ok({ ...fields, "billing.current": "2", "billing.ideal": "2" }).entries.map((e) => e.capabilityKey)).toEqual(["billing"]);
    expect(ok({ ...fields, "billing.importance": "3", "billing.rationale": "" }).entries).toEqual([]);
  });

  it.each<[string, Record<string, string>, Issues]>([
    ["only today", { "billing.current": "2" }, { "billing.ideal": "consensus.error.required" }],
    ["only the goal", { "billing.ideal": "2", "billing.current": "" }, { "billing.current": "consensus.error.required" }],
    [
      "only a rationale",
      { "billing.rationale": "we agreed on nothing yet" },
      { "billing.current": "consensus.error.required", "billing.ideal": "consensus.error.required" },
    ],
  ])("needs both levels in a touched row (%s)", (_name, fields, issues) => {
    expect(issuesOf(parse({ ...fields, "security.current": "3", "security.ideal": "4" }))).toEqual(issues);
  });

  it.each(["0", "5", "x"])("refuses the level %j", (value) => {
    const result = parse({ "billing.current": value, "billing.ideal": "3" });
    expect(Object.keys(issuesOf(result))).toContain("billing.current");
  });

  it.each(["0", "4", "x"])("refuses the importance %j", (value) => {
    const result = parse({ "billing.current": "2", "billing.ideal": "3", "billing.importance": value });
    expect(Object.keys(issuesOf(result))).toEqual(["billing.importance"]);
  });

  it("reports wrong levels and importance with their own messages", () => {
    expect(issuesOf(parse({ "billing.current": "7", "billing.ideal": "3", "billing.importance": "4" }))).toEqual({
      "billing.current": "consensus.error.level",
      "billing.importance": "consensus.error.importance",
    });
  });

  it.each([
    [{}, "save"],
    [{ intent: "save" }, "save"],
    [{ intent: "review-lock" }, "review-lock"],
    [{ intent: "lock" }, "lock"],
  ])("reads the intent of %j as %s", (fields, intent) => {
    expect(ok(fields)).toEqual({ entries: [], intent });
  });

  it("refuses an unknown intent", () => {
    expect(issuesOf(parse({ intent: "delete" }))).toHaveProperty("intent");
  });

  it("ignores fields it does not know", () => {
    expect(ok({ "billing.current": "2", "billing.ideal": "2", "made-up.current": "9", other: "x" }).entries).toHaveLength(1);
  });
});

describe("messages", () => {
  it("are keys both languages translate, for every field a participant or facilitator can get wrong", () => {
    const results = [
      ratingPostSchema(KEYS).safeParse({ "billing.current": "7", "billing.ideal": "0", "billing.comment": "x".repeat(1001) }),
      consensusPostSchema(KEYS).safeParse({ "billing.current": "9", "billing.ideal": "3", "billing.importance": "4", "security.current": "2", "applications.rationale": "x".repeat(2001) }),
      NewAssessmentSchema.safeParse({ name: "", mode: "x" }),
      NewAssessmentSchema.safeParse({ name: "x".repeat(121), mode: "solo" }),
      JoinSchema.safeParse({ code: "", name: "", website: "bot" }),
      JoinSchema.safeParse({ code: "x".repeat(21), name: "x".repeat(61) }),
    ];
    const messages = results.flatMap((result) => Object.values(issuesOf(result)));
    expect(messages.length).toBeGreaterThanOrEqual(14);
    expect(messages.filter((message) => !hasMessage(message))).toEqual([]);
  });
});
