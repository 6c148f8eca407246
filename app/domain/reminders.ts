import { normalizeEmail } from "./email";
import { addDaysToDate, daysBetween, fromIsoDate, type IsoDate } from "./dates";

/**
 * Reminders (SPEC §5, INTERFACES "Reminders"): which email is due on a given day, how the outbox
 * retries, and how calendar events keep their identity. Pure: "today" and "now" are always passed in.
 */
export const EMAIL_KINDS = ["review-before", "review-due", "digest", "invite"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * pending → sending (claimed by one process) → sent; or back to pending after a refusal, until
 * `failed` (gave up, the error kept); `skipped` when the recipient opted out after it was queued.
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const DEFAULT_REMINDER_DAYS = 7;
export const DEFAULT_REMINDER_INTERVAL_MINUTES = 15;

/**
 * The reminder a review due on `due` calls for on `today`: one `reminderDays` ahead (any day of
 * that window, so a scheduler that was down on the exact day still sends it, and a review set up
 * closer than that gets one at once), one on the day itself, none otherwise. Each is queued once
 * (the outbox's key), so a window of days still means one email.
 */
export function reviewReminderKind(due: IsoDate, today: IsoDate, reminderDays: number): "review-before" | "review-due" | null {
  const days = daysBetween(today, due);
  if (days === 0) return "review-due";
  if (days > 0 && days <= reminderDays) return "review-before";
  return null;
}

/** The Monday of `today`'s week: the weekly digest's period and key (the week's first run sends it, on Monday unless the app was down). */
export function weekOf(today: IsoDate): IsoDate {
  const weekday = (fromIsoDate(today).getDay() + 6) % 7;
  return addDaysToDate(today, -weekday);
}

/**
 * The outbox's key: the same reminder (kind, item, due date, recipient) can be queued only once,
 * whichever process, run or restart tries again.
 */
export function dedupeKey(kind: EmailKind, item: string, date: IsoDate, recipient: string): string {
  return `${kind}|${item}|${date}|${normalizeEmail(recipient)}`;
}


/**
 * The wait after the n-th failed attempt (1-based), in steps of OUTBOX_RETRY_SECONDS (a minute by
 * default: 1, 5, 15, 60 and 240 minutes); past the list, the row is given up.
 */
export const RETRY_STEPS = [1, 5, 15, 60, 240] as const;
export const MAX_ATTEMPTS = RETRY_STEPS.length + 1;
export const DEFAULT_OUTBOX_RETRY_SECONDS = 60;

/** When to try again after `attempts` failed attempts, or null to give up. */
export function retryAt(attempts: number, now: Date, stepSeconds: number = DEFAULT_OUTBOX_RETRY_SECONDS): Date | null {
  const steps = RETRY_STEPS[attempts - 1];
  return attempts >= MAX_ATTEMPTS || steps === undefined ? null : new Date(now.getTime() + steps * stepSeconds * 1000);
}

/**
 * How long a claimed row may stay `sending`. Past it, the process that claimed it is taken to have
 * died mid-send: the row is given up (not sent again), because the SMTP server may already have
 * accepted it, and a reminder must never arrive twice. The mailer's own timeouts are far shorter.
 */
export const CLAIM_LEASE_MS = 15 * 60_000;

export type CalendarEventKind = "review" | "target" | "reassessment";

/**
 * A calendar event's UID. A review's UID names its cycle (the date of the latest review recorded
 * before it, or `start`), so recording a review ends that event and starts the next one, while
 * moving a start date moves the same event (a higher SEQUENCE). A target and a reassessment keep
 * one UID for good.
 */
export function calendarUid(kind: CalendarEventKind, id: string, cycle = "start"): string {
  return kind === "review" ? `review-${id}-${cycle}@madura` : `${kind}-${id}@madura`;
}

/** The SEQUENCE to serve: unchanged while the date stays, one more each time it moves. */
export function nextSequence(stored: { date: IsoDate; sequence: number } | undefined, date: IsoDate): number {
  if (!stored) return 0;
  return stored.date === date ? stored.sequence : stored.sequence + 1;
}
