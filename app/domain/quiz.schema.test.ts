import { describe, expect, it } from "vitest";
import { QuizAnswersSchema } from "./quiz.schema";

const valid = { q1: "a", q2: "b", q3: "c", q4: "d" };

/** The message per field, as the form shows them. */
function errorsOf(input: unknown): Record<string, string> {
  const result = QuizAnswersSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("QuizAnswersSchema", () => {
  it("accepts a complete set of answers", () => {
    expect(QuizAnswersSchema.parse(valid)).toEqual(valid);
  });

  it("accepts the lowest answers and keeps a trimmed invite", () => {
    expect(QuizAnswersSchema.parse({ q1: "a", q2: "a", q3: "a", q4: "a", invite: "  tok123 " })).toEqual({
      q1: "a",
      q2: "a",
      q3: "a",
      q4: "a",
      invite: "tok123",
    });
  });

  it.each(["q1", "q2", "q3", "q4"])("requires %s", (field) => {
    const { [field as keyof typeof valid]: _removed, ...rest } = valid;
    expect(errorsOf(rest)).toEqual({ [field]: "quiz.error.required" });
  });

  it.each(["q1", "q2", "q3", "q4"])("treats an empty %s as missing", (field) => {
    expect(errorsOf({ ...valid, [field]: "" })).toEqual({ [field]: "quiz.error.required" });
  });

  it("reports every missing field of an empty form", () => {
    expect(errorsOf({})).toEqual({
      q1: "quiz.error.required",
      q2: "quiz.error.required",
      q3: "quiz.error.required",
      q4: "quiz.error.required",
    });
  });

  it.each([
    ["q1", "d"],
    ["q2", "d"],
    ["q3", "x"],
    ["q4", "e"],
    ["q1", "A"],
    ["q2", " a"],
    ["q4", "1"],
  ])("rejects %s = %j as invalid", (field, value) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: "quiz.error.invalid" });
  });

  it("accepts d for q4 only", () => {
    expect(errorsOf({ ...valid, q4: "d" })).toEqual({});
    expect(errorsOf({ ...valid, q1: "d", q4: "d" })).toEqual({ q1: "quiz.error.invalid" });
  });

  it("rejects non-string answers as invalid", () => {
    expect(errorsOf({ ...valid, q2: 2 })).toEqual({ q2: "quiz.error.invalid" });
  });

  it("limits the invite token", () => {
    expect(errorsOf({ ...valid, invite: "x".repeat(101) })).toHaveProperty("invite");
    expect(errorsOf({ ...valid, invite: "x".repeat(100) })).toEqual({});
  });
});
