/**
 * Work that runs on a timer, started and stopped from one place (server.ts). Each job runs once at
 * start, then at its interval; timers are unref'd so they never keep a process alive on their own.
 * With several servers on one PostgreSQL database, a run is skipped while another process is
 * running the same job (getDb().exclusive).
 */
import { getDb } from "../../db/connection.server";
import { deleteExpiredSessions } from "~/models/session.server";

type Job = { name: string; everyMs: number; run: () => void | Promise<void> };

const JOBS: Job[] = [
  // Expired and idle sessions are refused on read; this only keeps the table from growing forever.
  { name: "session purge", everyMs: 6 * 3600 * 1000, run: () => deleteExpiredSessions() },
];

export type RunningJobs = { stop: () => void };

export function startJobs(jobs: Job[] = JOBS): RunningJobs {
  const run = (job: Job) => {
    Promise.resolve()
      .then(() => getDb().exclusive(job.name, async () => job.run()))
      .catch((error: unknown) => console.error(`Job "${job.name}" failed:`, error));
  };
  const timers = jobs.map((job) => {
    run(job);
    return setInterval(() => run(job), job.everyMs).unref();
  });
  return { stop: () => timers.forEach(clearInterval) };
}
