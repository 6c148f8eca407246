import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setDb } from "./connection.server";
import { moveSqliteToPostgres, tablesInDependencyOrder } from "./move.server";
import { openPostgres } from "./postgres.server";
import { migrateSqlite, openSqlite } from "./sqlite.server";
import { getTableConfig } from "drizzle-orm/pg-core";
import { makeAssessment, makeMembership, makeOrganization, makeQuizResults, makeUser } from "../tests/setup/factories";
import { voteAsThreeParticipants } from "../tests/setup/workshop";
import { getGapAnalysis } from "~/services/gap-analysis.server";
import { listOrganizationsForUser } from "~/models/organization.server";
import { listMembers } from "~/models/membership.server";
import { listRatingsForExport } from "~/models/rating.server";
import { saveConsensus } from "~/models/consensus.server";
import { verifyLogin } from "~/models/user.server";

const server = inject("postgresUrl");
const names: string[] = [];
let dir = "";

async function emptyPostgres(): Promise<string> {
  const name = `move_${crypto.randomBytes(5).toString("hex")}`;
  names.push(name);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-move-"));
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  for (const name of names) await admin.query(`drop database if exists ${name}`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An install with a bit of everything, written through the app's own models. */
async function sqliteInstall() {
  const file = path.join(dir, `${crypto.randomUUID()}.db`);
  const db = openSqlite(file);
  migrateSqlite(db);
  setDb(db);
  try {
    const consultant = await makeUser({ name: "Carla", email: "carla@example.test", password: "a-long-password-1" });
    const viewer = await makeUser({ name: "Víctor" });
    const org = await makeOrganization(consultant.id, { name: "Andes Retail" });
    await makeMembership(org.id, viewer.id, "viewer", consultant.id);
    await makeQuizResults(org.id);
    const locked = await makeAssessment(org.id, consultant.id, { name: "2025 H2" });
    await voteAsThreeParticipants(locked.id);
    await saveConsensus(locked.id, [{ capabilityKey: "billing", current: 2, ideal: 4, importance: 3, rationale: "Facturas tardías" }], true, Date.UTC(2025, 7, 31));
    const open = await makeAssessment(org.id, consultant.id, { name: "2026 H1" });
    await voteAsThreeParticipants(open.id);
    return {
      file,
      consultant,
      org,
      locked,
      open,
      seen: {
        organizations: await listOrganizationsForUser(consultant.id),
        members: await listMembers(org.id),
        export: await listRatingsForExport(open.id),
        gaps: await getGapAnalysis(open, "es"),
      },
    };
  } finally {
    setDb(undefined);
    await db.close();
  }
}

describe("moving a SQLite install to PostgreSQL", () => {
  it("orders the tables so that every table comes after those it references", () => {
    const order = tablesInDependencyOrder().map((table) => getTableConfig(table).name);
    for (const table of tablesInDependencyOrder()) {
      for (const fk of getTableConfig(table).foreignKeys) {
        expect(order.indexOf(getTableConfig(fk.reference().foreignTable).name)).toBeLessThanOrEqual(order.indexOf(getTableConfig(table).name));
      }
    }
  });

  it("copies every row, and the app reads the same things from PostgreSQL as it did from SQLite", async () => {
    const install = await sqliteInstall();
    const url = await emptyPostgres();
    const report = await moveSqliteToPostgres(install.file, url);
    // Three participants in each of the two workshops: 3 + 2 + 2 stored votes each.
    expect(report.find((r) => r.table === "ratings")?.rows).toBe(14);

    const target = openPostgres(url, { max: 2 });
    setDb(target);
    try {
      expect(await listOrganizationsForUser(install.consultant.id)).toEqual(install.seen.organizations);
      expect(await listMembers(install.org.id)).toEqual(install.seen.members);
      expect(await listRatingsForExport(install.open.id)).toEqual(install.seen.export);
      expect(await getGapAnalysis(install.open, "es")).toEqual(install.seen.gaps);
      expect(await verifyLogin("carla@example.test", "a-long-password-1")).toMatchObject({ id: install.consultant.id });
    } finally {
      setDb(undefined);
      await target.close();
    }
  });

  it("refuses a database that already holds rows, and changes nothing there", async () => {
    const first = await sqliteInstall();
    const url = await emptyPostgres();
    await moveSqliteToPostgres(first.file, url);
    const second = await sqliteInstall();
    await expect(moveSqliteToPostgres(second.file, url)).rejects.toThrow(/not empty/);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ n: number }>("select count(*)::int as n from organizations");
    await check.end();
    expect(rows[0]!.n).toBe(1);
  });
});
