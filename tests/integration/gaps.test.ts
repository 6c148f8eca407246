/**
 * The gap analysis against a real SQLite file: one organization with two locked cycles and an open
 * one, and another organization whose locked assessments must never count as "previous". Route
 * loaders are called with a signed `__session` cookie, as the server would.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeMembership, makeOrganization, makeUser } from "../setup/factories";
import { callLoader, sessionCookieFor } from "../setup/route-harness";
import { useTestDatabase } from "../setup/test-db";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import { createAssessment, getAssessment, type Assessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import type { Organization } from "~/models/organization.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import type { User } from "~/models/user.server";
import { getGapAnalysis, getMaturityHistory, type GapAnalysis } from "~/services/gap-analysis.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as gapsLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.gaps";
import { loader as orgLoader } from "~/routes/orgs.$orgId._index";

useTestDatabase();

/** The 25 keys in the model's order (INTERFACES.md), with their category. */
const MODEL = Object.entries(CATEGORY_KEYS).flatMap(([categoryKey, keys]) => keys.map((capabilityKey) => ({ categoryKey, capabilityKey })));
const KEYS = MODEL.map((m) => m.capabilityKey);
const CATEGORIES = Object.keys(CATEGORY_KEYS);

type Levels = { current: number; ideal: number; importance: number };

/** Cycle 1: currents 1–3, goals one or two levels up, every importance. */
const cycle1 = (i: number): Levels => {
  const current = 1 + (i % 3);
  return { current, ideal: Math.min(4, current + 1 + (i % 2)), importance: 1 + (i % 3) };
};
/** Cycle 2: other values, some at 4 already and some goals below today (gap clamps to 0). */
const cycle2 = (i: number): Levels => {
  const current = 1 + ((i + 1) % 4);
  return { current, ideal: i % 5 === 0 ? Math.max(1, current - 1) : 4, importance: 3 - (i % 3) };
};
/** Another organization's cycles: all 4, so a leak into this organization's numbers shows. */
const foreign = (): Levels => ({ current: 4, ideal: 4, importance: 1 });

