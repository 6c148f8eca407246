/**
 * Work that runs on a timer, started and stopped from one place (the app's start). Each job runs
 * once at start, then every `everySeconds` on croner's schedule, with its overrun protection (a run
 * still going skips the next trigger); timers are unref'd so they never keep a process alive on
 * their own. With several servers on one PostgreSQL database, a run is skipped while another
 * process is running the same job (getDb().exclusive). Stopping waits for runs in flight, so a send
 * is recorded before the database closes.
 */
import { Cron } from "croner";
import { getDb } from "../../db/connection.server";
import { today } from "~/domain/review-schedule";
import { createMailer, type Mailer } from "~/integrations/mail.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { deliverEmails, planReminders } from "~/services/reminders.server";
import { getEnv } from "~/utils/env.server";
import { configuredBaseUrl } from "~/utils/request.server";

export type Job = { name: string; everySeconds: number; run: () => void | Promise<void> };

/**
 * The reminder jobs, when SMTP_URL is set (none otherwise: nothing is queued): every
 * REMINDER_INTERVAL_MINUTES, queue the reminders due today and send; every OUTBOX_RETRY_SECONDS (a
 * minute by default, the shortest back-off), send what waits (invitations, retries after their back-off).
 */
export function reminderJobs(mailer: Mailer, clock: () => Date = () => new Date()): Job[] {
  const env = getEnv();
  return [
    {
      name: "reminders",
      everySeconds: env.REMINDER_INTERVAL_MINUTES * 60,
      run: async () => {
        const now = clock();
        await planReminders({ now, today: today(now) }, { reminderDays: env.REMINDER_DAYS, baseUrl: configuredBaseUrl() });
        await deliverEmails(mailer, clock);
      },
    },
    { name: "outbox", everySeconds: env.OUTBOX_RETRY_SECONDS, run: async () => void (await deliverEmails(mailer, clock)) },
  ];
}

function defaultJobs(): { jobs: Job[]; close: () => void } {
  const jobs: Job[] = [
    // Expired and idle sessions are refused on read; this only keeps the table from growing forever.
    { name: "session purge", everySeconds: 6 * 3600, run: () => deleteExpiredSessions() },
  ];
  const { SMTP_URL, SMTP_FROM } = getEnv();
  const mailer = SMTP_URL ? createMailer(SMTP_URL, SMTP_FROM) : null;
  if (mailer) jobs.push(...reminderJobs(mailer));
  return { jobs, close: () => mailer?.close() };
}

export type RunningJobs = { stop: () => Promise<void> };

export function startJobs(given?: Job[]): RunningJobs {
  const { jobs, close } = given ? { jobs: given, close: () => {} } : defaultJobs();
  const running = new Set<Promise<unknown>>();
  const run = (job: Job) => {
    const done = Promise.resolve()
      .then(() => getDb().exclusive(job.name, async () => job.run()))
      .catch((error: unknown) => console.error(`Job "${job.name}" failed:`, error));
    running.add(done);
    return done.finally(() => running.delete(done));
  };
  const crons = jobs.map((job) => {
    void run(job);
    // It ran just now: croner's first trigger is one interval on, then one every interval.
    const startAt = new Date(Date.now() + job.everySeconds * 1000);
    return new Cron("* * * * * *", { interval: job.everySeconds, startAt, protect: true, unref: true }, () => run(job));
  });
  return {
    async stop() {
      for (const cron of crons) cron.stop();
      await Promise.all(running);
      close();
    },
  };
}
