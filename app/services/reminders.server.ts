/**
 * Email reminders (INTERFACES "Reminders"): deciding which are due and queueing them in the outbox
 * (one transaction, keyed so none is queued twice), then sending what the outbox holds. The clock
 * is always passed in, so tests move "today" instead of waiting.
 */
import os from "node:os";
import { getDb } from "../../db/connection.server";
import { dueStatus } from "~/domain/review-schedule";
import { normalizeEmail } from "~/domain/email";
import { dedupeKey, reviewReminderKind, weekOf } from "~/domain/reminders";
import type { IsoDate } from "~/domain/dates";
import type { Mailer } from "~/integrations/mail.server";
import { listStaffEmails } from "~/models/membership.server";
import { listScheduledOrganizations } from "~/models/organization.server";
import {
  claimEmails,
  countOutbox,
  existingKeys,
  getRecipients,
  giveUpInterrupted,
  listOutboxProblems,
  markFailed,
  markSent,
  queueEmails,
  type NewEmail,
  type OutboxProblem,
} from "~/models/outbox.server";
import { hasRun, recordRun } from "~/models/periodic-run.server";
import type { Lang } from "~/utils/i18n";
import { getEnv } from "~/utils/env.server";
import { randomId } from "~/utils/tokens.server";
import { itemUrl } from "./calendar-feed.server";
import { getScheduleItems, type ScheduleItem } from "./initiatives.server";
import { digestEmail, reviewEmail, type DigestLine } from "./reminder-emails.server";

export type Clock = { now: Date; today: IsoDate };
export type ReminderSettings = { reminderDays: number; baseUrl: string };

/** The opt-out page of an address (GET shows a button; POST is RFC 8058's one click). */
export const unsubscribeUrl = (baseUrl: string, token: string) => `${baseUrl}/unsubscribe/${token}`;

type Candidate = { recipient: string; organizationId: string | null; kind: NewEmail["kind"]; key: string; lang: Lang; content: (unsubscribe: string) => Omit<NewEmail, "organizationId" | "kind" | "dedupeKey" | "recipient" | "lang" | "unsubscribeUrl"> };

/**
 * The reminders due on `today`, for every organization: for each review, one `reminderDays`
 * before and one on the day; on the week's first run (Monday's, or the first day after when the
 * app was down), each person's digest of what is overdue across their organizations. A reminder goes to the initiative's owner_email, else to the organization's
 * consultants and program owners; never to an address that opted out. Queued in one transaction
 * (returns the rows added), or with `dryRun` only listed (returns what would be queued).
 */
