/**
 * Email reminders end to end on both databases, with a real SMTP server in the test process: what
 * is queued on which day, that it arrives once whatever is run again, refusals retried with
 * back-off and given up with the error kept, a sender that died mid-send, several senders at once,
 * the opt-out, the weekly digest and invitations. The clock is passed in: tests move "today".
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection.server";
import { initiativeInput, makeMembership, makeOrganization, makeUser } from "../../tests/setup/factories";
import { startSmtp, type TestSmtp } from "../../tests/setup/smtp";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import { addDaysToDate, fromIsoDate, type IsoDate } from "~/domain/dates";
import type { InitiativeInput } from "~/domain/initiative.schema";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS } from "~/domain/reminders";
import { createMailer, type Mailer } from "~/integrations/mail.server";
import { createInitiative } from "~/models/initiative.server";
import type { Organization } from "~/models/organization.server";
import { claimEmails, getRecipients, listOutbox, listOutboxProblems, setOptedOut } from "~/models/outbox.server";
import { saveReview } from "~/models/review.server";
import type { User } from "~/models/user.server";
import { inviteMembers } from "./invitations.server";
import { deliverEmails, planReminders } from "./reminders.server";

useTestDatabase();

const BASE = "https://madura.test";
const SETTINGS = { reminderDays: 7, baseUrl: BASE };
/** A Tuesday. Reviews below are due a week later, on 2026-12-08. */
const TODAY = "2026-12-01";

let smtp: TestSmtp;
let mailer: Mailer;
let consultant: User;
let org: Organization;

const at = (day: IsoDate, hours = 9) => new Date(fromIsoDate(day).getTime() + (hours - 12) * 3600_000);
const clock = (day: IsoDate, hours = 9) => ({ today: day, now: at(day, hours) });

/** Plans and sends as the scheduler does on `day`. */
async function runOn(day: IsoDate, hours = 9) {
  const queued = await planReminders(clock(day, hours), SETTINGS);
  const report = await deliverEmails(mailer, () => at(day, hours));
  return { queued, report };
}

/** The first review is due on 2026-12-08; the owner has an email unless told otherwise. */
const initiative = (overrides: Partial<InitiativeInput> = {}) => initiativeInput({ ownerEmail: "olga@client.example", ...overrides });

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer(smtp.url, "Madura <madura@madura.test>");
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

