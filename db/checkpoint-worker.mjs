/**
 * The WAL checkpointer's thread (started by db/checkpointer.server.ts). It copies committed pages
 * from the write-ahead log into the database file on a connection of its own, so the fsyncs that
 * come with it never stall the server's event loop in the middle of a burst of votes.
 * A PASSIVE checkpoint takes no lock that writers wait for.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
let timer;

/**
 * While writes keep coming, checkpoint again at once: the log restarts from its beginning only
 * when a writer finds every frame copied, so a checkpointer that lags lets it grow for the whole
 * burst. Idle, look again after `intervalMs`.
 */
const checkpoint = () => {
  let behind = false;
  try {
    const [{ log, checkpointed }] = db.pragma("wal_checkpoint(PASSIVE)");
    behind = checkpointed < log;
  } catch (error) {
    parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
  timer = setTimeout(checkpoint, behind ? 5 : intervalMs);
};
timer = setTimeout(checkpoint, intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearTimeout(timer);
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    db.close();
    parentPort.close();
  }
});
