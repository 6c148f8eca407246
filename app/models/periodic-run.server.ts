/**
 * The record of runs that must happen once a period (the weekly digest): so that the first run of
 * a period does it, whichever day that is, and no later run of the same period does it again.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tx } from "../../db/database.server";

export type PeriodicJob = "digest";

export async function hasRun(job: PeriodicJob, period: string): Promise<boolean> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ job: t.periodicRuns.job })
    .from(t.periodicRuns)
    .where(and(eq(t.periodicRuns.job, job), eq(t.periodicRuns.period, period)));
  return rows.length > 0;
}

/** Records the run inside the caller's transaction (the one that did the work); a second record of the same period is a no-op. */
export async function recordRun(tx: Tx, job: PeriodicJob, period: string, now: Date): Promise<void> {
  const { t } = getDb();
  await tx.insert(t.periodicRuns).values({ job, period, ranAt: now }).onConflictDoNothing();
}
