import { describe, expect, it } from "vitest";
import { toGapRow } from "./gaps";
import { acceptedDefaults, newProposals, priorityFromGap, proposeInitiatives, type GapForGeneration, type LibraryEntry } from "./initiative-generation";

function gap(capabilityKey: string, current: number | null, ideal: number | null, importance = 2): GapForGeneration {
  return { capabilityKey, ...toGapRow({ current, ideal, importance }) };
}

function entry(capability: string, level: number, suffix: string, months = 3): LibraryEntry {
  return { key: `${capability}-${suffix}`, capability, level, months, effort: "M", staffing: "train", metrics: ["csat"] };
}

const library: LibraryEntry[] = [
  entry("billing", 4, "l4a"),
  entry("billing", 2, "l2a"),
  entry("billing", 3, "l3a"),
  entry("billing", 3, "l3b"),
  entry("billing", 2, "l2b"),
  entry("billing", 4, "l4b"),
  entry("security", 2, "l2a"),
  entry("security", 3, "l3a"),
  entry("security", 4, "l4a"),
  entry("talent-training", 3, "l3a"),
  entry("talent-training", 4, "l4a"),
];

describe("proposeInitiatives", () => {
  it("proposes each level from current + 1 to the target, in level order, then library order", () => {
    const proposals = proposeInitiatives([gap("billing", 1, 3)], library);
    expect(proposals.map((p) => p.libraryKey)).toEqual(["billing-l2a", "billing-l2b", "billing-l3a", "billing-l3b"]);
    expect(proposals[2]!.reason).toEqual({ current: 1, target: 3, gap: 2, importance: 2, gapPriority: 4, level: 3 });
    expect(proposals[2]!.initiative).toBe(library[2]);
  });

  it("proposes nothing for a capability without a gap, a negative one, or a missing rating", () => {
    expect(proposeInitiatives([gap("billing", 3, 3), gap("security", 4, 2), gap("talent-training", null, 4), gap("billing", 2, null)], library)).toEqual([]);
  });

  it("ranks by gap × importance, highest first, then model order, then level", () => {
    const gaps = [
      gap("talent-training", 2, 4, 1), // priority 2
      gap("billing", 3, 4, 3), // priority 3
      gap("security", 1, 4, 1), // priority 3, after billing in model order
    ];
    expect(proposeInitiatives(gaps, library).map((p) => [p.libraryKey, p.reason.gapPriority, p.priority])).toEqual([
      ["billing-l4a", 3, 2],
      ["billing-l4b", 3, 2],
      ["security-l2a", 3, 2],
      ["security-l3a", 3, 2],
      ["security-l4a", 3, 2],
      ["talent-training-l3a", 2, 3],
      ["talent-training-l4a", 2, 3],
    ]);
  });

  it("follows model order on equal priority whatever the gap (gap 3 × 1 beside gap 1 × 3)", () => {
    expect(proposeInitiatives([gap("security", 3, 4, 3), gap("billing", 1, 4, 1)], library).map((p) => p.capabilityKey)).toEqual([
      "security",
      "billing",
      "billing",
      "billing",
      "billing",
      "billing",
      "billing",
    ]);
  });

  it("skips a level the library has nothing for", () => {
    expect(proposeInitiatives([gap("talent-training", 1, 4)], library).map((p) => p.reason.level)).toEqual([3, 4]);
  });

  it("is deterministic: the same input gives the same proposals, keys included", () => {
    const gaps = [gap("billing", 1, 4, 3), gap("security", 2, 4)];
    expect(proposeInitiatives(gaps, library)).toEqual(proposeInitiatives(gaps, [...library]));
  });
});

describe("newProposals", () => {
  const gaps = [gap("billing", 1, 4, 3), gap("security", 2, 4)];
  const all = proposeInitiatives(gaps, library);

  it("adds nothing twice: a second run after the first adds none", () => {
    const first = newProposals(all, []);
    expect(first).toEqual(all);
    expect(newProposals(proposeInitiatives(gaps, library), first.map((p) => p.libraryKey))).toEqual([]);
  });

  it("adds only what is missing, in rank order, when the gaps grew", () => {
    const before = proposeInitiatives([gap("billing", 2, 3, 3)], library).map((p) => p.libraryKey);
    expect(newProposals(all, new Set(before)).map((p) => p.libraryKey)).toEqual(["billing-l2a", "billing-l2b", "billing-l4a", "billing-l4b", "security-l3a", "security-l4a"]);
  });
});

describe("priorityFromGap", () => {
  it.each([
    [9, 1],
    [6, 1],
    [4, 2],
    [3, 2],
    [2, 3],
    [1, 3],
    [0, 3],
  ])("gap × importance %i → priority %i", (gapPriority, priority) => {
    expect(priorityFromGap(gapPriority)).toBe(priority);
  });
});

describe("acceptedDefaults", () => {
  it("plans it from the first day of next month for the typical duration, at its gap's priority", () => {
    expect(acceptedDefaults({ months: 4 }, 6, "2026-06-10")).toEqual({ status: "planned", start: "2026-07-01", target: "2026-11-01", priority: 1 });
    expect(acceptedDefaults({ months: 12 }, 2, "2026-12-31")).toEqual({ status: "planned", start: "2027-01-01", target: "2028-01-01", priority: 3 });
    expect(acceptedDefaults({ months: 1 }, 4, "2028-01-31")).toMatchObject({ start: "2028-02-01", target: "2028-03-01", priority: 2 });
  });
});
