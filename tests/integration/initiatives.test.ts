/**
 * Initiatives and six-month reviews through their routes (INTERFACES "Initiatives and six-month
 * reviews"): generation from a locked assessment, the proposals' accept, dismiss, accept-all and
 * merge, the form's create, edit and delete, reviews and their schedule, the CSV, the due lists,
 * roles and tenancy. Runs on SQLite and PostgreSQL.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection.server";
import { parseCsv } from "../setup/csv";
import { makeAssessment, makeMembership } from "../setup/factories";
import { callAction, callLoader, signedInConsultant, signedInMember } from "../setup/route-harness";
import { useTestDatabase } from "../setup/test-db";
import { ALL_KEYS } from "../setup/workshop";
import { addDaysToDate, addMonthsToDate, firstOfNextMonth } from "~/domain/dates";
import type { Role } from "~/domain/roles";
import { today } from "~/domain/review-schedule";
import { neutralizeCell } from "~/integrations/csv.server";
import type { Assessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { createInitiative } from "~/models/initiative.server";
import { createMetric, saveValues } from "~/models/metric.server";
import type { Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { getLibraryInitiativesFor } from "~/utils/content.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as generateAction, loader as generateLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.initiatives";
import { action as listAction, loader as listLoader } from "~/routes/orgs.$orgId.initiatives._index";
import { action as newAction, loader as newLoader } from "~/routes/orgs.$orgId.initiatives.new";
import { action as detailAction, loader as detailLoader } from "~/routes/orgs.$orgId.initiatives.$initiativeId";
import { action as reviewAction, loader as reviewLoader } from "~/routes/orgs.$orgId.initiatives.$initiativeId_.reviews";
import { loader as csvLoader } from "~/routes/orgs.$orgId.initiatives[.]csv";
import { loader as dueLoader } from "~/routes/orgs.$orgId.reviews";
import { loader as weekLoader } from "~/routes/week";
import { loader as homeLoader } from "~/routes/orgs.$orgId._index";
import { loader as gapsLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.gaps";

useTestDatabase();

let consultant: User;
let org: Organization;
let locked: Assessment;
let cookies: Record<Role | "outsider", string>;

/** billing 1 → 3 at importance 3 (gap priority 6: high), security 2 → 3 at 2 (priority 2: low); every other capability without a gap. */
async function lockWithGaps(assessment: Assessment) {
  const entries = ALL_KEYS.map((capabilityKey) => {
    if (capabilityKey === "billing") return { capabilityKey, current: 1, ideal: 3, importance: 3, rationale: "" };
    if (capabilityKey === "security") return { capabilityKey, current: 2, ideal: 3, importance: 2, rationale: "" };
    return { capabilityKey, current: 2, ideal: 2, importance: 2, rationale: "" };
  });
  expect(await saveConsensus(assessment.id, entries, true)).toBe("locked");
}

const expectedKeys = () => [...getLibraryInitiativesFor("billing", 2), ...getLibraryInitiativesFor("billing", 3), ...getLibraryInitiativesFor("security", 3)].map((i) => i.key);

async function initiativeRows(organizationId = org.id) {
  const { orm, t } = getDb();
  return orm.select().from(t.initiatives).where(eq(t.initiatives.organizationId, organizationId));
}

async function countOf(table: "initiatives" | "initiativeReviews" | "initiativeChanges") {
  const { orm, t } = getDb();
  const [row] = await orm.select({ n: count() }).from(t[table]);
  return row!.n;
}

const url = (path = "") => `/orgs/${org.id}/initiatives${path}`;
const params = (initiativeId?: string): Record<string, string> => (initiativeId ? { orgId: org.id, initiativeId } : { orgId: org.id });

function generate(cookie: string, intent = "generate") {
  return callAction(generateAction, { url: `/orgs/${org.id}/assessments/${locked.id}/initiatives`, params: { orgId: org.id, assessmentId: locked.id }, cookie, fields: { intent } });
}

