/**
 * Reminders through their routes (INTERFACES "Reminders"): the calendar address on the settings
 * page and on /account, "make a new URL" (the old one answers 404), the feed's answer, tenancy of
 * both, what the settings page says with and without SMTP_URL (and the sends that failed), the
 * one-click opt-out, and invitations by email. Runs on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callAction, callLoader, context, formRequest, settle, signedInConsultant, signedInMember } from "../setup/route-harness";
import { initiativeInput } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { createInitiative } from "~/models/initiative.server";
import type { Organization } from "~/models/organization.server";
import { getRecipients, listOutbox } from "~/models/outbox.server";
import type { User } from "~/models/user.server";
import { resetEnvCache } from "~/utils/env.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as settingsAction, loader as settingsLoader } from "~/routes/orgs.$orgId.settings";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { loader as feedLoader } from "~/routes/feeds.$token.calendar[.]ics";
import { action as membersAction, loader as membersLoader } from "~/routes/orgs.$orgId.members";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";

useTestDatabase();

let consultant: User;
let org: Organization;
let cookie: string;

const tokenOf = (url: string) => /\/feeds\/([^/]+)\/calendar\.ics$/.exec(url)![1]!;

async function getFeed(url: string) {
  const token = tokenOf(url);
  return callLoader(feedLoader, { url: `/feeds/${token}/calendar.ics`, params: { token } });
}

function setEnv(vars: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  resetEnvCache();
}

beforeEach(async () => {
  ({ user: consultant, org, cookie } = await signedInConsultant());
  setEnv({ SMTP_URL: undefined });
});

afterEach(() => {
  resetEnvCache();
});

describe("the organization's calendar address", () => {
  it("is on the settings page, answers text/calendar, and a new one makes the old one a 404", async () => {
    await createInitiative(
      org.id,
      initiativeInput({ status: "planned" }),
      consultant.id,
    );
    const page = await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie });
    const url = page.data!.calendarUrl;
    expect(url).toMatch(/^http:\/\/localhost\/feeds\/[\w-]{43}\/calendar\.ics$/);

    const feed = await getFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await feed.response!.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain("SUMMARY:Revisión: Plain bills");

    const renewed = await callAction(settingsAction, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie, fields: { intent: "new-calendar-url" } });
    expect(renewed.status).toBe(200);
    const after = (await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.calendarUrl;
    expect(after).not.toBe(url);
    expect((await getFeed(url)).status).toBe(404);
    expect((await getFeed(after)).status).toBe(200);
  });

  it("is the consultants' alone, and no other organization's member can see or replace it", async () => {
    const url = (await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.calendarUrl;
    const owner = await signedInMember(org, "program-owner", consultant);
    expect((await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie: owner.cookie })).status).toBe(403);
    const stranger = await signedInConsultant({ email: "sam@elsewhere.example", organization: "Pacific Bank" });
    const asStranger = { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie: stranger.cookie };
    expect((await callLoader(settingsLoader, asStranger)).status).toBe(404);
    expect((await callAction(settingsAction, { ...asStranger, fields: { intent: "new-calendar-url" } })).status).toBe(404);
    expect((await callAction(settingsAction, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie: owner.cookie, fields: { intent: "new-calendar-url" } })).status).toBe(403);
    expect((await getFeed(url)).status).toBe(200);
    // The stranger's own organization has an address of its own.
    const theirs = (await callLoader(settingsLoader, { url: `/orgs/${stranger.org.id}/settings`, params: { orgId: stranger.org.id }, cookie: stranger.cookie })).data!.calendarUrl;
    expect(theirs).not.toBe(url);
  });
});

describe("the user's calendar address on /account", () => {
  it("is shown to the signed-in user, and replaced on request", async () => {
    const page = await callLoader(accountLoader, { url: "/account", cookie, headers: { "Accept-Language": "en" } });
    const url = page.data!.calendarUrl;
    const body = await (await getFeed(url)).response!.text();
    expect(body).toContain("X-WR-CALNAME:Madura · Carla Consultora");
    await callAction(accountAction, { url: "/account", cookie, fields: { intent: "new-calendar-url" } });
    expect((await getFeed(url)).status).toBe(404);
    expect((await callLoader(accountLoader, { url: "/account" })).status).toBe(302);
  });
});

describe("email on the settings page", () => {
  it("says where reminders go without SMTP_URL", async () => {
    const page = await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie });
    expect(page.data!.email).toEqual({ configured: false });
  });

  it("with SMTP_URL, says how many went out and lists the sends that failed", async () => {
    setEnv({ SMTP_URL: "smtp://127.0.0.1:9", REMINDER_DAYS: "5" });
    const page = await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie });
    expect(page.data!.email).toEqual({ configured: true, reminderDays: 5, sent: 0, pending: 0, problems: [] });
  });
});

describe("invitations by email", () => {
  it("queue one email per address with the link when SMTP_URL is set, and a bad address is refused at its field", async () => {
    setEnv({ SMTP_URL: "smtp://127.0.0.1:9" });
    const members = { url: `/orgs/${org.id}/members`, params: { orgId: org.id }, cookie };
    expect((await callLoader(membersLoader, members)).data!.emailConfigured).toBe(true);
    const sent = await callAction(membersAction, { ...members, fields: { intent: "invite", role: "viewer", emails: "Ana@Client.example, bo@client.example" } });
    expect(sent.status).toBe(200);
    expect(sent.data).toMatchObject({ emailed: 2 });
    const rows = await listOutbox();
    expect(rows.map((r) => r.recipient).sort()).toEqual(["ana@client.example", "bo@client.example"]);
    expect(rows[0]!.textBody).toContain(sent.data!.inviteLink!);

    const bad = await callAction(membersAction, { ...members, fields: { intent: "invite", role: "viewer", emails: "ana@, bo" } });
    expect(bad.status).toBe(400);
    expect(bad.data!.fields!.errors.emails).toBe("members.invite.emailInvalid");
    expect(await listOutbox()).toHaveLength(2);
  });

  it("queue nothing without SMTP_URL: the link is shown as before", async () => {
    const sent = await callAction(membersAction, { url: `/orgs/${org.id}/members`, params: { orgId: org.id }, cookie, fields: { intent: "invite", role: "viewer", emails: "ana@client.example" } });
    expect(sent.data).toMatchObject({ emailed: 0 });
    expect(sent.data!.inviteLink).toMatch(/\/invite\//);
    expect(await listOutbox()).toEqual([]);
  });
});

describe("the opt-out link", () => {
  it("changes nothing when opened, and stops reminders on a one-click POST without a session", async () => {
    const { token } = (await getRecipients(["olga@client.example"])).get("olga@client.example")!;
    const opened = await callLoader(unsubscribeLoader, { url: `/unsubscribe/${token}`, params: { token } });
    expect(opened.data).toMatchObject({ email: "olga@client.example", optedOut: false });
    // RFC 8058: the mail client posts List-Unsubscribe=One-Click, with no cookie and no Origin.
    const request = formRequest(`http://localhost/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" });
    const clicked = await settle(() => unsubscribeAction({ request, params: { token }, context }));
    expect(clicked.status).toBe(200);
    expect((await getRecipients(["olga@client.example"])).get("olga@client.example")!.optedOut).toBe(true);
    await callAction(unsubscribeAction, { url: `/unsubscribe/${token}`, params: { token }, fields: { intent: "resume" } });
    expect((await getRecipients(["olga@client.example"])).get("olga@client.example")!.optedOut).toBe(false);
    expect((await callLoader(unsubscribeLoader, { url: "/unsubscribe/nope", params: { token: "nope" } })).status).toBe(404);
  });
});
