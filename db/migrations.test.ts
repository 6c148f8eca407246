import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite as migrateDatabase, openSqlite as openDatabase, sqliteMigrationsFolder as migrationsFolder, type SqliteDatabase as Db } from "./sqlite.server";

let dir = "";
let db: Db | undefined;

afterEach(async () => {
  await db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A database as an install that stopped at migration `tag` has it (drizzle's own bookkeeping included). */
function databaseAt(tag: string): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-migrations-"));
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(upTo, `migration ${tag} exists`).toBeGreaterThanOrEqual(0);
  fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
  db = openDatabase(path.join(dir, "app.db"));
  migrateDatabase(db, folder);
  return db;
}

/** Adds a migration after the last one of the temporary folder, as drizzle-kit writes one. */
function addMigration(tag: string, statements: string[]): string {
  const folder = path.join(dir, "migrations");
  const journalPath = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), statements.join("--> statement-breakpoint\n"));
  return folder;
}

/** drizzle-kit's rebuild of a table (what it writes for most column changes), indexes included. */
function rebuildStatements(sqlite: Db["sqlite"], table: string): string[] {
  const create = (sqlite.prepare("select sql from sqlite_master where type = 'table' and name = ?").get(table) as { sql: string }).sql;
  const indexes = sqlite.prepare("select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null").all(table) as { sql: string }[];
  return [
    "PRAGMA foreign_keys=OFF;",
    `${create.replace(/^CREATE TABLE [`"]?\w+[`"]?/, `CREATE TABLE \`__new_${table}\``)};`,
    `INSERT INTO \`__new_${table}\` SELECT * FROM \`${table}\`;`,
    `DROP TABLE \`${table}\`;`,
    `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
    ...indexes.map((index) => `${index.sql};`),
    "PRAGMA foreign_keys=ON;",
  ];
}

const WORKSHOP_WITH_VOTES = `
  insert into users (id, email, name, password_hash) values ('u1', 'carla@example.com', 'Carla', 'x');
  insert into organizations (id, name, quiz_invite_token) values ('o1', 'Andes Retail', 'quiz-token');
  insert into assessments (id, organization_id, name, mode, model_id, model_version, created_by) values ('a1', 'o1', '2026 H2', 'workshop', 'cem', 1, 'u1');
  insert into participants (id, assessment_id, token_hash, display_name) values ('p1', 'a1', 'h1', 'Ana'), ('p2', 'a1', 'h2', 'Bruno');
  insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at) values
    ('p1', 'billing', 2, 3, 'facturas tardías', 1000), ('p2', 'billing', 4, 4, '', 1002);
`;

function rowCounts(sqlite: Db["sqlite"]) {
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { assessments: count("assessments"), participants: count("participants"), ratings: count("ratings") };
}

describe("migrations", () => {
  it("rebuilds a table others reference with ON DELETE CASCADE and keeps every child row", async () => {
    const { sqlite } = databaseAt("0002_ratings_belong_to_participants");
    sqlite.exec(WORKSHOP_WITH_VOTES);
    const folder = addMigration("0003_rebuild_assessments", rebuildStatements(sqlite, "assessments"));

    expect(migrateDatabase(db!, folder)).toBe(1);

    expect(rowCounts(sqlite)).toEqual({ assessments: 1, participants: 2, ratings: 2 });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    // The rebuilt table still cascades: deleting the assessment takes its participants and votes.
    sqlite.prepare("delete from assessments where id = 'a1'").run();
    expect(rowCounts(sqlite)).toEqual({ assessments: 0, participants: 0, ratings: 0 });
  });

  it("is needed: drizzle's own migrator empties the children in the same rebuild", async () => {
    const { sqlite } = databaseAt("0002_ratings_belong_to_participants");
    sqlite.exec(WORKSHOP_WITH_VOTES);
    const folder = addMigration("0003_rebuild_assessments", rebuildStatements(sqlite, "assessments"));

    migrate(drizzle(db!.sqlite), { migrationsFolder: folder });

    expect(rowCounts(sqlite)).toEqual({ assessments: 1, participants: 0, ratings: 0 });
  });

  it("rolls back every pending migration when one would leave a broken reference", async () => {
    const { sqlite } = databaseAt("0002_ratings_belong_to_participants");
    sqlite.exec(WORKSHOP_WITH_VOTES);
    addMigration("0003_add_column", ["ALTER TABLE `organizations` ADD `logo` text;"]);
    const folder = addMigration("0004_orphans", ["DELETE FROM `assessments`;"]);

    expect(() => migrateDatabase(db!, folder)).toThrow(/nothing applied: 2 rows would break a foreign key/);

    expect(rowCounts(sqlite)).toEqual({ assessments: 1, participants: 2, ratings: 2 });
    const columns = (sqlite.pragma("table_info(organizations)") as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("logo");
    expect(sqlite.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual({ n: 3 });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("moves votes from the first assessment schema to ratings keyed by participant alone, keeping every vote and its checks", async () => {
    const { sqlite } = databaseAt("0001_assessments");
    sqlite.exec(`
      insert into users (id, email, name, password_hash) values ('u1', 'carla@example.com', 'Carla', 'x');
      insert into organizations (id, name, quiz_invite_token) values ('o1', 'Andes Retail', 'quiz-token');
      insert into assessments (id, organization_id, name, mode, model_id, model_version, created_by) values ('a1', 'o1', '2026 H2', 'workshop', 'cem', 1, 'u1');
      insert into participants (id, assessment_id, token_hash, display_name) values ('p1', 'a1', 'h1', 'Ana'), ('p2', 'a1', 'h2', 'Bruno');
      insert into ratings (participant_id, assessment_id, capability_key, current, ideal, comment, updated_at) values
        ('p1', 'a1', 'billing', 2, 3, 'facturas tardías', 1000), ('p1', 'a1', 'security', null, null, '', 1001), ('p2', 'a1', 'billing', 4, 4, '', 1002);
    `);

    migrateDatabase(db!);

    expect(sqlite.prepare("select * from ratings order by participant_id, capability_key").all()).toEqual([
      { participant_id: "p1", capability_key: "billing", current: 2, ideal: 3, comment: "facturas tardías", updated_at: 1000 },
      { participant_id: "p1", capability_key: "security", current: null, ideal: null, comment: "", updated_at: 1001 },
      { participant_id: "p2", capability_key: "billing", current: 4, ideal: 4, comment: "", updated_at: 1002 },
    ]);
    expect(() => sqlite.prepare("insert into ratings values ('p2', 'security', 7, 1, '', 1003)").run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare("insert into ratings values ('p1', 'billing', 1, 1, '', 1003)").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => sqlite.prepare("insert into ratings values ('nobody', 'billing', 1, 1, '', 1003)").run()).toThrow(/FOREIGN KEY/);
    // Deleting the client still removes its votes, through the participants.
    sqlite.prepare("delete from organizations where id = 'o1'").run();
    expect(sqlite.prepare("select count(*) as n from ratings").get()).toEqual({ n: 0 });
  });
});