const VALID = {
  title: "Clear bills in plain language",
  description: "Rewrite the bill so a customer understands it without calling.",
  capabilities: "billing",
  owner_name: "Olga Owner",
  owner_email: "olga@example.com",
  start: "2026-03-01",
  target: "2026-09-30",
  status: "in-progress",
  priority: "1",
  effort: "M",
  staffing: "train",
};

function postNew(fields: Record<string, string> | FormData, cookie = cookies.consultant) {
  return callAction(newAction, { url: url("/new"), params: params(), cookie, fields });
}

async function created(fields: Partial<typeof VALID> = {}) {
  const post = await postNew({ ...VALID, ...fields });
  expect(post.status).toBe(303);
  return post.headers.get("Location")!.split("/").at(-1)!;
}

beforeEach(async () => {
  const signedIn = await signedInConsultant();
  consultant = signedIn.user;
  org = signedIn.org;
  const owner = await signedInMember(org, "program-owner", consultant, { name: "Olga Owner" });
  const viewer = await signedInMember(org, "viewer", consultant, { name: "Víctor Viewer" });
  const outsider = await signedInConsultant({ organization: "Elsewhere" });
  cookies = { consultant: signedIn.cookie, "program-owner": owner.cookie, viewer: viewer.cookie, outsider: outsider.cookie };
  locked = await makeAssessment(org.id, consultant.id);
  await lockWithGaps(locked);
});

describe("POST …/assessments/:assessmentId/initiatives (intent=generate)", () => {
  it("proposes the library's initiatives for every gap, ranked, and 303s to the list; posting again adds nothing", async () => {
    const first = await generate(cookies.consultant);
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(`/orgs/${org.id}/initiatives`);
    const rows = await initiativeRows();
    expect(rows.map((r) => r.libraryKey).sort()).toEqual(expectedKeys().sort());
    expect(rows.every((r) => r.status === "proposed" && r.start === null && r.assessmentId === locked.id)).toBe(true);
    // billing's gap priority 6 → high; security's 2 → low.
    expect(new Set(rows.filter((r) => r.capabilities === "billing").map((r) => r.priority))).toEqual(new Set([1]));
    expect(new Set(rows.filter((r) => r.capabilities === "security").map((r) => r.priority))).toEqual(new Set([3]));

    expect((await generate(cookies["program-owner"])).status).toBe(303);
    expect(await initiativeRows()).toHaveLength(rows.length);
  });

  it("adds each proposal once when two posts race", async () => {
    const posts = await Promise.all([generate(cookies.consultant), generate(cookies.consultant), generate(cookies["program-owner"])]);
    expect(posts.map((p) => p.status)).toEqual([303, 303, 303]);
    expect(await initiativeRows()).toHaveLength(expectedKeys().length);
  });

  it("refuses viewers (403), strangers (404) and other intents (400)", async () => {
    expect((await generate(cookies.viewer)).status).toBe(403);
    expect((await generate(cookies.outsider)).status).toBe(404);
    expect((await generate(cookies.consultant, "other")).status).toBe(400);
    expect(await initiativeRows()).toHaveLength(0);
    const get = await callLoader(generateLoader, { url: `/orgs/${org.id}/assessments/${locked.id}/initiatives`, params: { orgId: org.id, assessmentId: locked.id }, cookie: cookies.viewer });
    expect(get.status).toBe(302);
  });
});

