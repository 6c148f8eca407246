/**
 * An organization moves between installs through its export: export → import → export gives the
 * same file but for the time of export, on either database and from SQLite into PostgreSQL; a bad
 * or foreign file is refused with its reason and stores nothing; only consultants export.
 */
import crypto from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { makeUser } from "../setup/factories";
import { countOrganizationRows } from "../setup/organization-tables";
import { makeRichOrganization } from "../setup/rich-organization";
import { callAction, callLoader, sessionCookieFor, signedInMember } from "../setup/route-harness";
import { testDialect, useTestDatabase } from "../setup/test-db";
import { getDb, migrateDatabase, openDatabase, setDb } from "../../db/connection.server";
import { getMembership } from "~/models/organization.server";
import { EXPORTED_TABLES } from "~/models/organization-transfer.server";
import { exportOrganization } from "~/services/portability.server";
import { loader as exportLoader } from "~/routes/orgs.$orgId.export[.]json";
import { action as importAction } from "~/routes/orgs.import";

useTestDatabase();

type Export = Record<string, unknown> & { exportedAt: string };

/** The file without its time of export, the one thing that must differ. */
const comparable = (json: string) => {
  const { exportedAt: _at, ...rest } = JSON.parse(json) as Export;
  return rest;
};

async function countRows(): Promise<Record<string, number>> {
  const { orm, t } = getDb();
  const tables = [
    "organizations",
    "memberships",
    "quizResults",
    "assessments",
    "participants",
    "ratings",
    "consensus",
    "initiatives",
    "initiativeReviews",
    "initiativeReviewMetrics",
    "initiativeChanges",
    "initiativeFeedback",
    "metrics",
    "metricValues",
    "feedback",
  ] as const;
  const counts: Record<string, number> = {};
  for (const name of tables) {
    const [row] = await orm.select({ n: sql<number>`count(*)` }).from(t[name]);
    counts[name] = Number(row!.n);
  }
  return counts;
}

function fileForm(content: string | Uint8Array, name = "export.json"): FormData {
  const form = new FormData();
  form.set("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type: "application/json" }), name);
  return form;
}

async function importAs(userId: string, content: string | Uint8Array, lng = "en") {
  return callAction(importAction, { url: `/orgs/import?lng=${lng}`, cookie: await sessionCookieFor(userId), fields: fileForm(content) });
}

describe("export.json", () => {
  it("holds everything of the organization and no secrets; consultants only", async () => {
    const rich = await makeRichOrganization();
    const orgId = rich.organization.id;
    const result = await callLoader(exportLoader, { url: `/orgs/${orgId}/export.json`, params: { orgId }, cookie: await sessionCookieFor(rich.consultant.id) });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Disposition")).toMatch(/^attachment; filename="madura-compania-andina-de-senales-\d{4}-\d{2}-\d{2}\.json"/);
    const file = result.data as {
      format: string;
      version: number;
      organization: { peerBenchmark: boolean };
      assessments: { participants: { ratings: unknown[] }[]; consensus: unknown[] }[];
      initiatives: { title: string; reviews: { metrics: { metric: number; date: string; value: number }[] }[]; history: unknown[]; feedback: number[] }[];
      metrics: { key: string | null; values: unknown[] }[];
      feedback: { text: string }[];
      quizResults: unknown[];
    };
    expect(file.format).toBe("madura-organization");
    expect(file.version).toBe(1);
    expect(file.quizResults).toHaveLength(9);
    expect(file.assessments).toHaveLength(3);
    expect(file.assessments[1]!.participants).toHaveLength(6);
    expect(file.assessments[1]!.participants[0]!.ratings).toHaveLength(25);
    expect(file.assessments[1]!.consensus).toHaveLength(25);
    expect(file.organization.peerBenchmark).toBe(false);
    expect(file.initiatives).toHaveLength(4);
    expect(file.initiatives.flatMap((i) => i.reviews)).toHaveLength(2);
    // The billing review recorded CSAT's latest value on its date; the metric is named by position.
    const recorded = file.initiatives.flatMap((i) => i.reviews.flatMap((r) => r.metrics));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ date: "2026-07-31", value: 79.5 });
    expect(file.metrics[recorded[0]!.metric]!.key).toBe("csat");
    const drafted = file.initiatives.find((i) => i.feedback.length > 0)!;
    expect(drafted.title).toBe("Corregir las facturas duplicadas");
    expect(drafted.feedback.map((f) => file.feedback[f]!.text)).toEqual(["La factura llegó duplicada y nadie supo explicármelo."]);
    expect(file.initiatives.flatMap((i) => i.history).length).toBeGreaterThanOrEqual(5);
    expect(file.metrics.flatMap((m) => m.values)).toHaveLength(8);
    expect(file.feedback).toHaveLength(3);
    const text = JSON.stringify(file);
    for (const secret of ["password", "passwordHash", "tokenHash", "token_hash", "quizInviteToken", "joinCode", rich.consultant.email, rich.organization.id]) {
      expect(text, secret).not.toContain(secret);
    }

    const viewer = await signedInMember(rich.organization, "viewer", rich.consultant);
    expect((await callLoader(exportLoader, { url: `/orgs/${orgId}/export.json`, params: { orgId }, cookie: viewer.cookie })).status).toBe(403);
    const stranger = await makeUser();
    expect((await callLoader(exportLoader, { url: `/orgs/${orgId}/export.json`, params: { orgId }, cookie: await sessionCookieFor(stranger.id) })).status).toBe(404);
  });
});