const day = (iso: string) => new Date(`${iso}T10:00:00Z`).getTime();
const T = {
  foreignEarly: day("2024-06-01"),
  cycle1: day("2025-01-15"),
  foreignBetween: day("2025-04-01"),
  cycle2: day("2025-07-15"),
  foreignLate: day("2025-10-01"),
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const levelsOf = (cycle: (i: number) => Levels) => MODEL.map((m, i) => ({ ...m, ...cycle(i) }));
function expectedIndex(rows: { categoryKey: string; current: number; ideal: number }[]) {
  return {
    categories: CATEGORIES.map((key) => {
      const own = rows.filter((r) => r.categoryKey === key);
      return { key, current: mean(own.map((r) => r.current)), ideal: mean(own.map((r) => r.ideal)) };
    }),
    overall: { current: mean(rows.map((r) => r.current)), ideal: mean(rows.map((r) => r.ideal)) },
  };
}

/** English and Spanish names from the content the server loads, for what pages show. */
const CONTENT = JSON.parse(readFileSync(path.resolve("content/capability-model.json"), "utf8")) as {
  categories: { key: string; name: Record<"es" | "en", string>; capabilities: { key: string; name: Record<"es" | "en", string>; levels: Record<"es" | "en", string>[] }[] }[];
};
const capabilityContent = (key: string) => CONTENT.categories.flatMap((c) => c.capabilities).find((c) => c.key === key)!;

let consultant: User;
let viewer: User;
let outsider: User;
let org: Organization;
let elsewhere: Organization;
let first: Assessment;
let second: Assessment;
let open: Assessment;
let foreignLocked: Assessment[];

/** Locks with the cycle's consensus at `at`; returns the row as stored (with its lock date). */
async function lockWith(assessment: Assessment, cycle: (i: number) => Levels, at: number): Promise<Assessment> {
  const entries = KEYS.map((capabilityKey, i) => ({ capabilityKey, ...cycle(i), rationale: "" }));
  expect(await saveConsensus(assessment.id, entries, true, at)).toBe("locked");
  return (await getAssessment(assessment.organizationId, assessment.id))!;
}

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  viewer = await makeUser({ name: "Víctor Viewer" });
  outsider = await makeUser({ name: "Otto Outsider" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
  await makeMembership(org.id, viewer.id, "viewer", consultant.id);
  // The outsider is a consultant of the other organization, and the consultant is one there too.
  elsewhere = await makeOrganization(outsider.id, { name: "Elsewhere" });
  await makeMembership(elsewhere.id, consultant.id, "consultant", outsider.id);

  // Created in the opposite order of their locks: "previous" and history follow the lock date.
  const createdFirst = await createAssessment({ organizationId: org.id, name: "2025 H2", mode: "solo", createdBy: consultant.id });
  const createdSecond = await createAssessment({ organizationId: org.id, name: "2025 H1", mode: "workshop", createdBy: consultant.id });
  first = await lockWith(createdSecond, cycle1, T.cycle1);
  second = await lockWith(createdFirst, cycle2, T.cycle2);
  open = await createAssessment({ organizationId: org.id, name: "2026 H1", mode: "workshop", createdBy: consultant.id });

  foreignLocked = await Promise.all([
    ["Foreign early", T.foreignEarly],
    ["Foreign between", T.foreignBetween],
    ["Foreign late", T.foreignLate],
  ].map(async ([name, at]) => {
    const a = await createAssessment({ organizationId: elsewhere.id, name: name as string, mode: "solo", createdBy: outsider.id });
    return await lockWith(a, foreign, at as number);
  }));
});

/** Votes of the open workshop: four people, some who could not judge (null), half-level medians. */
async function voteInOpenWorkshop() {
  const votes: Record<string, [number | null, number | null][]> = {
    // current 2, 3 → 2.5 → 3; ideal 3, 4 → 3.5 → 4
    billing: [
      [2, 3],
      [3, 4],
    ],
    // current 1, 2 → 1.5 → 2; ideal 2, 2 → 2
    security: [
      [1, 2],
      [2, 2],
    ],
    // current 1, 2, 2, 4 → 2; ideal 3, 3, 4, 4 → 3.5 → 4
    "talent-training": [
      [1, 3],
      [2, 3],
      [2, 4],
      [4, 4],
    ],
    // the nulls are ignored: current 3, 3 → 3; ideal 4, 3 → 3.5 → 4
    applications: [
      [null, 4],
      [3, null],
      [3, 3],
    ],
    // medians 1 and 2, but the facilitator has agreed on 3 → 4 (saved, not locked)
    "customer-strategy": [
      [1, 2],
      [1, 2],
    ],
  };
  const people = [];
  for (const name of ["Ana", "Bruno", "Carmen", "Diego"]) people.push((await joinWorkshop(open.id, name)).participant);
  for (const [p, person] of people.entries()) {
    const mine = Object.entries(votes).flatMap(([capabilityKey, list]) => {
      const vote = list[p];
      return vote ? [{ capabilityKey, current: vote[0], ideal: vote[1], comment: "" }] : [];
    });
    expect(await saveRatings(person.id, open.id, mine)).toBe("saved");
  }
  expect(await saveConsensus(open.id, [{ capabilityKey: "customer-strategy", current: 3, ideal: 4, importance: 3, rationale: "" }], false)).toBe("saved");
}

const rowOf = (analysis: GapAnalysis, key: string) => analysis.rows.find((r) => r.capabilityKey === key)!;

describe("getGapAnalysis of a locked cycle with an earlier one", () => {
  it("has one row per capability in model order with the consensus, gap and priority", async () => {
    const analysis = await getGapAnalysis(second, "en");
    expect(analysis.rows.map((r) => r.capabilityKey)).toEqual(KEYS);
    expect(analysis.rows.map((r) => r.categoryKey)).toEqual(MODEL.map((m) => m.categoryKey));
    analysis.rows.forEach((row, i) => {
      const { current, ideal, importance } = cycle2(i);
      const gap = Math.max(0, ideal - current);
      expect(row, row.capabilityKey).toMatchObject({ current, ideal, importance, gap, priority: gap * importance, source: "consensus" });
    });
    // Some goals are below today: their gap is 0, never negative.
    expect(analysis.rows.filter((r) => r.ideal! < r.current!).length).toBeGreaterThan(0);
    expect(analysis.rows.every((r) => r.gap! >= 0)).toBe(true);
  });

  it("takes the previous values from the earlier locked cycle of the same organization", async () => {
    const analysis = await getGapAnalysis(second, "en");
    expect(analysis.previous).toEqual({ id: first.id, name: "2025 H1", lockedAt: T.cycle1 });
    analysis.rows.forEach((row, i) => {
      expect(row.previous, row.capabilityKey).toEqual({ current: cycle1(i).current, ideal: cycle1(i).ideal });
      expect(row.deltaCurrent, row.capabilityKey).toBe(cycle2(i).current - cycle1(i).current);
    });
  });

  it("computes category and overall indices and their change since the earlier cycle", async () => {
    const analysis = await getGapAnalysis(second, "en");
    const now = expectedIndex(levelsOf(cycle2));
    const before = expectedIndex(levelsOf(cycle1));
    expect(analysis.categories.map((c) => c.key)).toEqual(CATEGORIES);
    analysis.categories.forEach((category, i) => {
      expect(category.current, category.key).toBeCloseTo(now.categories[i]!.current, 10);
      expect(category.ideal, category.key).toBeCloseTo(now.categories[i]!.ideal, 10);
      expect(category.previousCurrent, category.key).toBeCloseTo(before.categories[i]!.current, 10);
      expect(category.deltaCurrent, category.key).toBeCloseTo(now.categories[i]!.current - before.categories[i]!.current, 10);
    });
    expect(analysis.overall.current).toBeCloseTo(now.overall.current, 10);
    expect(analysis.overall.ideal).toBeCloseTo(now.overall.ideal, 10);
    expect(analysis.overall.previousCurrent).toBeCloseTo(before.overall.current, 10);
    expect(analysis.overall.deltaCurrent).toBeCloseTo(now.overall.current - before.overall.current, 10);
    // The overall index is over the 25 capabilities, not the mean of the four category means.
    expect(analysis.overall.current).not.toBeCloseTo(mean(now.categories.map((c) => c.current)), 3);
  });

  it("ranks the gaps by priority, then gap, then model order, without zero gaps", async () => {
    const analysis = await getGapAnalysis(second, "en");
    const expected = analysis.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.gap! > 0)
      .sort((a, b) => b.row.priority! - a.row.priority! || b.row.gap! - a.row.gap! || a.index - b.index)
      .map(({ row }) => row.capabilityKey);
    expect(analysis.ranked.map((r) => r.capabilityKey)).toEqual(expected);
    expect(expected.length).toBeLessThan(25);
  });

  it("names rows in the asked language and describes the next level of each gap", async () => {
    const en = await getGapAnalysis(second, "en");
    const es = await getGapAnalysis(second, "es");
    const billing = capabilityContent("billing");
    expect(rowOf(en, "billing").name).toBe(billing.name.en);
    expect(rowOf(es, "billing").name).toBe(billing.name.es);
    expect(es.categories.map((c) => c.name)).toEqual(CONTENT.categories.map((c) => c.name.es));
    for (const row of en.rows) {
      // Levels are 1–4 and the content lists them in order: level current + 1 is at index current.
      const next = row.gap ? capabilityContent(row.capabilityKey).levels[row.current!]!.en : null;
      expect(row.nextLevel, row.capabilityKey).toBe(next);
    }
  });

  it("has nothing to compare with for the first locked cycle, even when another organization locked earlier", async () => {
    const analysis = await getGapAnalysis(first, "en");
    expect(analysis.previous).toBeNull();
    expect(analysis.rows.every((r) => r.previous === null && r.deltaCurrent === null)).toBe(true);
    expect(analysis.categories.every((c) => c.previousCurrent === null && c.deltaCurrent === null)).toBe(true);
    expect(analysis.overall).toMatchObject({ previousCurrent: null, deltaCurrent: null });
  });

  it("never takes another organization's assessment, locked in between, as the previous one", async () => {
    // Foreign between was locked after cycle 1 and before cycle 2; all its values are 4.
    const analysis = await getGapAnalysis(second, "en");
    expect(analysis.previous?.id).toBe(first.id);
    expect(foreignLocked.map((a) => a.id)).not.toContain(analysis.previous?.id);
  });
});

