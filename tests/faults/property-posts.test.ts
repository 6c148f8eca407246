/**
 * Property-based posts (issue 15): every form action, called in-process with a real temporary
 * SQLite file, takes ≥ 500 made-up posts each and must never answer 500 (or throw anything but a
 * Response), never leave a row its form's schema would refuse, and never touch another
 * organization. Run: npx vitest run --config tests/faults/vitest.config.ts tests/faults/property-posts.test.ts
 */
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection.server";
import { makeMembership, makeOrganization, makeUser } from "../setup/factories";
import { t, useTestDatabase } from "../setup/test-db";
import { formRequest, sessionCookieFor } from "../setup/route-harness";
import { ALL_KEYS } from "../setup/workshop";
import { OrganizationSchema, SignupSchema } from "~/domain/account.schema";
import { JoinSchema, NewAssessmentSchema } from "~/domain/assessment.schema";
import { QUIZ_QUESTIONS } from "~/domain/quiz";
import { cleanText } from "~/domain/text.schema";
import { createAssessment, type Assessment } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import type { Organization } from "~/models/organization.server";
import { resetLimits } from "~/utils/rate-limit.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as quizAction } from "~/routes/quiz";
import { action as signupAction } from "~/routes/signup";
import { action as loginAction } from "~/routes/login";
import { action as newOrgAction } from "~/routes/orgs.new";
import { action as settingsAction } from "~/routes/orgs.$orgId.settings";
import { action as membersAction } from "~/routes/orgs.$orgId.members";
import { action as newAssessmentAction } from "~/routes/orgs.$orgId.assessments.new";
import { action as consensusAction } from "~/routes/orgs.$orgId.assessments.$assessmentId.consensus";
import { action as joinAction } from "~/routes/join";
import { action as rateAction } from "~/routes/w.$token";


useTestDatabase();

const RUNS = 500;
const BASE = "http://localhost";

// ---------------------------------------------------------------- made-up values

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u200B\u200B",
  "\u202Eevil",
  "\u3164",
  "\uFFA0\u115F",
  "=cmd|' /C calc'!A0",
  "@SUM(1,1)",
  "-1",
  "0",
  "5",
  "1e3",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "x".repeat(5000),
  "José Núñez",
  "李雷",
  "👩‍💻",
  "\uD800",
);
/** Any text a form field might carry: ordinary, full Unicode, lone surrogates, or one of the nasty ones. */
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 30 }), nasty);
const level = fc.oneof(fc.constantFrom("1", "2", "3", "4", ""), text);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Extra fields a script might add: random names, or names of real fields in odd places. */
const extras = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("intent", "website", "redirectTo", "billing.current", "__proto__")), text, { maxKeys: 3 });

