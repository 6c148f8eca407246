/**
 * The customer-feedback log through its routes (INTERFACES "Metrics, customer feedback, roadmap"):
 * a comment by form, a file of comments all or nothing, the filtered list with its counts,
 * feedback.csv, roles and tenancy.
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../setup/csv";
import { makeOrganization, makeUser } from "../setup/factories";
import { callAction, callLoader, sessionCookieFor, signedInConsultant, signedInMember } from "../setup/route-harness";
import { t, useTestDatabase } from "../setup/test-db";
import { createFeedback } from "~/models/feedback.server";
import type { Organization } from "~/models/organization.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as listLoader } from "~/routes/orgs.$orgId.feedback._index";
import { action as newAction, loader as newLoader } from "~/routes/orgs.$orgId.feedback.new";
import { action as importAction, loader as importLoader } from "~/routes/orgs.$orgId.feedback.import";
import { loader as csvLoader } from "~/routes/orgs.$orgId.feedback[.]csv";
import { action as turnAction } from "~/routes/orgs.$orgId.feedback.$feedbackId.initiative";
import { loader as initiativeLoader } from "~/routes/orgs.$orgId.initiatives.$initiativeId";
import { loader as gapsLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.gaps";
import { saveConsensus } from "~/models/consensus.server";
import { makeAssessment } from "../setup/factories";
import { ALL_KEYS } from "../setup/workshop";

const database = useTestDatabase();

type Who = "consultant" | "program-owner" | "viewer" | "outsider";

let org: Organization;
let other: Organization;
let cookies: Record<Who, string>;

beforeEach(async () => {
  const signedIn = await signedInConsultant();
  org = signedIn.org;
  const owner = await signedInMember(org, "program-owner", signedIn.user, { name: "Olga Owner" });
  const viewer = await signedInMember(org, "viewer", signedIn.user, { name: "Víctor Viewer" });
  const outsider = await makeUser({ name: "Otto Outsider" });
  other = await makeOrganization(outsider.id, { name: "Elsewhere" });
  cookies = { consultant: signedIn.cookie, "program-owner": owner.cookie, viewer: viewer.cookie, outsider: await sessionCookieFor(outsider.id) };
});

const base = () => `/orgs/${org.id}/feedback`;
const comment = { date: "2026-11-02", sentiment: "negative", channel: "phone", capability: "billing", text: "Tres llamadas para corregir una factura." };

function postNew(fields: Record<string, string>, who: Who = "program-owner") {
  return callAction(newAction, { url: `${base()}/new`, params: { orgId: org.id }, cookie: cookies[who], fields });
}

function postImport(csv: string | null, who: Who = "program-owner") {
  const form = new FormData();
  if (csv !== null) form.append("file", new File([csv], "comments.csv", { type: "text/csv" }));
  return callAction(importAction, { url: `${base()}/import`, params: { orgId: org.id }, cookie: cookies[who], fields: form });
}

function stored(organization = org) {
  return database.db.orm
    .select({ date: t.feedback.date, sentiment: t.feedback.sentiment, channel: t.feedback.channel, capability: t.feedback.capability, text: t.feedback.text })
    .from(t.feedback)
    .where(eq(t.feedback.organizationId, organization.id))
    .orderBy(asc(t.feedback.date), asc(t.feedback.text));
}

function list(query = "", who: Who = "viewer") {
  return callLoader(listLoader, { url: `${base()}${query}`, params: { orgId: org.id }, cookie: cookies[who] });
}

describe("POST /orgs/:orgId/feedback/new", () => {
  it("logs a comment → 303 to the log; the capability is optional", async () => {
    const post = await postNew(comment);
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(`${base()}?added=1`);
    expect((await postNew({ ...comment, date: "03/11/2026", sentiment: "Positive", channel: "chat", capability: "", text: "Rápido y amable" }, "consultant")).status).toBe(303);
    expect(await stored()).toEqual([
      { date: "2026-11-02", sentiment: "negative", channel: "phone", capability: "billing", text: comment.text },
      { date: "2026-11-03", sentiment: "positive", channel: "chat", capability: null, text: "Rápido y amable" },
    ]);
  });

  it("answers bad input with 400 at each field and stores nothing", async () => {
    const post = await postNew({ date: "2026-02-30", sentiment: "neutral", channel: "fax", capability: "coffee", text: "\u200b " });
    expect(post.status).toBe(400);
    expect((post.data as { errors: Record<string, string> }).errors).toEqual({
      date: "metric.error.date",
      sentiment: "feedback.error.sentiment",
      channel: "feedback.error.channel",
      capability: "feedback.error.capability",
      text: "feedback.error.textRequired",
    });
    expect(await stored()).toEqual([]);
  });

  it("refuses a viewer (403) and another organization's user (404)", async () => {
    expect((await postNew(comment, "viewer")).status).toBe(403);
    expect((await postNew(comment, "outsider")).status).toBe(404);
    expect(await stored()).toEqual([]);
  });
});

describe("POST /orgs/:orgId/feedback/import", () => {
  it("stores every comment of a good file (semicolons, a quoted text with a line break, day-first dates) → 303", async () => {
    const csv = 'date;sentiment;channel;capability;text\r\n02/11/2026;negative;phone;billing;"Tres llamadas;\r\nninguna solución"\r\n2026-11-03;POSITIVE;web;;Encontré todo\r\n';
    const post = await postImport(csv);
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(`${base()}?imported=2`);
    expect(await stored()).toEqual([
      { date: "2026-11-02", sentiment: "negative", channel: "phone", capability: "billing", text: "Tres llamadas;\r\nninguna solución" },
      { date: "2026-11-03", sentiment: "positive", channel: "web", capability: null, text: "Encontré todo" },
    ]);
  });

  it("refuses a file with a bad row with 400 and a report of each bad row, and stores nothing", async () => {
    const csv = ["date,sentiment,channel,capability,text", "2026-11-02,negative,phone,billing,Bien", "2026-11-03,neutral,phone,,Regular", "2026-11-04,positive,fax,security,", "2026-11-05,positive,web"].join("\n");
    const post = await postImport(csv);
    expect(post.status).toBe(400);
    expect(post.data).toEqual({
      omitted: 0,
      problems: [
        { row: 3, field: "sentiment", message: "feedback.error.sentiment" },
        { row: 4, field: "channel", message: "feedback.error.channel" },
        { row: 4, field: "text", message: "feedback.error.textRequired" },
        { row: 5, field: "row", message: "import.error.columns", params: { found: 3, expected: 5 } },
      ],
    });
    expect(await stored()).toEqual([]);
  });

  it("refuses a missing file, a viewer (403) and another organization's user (404)", async () => {
    expect(await postImport(null)).toMatchObject({ status: 400, data: { problems: [{ field: "file", message: "import.error.fileRequired" }] } });
    const good = "date,sentiment,channel,capability,text\n2026-11-02,positive,web,,Bien\n";
    expect((await postImport(good, "viewer")).status).toBe(403);
    expect((await postImport(good, "outsider")).status).toBe(404);
    expect(await stored()).toEqual([]);
  });
});

describe("GET /orgs/:orgId/feedback", () => {
  beforeEach(async () => {
    await createFeedback(org.id, [
      { date: "2026-10-01", sentiment: "negative", channel: "phone", capability: "billing", text: "Factura mal" },
      { date: "2026-10-02", sentiment: "negative", channel: "chat", capability: "billing", text: "Cobro doble" },
      { date: "2026-10-03", sentiment: "positive", channel: "phone", capability: null, text: "Muy amable" },
      { date: "2026-10-04", sentiment: "positive", channel: "phone", capability: "service-delivery", text: "Llegó a tiempo" },
    ]);
    await createFeedback(other.id, [{ date: "2026-10-05", sentiment: "negative", channel: "phone", capability: "billing", text: "De otra organización" }]);
  });

  it("lists the organization's comments newest first, with positive and negative counts", async () => {
    const page = await list();
    expect(page.status).toBe(200);
    expect(page.data?.entries.map((e) => e.text)).toEqual(["Llegó a tiempo", "Muy amable", "Cobro doble", "Factura mal"]);
    expect(page.data?.counts).toEqual({ positive: 2, negative: 2 });
    expect(page.data?.canEdit).toBe(false);
  });

  it("filters by sentiment, channel and capability; the counts keep both sentiments under the other filters", async () => {
    expect((await list("?channel=phone")).data).toMatchObject({ counts: { positive: 2, negative: 1 }, entries: [{ text: "Llegó a tiempo" }, { text: "Muy amable" }, { text: "Factura mal" }] });
    expect((await list("?channel=phone&sentiment=negative")).data).toMatchObject({ counts: { positive: 2, negative: 1 }, entries: [{ text: "Factura mal" }] });
    expect((await list("?capability=billing")).data?.entries.map((e) => e.text)).toEqual(["Cobro doble", "Factura mal"]);
    // An unknown filter value is no filter.
    expect((await list("?channel=fax&capability=coffee")).data?.entries).toHaveLength(4);
  });

  it("exports feedback.csv with the documented header, newest first, formulas neutralized", async () => {
    await createFeedback(org.id, [{ date: "2026-10-06", sentiment: "negative", channel: "social", capability: null, text: "=HYPERLINK(\"x\")" }]);
    const { response } = await callLoader(csvLoader, { url: `/orgs/${org.id}/feedback.csv`, params: { orgId: org.id }, cookie: cookies.viewer });
    const rows = parseCsv(await response!.text());
    expect(rows[0]).toEqual(["date", "sentiment", "channel", "capability", "text"]);
    expect(rows.slice(1, 3)).toEqual([
      ["2026-10-06", "negative", "social", "", "'=HYPERLINK(\"x\")"],
      ["2026-10-04", "positive", "phone", "service-delivery", "Llegó a tiempo"],
    ]);
    expect(rows).toHaveLength(6);
  });

  it("answers 404 to another organization's user on every page and file", async () => {
    for (const [loader, url] of [
      [listLoader, base()],
      [newLoader, `${base()}/new`],
      [importLoader, `${base()}/import`],
      [csvLoader, `/orgs/${org.id}/feedback.csv`],
    ] as const) {
      const answer = await callLoader(loader as typeof listLoader, { url, params: { orgId: org.id }, cookie: cookies.outsider });
      expect(answer.status, url).toBe(404);
    }
  });
});

describe("turn a comment into an initiative (POST /orgs/:orgId/feedback/:feedbackId/initiative)", () => {
  const turn = (feedbackId: string, who: Who = "program-owner", organization = org) =>
    callAction(turnAction, { url: `/orgs/${organization.id}/feedback/${feedbackId}/initiative`, params: { orgId: organization.id, feedbackId }, cookie: cookies[who], fields: {} });
  const ids = async () => (await database.db.orm.select({ id: t.feedback.id, sentiment: t.feedback.sentiment }).from(t.feedback).where(eq(t.feedback.organizationId, org.id)).orderBy(asc(t.feedback.sentiment)));

  it("drafts a corrective proposal from a negative comment and a repeat-at-scale one from a positive comment, linked to each; posting again opens the same one", async () => {
    await createFeedback(org.id, [
      { date: "2026-11-02", sentiment: "negative", channel: "phone", capability: "billing", text: "Tres llamadas para corregir una factura." },
      { date: "2026-11-03", sentiment: "positive", channel: "chat", capability: null, text: "El chat me lo resolvió en dos minutos." },
    ]);
    const [negative, positive] = await ids();
    const first = await turn(negative!.id);
    expect(first.status).toBe(303);
    const initiativeId = first.headers.get("Location")!.split("/").at(-1)!;
    expect(first.headers.get("Location")).toBe(`/orgs/${org.id}/initiatives/${initiativeId}`);
    const [initiative] = await database.db.orm.select().from(t.initiatives).where(eq(t.initiatives.id, initiativeId));
    // The organization's language (Spanish) writes the draft, as generated proposals are.
    expect(initiative).toMatchObject({ status: "proposed", capabilities: "billing", start: null, title: expect.stringMatching(/^Corregir lo que los clientes señalan sobre /) });
    expect(initiative!.description).toContain("Tres llamadas para corregir una factura.");
    expect((await turn(negative!.id, "consultant")).headers.get("Location")).toBe(first.headers.get("Location"));
    const scale = await turn(positive!.id);
    const [repeat] = await database.db.orm.select().from(t.initiatives).where(eq(t.initiatives.id, scale.headers.get("Location")!.split("/").at(-1)!));
    expect(repeat).toMatchObject({ capabilities: "", title: "Repetir a escala lo que los clientes valoran en el canal chat o mensajería" });
    expect(await database.db.orm.select().from(t.initiativeFeedback)).toHaveLength(2);

    const page = await list();
    expect(page.data!.entries.map((e) => e.initiative?.id).sort()).toEqual([initiativeId, repeat!.id].sort());
    const detail = await callLoader(initiativeLoader, { url: `/orgs/${org.id}/initiatives/${initiativeId}`, params: { orgId: org.id, initiativeId }, cookie: cookies.viewer });
    expect(detail.data!.fromFeedback).toEqual([expect.objectContaining({ id: negative!.id, sentiment: "negative" })]);
    expect(detail.data!.history[0]).toMatchObject({ kind: "from-feedback" });
  });

  it("is for consultants and program owners (403), and never reaches another organization's comment (404)", async () => {
    await createFeedback(org.id, [{ date: "2026-11-02", sentiment: "negative", channel: "phone", capability: null, text: "Nadie contesta." }]);
    await createFeedback(other.id, [{ date: "2026-11-02", sentiment: "negative", channel: "phone", capability: null, text: "Ajeno." }]);
    const [mine] = await ids();
    const [foreign] = await database.db.orm.select({ id: t.feedback.id }).from(t.feedback).where(eq(t.feedback.organizationId, other.id));
    expect((await turn(mine!.id, "viewer")).status).toBe(403);
    expect((await turn(foreign!.id)).status).toBe(404);
    expect((await turn("no-such-comment")).status).toBe(404);
    expect((await turn(mine!.id, "outsider")).status).toBe(404);
    expect(await database.db.orm.select().from(t.initiatives)).toEqual([]);
  });
});

describe("counts beside the gap analysis", () => {
  it("counts comments by capability and channel and marks the capability with many negative comments and a big gap", async () => {
    const signedIn = await signedInConsultant();
    const assessment = await makeAssessment(signedIn.org.id, signedIn.user.id);
    const entries = ALL_KEYS.map((capabilityKey) => ({ capabilityKey, current: 2, ideal: capabilityKey === "billing" ? 4 : capabilityKey === "automated-channels" ? 3 : 2, importance: 2, rationale: "" }));
    expect(await saveConsensus(assessment.id, entries, true)).toBe("locked");
    const many = (capability: string, sentiment: "positive" | "negative", n: number, channel: "phone" | "web" = "phone") =>
      Array.from({ length: n }, (_, i) => ({ date: "2026-11-02", sentiment, channel, capability, text: `${capability} ${sentiment} ${i}` }));
    await createFeedback(signedIn.org.id, [...many("billing", "negative", 4), ...many("billing", "positive", 1, "web"), ...many("automated-channels", "negative", 5, "web"), ...many("customer-strategy", "negative", 9)]);
    const page = await callLoader(gapsLoader, { url: `/orgs/${signedIn.org.id}/assessments/${assessment.id}/gaps`, params: { orgId: signedIn.org.id, assessmentId: assessment.id }, cookie: signedIn.cookie });
    const rows = page.data!.feedback.rows;
    expect(rows.map((r) => [r.capabilityKey, r.gap, r.negative, r.positive, r.start])).toEqual(
      expect.arrayContaining([
        ["billing", 2, 4, 1, true],
        ["automated-channels", 1, 5, 0, false],
        // Many complaints but no gap: not where this plan starts.
        ["customer-strategy", 0, 9, 0, false],
      ]),
    );
    expect(rows.find((r) => r.capabilityKey === "billing")!.channels).toEqual([
      { channel: "phone", positive: 0, negative: 4 },
      { channel: "web", positive: 1, negative: 0 },
    ]);
    expect(page.data!.feedback.byChannel).toEqual([
      { channel: "phone", positive: 0, negative: 13 },
      { channel: "web", positive: 1, negative: 5 },
    ]);
  });
});