describe("getGapAnalysis of an open assessment", () => {
  it("uses the vote medians rounded half up, and the saved consensus where there is one", async () => {
    await voteInOpenWorkshop();
    const analysis = await getGapAnalysis(open, "en");
    expect(analysis.rows.map((r) => r.capabilityKey)).toEqual(KEYS);
    expect(rowOf(analysis, "billing")).toMatchObject({ current: 3, ideal: 4, gap: 1, importance: 2, priority: 2, source: "median" });
    expect(rowOf(analysis, "security")).toMatchObject({ current: 2, ideal: 2, gap: 0, importance: 2, priority: 0, source: "median" });
    expect(rowOf(analysis, "talent-training")).toMatchObject({ current: 2, ideal: 4, gap: 2, priority: 4, source: "median" });
    expect(rowOf(analysis, "applications")).toMatchObject({ current: 3, ideal: 4, gap: 1, source: "median" });
    expect(rowOf(analysis, "customer-strategy")).toMatchObject({ current: 3, ideal: 4, gap: 1, importance: 3, priority: 3, source: "consensus" });
    expect(rowOf(analysis, "channel-management")).toMatchObject({ current: null, ideal: null, gap: null, priority: null, source: "none", nextLevel: null });
    expect(analysis.ranked.map((r) => r.capabilityKey)).toEqual(["talent-training", "customer-strategy", "billing", "applications"]);
  });

  it("compares with the latest locked cycle of its own organization, not a later one of another", async () => {
    await voteInOpenWorkshop();
    const analysis = await getGapAnalysis(open, "en");
    expect(analysis.previous).toEqual({ id: second.id, name: "2025 H2", lockedAt: T.cycle2 });
    const billing = KEYS.indexOf("billing");
    expect(rowOf(analysis, "billing").previous).toEqual({ current: cycle2(billing).current, ideal: cycle2(billing).ideal });
    expect(rowOf(analysis, "billing").deltaCurrent).toBe(3 - cycle2(billing).current);
    // No current yet, so no change to show, but the earlier values are still there.
    const channel = KEYS.indexOf("channel-management");
    expect(rowOf(analysis, "channel-management")).toMatchObject({ previous: { current: cycle2(channel).current, ideal: cycle2(channel).ideal }, deltaCurrent: null });
  });

  it("takes its indices over the rated capabilities only", async () => {
    await voteInOpenWorkshop();
    const analysis = await getGapAnalysis(open, "en");
    const cat = (key: string) => analysis.categories.find((c) => c.key === key)!;
    // business-process: customer-strategy 3 → 4
    expect(cat("business-process")).toMatchObject({ current: 3, ideal: 4 });
    // talent: talent-training 2 → 4
    expect(cat("talent")).toMatchObject({ current: 2, ideal: 4 });
    // customer-interaction: billing 3 → 4
    expect(cat("customer-interaction")).toMatchObject({ current: 3, ideal: 4 });
    // infrastructure: applications 3 → 4, security 2 → 2
    expect(cat("infrastructure")).toMatchObject({ current: 2.5, ideal: 3 });
    expect(analysis.overall.current).toBeCloseTo((3 + 2 + 3 + 3 + 2) / 5, 10);
    expect(analysis.overall.ideal).toBeCloseTo((4 + 4 + 4 + 4 + 2) / 5, 10);
    const before = expectedIndex(levelsOf(cycle2));
    expect(cat("talent").deltaCurrent).toBeCloseTo(2 - before.categories[1]!.current, 10);
  });

  it("shows every capability as unknown before anyone votes", async () => {
    const analysis = await getGapAnalysis(open, "en");
    expect(analysis.rows).toHaveLength(25);
    expect(analysis.rows.every((r) => r.current === null && r.ideal === null && r.source === "none")).toBe(true);
    expect(analysis.ranked).toEqual([]);
    expect(analysis.overall).toMatchObject({ current: null, ideal: null, deltaCurrent: null });
    expect(analysis.categories.every((c) => c.current === null && c.deltaCurrent === null)).toBe(true);
  });
});