function fields(record: Record<string, string | undefined>, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

// ---------------------------------------------------------------- calling an action

type Action = (args: { request: Request; params: Record<string, string | undefined>; context: { cspNonce: string; clientIp: string } }) => unknown;

/** The status of an action's answer; a thrown Response is an answer, anything else thrown fails. */
async function post(action: Action, path: string, body: Record<string, string>, { cookie = "", params = {}, ip = "203.0.113.1" } = {}): Promise<number> {
  const request = formRequest(`${BASE}${path}`, body, cookie ? { Cookie: cookie } : {});
  let value: unknown;
  try {
    value = await action({ request, params, context: { cspNonce: "", clientIp: ip } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  const status = value instanceof Response ? value.status : ((value as { init?: { status?: number } | null }).init?.status ?? 200);
  expect(status, `${path} ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
  return status;
}

// ---------------------------------------------------------------- the world around each post

let consultant: { id: string; email: string; password: string };
let cookie: string;
let orgA: Organization;
let orgB: Organization;
let workshopA: Assessment;
let workshopB: Assessment;
let tokenA: string;

beforeEach(async () => {
  await resetLimits();
  consultant = await makeUser({ name: "Carla" });
  cookie = await sessionCookieFor(consultant.id);
  orgA = await makeOrganization(consultant.id, { name: "Org A" });
  const owner = await makeUser({ name: "Olga" });
  await makeMembership(orgA.id, owner.id, "program-owner", consultant.id);
  // The other organization: same consultant, so a wrong id in a post could reach it.
  orgB = await makeOrganization(consultant.id, { name: "Org B" });
  await makeMembership(orgB.id, owner.id, "viewer", consultant.id);
  workshopA = await createAssessment({ organizationId: orgA.id, name: "A 2026", mode: "workshop", createdBy: consultant.id });
  workshopB = await createAssessment({ organizationId: orgB.id, name: "B 2026", mode: "workshop", createdBy: consultant.id });
  tokenA = (await joinWorkshop(workshopA.id, "Ana")).token;
  const b = await joinWorkshop(workshopB.id, "Bea");
  await getDb().orm.insert(t.ratings).values({ participantId: b.participant.id, capabilityKey: "billing", current: 2, ideal: 3, comment: "B's", updatedAt: new Date(1) });
  await getDb().orm.insert(t.consensus).values({ assessmentId: workshopB.id, capabilityKey: "billing", current: 2, ideal: 4, importance: 3, rationale: "B's", updatedAt: new Date(1) });
});

/** Everything of organization B, as one string to compare before and after. */
async function snapshotOfB(): Promise<string> {
  const { orm: db } = getDb();
  const assessmentRows = (await db.select().from(t.assessments).where(eq(t.assessments.organizationId, orgB.id)));
  const ids = assessmentRows.map((a) => a.id);
  const participantRows = ids.length ? (await db.select().from(t.participants).where(inArray(t.participants.assessmentId, ids))) : [];
  const pids = participantRows.map((p) => p.id);
  return JSON.stringify({
    org: (await db.select().from(t.organizations).where(eq(t.organizations.id, orgB.id))),
    members: (await db.select().from(t.memberships).where(eq(t.memberships.organizationId, orgB.id))),
    invites: (await db.select().from(t.invites).where(eq(t.invites.organizationId, orgB.id))),
    quiz: (await db.select().from(t.quizResults).where(eq(t.quizResults.organizationId, orgB.id))),
    assessmentRows,
    participantRows,
    ratings: pids.length ? (await db.select().from(t.ratings).where(inArray(t.ratings.participantId, pids))) : [],
    consensus: ids.length ? (await db.select().from(t.consensus).where(inArray(t.consensus.assessmentId, ids))) : [],
  });
}

const fixedPoint = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success && JSON.stringify(result.data) === JSON.stringify(value);
};
const isCleanMultiline = (value: string, max: number) => value.length <= max && cleanText(value, { multiline: true }) === value;

/** Every row the forms write, checked against the form's own schema (a stored value parses to itself). */
async function expectEveryRowValid(): Promise<void> {
  const { orm: db } = getDb();
  for (const u of (await db.select({ name: t.users.name, email: t.users.email }).from(t.users))) {
    expect(fixedPoint(SignupSchema.shape.name, u.name), `user name ${JSON.stringify(u.name)}`).toBe(true);
    expect(u.email, "stored emails are normalized").toBe(u.email.trim().toLowerCase());
  }
  for (const o of (await db.select().from(t.organizations))) {
    expect(fixedPoint(OrganizationSchema, { name: o.name, industry: o.industry, defaultLang: o.defaultLang }), `organization ${JSON.stringify(o)}`).toBe(true);
  }
  for (const a of (await db.select().from(t.assessments))) expect(fixedPoint(NewAssessmentSchema, { name: a.name, mode: a.mode }), `assessment ${JSON.stringify(a.name)}`).toBe(true);
  for (const p of (await db.select().from(t.participants))) expect(fixedPoint(JoinSchema.shape.name, p.displayName), `participant ${JSON.stringify(p.displayName)}`).toBe(true);
  for (const r of (await db.select().from(t.ratings))) {
    expect(ALL_KEYS).toContain(r.capabilityKey);
    for (const v of [r.current, r.ideal]) expect(v === null || [1, 2, 3, 4].includes(v)).toBe(true);
    expect(isCleanMultiline(r.comment, 1000), `comment ${JSON.stringify(r.comment)}`).toBe(true);
  }
  for (const c of (await db.select().from(t.consensus))) {
    expect(ALL_KEYS).toContain(c.capabilityKey);
    expect([1, 2, 3, 4]).toContain(c.current);
    expect([1, 2, 3, 4]).toContain(c.ideal);
    expect([1, 2, 3]).toContain(c.importance);
    expect(isCleanMultiline(c.rationale, 2000), `rationale ${JSON.stringify(c.rationale)}`).toBe(true);
  }
  for (const q of (await db.select().from(t.quizResults))) {
    expect(QUIZ_QUESTIONS.q1).toContain(q.q1);
    expect(QUIZ_QUESTIONS.q4).toContain(q.q4);
    expect(q.score).toBeGreaterThanOrEqual(4);
    expect(q.score).toBeLessThanOrEqual(13);
  }
}

/** Runs `property` RUNS times; after each post, B is unchanged and every row is valid. */
async function holds<T>(arb: fc.Arbitrary<T>, send: (value: T) => Promise<number>, { checkRowsEvery = 25 } = {}) {
  const before = await snapshotOfB();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      await resetLimits();
      await send(value);
      expect(await snapshotOfB()).toBe(before);
      if (++run % checkRowsEvery === 0) await expectEveryRowValid();
    }),
    { numRuns: RUNS },
  );
  await expectEveryRowValid();
}

// ---------------------------------------------------------------- one property per form action

describe("property-based posts to every form action", () => {
  it("POST /quiz", async () => {
    const answer = (options: readonly string[]) => fc.oneof(fc.constantFrom(...options), text);
    const arb = fc.record({
      f: fc.record({ q1: maybe(answer(QUIZ_QUESTIONS.q1)), q2: maybe(answer(QUIZ_QUESTIONS.q2)), q3: maybe(answer(QUIZ_QUESTIONS.q3)), q4: maybe(answer(QUIZ_QUESTIONS.q4)), invite: maybe(fc.oneof(text, fc.constant(orgA.quizInviteToken))), website: maybe(text) }),
      extra: extras,
    });
    await holds(arb, ({ f, extra }) => post(quizAction, "/quiz", fields(f, extra)));
  });

  it("POST /signup", async () => {
    const email = fc.oneof(fc.emailAddress(), text, fc.constant(consultant.email), fc.constant(consultant.email.toUpperCase()));
    const arb = fc.record({ f: fc.record({ name: maybe(text), email: maybe(email), password: maybe(fc.oneof(text, fc.string({ minLength: 10, maxLength: 30 }))), redirectTo: maybe(text), website: maybe(fc.constantFrom("", "x")) }), extra: extras });
    await holds(arb, ({ f, extra }) => post(signupAction, "/signup", fields(f, extra)));
  });

  it("POST /login", async () => {
    const arb = fc.record({
      f: fc.record({ email: maybe(fc.oneof(text, fc.constant(consultant.email))), password: maybe(fc.oneof(text, fc.constant(consultant.password))), redirectTo: maybe(fc.oneof(text, fc.constantFrom("//evil.example", "/orgs", "https://evil.example"))), website: maybe(fc.constantFrom("", "x")) }),
      extra: extras,
      ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant("unknown")),
    });
    await holds(arb, async ({ f, extra, ip }) => {
      const status = await post(loginAction, "/login", fields(f, extra), { ip });
      expect([303, 400, 429]).toContain(status);
      return status;
    });
  });

  it("POST /orgs/new", async () => {
    const arb = fc.record({ f: fc.record({ name: maybe(text), industry: maybe(text), defaultLang: maybe(fc.oneof(fc.constantFrom("es", "en"), text)) }), extra: extras });
    await holds(arb, ({ f, extra }) => post(newOrgAction, "/orgs/new", fields(f, extra), { cookie }));
  });

  it("POST /orgs/:orgId/settings", async () => {
    const arb = fc.record({
      f: fc.record({ intent: maybe(fc.oneof(fc.constantFrom("update", "delete"), text)), name: maybe(text), industry: maybe(text), defaultLang: maybe(fc.oneof(fc.constantFrom("es", "en"), text)), confirm: maybe(fc.oneof(text, fc.constantFrom("Org B", "Org A"))) }),
      extra: extras,
      target: fc.constantFrom("A", "A", "A", "missing"),
    });
    await holds(arb, async ({ f, extra, target }) => {
      // Deleting A is allowed (it is the consultant's); bring it back so later posts reach something.
      if (!(await getDb().orm.select().from(t.organizations).where(eq(t.organizations.id, orgA.id)))[0]) orgA = await makeOrganization(consultant.id, { name: "Org A" });
      const orgId = target === "A" ? orgA.id : "no-such-org";
      return post(settingsAction, `/orgs/${orgId}/settings`, fields(f, extra), { cookie, params: { orgId } });
    });
  });

  it("POST /orgs/:orgId/members", async () => {
    const members = (await getDb().orm.select({ userId: t.memberships.userId }).from(t.memberships)).map((m) => m.userId);
    const bInvite = (await getDb().orm.select({ id: t.invites.id }).from(t.invites).where(eq(t.invites.organizationId, orgB.id))).map((i) => i.id);
    const arb = fc.record({
      f: fc.record({
        intent: maybe(fc.oneof(fc.constantFrom("invite", "revoke", "role", "remove"), text)),
        role: maybe(fc.oneof(fc.constantFrom("consultant", "program-owner", "viewer"), text)),
        userId: maybe(fc.oneof(fc.constantFrom(...members), text)),
        inviteId: maybe(fc.oneof(bInvite.length ? fc.constantFrom(...bInvite) : text, text)),
      }),
      extra: extras,
    });
    await holds(arb, ({ f, extra }) => post(membersAction, `/orgs/${orgA.id}/members`, fields(f, extra), { cookie, params: { orgId: orgA.id } }));
  });

  it("POST /orgs/:orgId/assessments/new", async () => {
    const arb = fc.record({ f: fc.record({ name: maybe(text), mode: maybe(fc.oneof(fc.constantFrom("workshop", "solo"), text)) }), extra: extras });
    await holds(arb, ({ f, extra }) => post(newAssessmentAction, `/orgs/${orgA.id}/assessments/new`, fields(f, extra), { cookie, params: { orgId: orgA.id } }));
  });

  it("POST …/consensus", async () => {
    const key = fc.oneof(fc.constantFrom(...ALL_KEYS), fc.string({ maxLength: 10 }));
    const entry = fc.record({ key, current: maybe(level), ideal: maybe(level), importance: maybe(fc.oneof(fc.constantFrom("1", "2", "3"), text)), rationale: maybe(text) });
    const arb = fc.record({
      entries: fc.array(entry, { maxLength: 4 }),
      // Locking ends the posts that change anything, so it comes rarely.
      intent: maybe(fc.oneof({ arbitrary: fc.constantFrom("save", "review-lock"), weight: 10 }, { arbitrary: text, weight: 10 }, { arbitrary: fc.constant("lock"), weight: 1 })),
      extra: extras,
      target: fc.constantFrom("A", "A", "A", "B-under-A"),
    });
    await holds(arb, async ({ entries, intent, extra, target }) => {
      const body: Record<string, string> = { ...extra };
      for (const e of entries) for (const field of ["current", "ideal", "importance", "rationale"] as const) if (e[field] !== undefined) body[`${e.key}.${field}`] = e[field]!;
      if (intent !== undefined) body.intent = intent;
      // The other organization's assessment under this organization's URL must be a 404.
      const params = { orgId: orgA.id, assessmentId: target === "A" ? workshopA.id : workshopB.id };
      return post(consensusAction, `/orgs/${params.orgId}/assessments/${params.assessmentId}/consensus`, body, { cookie, params });
    });
  });

  it("POST /join", async () => {
    const code = fc.oneof(fc.constant(workshopA.joinCode!), fc.constant(workshopA.joinCode!.toLowerCase()), fc.constant(` ${workshopA.joinCode!.slice(0, 3)}-${workshopA.joinCode!.slice(3)} `), text);
    const arb = fc.record({ f: fc.record({ code: maybe(code), name: maybe(text), website: maybe(fc.constantFrom("", "x")) }), extra: extras, ip: fc.oneof(fc.ipV4(), fc.ipV6()) });
    await holds(arb, async ({ f, extra, ip }) => {
      const status = await post(joinAction, "/join", fields(f, extra), { ip });
      expect([303, 400, 429]).toContain(status);
      return status;
    });
  });

  it("POST /w/:token (rating post)", async () => {
    const key = fc.oneof(fc.constantFrom(...ALL_KEYS), fc.string({ maxLength: 10 }));
    const entry = fc.record({ key, current: maybe(level), ideal: maybe(level), comment: maybe(text), skip: maybe(text) });
    const arb = fc.record({ entries: fc.array(entry, { maxLength: 5 }), step: maybe(text), extra: extras, token: fc.oneof(fc.constant(tokenA), fc.constant(tokenA), fc.string({ maxLength: 50 })) });
    await holds(arb, async ({ entries, step, extra, token }) => {
      const body: Record<string, string> = { ...extra };
      for (const e of entries) for (const field of ["current", "ideal", "comment", "skip"] as const) if (e[field] !== undefined) body[`${e.key}.${field}`] = e[field]!;
      if (step !== undefined) body.step = step;
      return post(rateAction, `/w/${encodeURIComponent(token)}`, body, { params: { token } });
    });
  });
});
