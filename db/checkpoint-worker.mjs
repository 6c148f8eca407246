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

const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
// Checkpointing again at once while behind was tried: no smaller log, twice the fsyncs.
const timer = setInterval(checkpoint, intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  try {
    checkpoint();
  } finally {
    db.close();
    parentPort.close();
  }
});