describe("getMaturityHistory", () => {
  it("lists the organization's locked assessments by lock date with their indices", async () => {
    await voteInOpenWorkshop();
    const history = await getMaturityHistory(org.id);
    expect(history.map((p) => [p.id, p.name, p.lockedAt])).toEqual([
      [first.id, "2025 H1", T.cycle1],
      [second.id, "2025 H2", T.cycle2],
    ]);
    for (const [point, cycle] of [
      [history[0]!, cycle1],
      [history[1]!, cycle2],
    ] as const) {
      const index = expectedIndex(levelsOf(cycle));
      expect(point.overall).toBeCloseTo(index.overall.current, 10);
      expect(Object.keys(point.categories)).toEqual(CATEGORIES);
      index.categories.forEach((c) => expect(point.categories[c.key], c.key).toBeCloseTo(c.current, 10));
    }
  });

  it("keeps each organization's history to itself", async () => {
    expect((await getMaturityHistory(elsewhere.id)).map((p) => p.name)).toEqual(["Foreign early", "Foreign between", "Foreign late"]);
    expect((await getMaturityHistory(elsewhere.id)).every((p) => p.overall === 4)).toBe(true);
  });
});

const cookieFor = (user: User) => sessionCookieFor(user.id);

function loadGaps(assessment: Assessment, { cookie, headers = {}, query = "" }: { cookie?: string; headers?: Record<string, string>; query?: string } = {}) {
  const url = `/orgs/${org.id}/assessments/${assessment.id}/gaps${query}`;
  return callLoader(gapsLoader, { url, params: { orgId: org.id, assessmentId: assessment.id }, cookie, headers });
}