describe("the proposals on /orgs/:orgId/initiatives", () => {
  const act = (fields: Record<string, string>, cookie = cookies.consultant) => callAction(listAction, { url: url(), params: params(), cookie, fields });
  const proposals = async () => (await initiativeRows()).filter((r) => r.status === "proposed" && r.dismissedAt === null);

  beforeEach(async () => {
    await generate(cookies.consultant);
  });

  it("lists each proposal with why it exists", async () => {
    const page = await callLoader(listLoader, { url: url(), params: params(), cookie: cookies.viewer });
    expect(page.status).toBe(200);
    expect(page.data!.proposals).toHaveLength(expectedKeys().length);
    const billing = page.data!.proposals.find((p) => p.capabilities[0] === "billing")!;
    expect(billing.reason).toMatchObject({ current: 1, ideal: 3 });
    expect(page.data!.canManage).toBe(false);
  });

  it("accept plans it from next month for the library's typical months, with history", async () => {
    const [proposal] = await proposals();
    const post = await act({ intent: "accept", id: proposal!.id });
    expect(post.status).toBe(303);
    const [row] = (await initiativeRows()).filter((r) => r.id === proposal!.id);
    const start = firstOfNextMonth(today());
    const months = [...getLibraryInitiativesFor("billing"), ...getLibraryInitiativesFor("security")].find((i) => i.key === proposal!.libraryKey)!.months;
    expect(row).toMatchObject({ status: "planned", start, target: addMonthsToDate(start, months) });
    const page = await callLoader(detailLoader, { url: url(`/${proposal!.id}`), params: params(proposal!.id), cookie: cookies.viewer });
    expect(page.data!.initiative.nextReview).toBe(addMonthsToDate(start, 6));
    expect(page.data!.history.map((h) => h.kind)).toEqual(["accepted", "generated"]);
  });

  it("dismiss hides it for good: generating again does not bring it back", async () => {
    const [proposal] = await proposals();
    expect((await act({ intent: "dismiss", id: proposal!.id })).status).toBe(303);
    expect((await proposals()).map((p) => p.id)).not.toContain(proposal!.id);
    await generate(cookies.consultant);
    expect(await proposals()).toHaveLength(expectedKeys().length - 1);
  });

  it("accept-all plans every proposal", async () => {
    expect((await act({ intent: "accept-all" }, cookies["program-owner"])).status).toBe(303);
    expect(await proposals()).toHaveLength(0);
    expect((await initiativeRows()).every((r) => r.status === "planned" && r.start !== null)).toBe(true);
  });

  it("merge keeps the first with both capabilities and dismisses the second", async () => {
    const all = await proposals();
    const keep = all.find((p) => p.capabilities === "billing")!;
    const other = all.find((p) => p.capabilities === "security")!;
    const post = await act({ intent: "merge", keep: keep.id, merge: other.id });
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(url(`/${keep.id}`));
    const rows = await initiativeRows();
    expect(rows.find((r) => r.id === keep.id)).toMatchObject({ capabilities: "billing;security", priority: 1, status: "proposed" });
    expect(rows.find((r) => r.id === other.id)!.dismissedAt).not.toBeNull();
    expect((await act({ intent: "merge", keep: keep.id, merge: keep.id })).status).toBe(400);
  });

  it("refuses viewers (403) and unknown ids (404)", async () => {
    const [proposal] = await proposals();
    expect((await act({ intent: "accept", id: proposal!.id }, cookies.viewer)).status).toBe(403);
    expect((await act({ intent: "accept", id: "nope" })).status).toBe(404);
    expect((await act({ intent: "dismiss", id: "nope" })).status).toBe(404);
    expect(await proposals()).toHaveLength(expectedKeys().length);
  });
});

