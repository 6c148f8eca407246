import { describe, expect, it } from "vitest";
import { buildRoadmap, positionIn, roadmapWindow, sparkline, type TimelineInitiative } from "./roadmap";

const TODAY = "2026-12-01";

function initiative(fields: Partial<TimelineInitiative> & Pick<TimelineInitiative, "id">): TimelineInitiative {
  return { title: fields.id, status: "in-progress", ownerName: "Olga", start: "2026-09-01", target: "2027-06-30", categories: ["customer-interaction"], reviewDates: [], ...fields };
}

const build = (initiatives: TimelineInitiative[], filters = {}, nextReassessment: string | null = null) =>
  buildRoadmap({ initiatives, filters, today: TODAY, nextReassessment, categoryOrder: ["business-process", "talent", "customer-interaction", "infrastructure"] });

describe("roadmapWindow", () => {
  it("spans whole quarters from six months back to eighteen ahead", () => {
    const window = roadmapWindow(TODAY);
    // 1 Dec 2026 − 6 months = 1 Jun 2026 (Q2 2026); + 18 months = 1 Jun 2028 (Q2 2028).
    expect(window.start).toBe("2026-04-01");
    expect(window.end).toBe("2028-07-01");
    expect(window.quarters.map((q) => `${q.year}-Q${q.quarter}`)).toEqual(["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2"]);
    expect(window.quarters[0]!.at).toBe(0);
    expect(window.quarters.every((q, i) => i === 0 || q.at > window.quarters[i - 1]!.at)).toBe(true);
  });

  it("starts at a quarter's first day whatever the day of the year", () => {
    expect(roadmapWindow("2027-01-01").start).toBe("2026-07-01");
    expect(roadmapWindow("2027-03-31").start).toBe("2026-07-01");
    expect(roadmapWindow("2027-08-31").start).toBe("2027-01-01");
    expect(roadmapWindow("2027-08-31").end).toBe("2029-04-01");
  });

  it("places days as shares of the window, clamped at its edges", () => {
    const window = roadmapWindow(TODAY);
    expect(positionIn(window, window.start)).toBe(0);
    expect(positionIn(window, window.end)).toBe(1);
    expect(positionIn(window, "2020-01-01")).toBe(0);
    expect(positionIn(window, "2030-01-01")).toBe(1);
    expect(positionIn(window, "2027-05-16")).toBeCloseTo(410 / 822, 5);
  });
});