describe("the gaps route's loader", () => {
  it("gives a member the analysis in their language", async () => {
    const cookie = await cookieFor(viewer);
    const { status, data } = await loadGaps(second, { cookie, headers: { "Accept-Language": "en-GB,en;q=0.8" } });
    expect(status).toBe(200);
    expect(data!.title).toBe("Gap analysis · 2025 H2");
    expect(data!.assessment).toEqual({ id: second.id, name: "2025 H2", status: "locked" });
    expect(data!.analysis.rows.map((r) => r.capabilityKey)).toEqual(KEYS);
    expect(data!.analysis.previous?.id).toBe(first.id);
    expect(data!.analysis.rows.map((r) => r.previous)).toEqual(KEYS.map((_, i) => ({ current: cycle1(i).current, ideal: cycle1(i).ideal })));
    expect(rowOf(data!.analysis, "billing").name).toBe(capabilityContent("billing").name.en);
    // What the page renders is exactly what the view computes.
    expect(data!.analysis).toEqual(await getGapAnalysis(second, "en"));

    const spanish = await loadGaps(second, { cookie, query: "?lng=es" });
    expect(spanish.data!.title).toBe("Análisis de brechas · 2025 H2");
    expect(rowOf(spanish.data!.analysis, "billing").name).toBe(capabilityContent("billing").name.es);
  });

  it("answers 404 to a signed-in user who is not a member", async () => {
    expect(await loadGaps(second, { cookie: await cookieFor(outsider) })).toMatchObject({ status: 404, thrown: true });
  });

  it("answers 404 for another organization's assessment under this organization's URL", async () => {
    // The consultant belongs to both organizations, so only the tenant check on the assessment stops it.
    expect(await loadGaps(foreignLocked[1]!, { cookie: await cookieFor(consultant) })).toMatchObject({ status: 404, thrown: true });
  });

  it("sends a signed-out visitor to the login page and back", async () => {
    const { status, thrown, headers } = await loadGaps(second);
    expect(status).toBe(302);
    expect(thrown).toBe(true);
    const location = headers.get("Location")!;
    expect(location.startsWith("/login?")).toBe(true);
    expect(new URLSearchParams(location.split("?")[1]).get("redirectTo")).toBe(`/orgs/${org.id}/assessments/${second.id}/gaps`);
  });
});

describe("the organization page's loader", () => {
  it("shows the maturity history and the next assessment six months after the last lock", async () => {
    const cookie = await cookieFor(viewer);
    const { status, data } = await callLoader(orgLoader, { url: `/orgs/${org.id}`, params: { orgId: org.id }, cookie, headers: { "Accept-Language": "en" } });
    expect(status).toBe(200);
    expect(data!.history.map((p) => p.name)).toEqual(["2025 H1", "2025 H2"]);
    expect(data!.history).toEqual(await getMaturityHistory(org.id));
    expect(data!.nextDue).toBe(day("2026-01-15"));
    expect(data!.categories.map((c) => c.key)).toEqual(CATEGORIES);
  });
});
