/**
 * The roadmap's loader (INTERFACES "GET /orgs/:orgId/roadmap") and the metric chart's markers, on
 * SQLite and PostgreSQL: bars by category with their review milestones, the next reassessment,
 * the filters from the query, the metrics' trend, a constant number of statements whatever the
 * organization holds, and tenancy.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment } from "../setup/factories";
import { callLoader, sessionCookieFor, signedInConsultant, signedInMember } from "../setup/route-harness";
import { countStatements, useTestDatabase } from "../setup/test-db";
import { ALL_KEYS } from "../setup/workshop";
import { addDaysToDate, addMonthsToDate } from "~/domain/dates";
import type { InitiativeInput } from "~/domain/initiative.schema";
import { today } from "~/domain/review-schedule";
import { buildRoadmap } from "~/domain/roadmap";
import { saveConsensus } from "~/models/consensus.server";
import { createInitiative } from "~/models/initiative.server";
import { createMetric, saveValues } from "~/models/metric.server";
import type { Organization } from "~/models/organization.server";
import { saveReview } from "~/models/review.server";
import type { User } from "~/models/user.server";
import { catalogDirections } from "~/services/metrics.server";
import type { RoadmapData } from "~/services/roadmap.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as roadmapLoader } from "~/routes/orgs.$orgId.roadmap";
import { loader as metricLoader } from "~/routes/orgs.$orgId.metrics.$metricId";

const database = useTestDatabase();

let consultant: User;
let org: Organization;
let cookie: string;
const day = today();
const rel = (days: number) => addDaysToDate(day, days);

function initiative(fields: Partial<InitiativeInput>): InitiativeInput {
  return {
    title: "An initiative",
    description: "Why.",
    capabilities: ["billing"],
    ownerName: "Olga Owner",
    ownerEmail: null,
    start: rel(-60),
    target: rel(120),
    status: "in-progress",
    priority: 1,
    effort: "M",
    staffing: "none",
    metrics: [],
    ...fields,
  };
}

async function add(fields: Partial<InitiativeInput>, organization = org) {
  return createInitiative(organization.id, initiative(fields), consultant.id);
}

const review = (date: string) => ({ date, stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "continue" as const, notes: "" });

async function fcr(organization = org) {
  const created = await createMetric(
    organization.id,
    { source: "catalogue", key: "fcr", baseline: 68, target: 80, targetDate: addMonthsToDate(day, 12), cadence: "monthly", owner: null },
    catalogDirections(),
  );
  if (!created.ok) throw new Error(created.message);
  return created.metric;
}

/** The page's view, as the component reads it from its one JSON string. */
const view = (page: { data?: { roadmap: string } }) => {
  const data = JSON.parse(page.data!.roadmap) as RoadmapData;
  return { ...data, ...buildRoadmap(data.input) };
};

function load(query = "", who = cookie, organization = org) {
  return callLoader(roadmapLoader, { url: `/orgs/${organization.id}/roadmap${query}`, params: { orgId: organization.id }, cookie: who });
}

beforeEach(async () => {
  const signedIn = await signedInConsultant();
  consultant = signedIn.user;
  org = signedIn.org;
  cookie = signedIn.cookie;
});