describe("POST /orgs/:orgId/initiatives/new", () => {
  it("creates an initiative with repeated capabilities and metrics and 303s to it", async () => {
    const data = new FormData();
    for (const [key, value] of Object.entries(VALID)) data.append(key, value);
    data.append("capabilities", "security");
    data.append("metrics", "csat");
    data.append("metrics", "fcr");
    const post = await postNew(data);
    expect(post.status).toBe(303);
    const id = post.headers.get("Location")!.match(/^\/orgs\/[^/]+\/initiatives\/([^/]+)$/)![1]!;
    const [row] = await initiativeRows();
    expect(row).toMatchObject({ id, capabilities: "billing;security", metrics: "csat;fcr", ownerEmail: "olga@example.com", status: "in-progress", priority: 1 });
  });

  it("answers 400 with a message at each wrong field and saves nothing", async () => {
    const post = await postNew({ ...VALID, title: " ", capabilities: "nonsense", start: "2026-05-01", target: "2026-04-30", owner_email: "not-an-email", priority: "7" });
    expect(post.status).toBe(400);
    expect(post.data).toMatchObject({
      errors: {
        title: "initiative.error.titleRequired",
        capabilities: "initiative.error.capabilityUnknown",
        target: "initiative.error.targetBeforeStart",
        owner_email: "initiative.error.emailInvalid",
        priority: "form.error.invalidChoice",
      },
    });
    expect(await countOf("initiatives")).toBe(0);
    expect(await countOf("initiativeChanges")).toBe(0);
  });

  it("is for consultants and program owners", async () => {
    expect((await postNew(VALID, cookies["program-owner"])).status).toBe(303);
    expect((await postNew(VALID, cookies.viewer)).status).toBe(403);
    expect((await callLoader(newLoader, { url: url("/new"), params: params(), cookie: cookies.viewer })).status).toBe(403);
  });
});

describe("POST /orgs/:orgId/initiatives/:initiativeId", () => {
  const edit = (id: string, fields: Record<string, string>, cookie = cookies.consultant) => callAction(detailAction, { url: url(`/${id}`), params: params(id), cookie, fields });

  it("edits any subset of the fields and records who changed what", async () => {
    const id = await created();
    const post = await edit(id, { title: "Bills anyone can read", status: "done" }, cookies["program-owner"]);
    expect(post.status).toBe(200);
    const [row] = await initiativeRows();
    expect(row).toMatchObject({ title: "Bills anyone can read", status: "done", description: VALID.description, capabilities: "billing", target: VALID.target });
    const page = await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: cookies.viewer });
    expect(page.data!.history[0]).toMatchObject({ kind: "updated", userName: "Olga Owner", fields: { title: [VALID.title, "Bills anyone can read"], status: ["in-progress", "done"] } });
    // Done: no next review.
    expect(page.data!.initiative.nextReview).toBeNull();
  });

  it("answers 400 for a target before the start or a return to proposed, changing nothing", async () => {
    const id = await created();
    const before = await edit(id, { target: "2026-02-01" });
    expect(before.status).toBe(400);
    expect(before.data).toMatchObject({ errors: { target: "initiative.error.targetBeforeStart" } });
    const back = await edit(id, { status: "proposed" });
    expect(back.status).toBe(400);
    expect(back.data).toMatchObject({ errors: { status: "initiative.error.status" } });
    const [row] = await initiativeRows();
    expect(row).toMatchObject({ target: VALID.target, status: VALID.status });
    expect(await countOf("initiativeChanges")).toBe(1);
  });

  it("a key list posted in another order is no change", async () => {
    const data = new FormData();
    for (const [key, value] of Object.entries(VALID)) data.append(key, value);
    data.append("capabilities", "security");
    const id = (await postNew(data)).headers.get("Location")!.split("/").at(-1)!;
    const reordered = new FormData();
    reordered.append("capabilities", "security");
    reordered.append("capabilities", "billing");
    expect((await callAction(detailAction, { url: url(`/${id}`), params: params(id), cookie: cookies.consultant, fields: reordered })).status).toBe(200);
    expect(await countOf("initiativeChanges")).toBe(1);
  });

  it("with edit=all, an unticked group is empty (the page posts every field)", async () => {
    const id = await created();
    const { capabilities: _capabilities, ...rest } = VALID;
    const post = await edit(id, { ...rest, edit: "all" });
    expect(post.status).toBe(400);
    expect(post.data).toMatchObject({ errors: { capabilities: "initiative.error.capabilitiesRequired" } });
  });

  it("intent=delete removes it with its reviews and history", async () => {
    const id = await created();
    await callAction(reviewAction, { url: url(`/${id}/reviews`), params: params(id), cookie: cookies.consultant, fields: review() });
    const post = await edit(id, { intent: "delete" });
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(url());
    expect(await countOf("initiatives")).toBe(0);
    expect(await countOf("initiativeReviews")).toBe(0);
    expect(await countOf("initiativeChanges")).toBe(0);
  });

  it("viewers read but get 403 on every post", async () => {
    const id = await created();
    expect((await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: cookies.viewer })).status).toBe(200);
    expect((await edit(id, { title: "x" }, cookies.viewer)).status).toBe(403);
    expect((await edit(id, { intent: "delete" }, cookies.viewer)).status).toBe(403);
    expect(await countOf("initiatives")).toBe(1);
  });
});