describe("POST /orgs/import", () => {
  it("round trip: export → import → export is the same file but for its time", async () => {
    const rich = await makeRichOrganization();
    const first = (await exportOrganization(rich.organization.id))!;
    const newcomer = await makeUser({ name: "Nuria Ibáñez" });
    const result = await importAs(newcomer.id, first);
    expect(result.status).toBe(303);
    const location = result.headers.get("Location")!;
    const organizationId = /^\/orgs\/([^/]+)$/.exec(location)![1]!;
    expect(organizationId).not.toBe(rich.organization.id);
    expect((await getMembership(organizationId, newcomer.id))?.role).toBe("consultant");
    expect(await getMembership(organizationId, rich.consultant.id)).toBeNull();
    const second = (await exportOrganization(organizationId))!;
    expect(comparable(second)).toEqual(comparable(first));
    // Every table the export claims to carry has rows in the fixture and as many in the copy.
    const original = await countOrganizationRows(rich.organization.id, EXPORTED_TABLES);
    expect(Object.entries(original).filter(([, n]) => n === 0)).toEqual([]);
    expect(await countOrganizationRows(organizationId, EXPORTED_TABLES)).toEqual(original);
  });

  it("imports a file exported before the peer benchmark, review values and drafted-from comments were carried", async () => {
    const rich = await makeRichOrganization();
    const file = JSON.parse((await exportOrganization(rich.organization.id))!) as Export & {
      organization: Record<string, unknown>;
      initiatives: (Record<string, unknown> & { reviews: Record<string, unknown>[] })[];
    };
    delete file.organization.peerBenchmark;
    for (const initiative of file.initiatives) {
      delete initiative.feedback;
      for (const review of initiative.reviews) delete review.metrics;
    }
    const newcomer = await makeUser();
    const result = await importAs(newcomer.id, JSON.stringify(file));
    expect(result.status).toBe(303);
    const organizationId = /^\/orgs\/([^/]+)$/.exec(result.headers.get("Location")!)![1]!;
    const imported = JSON.parse((await exportOrganization(organizationId))!) as typeof file;
    expect(imported.organization.peerBenchmark).toBe(true);
    expect(imported.initiatives.flatMap((i) => i.feedback as number[])).toEqual([]);
    expect(imported.initiatives.flatMap((i) => i.reviews.flatMap((r) => r.metrics as unknown[]))).toEqual([]);
    expect(imported.initiatives.map((i) => i.title)).toEqual(file.initiatives.map((i) => i.title));
  });

  it.runIf(testDialect === "sqlite")("moves from SQLite to PostgreSQL: the PostgreSQL install exports the same file", async () => {
    const rich = await makeRichOrganization();
    const first = (await exportOrganization(rich.organization.id))!;
    const sqlite = getDb();
    const server = inject("postgresUrl");
    const name = `portability_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const postgres = openDatabase(url.href);
    try {
      await migrateDatabase(postgres);
      setDb(postgres);
      const newcomer = await makeUser({ name: "Pía Ordóñez" });
      const result = await importAs(newcomer.id, first);
      expect(result.status).toBe(303);
      const organizationId = /^\/orgs\/([^/]+)$/.exec(result.headers.get("Location")!)![1]!;
      expect(comparable((await exportOrganization(organizationId))!)).toEqual(comparable(first));
    } finally {
      setDb(sqlite);
      await postgres.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  }, 60_000);

  it("refuses a bad or foreign file with its reason, in the user's language, and stores nothing", async () => {
    const rich = await makeRichOrganization();
    const good = JSON.parse((await exportOrganization(rich.organization.id))!) as Export & {
      version: number;
      assessments: { consensus: { capability: string }[]; participants: unknown[] }[];
      initiatives: { assessment: number | null; feedback: number[]; reviews: { metrics: { metric: number }[] }[] }[];
    };
    const user = await makeUser();
    const before = await countRows();
    const edit = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: { file: string | Uint8Array; message: RegExp; lng?: string }[] = [
      { file: "metric,date,value\nfcr,2026-01-31,70\n", message: /not JSON/ },
      { file: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), message: /not JSON/ },
      { file: JSON.stringify({ hello: "world" }), message: /not a Madura organization export/ },
      { file: JSON.stringify({ format: "madura-organization", version: 7 }), message: /version 7/ },
      { file: edit((f) => (f.assessments[1]!.consensus[0]!.capability = "telepathy")), message: /unknown capability key.*assessments\.1\.consensus\.0\.capability/ },
      { file: edit((f) => (f.initiatives[0]!.assessment = 42)), message: /assessment the file does not contain/ },
      { file: edit((f) => f.initiatives.find((i) => i.feedback.length > 0)!.feedback.push(3)), message: /customer comment the file does not contain.*initiatives\.\d\.feedback\.1/ },
      { file: edit((f) => (f.initiatives.flatMap((i) => i.reviews.flatMap((r) => r.metrics))[0]!.metric = 9)), message: /metric the file does not contain.*reviews\.0\.metrics\.0\.metric/ },
      { file: edit((f) => f.initiatives.find((i) => i.feedback.length > 0)!.feedback.push(f.initiatives.find((i) => i.feedback.length > 0)!.feedback[0]!)), message: /same thing twice/ },
      // Valid row by row, refused by the database (a capability agreed twice): the transaction rolls back.
      { file: edit((f) => f.assessments[1]!.consensus.push(f.assessments[1]!.consensus[0]!)), message: /same thing twice/ },
      { file: JSON.stringify({ hello: "mundo" }), message: /no es una exportación de organización de Madura/, lng: "es" },
    ];
    for (const { file, message, lng } of cases) {
      const result = await importAs(user.id, file, lng);
      expect(result.status).toBe(400);
      const error = result.data as { error: string; path: string | null };
      expect(`${error.error} ${error.path ?? ""}`).toMatch(message);
    }
    expect(await countRows()).toEqual(before);
    const missing = await callAction(importAction, { url: "/orgs/import", cookie: await sessionCookieFor(user.id), fields: new FormData() });
    expect(missing.status).toBe(400);
  });
});
