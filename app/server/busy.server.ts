import { driverError } from "../../db/database.server";

/**
 * A database another process holds. better-sqlite3 waits for SQLite's write lock synchronously, on
 * the event loop, so the server's connection waits only briefly (SERVER_BUSY_TIMEOUT_MS) and a
 * write that still finds the lock taken is answered 503 with Retry-After instead of a 500. For a
 * short while after that, writes are answered 503 at once, without waiting again: a room of 200
 * phones must not each block the loop while `npm run backup` holds the lock. Reads never wait in
 * WAL mode, so pages and /healthz keep answering throughout.
 */

/** How long one write may block the event loop waiting for another process's lock. */
export const SERVER_BUSY_TIMEOUT_MS = 50;
/** After a write found the lock taken, writes are refused without trying for this long. */
const BUSY_WINDOW_MS = 250;
/** What a 503 tells the client: try again in a second. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

let busyUntil = 0;

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), as better-sqlite3 throws them. */
export function isBusyError(error: unknown): boolean {
  const code = driverError(error)?.code;
  return typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED");
}

/** Records that a write found the database busy. */
export function noteBusy(now = Date.now()): void {
  busyUntil = now + BUSY_WINDOW_MS;
}

/** Whether writes should be refused without trying (another process held the lock a moment ago). */
export function databaseRecentlyBusy(now = Date.now()): boolean {
  return now < busyUntil;
}

const busyRequests = new WeakSet<Request>();

/** Called from entry.server's handleError: the adapter then answers 503 instead of Remix's 500. */
export function markBusyRequest(request: Request): void {
  noteBusy();
  busyRequests.add(request);
}

export function requestFoundBusy(request: Request): boolean {
  return busyRequests.has(request);
}
