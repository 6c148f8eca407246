import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { freePort, startPostgres } from "./postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty SQLite file; tests copy it rather than migrate their own. */
    baseDatabasePath: string;
    /** A running throw-away PostgreSQL server (its `madura` database is left empty: make your own). */
    postgresUrl: string;
    /** The name of a migrated, empty database on that server, to clone with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string;
  }
}

export const baseDatabasePath = path.resolve(process.cwd(), "tests/.artifacts/base.db");

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

type Shared = { postgresUrl: string; template: string; stop: () => void; users: number };

declare global {
  var __maduraTestServers: Promise<Shared> | undefined;
}

/**
 * Migrates once per run: copying a file (or cloning a template database) per test is far cheaper than
 * migrating per test. Vitest calls this once per project (sqlite, postgres), in one process: both
 * share the one PostgreSQL server, stopped when the last project is done.
 */
async function startShared(): Promise<Shared> {
  removeDatabaseFiles(baseDatabasePath);
  const db = openDatabase(baseDatabasePath);
  await migrateDatabase(db);
  // Closing checkpoints the WAL into the main file, so copying that one file copies everything.
  await db.close();

  // One server per run, in a folder and on a port of its own, so runs side by side never meet.
  const postgres = startPostgres({ folder: path.resolve(process.cwd(), `tests/.artifacts/postgres-${process.pid}`), port: await freePort() });
  const template = "madura_template";
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${template}`;
  const templateDb = openDatabase(url.href);
  await migrateDatabase(templateDb);
  await templateDb.close();
  return { postgresUrl: postgres.url, template, stop: postgres.stop, users: 0 };
}

export default async function setup(project: TestProject): Promise<() => void> {
  globalThis.__maduraTestServers ??= startShared();
  const shared = await globalThis.__maduraTestServers;
  shared.users += 1;
  project.provide("baseDatabasePath", baseDatabasePath);
  project.provide("postgresUrl", shared.postgresUrl);
  project.provide("postgresTemplate", shared.template);
  return () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    globalThis.__maduraTestServers = undefined;
    shared.stop();
  };
}