describe("GET /orgs/:orgId/roadmap", () => {
  it("draws dated initiatives as bars by category with reviews held and due, and lists everything by date", async () => {
    const billing = await add({ title: "Clear bills", capabilities: ["billing"], start: rel(-200), target: rel(100) });
    const training = await add({ title: "Agent training", capabilities: ["talent-training", "billing"], start: rel(30), target: rel(300), status: "planned", ownerName: "Bruno" });
    await add({ title: "Long gone", start: addMonthsToDate(day, -30), target: addMonthsToDate(day, -20), status: "done" });
    expect((await saveReview(org.id, billing, review(rel(-20)), consultant.id)).outcome).toBe("saved");

    const page = await load();
    expect(page.status).toBe(200);
    const roadmap = view(page);
    expect(roadmap.window.quarters.length).toBeGreaterThanOrEqual(8);
    expect(roadmap.groups.map((g) => [g.category, g.bars.map((b) => b.title)])).toEqual([
      ["talent", ["Agent training"]],
      ["customer-interaction", ["Clear bills"]],
    ]);
    const bar = roadmap.groups[1]!.bars[0]!;
    expect(bar).toMatchObject({ id: billing, start: rel(-200), end: rel(100), before: false, after: false });
    expect(bar.milestones.map((m) => [m.state, m.date])).toEqual([
      ["held", rel(-20)],
      ["due", addMonthsToDate(rel(-20), 6)],
    ]);
    expect(roadmap.items.filter((i) => i.kind === "initiative").map((i) => (i.kind === "initiative" ? [i.initiativeId, i.start, i.end] : null))).toEqual([
      [billing, rel(-200), rel(100)],
      [training, rel(30), rel(300)],
    ]);
    expect(roadmap.items.map((i) => i.start)).toEqual(roadmap.items.map((i) => i.start).sort());
    expect(roadmap.reassessment).toBeNull();
    expect(roadmap.options.owners).toEqual(["Bruno", "Olga Owner"]);
  });

  it("places the next reassessment six months after the latest lock", async () => {
    const assessment = await makeAssessment(org.id, consultant.id);
    const entries = ALL_KEYS.map((capabilityKey) => ({ capabilityKey, current: 2, ideal: 3, importance: 2, rationale: "" }));
    expect(await saveConsensus(assessment.id, entries, true)).toBe("locked");
    const roadmap = view(await load());
    expect(roadmap.reassessment?.date).toBe(addMonthsToDate(day, 6));
    expect(roadmap.items).toContainEqual({ kind: "reassessment", start: addMonthsToDate(day, 6) });
  });

  it("filters by category, status and owner from the query, ignoring unknown values", async () => {
    await add({ title: "Bills", capabilities: ["billing"], ownerName: "Ana" });
    await add({ title: "Training", capabilities: ["talent-training"], status: "planned", ownerName: "Ben" });
    await add({ title: "Security", capabilities: ["security"], ownerName: "Ana" });
    const titles = async (query: string) => view(await load(query)).groups.flatMap((g) => g.bars.map((b) => b.title)).sort();
    expect(await titles("?category=talent")).toEqual(["Training"]);
    expect(await titles("?status=planned")).toEqual(["Training"]);
    expect(await titles("?owner=Ana")).toEqual(["Bills", "Security"]);
    expect(await titles("?owner=Ana&category=infrastructure")).toEqual(["Security"]);
    expect(await titles("?category=nonsense&status=maybe")).toEqual(["Bills", "Security", "Training"]);
    const filtered = await load("?status=planned&category=nonsense");
    expect(filtered.data!.filters).toEqual({ status: "planned", category: undefined, owner: undefined });
    expect(view(filtered).total).toBe(3);
  });

  it("shows each metric's trend on the same axis, with its status and latest value", async () => {
    const metric = await fcr();
    await saveValues([
      { metricId: metric.id, date: addMonthsToDate(day, -40), value: 50 },
      { metricId: metric.id, date: rel(-90), value: 70 },
      { metricId: metric.id, date: rel(-30), value: 72 },
    ]);
    const [strip] = view(await load()).metrics;
    expect(strip).toMatchObject({ id: metric.id, target: 80, latest: { date: rel(-30), value: 72 }, line: { count: 2 } });
    expect(strip!.status).not.toBe("no-data");
  });

  it("reads the page in a constant number of statements, whatever the organization holds", async () => {
    const measure = async () => {
      const counter = countStatements(database.db);
      try {
        expect((await load()).status).toBe(200);
        return counter.count;
      } finally {
        counter.restore();
      }
    };
    const metric = await fcr();
    await add({ title: "First" });
    const few = await measure();
    for (let i = 0; i < 12; i++) {
      const id = await add({ title: `More ${i}`, capabilities: [ALL_KEYS[i]!] });
      await saveReview(org.id, id, review(rel(-i - 1)), consultant.id);
    }
    await saveValues(Array.from({ length: 24 }, (_, i) => ({ metricId: metric.id, date: addMonthsToDate(day, -i - 1), value: 70 + i / 10 })));
    expect(await measure()).toBe(few);
  });

  it("is a 404 for a member of another organization, and a login redirect when signed out", async () => {
    await add({ title: "Secret plan" });
    const outsider = await signedInConsultant({ organization: "Elsewhere" });
    const stranger = await load("", outsider.cookie);
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.data ?? "")).not.toContain("Secret plan");
    const signedOut = await callLoader(roadmapLoader, { url: `/orgs/${org.id}/roadmap`, params: { orgId: org.id } });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/login?redirectTo=");
    // The outsider's own roadmap does not show org A's initiatives.
    const own = await load("", outsider.cookie, outsider.org);
    expect(view(own).groups).toEqual([]);
  });

  it("is readable by a viewer", async () => {
    const viewer = await signedInMember(org, "viewer", consultant, { name: "Víctor Viewer" });
    await add({ title: "Visible" });
    expect((await load("", viewer.cookie)).status).toBe(200);
  });
});

describe("the metric's chart markers", () => {
  it("marks the linked initiatives' starts, target dates and reviews held, by date, and only this organization's", async () => {
    const metric = await fcr();
    const linked = await add({ title: "Linked", metrics: ["fcr"], start: rel(-100), target: rel(50) });
    await add({ title: "Not linked", metrics: ["csat"] });
    await saveReview(org.id, linked, review(rel(-10)), consultant.id);
    const outsider = await signedInConsultant({ organization: "Elsewhere" });
    await createInitiative(outsider.org.id, initiative({ title: "Theirs", metrics: ["fcr"] }), outsider.user.id);
    const page = await callLoader(metricLoader, { url: `/orgs/${org.id}/metrics/${metric.id}`, params: { orgId: org.id, metricId: metric.id }, cookie });
    expect(page.data!.markers.map((m) => [m.kind, m.date, m.title])).toEqual([
      ["start", rel(-100), "Linked"],
      ["review", rel(-10), "Linked"],
      ["finish", rel(50), "Linked"],
    ]);
  });

  it("has none for a custom metric", async () => {
    const created = await createMetric(
      org.id,
      { source: "custom", name: "Refunds", kind: "business", unit: "USD", direction: "lower", baseline: 10, target: 5, targetDate: rel(200), cadence: "monthly", owner: null },
      catalogDirections(),
    );
    if (!created.ok) throw new Error(created.message);
    await add({ title: "Linked to FCR", metrics: ["fcr"] });
    const page = await callLoader(metricLoader, { url: `/orgs/${org.id}/metrics/${created.metric.id}`, params: { orgId: org.id, metricId: created.metric.id }, cookie: await sessionCookieFor(consultant.id) });
    expect(page.data!.markers).toEqual([]);
  });
});
