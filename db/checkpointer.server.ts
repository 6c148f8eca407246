import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SqliteDatabase } from "./sqlite.server";

/**
 * WAL pages a commit may leave before SQLite checkpoints on the committing connection itself
 * (50,000 pages of 4 KB, 200 MB). The log restarts from its beginning only once a writer finds all
 * of it copied, which rarely happens mid-burst, so it grows until the room pauses: 16–39 MB after
 * the 5,000 single-vote saves of `npm run bench`, within reach of a 10,000-page fallback, whose
 * checkpoint would run on the event loop in the middle of the burst. If the thread ends, the
 * connection goes back to SQLite's default below.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 50_000;
/** After a burst, the log file is cut back to this size when it restarts (SQLite keeps it otherwise). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The worker's file, resolved from the working directory like the migrations folder: this module is
 * bundled into build/server/, where a path relative to import.meta.url does not exist.
 */
const WORKER_FILE = path.resolve(process.cwd(), "db/checkpoint-worker.mjs");

export type Checkpointer = {
  /** Runs a last checkpoint, closes the thread's connection and waits for the thread to end. */
  stop(): Promise<void>;
};

/**
 * Moves WAL checkpoints off the event loop. By default SQLite checkpoints inside whichever commit
 * takes the log past 1,000 pages, fsyncs included: in `npm run bench` that made inserting a
 * participant's 25 votes four times slower during a burst. The thread checkpoints every
 * `intervalMs` instead (one with nothing to copy costs microseconds); the server's own connection
 * only does it past a much longer log.
 */
export function startCheckpointer(db: SqliteDatabase, { intervalMs = 200 } = {}): Checkpointer {
  const { sqlite, file } = db;
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const worker = new Worker(WORKER_FILE, { workerData: { file, intervalMs } });
  worker.on("message", (message: { type: string; message?: string }) => {
    if (message.type === "error") console.error(`WAL checkpoint failed: ${message.message}`);
  });
  let stopping = false;
  worker.on("error", (error) => console.error("The WAL checkpointer stopped:", error));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  void exited.then(() => {
    if (stopping || !sqlite.open) return;
    // Without the thread, the server's connection checkpoints as SQLite does by default.
    sqlite.pragma("wal_autocheckpoint = 1000");
    console.error("The WAL checkpointer thread ended; checkpoints are back on the server's connection.");
  });
  // The thread alone never keeps the process alive.
  worker.unref();
  return {
    stop() {
      stopping = true;
      worker.ref();
      worker.postMessage("stop");
      return exited;
    },
  };
}
