/**
 * `npm run backup -- FILE` against a database that is being written to, then a restore: the copy
 * is consistent, holds everything written before the backup began, and an app started on it
 * (migrations applied at start, as `npm start` does) finds the organization whole.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, setDb } from "./connection.server";
import { makeRichOrganization } from "../tests/setup/rich-organization";
import { createQuizResult } from "~/models/quiz-result.server";
import { exportOrganization } from "~/services/portability.server";

const execFileAsync = promisify(execFile);
/** `npm run backup -- …` (tsx db/backup.ts) as node with tsx's loader: no npx, no tsx CLI process in between (~1 s less each). */
const backupCommand = (args: string[], env: NodeJS.ProcessEnv) => execFileAsync(process.execPath, ["--import", "tsx", "db/backup.ts", ...args], { env });
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-backup-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup", () => {
  it("copies a database that keeps taking writes, and the copy restores whole", async () => {
    const live = path.join(dir, `${crypto.randomUUID()}.db`);
    const db = openDatabase(live);
    await migrateDatabase(db);
    setDb(db);
    const rich = await makeRichOrganization({ participants: 30 });
    const before = (await exportOrganization(rich.organization.id))!;

    // Writes keep landing while the backup runs in another process, as a serving app's would.
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await createQuizResult({ q1: "a", q2: "b", q3: "c", q4: "d" }, "es", null);
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const backup = path.join(dir, "copies", "madura-backup.db");
    const { stdout } = await backupCommand([backup], { ...process.env, DATABASE_URL: `file:${live}` });
    writing = false;
    await writer;
    expect(stdout).toMatch(/Backed up .* \(integrity check: ok\)/);
    expect(writes).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(backup))).toEqual(["madura-backup.db"]);
    setDb(undefined);
    await db.close();

    // Restore: put the copy where DATABASE_URL points and start the app on it.
    const restored = path.join(dir, "restored", "madura.db");
    fs.mkdirSync(path.dirname(restored), { recursive: true });
    fs.copyFileSync(backup, restored);
    const again = openDatabase(restored);
    await migrateDatabase(again);
    setDb(again);
    try {
      const after = (await exportOrganization(rich.organization.id))!;
      const strip = (json: string) => ({ ...(JSON.parse(json) as object), exportedAt: null });
      expect(strip(after)).toEqual(strip(before));
    } finally {
      setDb(undefined);
      await again.close();
    }
  }, 120_000);

  it("says to use pg_dump for PostgreSQL, and how to call it without a file", async () => {
    await expect(backupCommand(["x.db"], { ...process.env, DATABASE_URL: "postgres://u:p@127.0.0.1:1/db" })).rejects.toMatchObject({ stderr: expect.stringContaining("pg_dump") });
    await expect(backupCommand([], { ...process.env, DATABASE_URL: path.join(dir, "none.db") })).rejects.toMatchObject({ stderr: expect.stringContaining("Usage") });
  }, 60_000);
});
