import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, DEMO_PASSWORD, describeSeed, seedDemo } from "./demo-data.server";
import { listActiveInvites } from "~/models/invite.server";
import { changeMember, listMembers } from "~/models/membership.server";
import { listOrganizationsForUser } from "~/models/organization.server";
import { getQuizSummary } from "~/models/quiz-result.server";
import { verifyLogin } from "~/models/user.server";
import { toIsoDate } from "~/domain/dates";
import { listLocked } from "~/models/assessment.server";
import { getConsensus } from "~/models/consensus.server";
import { summarizeAssessmentVotes } from "~/models/rating.server";
import { listMetricsWithValues } from "~/models/metric.server";
import { getPlan } from "~/services/initiatives.server";

const database = useTestDatabase();

async function counts() {
  const { orm } = database.db;
  const n = async (rows: Promise<{ n: number }[]>) => (await rows)[0]!.n;
  return {
    users: await n(orm.select({ n: count() }).from(t.users)),
    organizations: await n(orm.select({ n: count() }).from(t.organizations)),
    memberships: await n(orm.select({ n: count() }).from(t.memberships)),
    invites: await n(orm.select({ n: count() }).from(t.invites)),
    quizResults: await n(orm.select({ n: count() }).from(t.quizResults)),
    assessments: await n(orm.select({ n: count() }).from(t.assessments)),
    ratings: await n(orm.select({ n: count() }).from(t.ratings)),
    initiatives: await n(orm.select({ n: count() }).from(t.initiatives)),
    reviews: await n(orm.select({ n: count() }).from(t.initiativeReviews)),
    metricValues: await n(orm.select({ n: count() }).from(t.metricValues)),
    feedback: await n(orm.select({ n: count() }).from(t.feedback)),
  };
}

describe("seedDemo", () => {
  it("creates the demo accounts, organization, memberships and quiz results, and nothing more on a second run", async () => {
    const first = await seedDemo();
    // One invite per member added (owner, viewer): the app's own way in, revoked right after.
    const { initiatives, ...rest } = await counts();
    // Six participants rate all 25 capabilities; twelve months of four metrics.
    expect(rest).toEqual({ users: 3, organizations: 1, memberships: 3, invites: 2, quizResults: 9, assessments: 2, ratings: 6 * 25, reviews: 2, metricValues: 48, feedback: 8 });
    expect(initiatives).toBeGreaterThan(10);
    const expected = { ...rest, initiatives };
    // Accounts, organization, memberships, quiz, assessments, plan, metrics, comments.
    expect(first.created).toHaveLength(3 + 1 + 2 + 1 + 4);

    const second = await seedDemo();
    expect(second.created).toEqual([]);
    expect(second.organizationId).toBe(first.organizationId);
    expect(await counts()).toEqual(expected);

    expect(describeSeed(first, "http://localhost:3000").join("\n")).toContain("Demo data created:");
    expect(describeSeed(second, "http://localhost:3000").join("\n")).toContain("already there");
  });

  it("makes the organization as described, with the three roles, no open invite links and mixed quiz bands", async () => {
    const { organizationId, people } = await seedDemo();

    const [org] = await listOrganizationsForUser(people.consultant.id);
    expect(org).toMatchObject({ id: organizationId, ...{ name: DEMO_ORGANIZATION.name, industry: "Retail" }, role: "consultant", members: 3, quizResults: 9 });
    expect((await database.db.orm.select().from(t.organizations))[0]?.defaultLang).toBe("es");

    const roles = Object.fromEntries((await listMembers(organizationId)).map((m) => [m.email, m.role]));
    expect(roles).toEqual({ "demo@madura.example": "consultant", "owner@madura.example": "program-owner", "viewer@madura.example": "viewer" });
    expect(people.consultant.name).toBe("Demo Consultant");
    expect(await listActiveInvites(organizationId)).toEqual([]);

    const summary = await getQuizSummary(organizationId);
    expect(summary.total).toBe(9);
    expect(summary.byBand.map((band) => band.count)).toEqual([3, 4, 2]);
  });

  it("lets every demo account sign in with the documented password", async () => {
    await seedDemo();
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      await expect(verifyLogin(account.email, DEMO_PASSWORD), account.email).resolves.toMatchObject({ email: account.email, name: account.name });
    }
  });

  it("finishes a half-seeded database and leaves changes made since in place", async () => {
    const first = await seedDemo();
    // Someone promoted the viewer and took the owner out of the organization.
    expect(await changeMember(first.organizationId, first.people.viewer.id, "program-owner")).toBe("ok");
    expect(await changeMember(first.organizationId, first.people.owner.id, null)).toBe("ok");

    const second = await seedDemo();
    expect(second.created).toEqual([`membership ${DEMO_ACCOUNTS.owner.email} as program-owner`]);
    const roles = Object.fromEntries((await listMembers(first.organizationId)).map((m) => [m.email, m.role]));
    expect(roles).toEqual({ "demo@madura.example": "consultant", "owner@madura.example": "program-owner", "viewer@madura.example": "program-owner" });
    expect((await counts()).quizResults).toBe(9);
  });

  it("gives the client a plan that needs attention: a review overdue, one due within days, work done and a reassessment ahead", async () => {
    const { organizationId } = await seedDemo();
    const today = toIsoDate(new Date());
    const plan = await getPlan(organizationId, today);
    const withStatus = (status: string) => plan.filter((item) => item.status === status).length;
    expect([withStatus("in-progress"), withStatus("done"), withStatus("planned")]).toEqual([4, 1, 5]);
    expect(plan.filter((item) => item.reviewDue?.kind === "overdue")).toHaveLength(1);
    expect(plan.filter((item) => item.reviewDue?.kind === "due" && item.reviewDue.days <= 14)).toHaveLength(1);

    const locked = await listLocked(organizationId);
    expect(locked.map((a) => a.name)).toEqual(["Diagnóstico inicial", "Taller de capacidades"]);
    // The latest cycle closed three weeks ago: the next one is months ahead, not overdue.
    expect(locked[1]!.lockedAt!.getTime()).toBeLessThan(Date.now());

    const metrics = await listMetricsWithValues(organizationId);
    expect(metrics.map((m) => m.key).sort()).toEqual(["cost-per-call", "csat", "fcr", "nps"]);
    expect(metrics.every((m) => m.values.length === 12 && m.values.every((v) => v.date < today))).toBe(true);
  });

  it("gives the workshop a room that agrees on some capabilities and splits on others, each agreed level among the room's votes", async () => {
    const { organizationId } = await seedDemo();
    const workshop = (await listLocked(organizationId)).find((a) => a.mode === "workshop")!;
    const votes = await summarizeAssessmentVotes(workshop.id);
    const consensus = await getConsensus(workshop.id);
    expect(votes.size).toBe(25);
    const split = [...votes.values()].filter((v) => v.disagreement).length;
    expect(split).toBeGreaterThan(0);
    expect(split).toBeLessThan(25);
    for (const [key, summary] of votes) {
      const agreed = consensus.get(key)!.current!;
      expect(summary.distributionCurrent[agreed - 1], `${key}: someone voted the agreed level ${agreed}`).toBeGreaterThan(0);
    }
  });

  it("tells a newcomer how to sign in", async () => {
    const report = await seedDemo();
    const text = describeSeed(report, "http://localhost:3000").join("\n");
    expect(text).toContain("http://localhost:3000/login");
    expect(text).toContain(`http://localhost:3000/orgs/${report.organizationId}`);
    for (const account of Object.values(DEMO_ACCOUNTS)) expect(text).toContain(account.email);
    expect(text).toContain(DEMO_PASSWORD);
  });
});
