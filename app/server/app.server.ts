/**
 * What the app runs besides answering requests, started and stopped by server.ts through the server
 * build (entry.server.tsx re-exports startApp): the database connection, migrations, the WAL
 * checkpointer (SQLite), the vote schema's warm-up, the jobs and the phone lane. Living in the
 * build, they share one instance of every module with the routes: one connection, one set of rate
 * limits, and in `npm run dev` the lane runs the code Vite just reloaded.
 */
import { startCheckpointer, type Checkpointer } from "../../db/checkpointer.server";
import { migrateDatabase, openDatabase, setDb } from "../../db/connection.server";
import type { SqliteDatabase } from "../../db/sqlite.server";
import { closePdfPool } from "~/integrations/pdf.server";
import { startJobs } from "~/jobs/index.server";
import { warmUpVoteValidation } from "~/services/votes.server";
import { SERVER_BUSY_TIMEOUT_MS } from "./busy.server";
import { createPhoneLane, type LaneOptions, type PhoneLane } from "./phone-lane.server";

export type StartOptions = LaneOptions & { databaseUrl: string };

export type RunningApp = {
  lane: PhoneLane;
  /** Stops the jobs, the PDF workers and the checkpointer, then closes the database: call once no request is left. */
  stop(): Promise<void>;
};

export async function startApp({ databaseUrl, ...laneOptions }: StartOptions): Promise<RunningApp> {
  const db = openDatabase(databaseUrl, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
  await migrateDatabase(db);
  setDb(db);
  const checkpointer: Checkpointer | undefined = db.dialect === "sqlite" ? startCheckpointer(db as SqliteDatabase) : undefined;
  warmUpVoteValidation();
  const jobs = startJobs();
  return {
    lane: createPhoneLane(laneOptions),
    async stop() {
      await jobs.stop();
      await closePdfPool();
      await checkpointer?.stop();
      await db.close();
      setDb(undefined);
    },
  };
}
