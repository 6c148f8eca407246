import { describe, expect, it } from "vitest";
import { OrganizationSchema, SignupSchema } from "./account.schema";
import { consensusPostSchema, JoinSchema, NewAssessmentSchema, ratingPostSchema } from "./assessment.schema";
import { cleanText, hasVisibleText, nameText, freeText } from "./text.schema";

/** Characters that show nothing: zero-width, bidi controls, fillers, a BOM, a soft hyphen. */
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u202A", "\u2066", "\u200E", "\u061C", "\u3164", "\uFFA0", "\u115F", "\u1160", "\u2800", "\u180E"];

describe("cleanText", () => {
  it("strips control characters, NUL included, and bidi controls; trims what shows nothing at the ends", () => {
    expect(cleanText("  Ana\u0000 María\u0007 ")).toBe("Ana María");
    expect(cleanText("\u200B\u202EAna\u202C\u200B")).toBe("Ana");
    expect(cleanText("evil\u202Egnp.exe")).toBe("evilgnp.exe");
    expect(cleanText("a\tb\nc")).toBe("a b c");
    expect(cleanText("\u0085x\u009F")).toBe("x");
  });

  it("keeps line breaks in multi-line text, and what scripts need inside words", () => {
    expect(cleanText("first\r\nsecond\u0000", { multiline: true })).toBe("first\r\nsecond");
    // Persian and Indic spelling use ZWNJ/ZWJ inside words; emoji sequences use ZWJ.
    expect(cleanText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(cleanText("👩\u200D💻 Dev")).toBe("👩\u200D💻 Dev");
  });
});

describe("hasVisibleText", () => {
  it.each(INVISIBLE)("is false for text made only of %j", (c) => {
    expect(hasVisibleText(c.repeat(3))).toBe(false);
    expect(hasVisibleText(`${c} ${c}`)).toBe(false);
  });
  it("is true with one letter or digit of any script", () => {
    for (const text of ["A", "7", "José", "李", "محمد", "x\u200B", "👩‍💻 Ana"]) expect(hasVisibleText(text), text).toBe(true);
    for (const text of ["", "   ", "…", "👩‍💻", "-"]) expect(hasVisibleText(text), text).toBe(false);
  });
});

describe("the helpers as zod fields", () => {
  const name = nameText({ max: 10, required: "x.required" });
  const comment = freeText({ max: 10, multiline: true });
  it("nameText refuses what shows no letter or digit, and measures the cleaned text", () => {
    expect(name.safeParse("\u200B\u3164").success).toBe(false);
    expect(name.safeParse("\u200B\u3164").error?.issues[0]?.message).toBe("x.required");
    expect(name.parse("\u0000 Ana \u200B")).toBe("Ana");
    expect(name.safeParse("abcdefghijk").error?.issues[0]?.message).toBe("form.error.tooLong");
  });
  it("freeText may be empty, and is cleaned", () => {
    expect(comment.parse("\u200B")).toBe("");
    expect(comment.parse("a\u0000\nb")).toBe("a\nb");
  });
});

describe("every free-text field of the app's forms", () => {
  const keys = ["billing"];
  const cases: [string, (value: string) => { success: boolean; data?: unknown }][] = [
    ["signup name", (v) => SignupSchema.safeParse({ name: v, email: "a@example.com", password: "long enough password" })],
    ["organization name", (v) => OrganizationSchema.safeParse({ name: v })],
    ["assessment name", (v) => NewAssessmentSchema.safeParse({ name: v, mode: "solo" })],
    ["participant name", (v) => JoinSchema.safeParse({ code: "ABC346", name: v })],
  ];
  it.each(cases)("%s: refuses a name without a visible letter or digit", (_field, parse) => {
    for (const c of INVISIBLE) expect(parse(c.repeat(2)).success, JSON.stringify(c)).toBe(false);
    expect(parse("\u0000").success).toBe(false);
  });
  it.each(cases)("%s: strips a NUL and control characters", (_field, parse) => {
    const result = parse("Ana\u0000\u0008 Pérez\u202E");
    expect(result.success).toBe(true);
    expect(JSON.stringify(result.data)).toContain('"Ana Pérez"');
  });
  it("organization industry, rating comments and consensus rationales are cleaned too", () => {
    expect(OrganizationSchema.parse({ name: "Org", industry: "Retail\u0000\u202E" }).industry).toBe("Retail");
    expect(ratingPostSchema(keys).parse({ "billing.current": "2", "billing.comment": "late\u0000 bills\u200B" })[0]?.comment).toBe("late bills");
    expect(consensusPostSchema(keys).parse({ "billing.current": "2", "billing.ideal": "3", "billing.rationale": "\u202Ewhy\u0000" }).entries[0]?.rationale).toBe("why");
  });
});