export async function planReminders(clock: Clock, settings: ReminderSettings, options: { dryRun?: boolean } = {}): Promise<NewEmail[]> {
  const organizations = await listScheduledOrganizations();
  const langOf = new Map(organizations.map((o) => [o.id, o.defaultLang]));
  const items = await getScheduleItems(organizations);
  const staff = new Map<string, string[]>();
  for (const row of await listStaffEmails(organizations.map((o) => o.id))) staff.set(row.organizationId, [...(staff.get(row.organizationId) ?? []), normalizeEmail(row.email)]);
  const recipientsOf = (item: ScheduleItem) => (item.ownerEmail && item.kind !== "reassessment" ? [normalizeEmail(item.ownerEmail)] : (staff.get(item.organizationId) ?? []));

  const candidates: Candidate[] = [];
  for (const item of items) {
    if (item.kind !== "review") continue;
    const kind = reviewReminderKind(item.date, clock.today, settings.reminderDays);
    if (!kind) continue;
    const lang = langOf.get(item.organizationId) ?? "es";
    for (const recipient of recipientsOf(item)) {
      candidates.push({
        recipient,
        organizationId: item.organizationId,
        kind,
        lang,
        key: dedupeKey(kind, item.initiativeId!, item.date, recipient),
        content: (unsubscribe) =>
          reviewEmail({
            lang,
            kind,
            title: item.title,
            organizationName: item.organizationName,
            due: item.date,
            today: clock.today,
            url: `${itemUrl(settings.baseUrl, item)}/reviews`,
            unsubscribeUrl: unsubscribe,
          }),
      });
    }
  }
  // The week's digest is planned by its first run, and that run recorded in the same transaction.
  const week = weekOf(clock.today);
  const digestDue = !(await hasRun("digest", week));
  if (digestDue) {
    const overdue = new Map<string, ScheduleItem[]>();
    for (const item of items) {
      if (dueStatus(item.date, clock.today)?.kind !== "overdue") continue;
      for (const recipient of recipientsOf(item)) overdue.set(recipient, [...(overdue.get(recipient) ?? []), item]);
    }
    for (const [recipient, list] of overdue) {
      const lang = langOf.get(list[0]!.organizationId) ?? "es";
      const lines: DigestLine[] = list.map((item) => ({ kind: item.kind, organizationName: item.organizationName, title: item.title, date: item.date }));
      candidates.push({
        recipient,
        organizationId: null,
        kind: "digest",
        lang,
        key: dedupeKey("digest", "week", week, recipient),
        content: (unsubscribe) => digestEmail({ lang, items: lines, url: `${settings.baseUrl}/week`, unsubscribeUrl: unsubscribe }),
      });
    }
  }
  if (candidates.length === 0 && (!digestDue || options.dryRun)) return [];

  const recipients = await getRecipients(candidates.map((c) => c.recipient));
  const emails: NewEmail[] = candidates.flatMap((c) => {
    const recipient = recipients.get(c.recipient);
    if (!recipient || recipient.optedOut) return [];
    const unsubscribe = unsubscribeUrl(settings.baseUrl, recipient.token);
    return [{ organizationId: c.organizationId, kind: c.kind, dedupeKey: c.key, recipient: c.recipient, lang: c.lang, unsubscribeUrl: unsubscribe, ...c.content(unsubscribe) }];
  });
  if (options.dryRun) {
    const queued = await existingKeys(emails.map((e) => e.dedupeKey));
    return emails.filter((e) => !queued.has(e.dedupeKey));
  }
  return getDb().transaction(async (tx) => {
    if (digestDue) await recordRun(tx, "digest", week, clock.now);
    return queueEmails(tx, emails, clock.now);
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; interrupted: number };

/** Who claims rows: unique per process and run, so a row is only ever finished by the sender that claimed it. */
export function workerId(): string {
  return `${os.hostname()}:${process.pid}:${randomId()}`;
}

/**
 * Sends what the outbox holds that is due, a batch at a time: each batch claimed in a committed
 * transaction first, then sent one by one, each result recorded at once (sent; or refused: tried
 * again after a back-off in steps of OUTBOX_RETRY_SECONDS, given up past the limit with the error
 * kept). Rows a dead process left claimed are given up first, never sent again.
 */
export async function deliverEmails(
  mailer: Mailer,
  now: () => Date = () => new Date(),
  worker = workerId(),
  retrySeconds = getEnv().OUTBOX_RETRY_SECONDS,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, interrupted: await giveUpInterrupted(now()) };
  for (;;) {
    const batch = await claimEmails(worker, now());
    if (batch.length === 0) return report;
    for (const row of batch) {
      try {
        await mailer.send({ id: row.id, to: row.recipient, subject: row.subject, text: row.textBody, html: row.htmlBody, unsubscribeUrl: row.unsubscribeUrl });
        await markSent(row.id, worker, now());
        report.sent += 1;
      } catch (error) {
        const outcome = await markFailed(row, worker, error instanceof Error ? error.message : String(error), now(), retrySeconds);
        report[outcome === "retry" ? "retrying" : "failed"] += 1;
      }
    }
  }
}

export type EmailStatus =
  | { configured: false }
  | { configured: true; reminderDays: number; sent: number; pending: number; problems: (Omit<OutboxProblem, "nextAttemptAt" | "createdAt"> & { nextAttemptAt: number })[] };

/** What the organization's settings page says about email: off, or on with its counts and the sends that failed. */
export async function getEmailStatus(organizationId: string, configured: boolean, reminderDays: number): Promise<EmailStatus> {
  if (!configured) return { configured: false };
  const [counts, problems] = await Promise.all([countOutbox(organizationId), listOutboxProblems(organizationId)]);
  return { configured: true, reminderDays, ...counts, problems: problems.map(({ createdAt: _created, nextAttemptAt, ...p }) => ({ ...p, nextAttemptAt: nextAttemptAt.getTime() })) };
}