beforeEach(async () => {
  smtp.received.length = 0;
  smtp.attempts = 0;
  smtp.mode = "accept";
  consultant = await makeUser({ email: "carla@consult.example", name: "Carla" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail", defaultLang: "es" });
});

describe("review reminders", () => {
  it("sends one REMINDER_DAYS before and one on the day to the owner, in the organization's language, each exactly once", async () => {
    const id = await createInitiative(org.id, initiative(), consultant.id);

    const first = await runOn(TODAY);
    expect(first.queued).toHaveLength(1);
    expect(first.report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const email = smtp.received[0]!;
    expect(email.to).toEqual(["olga@client.example"]);
    expect(email.subject).toBe("Revisión prevista dentro de 7 días: Plain bills");
    expect(email.text).toContain("Andes Retail");
    expect(email.text).toContain("martes, 8 de diciembre de 2026");
    expect(email.text).toContain(`${BASE}/orgs/${org.id}/initiatives/${id}/reviews`);
    expect(email.html).toContain(`href="${BASE}/orgs/${org.id}/initiatives/${id}/reviews"`);
    expect(email.html).toContain('<html lang="es">');
    const { token } = (await getRecipients(["olga@client.example"])).get("olga@client.example")!;
    expect(email.headers.get("list-unsubscribe")).toBe(`<${BASE}/unsubscribe/${token}>`);
    expect(email.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(email.text).toContain(`${BASE}/unsubscribe/${token}`);

    // Every later run of the week, several a day, adds nothing.
    for (let day = 0; day < 7; day += 1) {
      for (const hours of [9, 15]) expect((await runOn(addDaysToDate(TODAY, day), hours)).queued).toHaveLength(0);
    }
    expect(smtp.received).toHaveLength(1);

    // On the day: the second one, once.
    await runOn("2026-12-08", 8);
    await runOn("2026-12-08", 17);
    expect(smtp.received.map((e) => e.subject)).toEqual(["Revisión prevista dentro de 7 días: Plain bills", "Revisión prevista para hoy: Plain bills"]);
    // The day after: nothing more (the digest covers what is overdue).
    await runOn("2026-12-09");
    expect(smtp.received).toHaveLength(2);
  });

  it("goes to the organization's consultants and program owners when no owner's email is given, in English for an English organization", async () => {
    const english = await makeOrganization(consultant.id, { name: "Pacific Bank", defaultLang: "en" });
    const owner = await makeUser({ email: "pat@bank.example", name: "Pat" });
    const viewer = await makeUser({ email: "vic@bank.example", name: "Vic" });
    await makeMembership(english.id, owner.id, "program-owner", consultant.id);
    await makeMembership(english.id, viewer.id, "viewer", consultant.id);
    await createInitiative(english.id, initiative({ ownerEmail: null, title: "Faster claims" }), consultant.id);

    await runOn(TODAY);
    expect(smtp.received.map((e) => e.to[0]).sort()).toEqual(["carla@consult.example", "pat@bank.example"]);
    expect(smtp.received[0]!.subject).toBe("Review due in 7 days: Faster claims");
    expect(smtp.received[0]!.text).toContain("Tuesday, December 8, 2026");
  });

  it("moves with the review: a recorded review ends the reminders of the old date", async () => {
    const id = await createInitiative(org.id, initiative(), consultant.id);
    await runOn(TODAY);
    await saveReview(
      org.id,
      id,
      { date: "2026-12-02", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "continue", notes: "" },
      consultant.id,
    );
    await runOn("2026-12-08");
    expect(smtp.received).toHaveLength(1);
  });

  it("never mails an address that opted out, and skips what was queued before the opt-out", async () => {
    await createInitiative(org.id, initiative(), consultant.id);
    await planReminders(clock(TODAY), SETTINGS);
    const { token } = (await getRecipients(["olga@client.example"])).get("olga@client.example")!;
    await setOptedOut(token, true);
    await deliverEmails(mailer, () => at(TODAY));
    expect(smtp.received).toHaveLength(0);
    expect((await listOutbox()).map((r) => r.status)).toEqual(["skipped"]);
    expect((await runOn("2026-12-08")).queued).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
  });
});

describe("the outbox", () => {
  it("retries a refused email with back-off and sends it once the server accepts", async () => {
    await createInitiative(org.id, initiative(), consultant.id);
    smtp.mode = "refuse-temporarily";
    const first = await runOn(TODAY, 9);
    expect(first.report).toMatchObject({ sent: 0, retrying: 1 });
    const [row] = await listOutbox();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/451|Try again later/);
    expect(row!.nextAttemptAt.getTime()).toBe(at(TODAY, 9).getTime() + 60_000);
    expect((await listOutboxProblems(org.id)).map((p) => p.status)).toEqual(["pending"]);

    // Before the back-off ends nothing is tried; after it, the server accepts.
    smtp.mode = "accept";
    await deliverEmails(mailer, () => new Date(at(TODAY, 9).getTime() + 30_000));
    expect(smtp.attempts).toBe(1);
    await deliverEmails(mailer, () => new Date(at(TODAY, 9).getTime() + 61_000));
    expect(smtp.received).toHaveLength(1);
    expect((await listOutbox())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(await listOutboxProblems(org.id)).toEqual([]);
  });

  it("gives up after the limit and keeps the error for the settings page", async () => {
    await createInitiative(org.id, initiative(), consultant.id);
    smtp.mode = "refuse";
    await planReminders(clock(TODAY), SETTINGS);
    let now = at(TODAY);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await deliverEmails(mailer, () => now);
      now = new Date(now.getTime() + 5 * 3600_000);
    }
    await deliverEmails(mailer, () => now);
    expect(smtp.attempts).toBe(MAX_ATTEMPTS);
    const problems = await listOutboxProblems(org.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, recipient: "olga@client.example" });
    expect(problems[0]!.lastError).toMatch(/550|Mailbox unavailable/);
  });

  it("never sends twice a row whose sender died mid-send: it stays claimed, then is given up", async () => {
    await createInitiative(org.id, initiative(), consultant.id);
    await planReminders(clock(TODAY), SETTINGS);
    // A process claims the row and dies before recording anything.
    expect(await claimEmails("dead-process", at(TODAY))).toHaveLength(1);
    // Within its lease the row is the dead process's: another sender, and planning again, leave it.
    const later = new Date(at(TODAY).getTime() + 5 * 60_000);
    expect((await deliverEmails(mailer, () => later)).interrupted).toBe(0);
    await planReminders({ today: TODAY, now: later }, SETTINGS);
    expect(smtp.attempts).toBe(0);
    const report = await deliverEmails(mailer, () => new Date(at(TODAY).getTime() + CLAIM_LEASE_MS + 1000));
    expect(report.interrupted).toBe(1);
    expect((await listOutbox())[0]).toMatchObject({ status: "failed", lastError: "interrupted" });
    await runOn("2026-12-02");
    expect(smtp.attempts).toBe(0);
    expect((await listOutboxProblems(org.id))[0]).toMatchObject({ status: "failed", lastError: "interrupted" });
  });

  it("sends each row exactly once with several senders at work at the same moment", async () => {
    for (let i = 0; i < 30; i += 1) await createInitiative(org.id, initiative({ title: `Initiative ${i}`, ownerEmail: `owner${i}@client.example` }), consultant.id);
    expect(await planReminders(clock(TODAY), SETTINGS)).toHaveLength(30);
    // Planning again from "another server" at the same time adds nothing.
    const again = await Promise.all([planReminders(clock(TODAY), SETTINGS), planReminders(clock(TODAY), SETTINGS)]);
    expect(again.flat()).toHaveLength(0);
    const reports = await Promise.all([1, 2, 3].map(() => deliverEmails(mailer, () => at(TODAY))));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    const recipients = smtp.received.map((e) => e.to[0]);
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
    const rows = await getDb().orm.select({ status: t.outbox.status }).from(t.outbox).where(eq(t.outbox.status, "sent"));
    expect(rows).toHaveLength(30);
  });
});

describe("the weekly digest", () => {
  it("lists on Mondays what is overdue across a person's organizations, once a week", async () => {
    const other = await makeOrganization(consultant.id, { name: "Pacific Bank", defaultLang: "en" });
    // Overdue reviews (due 2026-11-20) and target dates without an owner's email, in two organizations.
    await createInitiative(org.id, initiative({ ownerEmail: null, title: "Plain bills", start: "2026-05-20", target: "2026-11-30" }), consultant.id);
    await createInitiative(other.id, initiative({ ownerEmail: null, title: "Faster claims", start: "2026-05-20" }), consultant.id);
    const monday = "2026-12-07";
    await runOn(monday, 7);
    await runOn(monday, 18);
    await runOn("2026-12-09");
    const digests = smtp.received.filter((e) => e.subject.startsWith("Pendiente esta semana"));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.to).toEqual(["carla@consult.example"]);
    expect(digests[0]!.subject).toBe("Pendiente esta semana: 3 asuntos vencidos");
    expect(digests[0]!.text).toContain("Andes Retail: revisión de «Plain bills»");
    expect(digests[0]!.text).toContain("Pacific Bank: revisión de «Faster claims»");
    expect(digests[0]!.text).toContain(`${BASE}/week`);
    await runOn("2026-12-14");
    expect(smtp.received.filter((e) => e.subject.startsWith("Pendiente esta semana"))).toHaveLength(2);
  });

  it("goes out on the week's first run when the app was down on Monday, once, and a dry run does not count", async () => {
    await createInitiative(org.id, initiative({ ownerEmail: null, title: "Plain bills", start: "2026-05-20" }), consultant.id);
    const digests = () => smtp.received.filter((e) => e.subject.startsWith("Pendiente esta semana"));
    // Nothing ran on Monday 2026-12-07. A dry run on Tuesday lists the digest without queueing it.
    const listed = await planReminders(clock("2026-12-08"), SETTINGS, { dryRun: true });
    expect(listed.map((e) => e.kind)).toContain("digest");
    expect(await listOutbox()).toHaveLength(0);
    await runOn("2026-12-08");
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.text).toContain("Andes Retail: revisión de «Plain bills»");
    await runOn("2026-12-10");
    await runOn("2026-12-13");
    expect(digests()).toHaveLength(1);
    await runOn("2026-12-14");
    expect(digests()).toHaveLength(2);
  });

  it("counts a Monday with nothing overdue as the week's run: what falls overdue later waits for the next Monday", async () => {
    // The first review is due on Tuesday 2026-12-08: not overdue on Monday, overdue from Wednesday.
    await createInitiative(org.id, initiative({ title: "Plain bills" }), consultant.id);
    const digests = () => smtp.received.filter((e) => e.subject.startsWith("Pendiente esta semana"));
    await runOn("2026-12-07");
    await runOn("2026-12-09");
    expect(digests()).toHaveLength(0);
    await runOn("2026-12-14");
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.to).toEqual(["olga@client.example"]);
  });
});

describe("invitations", () => {
  it("queues the invitation emails with the invite, and sends them", async () => {
    const { link, emailed } = await inviteMembers({
      organization: org,
      role: "program-owner",
      inviter: consultant,
      baseUrl: BASE,
      emails: ["new@client.example", "second@client.example"],
      emailConfigured: true,
      now: at(TODAY).getTime(),
    });
    expect(emailed).toBe(2);
    await deliverEmails(mailer, () => at(TODAY));
    expect(smtp.received.map((e) => e.to[0]).sort()).toEqual(["new@client.example", "second@client.example"]);
    expect(smtp.received[0]!.subject).toBe("Carla le invita a Andes Retail en Madura");
    expect(smtp.received[0]!.text).toContain(link);
    expect(smtp.received[0]!.text).toContain("responsable de programa");
    expect(smtp.received[0]!.headers.has("list-unsubscribe")).toBe(false);
  });

  it("queues nothing without email set up: the link is the invitation", async () => {
    const { emailed } = await inviteMembers({ organization: org, role: "viewer", inviter: consultant, baseUrl: BASE, emails: ["new@client.example"], emailConfigured: false });
    expect(emailed).toBe(0);
    expect(await listOutbox()).toEqual([]);
  });
});
