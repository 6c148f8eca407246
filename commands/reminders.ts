/**
 * `npm run reminders`: looks for due reminders once, queues them in the outbox and sends what the
 * outbox holds, then exits; `-- --dry-run` prints what would be queued and sent, and sends nothing.
 * `-- --today=YYYY-MM-DD` plans as if it were that day (to catch up, or to test). Safe beside
 * running servers: the outbox's key and its claims decide, whoever runs first.
 */
import { migrateDatabase, openDatabase, setDb } from "../db/connection.server";
import { isIsoDate } from "~/domain/dates";
import { today } from "~/domain/review-schedule";
import { createMailer } from "~/integrations/mail.server";
import { listOutbox } from "~/models/outbox.server";
import { deliverEmails, planReminders } from "~/services/reminders.server";
import { getEnv } from "~/utils/env.server";
import { configuredBaseUrl } from "~/utils/request.server";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const day = args.find((arg) => arg.startsWith("--today="))?.slice("--today=".length);
if (day !== undefined && !isIsoDate(day)) {
  console.error(`--today must be a date as YYYY-MM-DD, not "${day}".`);
  process.exit(2);
}

const env = getEnv();
const db = openDatabase(env.databaseUrl, { busyTimeoutMs: 10_000 });
try {
  await migrateDatabase(db);
  setDb(db);
  const now = new Date();
  const clock = { now, today: day ?? today(now) };
  if (!env.SMTP_URL) {
    console.log("SMTP_URL is not set: no email is queued or sent. Reminders stay in the app (the due lists, each person's week) and in the calendar feeds.");
  }
  if (dryRun || !env.SMTP_URL) {
    const planned = await planReminders(clock, { reminderDays: env.REMINDER_DAYS, baseUrl: configuredBaseUrl() }, { dryRun: true });
    const waiting = (await listOutbox()).filter((row) => row.status === "pending" && row.nextAttemptAt <= now);
    console.log(`Reminders due on ${clock.today}${dryRun ? " (dry run: nothing is queued or sent)" : ""}: ${planned.length} new, ${waiting.length} already waiting in the outbox.`);
    for (const email of [...planned, ...waiting]) console.log(`  ${email.kind.padEnd(13)} ${email.recipient.padEnd(32)} ${email.subject}`);
  } else {
    const queued = await planReminders(clock, { reminderDays: env.REMINDER_DAYS, baseUrl: configuredBaseUrl() });
    const mailer = createMailer(env.SMTP_URL, env.SMTP_FROM);
    try {
      const report = await deliverEmails(mailer);
      console.log(
        `Reminders due on ${clock.today}: ${queued.length} queued. Sent ${report.sent}, to be retried ${report.retrying}, given up ${report.failed + report.interrupted}.`,
      );
      if (report.retrying + report.failed > 0) process.exitCode = 1;
    } finally {
      mailer.close();
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  setDb(undefined);
  await db.close();
}
