/**
 * The initiative library (content/initiatives/*.json): complete for every capability and level to
 * reach, in both languages, and consistent with the model and the metric catalog.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import {
  INITIATIVE_DESCRIPTION_MAX,
  InitiativeLibraryFileSchema,
  initiativeLibraryIssues,
  initiativeLibraryShortfalls,
  type InitiativeLibraryFile,
} from "./content.schema";
import {
  getCapabilityModel,
  getInitiativeLibrary,
  getLibraryInitiative,
  getLibraryInitiativesFor,
  initiativeLibraryFiles,
  initiativesFolder,
  localizeLibraryInitiative,
} from "./content.server";

type Raw = { category: string; initiatives: Record<string, unknown>[] };

function readRaw(file: string): Raw {
  return JSON.parse(fs.readFileSync(path.join(initiativesFolder, file), "utf8")) as Raw;
}

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join("."));
}

const model = getCapabilityModel();

describe.each(Object.keys(CATEGORY_KEYS))("content/initiatives/%s.json", (category) => {
  const file = `${category}.json`;

  it("exists and validates", () => {
    expect(initiativeLibraryFiles()).toContain(file);
    const result = InitiativeLibraryFileSchema.safeParse(readRaw(file));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data?.category).toBe(category);
  });

  it("has at least two initiatives for every capability of the category at levels 2, 3 and 4", () => {
    const data = fs.existsSync(path.join(initiativesFolder, file)) ? InitiativeLibraryFileSchema.parse(readRaw(file)) : { initiatives: [] };
    expect(initiativeLibraryShortfalls(data.initiatives, CATEGORY_KEYS[category as keyof typeof CATEGORY_KEYS])).toEqual([]);
  });
});

describe("the initiative library", () => {
  it("holds only the four category files", () => {
    expect(initiativeLibraryFiles().filter((file) => !Object.keys(CATEGORY_KEYS).includes(file.replace(/\.json$/, "")))).toEqual([]);
  });

  it("is consistent across files: capabilities of the model, in their category's file, keys unique", () => {
    const files = initiativeLibraryFiles().map((file) => ({ file, data: InitiativeLibraryFileSchema.parse(readRaw(file)) }));
    expect(initiativeLibraryIssues(files, model)).toEqual([]);
  });

  it("loads in model order: category, capability, level to reach", () => {
    const library = getInitiativeLibrary();
    const order = model.categories.flatMap((c) => c.capabilities.map((cap) => cap.key));
    const positions = library.map((i) => order.indexOf(i.capability) * 10 + i.level);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(library.length).toBeGreaterThanOrEqual(30);
  });

  it("finds initiatives by key, and by capability and level", () => {
    const some = getInitiativeLibrary()[0]!;
    expect(getLibraryInitiative(some.key)).toBe(some);
    expect(getLibraryInitiative("no-such-initiative")).toBeNull();
    const forLevel = getLibraryInitiativesFor("customer-strategy", 3);
    expect(forLevel.length).toBeGreaterThanOrEqual(2);
    expect(forLevel.every((i) => i.capability === "customer-strategy" && i.level === 3 && i.category === "business-process")).toBe(true);
    expect(getLibraryInitiativesFor("customer-strategy").map((i) => i.level)).toEqual([2, 2, 3, 3, 4, 4]);
  });

  it("gives an initiative in one language", () => {
    const some = getLibraryInitiative("knowledge-management-first-knowledge-base")!;
    const es = localizeLibraryInitiative(some, "es");
    expect(es).toMatchObject({ key: some.key, capability: "knowledge-management", level: 2, title: some.es.title, description: some.es.description });
    expect(es).not.toHaveProperty("en");
    expect(localizeLibraryInitiative(some, "en").title).toBe(some.en.title);
  });

  it("says different things in Spanish and English (no text left untranslated)", () => {
    const copied = getInitiativeLibrary().filter((i) => i.es.title === i.en.title || i.es.description === i.en.description);
    expect(copied.map((i) => i.key)).toEqual([]);
  });
});

describe("the library's checks (on a copy of business-process.json)", () => {
  const copy = () => structuredClone(readRaw("business-process.json"));
  const parse = (raw: Raw) => InitiativeLibraryFileSchema.safeParse(raw);
  const crossCheck = (raw: Raw, file = "business-process.json") => initiativeLibraryIssues([{ file, data: parse(raw).data as InitiativeLibraryFile }], model);

  it("pass the unchanged copy, so each rejection below is caused by its change alone", () => {
    expect(parse(copy()).success).toBe(true);
    expect(crossCheck(copy())).toEqual([]);
  });

  it.each(["es", "en"])("reject an initiative without its %s text", (lang) => {
    const raw = copy();
    delete raw.initiatives[4]![lang];
    expect(issuePaths(parse(raw))).toEqual([`initiatives.4.${lang}`]);
  });

  it("reject an empty or blank title and description", () => {
    const raw = copy();
    (raw.initiatives[0]!.es as Record<string, string>).title = "  ";
    (raw.initiatives[1]!.en as Record<string, string>).description = "";
    expect(issuePaths(parse(raw))).toEqual(["initiatives.0.es.title", "initiatives.1.en.description"]);
  });

  it("reject a description over the length limit, and a title over 70 characters", () => {
    const raw = copy();
    (raw.initiatives[2]!.es as Record<string, string>).description = "a".repeat(INITIATIVE_DESCRIPTION_MAX + 1);
    (raw.initiatives[3]!.en as Record<string, string>).title = "t".repeat(71);
    expect(issuePaths(parse(raw))).toEqual(["initiatives.2.es.description", "initiatives.3.en.title"]);
  });

  it("reject an unknown metric key, a repeated one, and none at all", () => {
    const raw = copy();
    raw.initiatives[0]!.metrics = ["csat", "happiness"];
    raw.initiatives[1]!.metrics = ["csat", "csat"];
    raw.initiatives[2]!.metrics = [];
    expect(issuePaths(parse(raw))).toEqual(["initiatives.0.metrics.1", "initiatives.1.metrics", "initiatives.2.metrics"]);
  });

  it("reject a level outside 2–4, an unknown effort or staffing, a duration outside 1–24 months", () => {
    const raw = copy();
    raw.initiatives[0]!.level = 1;
    raw.initiatives[1]!.effort = "XL";
    raw.initiatives[2]!.staffing = "outsource";
    raw.initiatives[3]!.months = 0;
    raw.initiatives[4]!.months = 2.5;
    expect(issuePaths(parse(raw))).toEqual(["initiatives.0.level", "initiatives.1.effort", "initiatives.2.staffing", "initiatives.3.months", "initiatives.4.months"]);
  });

  it("reject a key that does not start with its capability key", () => {
    const raw = copy();
    raw.initiatives[0]!.key = "dashboard-for-everyone";
    expect(issuePaths(parse(raw))).toEqual(["initiatives.0.key"]);
  });

  it("reject an unknown capability key", () => {
    const raw = copy();
    Object.assign(raw.initiatives[0]!, { capability: "telepathy", key: "telepathy-basics" });
    expect(crossCheck(raw)).toEqual(['business-process.json: initiatives.0 (telepathy-basics): unknown capability key "telepathy"']);
  });

  it("reject a capability in another category's file", () => {
    const raw = copy();
    Object.assign(raw.initiatives[0]!, { capability: "billing", key: "billing-clear-invoices" });
    expect(crossCheck(raw)).toEqual(['business-process.json: initiatives.0 (billing-clear-invoices): capability "billing" belongs in customer-interaction.json']);
  });

  it("reject a duplicate key, in one file or across files", () => {
    const raw = copy();
    raw.initiatives[1]!.key = raw.initiatives[0]!.key;
    expect(crossCheck(raw)).toEqual([`business-process.json: initiatives.1 (${String(raw.initiatives[0]!.key)}): duplicate key, first in business-process.json`]);
    const talent = { category: "talent", initiatives: [{ ...copy().initiatives[0]!, capability: "talent-training" }] } as Raw;
    const files = [
      { file: "business-process.json", data: parse(copy()).data! },
      { file: "talent.json", data: talent as unknown as InitiativeLibraryFile },
    ];
    expect(initiativeLibraryIssues(files, model)).toEqual([
      `talent.json: initiatives.0 (${String(copy().initiatives[0]!.key)}): duplicate key, first in business-process.json`,
    ]);
  });

  it("reject a file not named after its category, or of no category", () => {
    expect(crossCheck(copy(), "processes.json")).toEqual(["processes.json: a file holds one category and is named after it (business-process.json)"]);
    expect(crossCheck({ ...copy(), category: "marketing" }, "marketing.json")).toContainEqual('marketing.json: unknown category "marketing"');
  });

  it("find a capability × level with fewer than two initiatives, and a capability with none", () => {
    const data = parse(copy()).data!;
    const fewer = data.initiatives.filter((i) => !(i.capability === "customer-products" && i.level === 3 && i.key.endsWith("review")));
    expect(initiativeLibraryShortfalls(fewer, CATEGORY_KEYS["business-process"])).toEqual(["customer-products level 3: 1 of 2"]);
    expect(initiativeLibraryShortfalls(data.initiatives, ["security"])).toEqual(["security level 2: 0 of 2", "security level 3: 0 of 2", "security level 4: 0 of 2"]);
  });
});
