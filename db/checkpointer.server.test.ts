import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer, type Checkpointer } from "./checkpointer.server";
import { openSqlite as openDatabase, type SqliteDatabase as Db } from "./sqlite.server";

let dir = "";
let db: Db | undefined;
let checkpointer: Checkpointer | undefined;

afterEach(async () => {
  await checkpointer?.stop();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  checkpointer = undefined;
  db = undefined;
});

/** A database whose write-ahead log holds `rows` committed rows nobody has checkpointed. */
function databaseWithUncheckpointedRows(rows: number): { file: string; db: Db } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-checkpoint-"));
  const file = path.join(dir, "app.db");
  db = openDatabase(file);
  db.sqlite.exec("create table notes (id integer primary key, body text not null)");
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  db.sqlite.pragma("wal_autocheckpoint = 0");
  const insert = db.sqlite.prepare("insert into notes (body) values (?)");
  db.sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`note ${i} `.repeat(10));
  })();
  return { file, db };
}

describe("startCheckpointer", () => {
  it("copies the write-ahead log into the database file from its own thread, and stops cleanly", async () => {
    const { file, db } = databaseWithUncheckpointedRows(2000);
    const before = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    checkpointer = startCheckpointer(db, { intervalMs: 20 });
    await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before);
    // The server's own connection still checkpoints, but only past a long log.
    expect(db.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(50_000);

    // Everything committed is in the database file itself, while the server's connection is still
    // open (closing the last connection would checkpoint anyway): a copy of the file alone has it.
    const copy = path.join(dir, "copy.db");
    fs.copyFileSync(file, copy);
    const reader = openDatabase(copy);
    expect(reader.sqlite.prepare("select count(*) as n from notes").get()).toEqual({ n: 2000 });
    await reader.close();

    await checkpointer.stop();
    checkpointer = undefined;
  });
});
