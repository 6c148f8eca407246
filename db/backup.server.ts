/**
 * An online backup of a SQLite install with SQLite's backup API (through better-sqlite3): the app
 * keeps serving while it runs. The copy lands in a temporary file beside the target, is checked
 * (`PRAGMA integrity_check`), then renamed into place, so FILE is either the previous file or a
 * complete, consistent copy.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupReport = { file: string; bytes: number; pages: number; restarts: number; ms: number };

export async function backupSqlite(source: string, target: string): Promise<BackupReport> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}.`);
  const destination = path.resolve(target);
  if (destination === path.resolve(source)) throw new Error("The backup must go to another file than the database itself.");
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const temporary = `${destination}.partial-${process.pid}`;
  const started = performance.now();
  // The backup only reads: it takes no write lock, so votes keep landing (WAL).
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    const result = await db.backup(temporary, {
      // The first step copies 100 pages; then everything left in one step. SQLite starts a backup
      // over when another connection writes between two steps, so a copy in many small steps
      // might never finish during a busy workshop; one step reads a single consistent snapshot.
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        return Math.max(remainingPages, 100);
      },
    });
    // Not read-only: closing the last connection of a WAL database removes its -wal and -shm files.
    const copy = new Database(temporary);
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed SQLite's integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.renameSync(temporary, destination);
    return { file: destination, bytes: fs.statSync(destination).size, pages: result.totalPages, restarts, ms: performance.now() - started };
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
