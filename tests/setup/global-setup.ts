import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { freePort, startPostgres } from "./postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty SQLite file; tests copy it rather than migrate their own. */
    baseDatabasePath: string;
    /** A running throw-away PostgreSQL server (its `madura` database is left empty: make your own). */
    postgresUrl: string;
  }
}

export const baseDatabasePath = path.resolve(process.cwd(), "tests/.artifacts/base.db");

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Migrates once per run: copying a file per test is far cheaper than migrating per test. */
export default async function setup(project: TestProject): Promise<() => void> {
  removeDatabaseFiles(baseDatabasePath);
  const db = openDatabase(baseDatabasePath);
  migrateDatabase(db);
  // Closing checkpoints the WAL into the main file, so copying that one file copies everything.
  db.$client.close();
  project.provide("baseDatabasePath", baseDatabasePath);

  // One server per run, in a folder and on a port of its own, so runs side by side never meet.
  const postgres = startPostgres({ folder: path.resolve(process.cwd(), `tests/.artifacts/postgres-${process.pid}`), port: await freePort() });
  project.provide("postgresUrl", postgres.url);
  return postgres.stop;
}