function review(fields: Record<string, string> = {}) {
  return { date: "2026-09-01", still_valid: "yes", priorities_changed: "no", environment_changed: "no", preferences_changed: "yes", decision: "continue", notes: "On track.", ...fields };
}

describe("POST /orgs/:orgId/initiatives/:initiativeId/reviews", () => {
  const post = (id: string, fields: Record<string, string>, cookie = cookies.consultant) => callAction(reviewAction, { url: url(`/${id}/reviews`), params: params(id), cookie, fields });
  const nextReview = async (id: string) => (await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: cookies.viewer })).data!.initiative.nextReview;

  it("records a review and moves the next one to six months after its date", async () => {
    const id = await created();
    expect(await nextReview(id)).toBe("2026-09-01");
    const saved = await post(id, review({ date: "2026-08-31" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(url(`/${id}`));
    // 31 August + 6 months clamps to the end of February.
    expect(await nextReview(id)).toBe("2027-02-28");
    const page = await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: cookies.viewer });
    expect(page.data!.reviews[0]).toMatchObject({ date: "2026-08-31", decision: "continue", stillValid: true, preferencesChanged: true, by: consultant.name });
    expect(page.data!.history[0]).toMatchObject({ kind: "reviewed", decision: "continue" });
  });

  it("a missing date is today", async () => {
    const id = await created();
    const { date: _date, ...rest } = review();
    expect((await post(id, rest, cookies["program-owner"])).status).toBe(303);
    expect(await nextReview(id)).toBe(addMonthsToDate(today(), 6));
  });

  it("stop sets stopped and complete sets done, in the same transaction; a closed initiative takes no review", async () => {
    const stopped = await created();
    expect((await post(stopped, review({ decision: "stop" }))).status).toBe(303);
    const done = await created({ title: "Another" });
    expect((await post(done, review({ decision: "complete" }))).status).toBe(303);
    const rows = await initiativeRows();
    expect(rows.find((r) => r.id === stopped)!.status).toBe("stopped");
    expect(rows.find((r) => r.id === done)!.status).toBe("done");
    expect(await nextReview(stopped)).toBeNull();
    const again = await post(stopped, review());
    expect(again.status).toBe(409);
    const { orm, t } = getDb();
    const [reviews] = await orm.select({ n: count() }).from(t.initiativeReviews).where(eq(t.initiativeReviews.initiativeId, stopped));
    expect(reviews!.n).toBe(1);
  });

  it("a proposal, with no start yet, takes no review (409)", async () => {
    await generate(cookies.consultant);
    const [proposal] = await initiativeRows();
    expect((await post(proposal!.id, review())).status).toBe(409);
    expect(await countOf("initiativeReviews")).toBe(0);
  });

  it("answers 400 with a message at each wrong field and saves nothing", async () => {
    const id = await created();
    const bad = await post(id, review({ date: "2026-02-30", still_valid: "maybe", decision: "pause" }));
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { date: "review.error.date", still_valid: "form.error.invalidChoice", decision: "form.error.invalidChoice" } });
    expect(await countOf("initiativeReviews")).toBe(0);
    expect(await countOf("initiativeChanges")).toBe(1);
  });

  it("shows the linked metrics' latest values on the form and saves them with the review, shown in its history", async () => {
    const metric = await createMetric(org.id, { source: "catalogue", key: "fcr", baseline: 60, target: 80, targetDate: "2027-06-30", cadence: "monthly", owner: null }, { fcr: "higher" });
    if (!metric.ok) throw new Error(metric.message);
    await saveValues([
      { metricId: metric.metric.id, date: "2026-06-30", value: 64 },
      { metricId: metric.metric.id, date: "2026-07-31", value: 67.5 },
    ]);
    const id = await created({ metrics: "fcr" } as Partial<typeof VALID>);
    const form = await callLoader(reviewLoader, { url: url(`/${id}/reviews`), params: params(id), cookie: cookies.consultant, headers: { "Accept-Language": "en" } });
    expect(form.data!.latest).toEqual([{ metricId: metric.metric.id, name: "First-contact resolution (FCR)", unit: "%", date: "2026-07-31", value: 67.5 }]);
    expect((await post(id, review({ date: "2026-07-15" }))).status).toBe(303);
    const page = await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: cookies.viewer });
    // Dated 15 July, the review recorded June's value, the latest known then.
    expect(page.data!.reviews[0]!.metrics).toEqual([expect.objectContaining({ metricId: metric.metric.id, date: "2026-06-30", value: 64 })]);
  });

  it("is for consultants and program owners", async () => {
    const id = await created();
    expect((await post(id, review(), cookies.viewer)).status).toBe(403);
    expect((await callLoader(reviewLoader, { url: url(`/${id}/reviews`), params: params(id), cookie: cookies.viewer })).status).toBe(403);
    const form = await callLoader(reviewLoader, { url: url(`/${id}/reviews`), params: params(id), cookie: cookies["program-owner"] });
    expect(form.data).toMatchObject({ initiative: { open: true, nextReview: "2026-09-01" }, nextIfToday: addMonthsToDate(today(), 6) });
  });
});

