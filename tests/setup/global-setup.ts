import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../db/connection.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty SQLite file; tests copy it rather than migrate their own. */
    baseDatabasePath: string;
  }
}

export const baseDatabasePath = path.resolve(process.cwd(), "tests/.artifacts/base.db");

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Migrates once per run: copying a file per test is far cheaper than migrating per test. */
export default function setup(project: TestProject): void {
  removeDatabaseFiles(baseDatabasePath);
  const db = openDatabase(baseDatabasePath);
  migrateDatabase(db);
  // Closing checkpoints the WAL into the main file, so copying that one file copies everything.
  db.$client.close();
  project.provide("baseDatabasePath", baseDatabasePath);
}
