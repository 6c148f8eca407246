import { describe, expect, it } from "vitest";
import { CATEGORY_KEYS } from "./capability-model";
import { INITIATIVE_REPEATED_FIELDS, initiativeFormSchema, initiativeFormValues, reviewFormSchema, type InitiativeInput } from "./initiative.schema";
import { parseForm } from "~/utils/forms";
import { hasMessage, translate } from "~/utils/i18n.server";
import type { MessageKey } from "~/utils/i18n";

const schema = initiativeFormSchema(Object.values(CATEGORY_KEYS).flat());

const valid = {
  title: "  Shared metric set ",
  description: "Agree on one set of metrics.\nLink the records.",
  capabilities: ["business-intelligence", "cx-intelligence"],
  owner_name: "Ana Pérez",
  owner_email: " ana@example.com ",
  start: "2026-07-01",
  target: "2026-12-31",
  status: "planned",
  priority: "1",
  effort: "L",
  staffing: "hire",
  metrics: ["csat", "fcr"],
};

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  expect(result.success).toBe(false);
  const issues: Record<string, string> = {};
  for (const issue of result.error!.issues) issues[issue.path.join(".")] ??= issue.message;
  return issues;
}

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("initiativeFormSchema", () => {
  it("takes the INTERFACES fields and gives the model's shape", () => {
    expect(schema.parse(valid)).toEqual<InitiativeInput>({
      title: "Shared metric set",
      description: "Agree on one set of metrics.\nLink the records.",
      capabilities: ["business-intelligence", "cx-intelligence"],
      ownerName: "Ana Pérez",
      ownerEmail: "ana@example.com",
      start: "2026-07-01",
      target: "2026-12-31",
      status: "planned",
      priority: 1,
      effort: "L",
      staffing: "hire",
      metrics: ["csat", "fcr"],
    });
  });

  it("reads repeated fields from a real form post, and a single value as a list of one", () => {
    const entries = Object.entries(valid).flatMap(([key, value]): [string, string][] => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]]));
    const result = parseForm(schema, form(entries), INITIATIVE_REPEATED_FIELDS);
    expect(result.ok && result.data.capabilities).toEqual(["business-intelligence", "cx-intelligence"]);
    expect(result.ok && result.data.metrics).toEqual(["csat", "fcr"]);
    const single = schema.parse({ ...valid, capabilities: "billing", metrics: undefined, owner_email: undefined });
    expect(single).toMatchObject({ capabilities: ["billing"], metrics: [], ownerEmail: null });
    expect(schema.parse({ ...valid, capabilities: ["billing", "billing"], owner_email: "" })).toMatchObject({ capabilities: ["billing"], ownerEmail: null });
  });

  it("accepts a target on the start day", () => {
    expect(schema.parse({ ...valid, target: valid.start }).target).toBe("2026-07-01");
  });

  it("refuses a target before the start, at the target, even beside other errors", () => {
    expect(issuesOf(schema.safeParse({ ...valid, target: "2026-06-30" }))).toEqual({ target: "initiative.error.targetBeforeStart" });
    expect(issuesOf(schema.safeParse({ ...valid, title: " ", target: "2026-06-30" }))).toEqual({
      title: "initiative.error.titleRequired",
      target: "initiative.error.targetBeforeStart",
    });
  });

  it.each(["2026-02-30", "2026-13-01", "01/07/2026", "2026-7-1", "", "tomorrow"])("refuses the date %j", (date) => {
    expect(issuesOf(schema.safeParse({ ...valid, start: date }))).toEqual({ start: "initiative.error.date" });
  });

  it("refuses an unknown capability key, and none at all", () => {
    expect(issuesOf(schema.safeParse({ ...valid, capabilities: ["billing", "telepathy"] }))).toEqual({ "capabilities.1": "initiative.error.capabilityUnknown" });
    expect(issuesOf(schema.safeParse({ ...valid, capabilities: undefined }))).toEqual({ capabilities: "initiative.error.capabilitiesRequired" });
  });

  it("refuses a bad email, an unknown metric and unknown choices", () => {
    expect(
      issuesOf(schema.safeParse({ ...valid, owner_email: "ana@", metrics: ["csat", "happiness"], status: "paused", priority: "4", effort: "XL", staffing: "outsource" })),
    ).toEqual({
      owner_email: "initiative.error.emailInvalid",
      "metrics.1": "initiative.error.metricUnknown",
      status: "form.error.invalidChoice",
      priority: "form.error.invalidChoice",
      effort: "form.error.invalidChoice",
      staffing: "form.error.invalidChoice",
    });
  });

  it("needs a title, a description and an owner", () => {
    expect(issuesOf(schema.safeParse({ ...valid, title: "\u200b", description: " \n ", owner_name: "" }))).toEqual({
      title: "initiative.error.titleRequired",
      description: "initiative.error.descriptionRequired",
      owner_name: "initiative.error.ownerRequired",
    });
  });

  it("round-trips a stored initiative through its form values (what an edit lays its subset over)", () => {
    const stored = schema.parse(valid);
    expect(schema.parse(initiativeFormValues(stored))).toEqual(stored);
    expect(schema.parse({ ...initiativeFormValues(stored), status: "in-progress" })).toEqual({ ...stored, status: "in-progress" });
    expect(issuesOf(schema.safeParse({ ...initiativeFormValues(stored), start: "2027-01-01" }))).toEqual({ target: "initiative.error.targetBeforeStart" });
  });
});

