import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from "vitest";
import { openDatabase, setDb, type Db } from "../../db/connection.server";

/**
 * Gives every test of the calling file its own copy of the migrated base database, installed as
 * the app's connection (getDb()). Read `.db` inside a test, not at the top of the file.
 */
export function useTestDatabase(): { readonly db: Db } {
  let dir = "";
  let db: Db | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-test-"));
  });

  beforeEach(() => {
    const file = path.join(dir, `${crypto.randomUUID()}.db`);
    fs.copyFileSync(inject("baseDatabasePath"), file);
    // getEnv() keeps a session secret beside DATABASE_URL unless one is given: keep both out of ./data.
    vi.stubEnv("DATABASE_URL", file);
    vi.stubEnv("SESSION_SECRET", "test-session-secret");
    db = openDatabase(file);
    setDb(db);
  });

  afterEach(() => {
    setDb(undefined);
    db?.$client.close();
    db = undefined;
    vi.unstubAllEnvs();
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    get db() {
      if (!db) throw new Error("useTestDatabase(): the database is open only inside a test.");
      return db;
    },
  };
}
