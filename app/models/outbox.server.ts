import { and, asc, desc, eq, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables, Tx } from "../../db/database.server";
import { normalizeEmail } from "~/domain/email";
import { CLAIM_LEASE_MS, DEFAULT_OUTBOX_RETRY_SECONDS, retryAt, type EmailKind } from "~/domain/reminders";
import type { Lang } from "~/utils/i18n";
import { randomId, randomToken } from "~/utils/tokens.server";

export type OutboxRow = Tables["outbox"]["$inferSelect"];

export type NewEmail = {
  organizationId: string | null;
  kind: EmailKind;
  dedupeKey: string;
  recipient: string;
  lang: Lang;
  subject: string;
  textBody: string;
  htmlBody: string;
  unsubscribeUrl: string | null;
};

/** What `lastError` holds for a row whose sender died mid-send (the page explains it in words). */
export const INTERRUPTED = "interrupted";

/**
 * Writes emails to the outbox inside the caller's transaction (the one that decided them). A row
 * whose key is already there is left alone: the same reminder is never queued twice. Returns the
 * rows actually added.
 */
export async function queueEmails(tx: Tx, emails: readonly NewEmail[], now: Date): Promise<NewEmail[]> {
  const { t } = getDb();
  const added: NewEmail[] = [];
  for (const email of emails) {
    const inserted = await tx
      .insert(t.outbox)
      .values({ id: randomId(), ...email, recipient: normalizeEmail(email.recipient), nextAttemptAt: now, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: t.outbox.id });
    if (inserted.length > 0) added.push(email);
  }
  return added;
}

/** Which of these keys are already in the outbox (a dry run's "already queued"). */
export async function existingKeys(keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { orm, t } = getDb();
  const rows = await orm.select({ key: t.outbox.dedupeKey }).from(t.outbox).where(inArray(t.outbox.dedupeKey, [...keys]));
  return new Set(rows.map((r) => r.key));
}

export type Recipient = { email: string; token: string; optedOut: boolean };

/** Each address's opt-out token, made on first use (idempotent, safe from two processes at once). */
export async function getRecipients(emails: readonly string[]): Promise<Map<string, Recipient>> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  if (unique.length === 0) return new Map();
  const { orm, t } = getDb();
  for (const email of unique) await orm.insert(t.emailRecipients).values({ email, token: randomToken() }).onConflictDoNothing();
  const rows = await orm.select().from(t.emailRecipients).where(inArray(t.emailRecipients.email, unique));
  return new Map(rows.map((r) => [r.email, { email: r.email, token: r.token, optedOut: r.optedOutAt !== null }]));
}

export async function getRecipientByToken(token: string): Promise<Recipient | null> {
  const { orm, t } = getDb();
  const [row] = await orm.select().from(t.emailRecipients).where(eq(t.emailRecipients.token, token));
  return row ? { email: row.email, token: row.token, optedOut: row.optedOutAt !== null } : null;
}

/** One-click opt-out (and back in): reminders and digests stop for this address; pending ones are skipped. */
export async function setOptedOut(token: string, optedOut: boolean, now = new Date()): Promise<Recipient | null> {
  const { orm, t } = getDb();
  await orm.update(t.emailRecipients).set({ optedOutAt: optedOut ? now : null }).where(eq(t.emailRecipients.token, token));
  return getRecipientByToken(token);
}

/**
 * Claims up to `limit` rows due for sending, in one committed transaction: from then on they are
 * this worker's, and no other process (a second server, `npm run reminders`) can pick them. On
 * PostgreSQL, rows another transaction is claiming are skipped, not waited for; on SQLite the
 * transaction holds the only write lock. Rows for an address that opted out since are skipped.
 */
export async function claimEmails(worker: string, now: Date, limit = 20): Promise<OutboxRow[]> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const due = await tx
      .select({ id: t.outbox.id, recipient: t.outbox.recipient, kind: t.outbox.kind, optedOutAt: t.emailRecipients.optedOutAt })
      .from(t.outbox)
      .leftJoin(t.emailRecipients, eq(t.emailRecipients.email, t.outbox.recipient))
      .where(and(eq(t.outbox.status, "pending"), lte(t.outbox.nextAttemptAt, now)))
      .orderBy(asc(t.outbox.nextAttemptAt), asc(t.outbox.id))
      .limit(limit)
      .for("update", { of: t.outbox, skipLocked: true });
    const skipped = due.filter((row) => row.optedOutAt !== null && row.kind !== "invite").map((row) => row.id);
    if (skipped.length > 0) await tx.update(t.outbox).set({ status: "skipped" }).where(inArray(t.outbox.id, skipped));
    const ids = due.map((row) => row.id).filter((id) => !skipped.includes(id));
    if (ids.length === 0) return [];
    return tx
      .update(t.outbox)
      .set({ status: "sending", claimedBy: worker, claimedAt: now, attempts: sql`${t.outbox.attempts} + 1` })
      .where(and(inArray(t.outbox.id, ids), eq(t.outbox.status, "pending")))
      .returning();
  });
}