describe("buildRoadmap", () => {
  it("draws dated initiatives as bars grouped by category in the model's order, each group by start", () => {
    const roadmap = build([
      initiative({ id: "b", start: "2027-01-01", categories: ["infrastructure"] }),
      initiative({ id: "a", start: "2026-10-01", categories: ["infrastructure", "talent"] }),
      initiative({ id: "c", categories: ["talent"] }),
      initiative({ id: "proposal", start: null, target: null, status: "proposed" }),
      initiative({ id: "long-ago", start: "2024-01-01", target: "2025-12-31" }),
      initiative({ id: "far-ahead", start: "2028-07-01", target: "2029-01-01" }),
    ]);
    expect(roadmap.groups.map((g) => [g.category, g.bars.map((b) => b.id)])).toEqual([
      ["talent", ["c"]],
      ["infrastructure", ["a", "b"]],
    ]);
    const a = roadmap.groups[1]!.bars[0]!;
    expect(a.from).toBeCloseTo(positionIn(roadmap.window, "2026-10-01"));
    expect(a.to).toBeCloseTo(positionIn(roadmap.window, "2027-06-30"));
    expect([a.before, a.after]).toEqual([false, false]);
  });

  it("marks a bar that runs past either edge, and gives one without a later target a single day", () => {
    const roadmap = build([initiative({ id: "wide", start: "2025-01-01", target: "2029-12-31" }), initiative({ id: "day", start: "2027-02-01", target: null })]);
    const [wide, day] = [...roadmap.groups[0]!.bars].sort((x, y) => x.id.localeCompare(y.id)).reverse();
    expect(wide).toMatchObject({ id: "wide", from: 0, to: 1, before: true, after: true });
    expect(day).toMatchObject({ id: "day", start: "2027-02-01", end: "2027-02-01" });
  });

  it("shows reviews held and the next one due (overdue once past), and nothing due once done", () => {
    const roadmap = build([
      initiative({ id: "reviewed", start: "2026-01-10", reviewDates: ["2026-07-15"] }),
      initiative({ id: "late", start: "2026-05-01" }),
      initiative({ id: "finished", start: "2026-05-01", status: "done", reviewDates: ["2026-09-01"] }),
    ]);
    const bars = Object.fromEntries(roadmap.groups.flatMap((g) => g.bars).map((b) => [b.id, b.milestones.map((m) => [m.state, m.date])]));
    expect(bars).toEqual({
      reviewed: [
        ["held", "2026-07-15"],
        ["due", "2027-01-15"],
      ],
      late: [["overdue", "2026-11-01"]],
      finished: [["held", "2026-09-01"]],
    });
  });

  it("filters by category (any of an initiative's), status and owner, and groups under the chosen category", () => {
    const all = [
      initiative({ id: "x", categories: ["infrastructure", "talent"], ownerName: "Ana" }),
      initiative({ id: "y", categories: ["talent"], status: "planned", ownerName: "Ben" }),
      initiative({ id: "z", categories: ["business-process"], ownerName: "Ana" }),
    ];
    const ids = (filters: object) => build(all, filters).items.filter((i) => i.kind === "initiative").map((i) => (i.kind === "initiative" ? i.initiativeId : ""));
    expect(build(all, { category: "talent" }).groups.map((g) => [g.category, g.bars.map((b) => b.id).sort()])).toEqual([["talent", ["x", "y"]]]);
    expect(ids({ status: "planned" })).toEqual(["y"]);
    expect(ids({ owner: "Ana" }).sort()).toEqual(["x", "z"]);
    expect(ids({ owner: "Ana", category: "talent" })).toEqual(["x"]);
  });

  it("lists everything by date: the reassessment, initiatives and reviews, with their kinds", () => {
    const roadmap = build([initiative({ id: "one", title: "One", start: "2026-09-01", target: "2027-03-31", reviewDates: ["2026-11-20"] })], {}, "2027-03-01");
    expect(roadmap.items).toEqual([
      { kind: "initiative", start: "2026-09-01", end: "2027-03-31", initiativeId: "one", title: "One", status: "in-progress" },
      { kind: "review", start: "2026-11-20", initiativeId: "one", title: "One", state: "held" },
      { kind: "reassessment", start: "2027-03-01" },
      { kind: "review", start: "2027-05-20", initiativeId: "one", title: "One", state: "due" },
    ]);
    expect(roadmap.reassessment?.at).toBeCloseTo(positionIn(roadmap.window, "2027-03-01"));
    expect(roadmap.today).toBeCloseTo(positionIn(roadmap.window, TODAY));
  });

  it("leaves out a reassessment beyond the window", () => {
    expect(build([], {}, "2030-01-01")).toMatchObject({ reassessment: null, items: [], groups: [] });
  });
});

describe("sparkline", () => {
  const window = roadmapWindow(TODAY);

  it("scales the values inside the window between the lowest and highest of them and the target", () => {
    const line = sparkline(window, [
      { date: "2025-01-31", value: 10 },
      { date: "2026-04-01", value: 60 },
      { date: "2027-06-30", value: 70 },
    ], 80);
    expect(line.count).toBe(2);
    const [first, second] = line.points.split(" ").map((p) => p.split(",").map(Number));
    expect(first).toEqual([0, 92]);
    expect(second![1]).toBe(50);
    expect(line.targetY).toBe(8);
  });

  it("draws a flat series across the middle", () => {
    expect(sparkline(window, [{ date: "2026-06-01", value: 5 }], 5)).toMatchObject({ targetY: 50, count: 1 });
  });
});