describe("reviewFormSchema", () => {
  const review = reviewFormSchema("2026-09-15");
  const answers = { still_valid: "yes", priorities_changed: "no", environment_changed: "yes", preferences_changed: "no", decision: "adjust", notes: " New channel mix. " };

  it("reads yes/no as booleans, and an empty date as today", () => {
    expect(review.parse({ ...answers, date: "" })).toEqual({
      date: "2026-09-15",
      stillValid: true,
      prioritiesChanged: false,
      environmentChanged: true,
      preferencesChanged: false,
      decision: "adjust",
      notes: "New channel mix.",
    });
    expect(review.parse({ ...answers, notes: undefined }).date).toBe("2026-09-15");
    expect(review.parse({ ...answers, date: "2026-08-31" })).toMatchObject({ date: "2026-08-31", notes: "New channel mix." });
  });

  it("refuses a bad date, a missing answer and an unknown decision", () => {
    expect(issuesOf(review.safeParse({ ...answers, date: "2026-02-29", still_valid: undefined, preferences_changed: "maybe", decision: "pause" }))).toEqual({
      date: "review.error.date",
      still_valid: "form.error.invalidChoice",
      preferences_changed: "form.error.invalidChoice",
      decision: "form.error.invalidChoice",
    });
  });
});

describe("the schemas' messages", () => {
  const keys: MessageKey[] = [
    "initiative.error.titleRequired",
    "initiative.error.descriptionRequired",
    "initiative.error.capabilitiesRequired",
    "initiative.error.capabilityUnknown",
    "initiative.error.ownerRequired",
    "initiative.error.emailInvalid",
    "initiative.error.date",
    "initiative.error.targetBeforeStart",
    "initiative.error.metricUnknown",
    "review.error.date",
    "form.error.invalidChoice",
  ];

  it("exist in both languages, and say different things in each", () => {
    for (const key of keys) {
      expect(hasMessage(key), key).toBe(true);
      expect(translate("es", key), key).not.toBe(key);
      expect(translate("en", key), key).not.toBe(key);
      expect(translate("es", key), key).not.toBe(translate("en", key));
    }
    expect(translate("en", "initiative.error.targetBeforeStart")).toBe("The target date cannot be before the start date.");
    expect(translate("es", "initiative.error.targetBeforeStart")).toBe("La fecha objetivo no puede ser anterior a la fecha de inicio.");
  });
});