describe("GET /orgs/:orgId/initiatives.csv", () => {
  it("has the documented header and one row per initiative, capabilities joined with ;", async () => {
    const data = new FormData();
    for (const [key, value] of Object.entries({ ...VALID, title: "=HYPERLINK(1)" })) data.append(key, value);
    data.append("capabilities", "security");
    const id = (await postNew(data)).headers.get("Location")!.split("/").at(-1)!;
    const csv = await callLoader(csvLoader, { url: `/orgs/${org.id}/initiatives.csv`, params: params(), cookie: cookies.viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await csv.response!.text());
    expect(header).toEqual(["id", "title", "capabilities", "owner", "status", "priority", "effort", "staffing", "start", "target", "next_review"]);
    // The id is random base64url: one in 64 starts with "-", which the export quotes like any formula trigger.
    expect(rows).toEqual([[neutralizeCell(id), "'=HYPERLINK(1)", "billing;security", "Olga Owner", "in-progress", "1", "M", "train", "2026-03-01", "2026-09-30", "2026-09-01"]]);
  });
});

describe("the due lists", () => {
  /** An initiative whose next review falls `days` from today (negative: overdue). */
  async function dueIn(days: number, organizationId = org.id, title = `Due in ${days}`) {
    const start = addMonthsToDate(addDaysToDate(today(), days), -6);
    return createInitiative(
      organizationId,
      { ...input(), title, start, target: addMonthsToDate(start, 12) },
      consultant.id,
    );
  }
  const input = () => ({
    title: "x",
    description: "d",
    capabilities: ["billing"],
    ownerName: "Olga",
    ownerEmail: null,
    start: "2026-01-01",
    target: "2026-12-01",
    status: "planned" as const,
    priority: 2 as const,
    effort: "S" as const,
    staffing: "none" as const,
    metrics: [],
  });

  it("/orgs/:orgId/reviews lists reviews due within 30 days and overdue, soonest first", async () => {
    const late = await dueIn(-3);
    const soon = await dueIn(12);
    const edge = await dueIn(30);
    await dueIn(31);
    const page = await callLoader(dueLoader, { url: `/orgs/${org.id}/reviews`, params: params(), cookie: cookies.viewer });
    expect(page.status).toBe(200);
    expect(page.data!.rows.map((r) => r.initiativeId)).toEqual([late, soon, edge]);
    expect(page.data!.rows[0]).toMatchObject({ overdue: true, days: -3, date: addDaysToDate(today(), -3) });
    const home = await callLoader(homeLoader, { url: `/orgs/${org.id}`, params: params(), cookie: cookies.viewer });
    expect(home.data!.plan.reviews.map((r) => r.initiativeId)).toEqual([late, soon, edge]);
    expect(home.data!.plan.counts).toMatchObject({ planned: 4, proposed: 0 });
    expect(home.data!.plan.nextReassessment).toBe(addMonthsToDate(today(), 6));
  });

  it("/week lists everything due across the user's organizations, soonest first", async () => {
    const second = await signedInConsultant({ organization: "Second client" });
    const other = await dueIn(5, second.org.id, "Elsewhere");
    const mine = await dueIn(-1);
    // The consultant of `org` is not a member of the second organization: it never shows.
    const page = await callLoader(weekLoader, { url: "/week", cookie: cookies.consultant });
    expect(page.data!.rows.filter((r) => r.kind === "review").map((r) => r.initiativeId)).toEqual([mine]);
    const theirs = await callLoader(weekLoader, { url: "/week", cookie: second.cookie });
    expect(theirs.data!.rows.map((r) => [r.kind, r.initiativeId])).toEqual([["review", other]]);
  });

  it("/week lists the 60 soonest of a large portfolio, counts every item per organization, and lists all on ?all=1", async () => {
    const second = await signedInConsultant({ organization: "Second client" });
    await makeMembership(second.org.id, consultant.id, "consultant", second.user.id);
    for (let i = 0; i < 40; i++) await dueIn(-(i + 1));
    for (let i = 0; i < 30; i++) await dueIn(i, second.org.id, `Second ${i}`);
    const page = await callLoader(weekLoader, { url: "/week", cookie: cookies.consultant });
    expect(page.data!.total).toBe(70);
    expect(page.data!.rows).toHaveLength(60);
    // Soonest first: the forty overdue lead, the oldest first.
    expect(page.data!.rows[0]).toMatchObject({ overdue: true, days: -40 });
    expect(page.data!.rows.slice(0, 40).every((r) => r.overdue)).toBe(true);
    // The organization with overdue items comes first.
    expect(page.data!.byOrganization.map((o) => [o.organizationId, o.overdue, o.due])).toEqual([
      [org.id, 40, 0],
      [second.org.id, 0, 30],
    ]);
    const all = await callLoader(weekLoader, { url: "/week?all=1", cookie: cookies.consultant });
    expect(all.data!.rows).toHaveLength(70);
  });

  it("/week orders a day's items by organization name as the reader's language sorts it, then by title", async () => {
    // "Andes Retail" (org) and "Álamo" sort A-before-B in Spanish and English; byte order would put "Á" last.
    const alamo = await signedInConsultant({ organization: "Álamo" });
    await makeMembership(alamo.org.id, consultant.id, "consultant", alamo.user.id);
    const late = await dueIn(3, org.id, "b plan");
    const early = await dueIn(3, org.id, "A plan");
    const first = await dueIn(3, alamo.org.id, "z plan");
    const page = await callLoader(weekLoader, { url: "/week", cookie: cookies.consultant });
    expect(page.data!.rows.filter((r) => r.kind === "review").map((r) => r.initiativeId)).toEqual([first, early, late]);
  });

  it("/week says when a target date is due", async () => {
    const start = addMonthsToDate(today(), -2);
    const id = await createInitiative(org.id, { ...input(), start, target: addDaysToDate(today(), 2) }, consultant.id);
    const page = await callLoader(weekLoader, { url: "/week", cookie: cookies.consultant });
    expect(page.data!.rows).toEqual([expect.objectContaining({ kind: "target", initiativeId: id, date: addDaysToDate(today(), 2), overdue: false, days: 2 })]);
  });
});

describe("the gap page", () => {
  it("shows per capability the initiatives that address it", async () => {
    await generate(cookies.consultant);
    const page = await callLoader(gapsLoader, { url: `/orgs/${org.id}/assessments/${locked.id}/gaps`, params: { orgId: org.id, assessmentId: locked.id }, cookie: cookies.viewer });
    const billing = page.data!.byCapability.find((r) => r.capabilityKey === "billing")!;
    expect(billing.initiatives.length).toBe(getLibraryInitiativesFor("billing", 2).length + getLibraryInitiativesFor("billing", 3).length);
    expect(page.data!.canGenerate).toBe(false);
  });
});

describe("tenancy", () => {
  it("another organization's member gets 404 on every route, and an initiative never crosses organizations", async () => {
    const id = await created();
    const outsider = cookies.outsider;
    const statuses = [
      (await generate(outsider)).status,
      (await callLoader(listLoader, { url: url(), params: params(), cookie: outsider })).status,
      (await callAction(listAction, { url: url(), params: params(), cookie: outsider, fields: { intent: "accept-all" } })).status,
      (await callLoader(newLoader, { url: url("/new"), params: params(), cookie: outsider })).status,
      (await postNew(VALID, outsider)).status,
      (await callLoader(detailLoader, { url: url(`/${id}`), params: params(id), cookie: outsider })).status,
      (await callAction(detailAction, { url: url(`/${id}`), params: params(id), cookie: outsider, fields: { intent: "delete" } })).status,
      (await callLoader(reviewLoader, { url: url(`/${id}/reviews`), params: params(id), cookie: outsider })).status,
      (await callAction(reviewAction, { url: url(`/${id}/reviews`), params: params(id), cookie: outsider, fields: review() })).status,
      (await callLoader(csvLoader, { url: `/orgs/${org.id}/initiatives.csv`, params: params(), cookie: outsider })).status,
      (await callLoader(dueLoader, { url: `/orgs/${org.id}/reviews`, params: params(), cookie: outsider })).status,
    ];
    expect(statuses).toEqual(Array(statuses.length).fill(404));

    // The outsider's own organization with this initiative's id in its URL: still 404.
    const theirs = await signedInConsultant({ organization: "Theirs" });
    const foreign = { orgId: theirs.org.id, initiativeId: id };
    expect((await callLoader(detailLoader, { url: `/orgs/${theirs.org.id}/initiatives/${id}`, params: foreign, cookie: theirs.cookie })).status).toBe(404);
    expect((await callAction(detailAction, { url: `/orgs/${theirs.org.id}/initiatives/${id}`, params: foreign, cookie: theirs.cookie, fields: { title: "Mine" } })).status).toBe(404);
    expect((await callAction(reviewAction, { url: `/orgs/${theirs.org.id}/initiatives/${id}/reviews`, params: foreign, cookie: theirs.cookie, fields: review() })).status).toBe(404);
    expect((await callAction(listAction, { url: `/orgs/${theirs.org.id}/initiatives`, params: { orgId: theirs.org.id }, cookie: theirs.cookie, fields: { intent: "accept", id } })).status).toBe(404);
    const { orm, t } = getDb();
    const [row] = await orm.select().from(t.initiatives).where(and(eq(t.initiatives.id, id), eq(t.initiatives.organizationId, org.id)));
    expect(row!.title).toBe(VALID.title);
    expect(await countOf("initiativeReviews")).toBe(0);
  });

  it("signed out, every page sends to the login", async () => {
    const page = await callLoader(listLoader, { url: url(), params: params() });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
