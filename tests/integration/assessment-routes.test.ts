import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../setup/csv";
import { makeAssessment, makeOrganization, makeUser } from "../setup/factories";
import { callAction, callLoader, sessionCookieFor, signedInConsultant, signedInMember } from "../setup/route-harness";
import { t, useTestDatabase } from "../setup/test-db";
import { ALL_KEYS, consensusRows, storedAssessment as stored } from "../setup/workshop";
import type { Role } from "~/domain/roles";
import { createAssessment, setResultsVisible, type Assessment } from "~/models/assessment.server";
import { getConsensus, saveConsensus } from "~/models/consensus.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import type { Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { resetLimits } from "~/utils/rate-limit.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as boardAction, loader as boardLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId._index";
import { action as consensusAction, loader as consensusLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.consensus";
import { loader as gapsCsvLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.gaps[.]csv";
import { loader as liveLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.live";
import { loader as ratingsCsvLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.ratings[.]csv";
import { action as newAssessmentAction } from "~/routes/orgs.$orgId.assessments.new";

const database = useTestDatabase();

const RATINGS_HEADER = ["participant", "category", "capability", "current", "ideal", "comment"];
const GAPS_HEADER = ["category", "capability", "current", "ideal", "gap", "importance", "priority"];

let consultant: User;
let org: Organization;
let cookies: Record<Role | "outsider", string>;

beforeEach(async () => {
  await resetLimits();
  const signedIn = await signedInConsultant();
  consultant = signedIn.user;
  org = signedIn.org;
  const owner = await signedInMember(org, "program-owner", consultant, { name: "Olga Owner" });
  const viewer = await signedInMember(org, "viewer", consultant, { name: "Víctor Viewer" });
  const outsider = await makeUser({ name: "Otto Outsider" });
  // The outsider runs workshops elsewhere: being a consultant somewhere else grants nothing here.
  await makeOrganization(outsider.id, { name: "Elsewhere" });
  cookies = {
    consultant: signedIn.cookie,
    "program-owner": owner.cookie,
    viewer: viewer.cookie,
    outsider: await sessionCookieFor(outsider.id),
  };
});

function newAssessment(mode: Assessment["mode"] = "workshop", name = "2026 H2"): Promise<Assessment> {
  return makeAssessment(org.id, consultant.id, { mode, name });
}

const base = (a: Assessment) => `/orgs/${org.id}/assessments/${a.id}`;
const params = (a: Assessment) => ({ orgId: org.id, assessmentId: a.id });
const as = (who: keyof typeof cookies | null) => (who ? cookies[who] : undefined);

function postConsensus(a: Assessment, fields: Record<string, string>, who: keyof typeof cookies | null = "consultant") {
  return callAction(consensusAction, { url: `${base(a)}/consensus`, params: params(a), cookie: as(who), fields });
}

async function download(loader: typeof ratingsCsvLoader, a: Assessment, file: string, { query = "", who = "consultant" as keyof typeof cookies } = {}) {
  const { response } = await callLoader(loader, { url: `${base(a)}/${file}${query}`, params: params(a), cookie: as(who) });
  expect(response).toBeInstanceOf(Response);
  const bytes = new Uint8Array(await response!.arrayBuffer());
  return { response: response!, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const BOM = [0xef, 0xbb, 0xbf];

describe("POST …/consensus", () => {
  const fields = { "billing.current": "1", "billing.ideal": "3", "billing.importance": "3", "billing.rationale": "Facturas tardías" };

  it.each<[string, keyof typeof cookies | null, number]>([
    ["a viewer", "viewer", 403],
    ["a program owner", "program-owner", 403],
    ["a consultant of another organization", "outsider", 404],
  ])("refuses %s (%s) with %i and changes nothing", async (_who, who, status) => {
    const workshop = await newAssessment();
    for (const intent of ["save", "lock"]) {
      expect((await postConsensus(workshop, { ...fields, intent }, who)).status).toBe(status);
    }
    expect(await consensusRows(workshop.id)).toBe(0);
    expect(await stored(workshop.id)).toMatchObject({ status: "open", lockedAt: null });
  });

  it("sends a signed-out visitor to the login page", async () => {
    const workshop = await newAssessment();
    const { status, headers } = await postConsensus(workshop, { ...fields, intent: "lock" }, null);
    expect(status).toBe(302);
    expect(headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await stored(workshop.id)).status).toBe("open");
  });

  it("does not reach another organization's assessment through this one's URL", async () => {
    const elsewhere = await makeOrganization(consultant.id, { name: "Other client" });
    const foreign = await createAssessment({ organizationId: elsewhere.id, name: "Foreign", mode: "workshop", createdBy: consultant.id });
    const result = await callAction(consensusAction, {
      url: `${base(foreign)}/consensus`,
      params: { orgId: org.id, assessmentId: foreign.id },
      cookie: as("consultant"),
      fields: { ...fields, intent: "lock" },
    });
    expect(result.status).toBe(404);
    expect((await stored(foreign.id)).status).toBe("open");
  });

  it("lets the consultant save, confirm and lock", async () => {
    const workshop = await newAssessment();
    const saved = await postConsensus(workshop, { ...fields, intent: "save" });
    expect(saved).toMatchObject({ status: 200, data: { saved: true } });
    expect((await getConsensus(workshop.id)).get("billing")).toMatchObject({ current: 1, ideal: 3, importance: 3, rationale: "Facturas tardías" });

    const review = await postConsensus(workshop, { "security.current": "2", "security.ideal": "4", intent: "review-lock" });
    expect(review.status).toBe(303);
    expect(review.headers.get("Location")).toBe("?confirm=lock");
    expect((await stored(workshop.id)).status).toBe("open");
    expect(await consensusRows(workshop.id)).toBe(2);

    const locked = await postConsensus(workshop, { intent: "lock" });
    expect(locked.status).toBe(303);
    expect(locked.headers.get("Location")).toBe(`/orgs/${org.id}/assessments/${workshop.id}`);
    expect(await stored(workshop.id)).toMatchObject({ status: "locked", lockedAt: expect.any(Date) });
  });

  it("fills untouched capabilities with their medians at lock", async () => {
    const workshop = await newAssessment();
    for (const [name, level] of [["Ana", 2], ["Bruno", 3]] as const) {
      const { participant } = await joinWorkshop(workshop.id, name);
      await saveRatings(participant.id, workshop.id, [
        { capabilityKey: "security", current: level, ideal: 4, comment: "" },
        { capabilityKey: "billing", current: 1, ideal: 1, comment: "" },
      ]);
    }
    expect((await postConsensus(workshop, { ...fields, intent: "lock" })).status).toBe(303);
    const agreed = await getConsensus(workshop.id);
    expect(agreed.get("billing")).toMatchObject({ current: 1, ideal: 3, importance: 3 });
    expect(agreed.get("security")).toMatchObject({ current: 3, ideal: 4, importance: 2, rationale: "" });
    expect(agreed.size).toBe(2);
  });

  it("refuses an incomplete row with 400 and saves nothing of the post", async () => {
    const workshop = await newAssessment();
    const refused = await postConsensus(workshop, { ...fields, "security.current": "2", intent: "lock" });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ errors: { "security.ideal": "consensus.error.required" } });
    expect(await consensusRows(workshop.id)).toBe(0);
    expect((await stored(workshop.id)).status).toBe("open");
  });

  it("answers 409 after the lock and changes nothing", async () => {
    const workshop = await newAssessment();
    expect((await postConsensus(workshop, { ...fields, intent: "lock" })).status).toBe(303);
    const lockedAt = (await stored(workshop.id)).lockedAt;
    const again = await postConsensus(workshop, { "billing.current": "4", "billing.ideal": "4", "security.current": "1", "security.ideal": "1", intent: "save" });
    expect(again).toMatchObject({ status: 409, data: { errors: { form: "consensus.alreadyLocked" } } });
    expect((await postConsensus(workshop, { intent: "lock" })).status).toBe(409);
    expect((await getConsensus(workshop.id)).get("billing")).toMatchObject({ current: 1, ideal: 3 });
    expect(await consensusRows(workshop.id)).toBe(1);
    expect((await stored(workshop.id)).lockedAt).toEqual(lockedAt);
  });

  it("shows the form as editable to the consultant only", async () => {
    const workshop = await newAssessment();
    const load = (who: keyof typeof cookies) => callLoader(consensusLoader, { url: `${base(workshop)}/consensus`, params: params(workshop), cookie: as(who) });
    expect(await load("consultant")).toMatchObject({ status: 200, data: { editable: true } });
    expect(await load("viewer")).toMatchObject({ status: 200, data: { editable: false } });
    expect(await load("program-owner")).toMatchObject({ status: 200, data: { editable: false } });
    await saveConsensus(workshop.id, [], true);
    expect(await load("consultant")).toMatchObject({ status: 200, data: { editable: false } });
  });
});

describe("the facilitator's board", () => {
  it("lets only the consultant reveal the results", async () => {
    const workshop = await newAssessment();
    const reveal = (who: keyof typeof cookies) =>
      callAction(boardAction, { url: base(workshop), params: params(workshop), cookie: as(who), fields: { intent: "visibility", visible: "1" } });
    expect((await reveal("viewer")).status).toBe(403);
    expect((await reveal("program-owner")).status).toBe(403);
    expect((await reveal("outsider")).status).toBe(404);
    expect((await stored(workshop.id)).resultsVisible).toBe(false);
    expect((await reveal("consultant")).status).toBe(200);
    expect((await stored(workshop.id)).resultsVisible).toBe(true);
  });

  it("serves the live count as small JSON, to members only", async () => {
    const workshop = await newAssessment();
    const live = (who: keyof typeof cookies) => callLoader(liveLoader, { url: `${base(workshop)}/live`, params: params(workshop), cookie: as(who) });
    expect((await live("outsider")).status).toBe(404);
    let result = await live("viewer");
    expect(result).toMatchObject({ status: 200, data: { status: "open", participants: 0, voters: 0 } });

    const { participant } = await joinWorkshop(workshop.id, "Ana");
    await joinWorkshop(workshop.id, "Bruno");
    await saveRatings(participant.id, workshop.id, [{ capabilityKey: "billing", current: 2, ideal: 3, comment: "" }]);
    result = await live("consultant");
    expect(result.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    const body = result.data as { participants: number; voters: number; capabilities: Record<string, unknown> };
    // Results hidden from the room: counts only, no medians to read off the JSON.
    expect(body).toMatchObject({ participants: 2, voters: 1, resultsVisible: false, capabilities: { billing: { votes: 1, medianCurrent: null } } });
    expect(JSON.stringify(body).length).toBeLessThan(20_000);
    await setResultsVisible(workshop.id, true);
    result = await live("viewer");
    expect(result.data).toMatchObject({ resultsVisible: true, capabilities: { billing: { votes: 1, medianCurrent: 2 } } });
  });

  it("shows the join code while open and hides it once locked", async () => {
    const workshop = await newAssessment();
    const load = async () => {
      const { status, data } = await callLoader(boardLoader, { url: base(workshop), params: params(workshop), cookie: as("consultant") });
      expect(status).toBe(200);
      return data!;
    };
    const open = await load();
    expect(open.assessment.joinCode).toBe(workshop.joinCode);
    expect(open.joinUrl).toBe(`http://localhost/join?code=${workshop.joinCode}`);
    expect(open.qr).toMatch(/<svg/);
    await saveConsensus(workshop.id, [], true, new Date(2026, 7, 31).getTime());
    const locked = await load();
    expect(locked.assessment).toMatchObject({ status: "locked", joinCode: null, nextDue: new Date(2027, 1, 28).getTime() });
    expect(locked.qr).toBeNull();
  });
});

describe("POST …/assessments/new", () => {
  const create = (fields: Record<string, string>, who: keyof typeof cookies) =>
    callAction(newAssessmentAction, { url: `/orgs/${org.id}/assessments/new`, params: { orgId: org.id }, cookie: as(who), fields });

  it("creates a workshop for the consultant and redirects to it", async () => {
    const { status, headers } = await create({ name: "2026 H2", mode: "workshop" }, "consultant");
    expect(status).toBe(303);
    const location = headers.get("Location") ?? "";
    expect(location).toMatch(new RegExp(`^/orgs/${org.id}/assessments/[\\w-]+$`));
    const id = location.split("/").pop()!;
    expect(await stored(id)).toMatchObject({ organizationId: org.id, name: "2026 H2", mode: "workshop", status: "open" });
  });

  it("refuses other roles and bad fields", async () => {
    expect((await create({ name: "x", mode: "workshop" }, "viewer")).status).toBe(403);
    expect((await create({ name: "x", mode: "workshop" }, "program-owner")).status).toBe(403);
    expect(await create({ name: "", mode: "hybrid" }, "consultant")).toMatchObject({
      status: 400,
      data: { errors: { name: "assessment.error.nameRequired", mode: "assessment.error.mode" } },
    });
    expect((await database.db.orm.select().from(t.assessments))).toEqual([]);
  });
});

describe("ratings.csv", () => {
  async function votedWorkshop() {
    const workshop = await newAssessment("workshop", "Año 2026 – H2");
    const people = {
      jose: (await joinWorkshop(workshop.id, "José Núñez")).participant,
      zoe: (await joinWorkshop(workshop.id, 'Zoë "la jefa", Ops')).participant,
      ana: (await joinWorkshop(workshop.id, "Ana")).participant,
      idle: (await joinWorkshop(workshop.id, "Nobody voted")).participant,
    };
    await saveRatings(people.jose.id, workshop.id, [
      { capabilityKey: "business-intelligence", current: 2, ideal: 4, comment: "Más información, por favor" },
      { capabilityKey: "security", current: 3, ideal: 3, comment: "" },
    ]);
    await saveRatings(people.zoe.id, workshop.id, [
      { capabilityKey: "business-intelligence", current: 1, ideal: 3, comment: 'We said "later",\r\nthen never' },
      { capabilityKey: "applications", current: null, ideal: null, comment: "Can't judge: new here" },
      // Skipped without a word: nothing was rated, so no row.
      { capabilityKey: "billing", current: null, ideal: null, comment: "" },
    ]);
    await saveRatings(people.ana.id, workshop.id, [{ capabilityKey: "talent-training", current: 4, ideal: null, comment: "" }]);
    return workshop;
  }

  it("has exactly the documented header and one row per participant and rated capability", async () => {
    const workshop = await votedWorkshop();
    const { response, text } = await download(ratingsCsvLoader, workshop, "ratings.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w.-]+\.csv"/);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(RATINGS_HEADER);
    expect(text.startsWith(`${RATINGS_HEADER.join(",")}\r\n`)).toBe(true);
    expect(rows.sort((a, b) => (a[0]! + a[2]!).localeCompare(b[0]! + b[2]!))).toEqual(
      [
        ["Ana", "talent", "talent-training", "4", "", ""],
        ["José Núñez", "business-process", "business-intelligence", "2", "4", "Más información, por favor"],
        ["José Núñez", "infrastructure", "security", "3", "3", ""],
        ['Zoë "la jefa", Ops', "business-process", "business-intelligence", "1", "3", 'We said "later",\r\nthen never'],
        ['Zoë "la jefa", Ops', "infrastructure", "applications", "", "", "Can't judge: new here"],
      ].sort((a, b) => (a[0]! + a[2]!).localeCompare(b[0]! + b[2]!)),
    );
  });

  it("keeps accents as UTF-8 and adds a byte-order mark only for ?excel=1", async () => {
    const workshop = await votedWorkshop();
    const plain = await download(ratingsCsvLoader, workshop, "ratings.csv");
    expect([...plain.bytes.slice(0, 3)]).not.toEqual(BOM);
    expect(plain.text.startsWith("participant,")).toBe(true);
    // "ú" as its two UTF-8 bytes, not Latin-1 or an escape.
    expect(Buffer.from(plain.bytes).includes(Buffer.from("Núñez", "utf8"))).toBe(true);
    expect(plain.text).toContain("José Núñez");

    const excel = await download(ratingsCsvLoader, workshop, "ratings.csv", { query: "?excel=1" });
    expect([...excel.bytes.slice(0, 3)]).toEqual(BOM);
    expect(excel.text.slice(1)).toBe(plain.text);
  });

  it("has only the header without votes, and is readable by every member but no outsider", async () => {
    const workshop = await newAssessment();
    await joinWorkshop(workshop.id, "Ana");
    const { text } = await download(ratingsCsvLoader, workshop, "ratings.csv", { who: "viewer" });
    expect(parseCsv(text)).toEqual([RATINGS_HEADER]);
    const outsider = await callLoader(ratingsCsvLoader, { url: `${base(workshop)}/ratings.csv`, params: params(workshop), cookie: as("outsider") });
    expect(outsider.status).toBe(404);
  });
});

describe("gaps.csv", () => {
  it("has exactly the documented header and one row per capability: consensus first, else rounded medians", async () => {
    const workshop = await newAssessment();
    for (const [name, security, billing] of [["Ana", 2, 2], ["Bruno", 3, 4]] as const) {
      const { participant } = await joinWorkshop(workshop.id, name);
      await saveRatings(participant.id, workshop.id, [
        // security: 2 and 3 → 2.5 → 3 today; 3 and 4 → 3.5 → 4 goal.
        { capabilityKey: "security", current: security, ideal: security + 1, comment: "" },
        { capabilityKey: "billing", current: billing, ideal: 4, comment: "" },
      ]);
    }
    await saveConsensus(workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 4, importance: 3, rationale: "" }], false);

    const { response, text } = await download(gapsCsvLoader, workshop, "gaps.csv", { who: "program-owner" });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(GAPS_HEADER);
    expect(rows).toHaveLength(25);
    expect(rows.map((row) => row[1])).toEqual(ALL_KEYS);
    const byKey = new Map(rows.map((row) => [row[1], row]));
    expect(byKey.get("billing")).toEqual(["customer-interaction", "billing", "1", "4", "3", "3", "9"]);
    expect(byKey.get("security")).toEqual(["infrastructure", "security", "3", "4", "1", "2", "2"]);
    expect(byKey.get("applications")).toEqual(["infrastructure", "applications", "", "", "", "2", ""]);
    expect([...(await download(gapsCsvLoader, workshop, "gaps.csv", { query: "?excel=1" })).bytes.slice(0, 3)]).toEqual(BOM);
    expect([...(await download(gapsCsvLoader, workshop, "gaps.csv")).bytes.slice(0, 3)]).not.toEqual(BOM);
  });
});