const claimed = (id: string, worker: string) => {
  const { t } = getDb();
  return and(eq(t.outbox.id, id), eq(t.outbox.claimedBy, worker), eq(t.outbox.status, "sending"));
};

export async function markSent(id: string, worker: string, now: Date): Promise<void> {
  const { orm, t } = getDb();
  await orm.update(t.outbox).set({ status: "sent", sentAt: now, lastError: null }).where(claimed(id, worker));
}

/**
 * A refused attempt: back to pending after a growing wait (domain/reminders retryAt, in steps of
 * `retrySeconds`), or given up (`failed`) past the limit, the error kept.
 */
export async function markFailed(
  row: Pick<OutboxRow, "id" | "attempts">,
  worker: string,
  error: string,
  now: Date,
  retrySeconds = DEFAULT_OUTBOX_RETRY_SECONDS,
): Promise<"retry" | "failed"> {
  const { orm, t } = getDb();
  const next = retryAt(row.attempts, now, retrySeconds);
  await orm
    .update(t.outbox)
    .set({ status: next ? "pending" : "failed", nextAttemptAt: next ?? now, lastError: error.slice(0, 500), claimedBy: null, claimedAt: null })
    .where(claimed(row.id, worker));
  return next ? "retry" : "failed";
}

/**
 * Rows left `sending` past the lease belonged to a process that stopped mid-send. The SMTP server
 * may have taken them already, so they are given up rather than sent again (never twice), with
 * the reason kept for the settings page.
 */
export async function giveUpInterrupted(now: Date): Promise<number> {
  const { orm, t } = getDb();
  const rows = await orm
    .update(t.outbox)
    .set({ status: "failed", lastError: INTERRUPTED })
    .where(and(eq(t.outbox.status, "sending"), lt(t.outbox.claimedAt, new Date(now.getTime() - CLAIM_LEASE_MS))))
    .returning({ id: t.outbox.id });
  return rows.length;
}

export type OutboxProblem = Pick<OutboxRow, "id" | "kind" | "recipient" | "subject" | "status" | "attempts" | "lastError" | "nextAttemptAt" | "createdAt">;

/** The organization's emails that failed or are waiting to be tried again, newest first, for its settings page. */
export async function listOutboxProblems(organizationId: string, limit = 20): Promise<OutboxProblem[]> {
  const { orm, t } = getDb();
  return orm
    .select({
      id: t.outbox.id,
      kind: t.outbox.kind,
      recipient: t.outbox.recipient,
      subject: t.outbox.subject,
      status: t.outbox.status,
      attempts: t.outbox.attempts,
      lastError: t.outbox.lastError,
      nextAttemptAt: t.outbox.nextAttemptAt,
      createdAt: t.outbox.createdAt,
    })
    .from(t.outbox)
    .where(and(eq(t.outbox.organizationId, organizationId), or(eq(t.outbox.status, "failed"), and(eq(t.outbox.status, "pending"), isNotNull(t.outbox.lastError)))))
    .orderBy(desc(t.outbox.createdAt))
    .limit(limit);
}

/** How many of the organization's emails went out, and how many wait. */
export async function countOutbox(organizationId: string): Promise<{ sent: number; pending: number }> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ status: t.outbox.status, count: sql<number>`count(*)` })
    .from(t.outbox)
    .where(eq(t.outbox.organizationId, organizationId))
    .groupBy(t.outbox.status);
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { sent: count("sent"), pending: count("pending") + count("sending") };
}

/** Every row (tests, the dry run's report). */
export async function listOutbox(): Promise<OutboxRow[]> {
  const { orm, t } = getDb();
  return orm.select().from(t.outbox).orderBy(asc(t.outbox.createdAt), asc(t.outbox.id));
}

