/**
 * Reminders with real processes: the built server and `npm run reminders` sending to a real SMTP
 * server in this process. A reminder arrives once across restarts and a second `npm run
 * reminders`; a sender killed mid-send never sends it again; with the SMTP server refusing, the
 * app keeps serving and the row is retried; on PostgreSQL, two servers and the command at once
 * send every reminder exactly once.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { migrateDatabase, openDatabase, setDb, type Database } from "../../db/connection.server";
import { initiativeInput } from "../setup/factories";
import { freePort, startPostgres } from "../setup/postgres.mjs";
import { startSmtp, type TestSmtp } from "../setup/smtp";
import { addDaysToDate, addMonthsToDate } from "~/domain/dates";
import { today } from "~/domain/review-schedule";
import { createInitiative } from "~/models/initiative.server";
import { createOrganization } from "~/models/organization.server";
import { listOutbox, type OutboxRow } from "~/models/outbox.server";
import { createUser } from "~/models/user.server";
import { ARTIFACTS, freshFolder, request, spawnServer, stopServer, waitUntilReady, type ServerProcess } from "./server-process";

const ROOT = path.resolve(import.meta.dirname, "../..");

let smtp: TestSmtp;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map(stopServer));
  smtp.received.length = 0;
  smtp.attempts = 0;
  smtp.held = 0;
  smtp.mode = "accept";
});

afterAll(async () => {
  await smtp.close();
});

/** A database with `count` initiatives whose first review is due in three days, each with its own owner's email. */
async function seed(url: string, count = 1): Promise<void> {
  const db = openDatabase(url);
  try {
    await migrateDatabase(db);
    setDb(db);
    const user = (await createUser({ name: "Carla", email: `carla-${Date.now()}@consult.example`, password: "long-enough-password" }))!;
    const org = await createOrganization({ name: "Andes Retail", defaultLang: "es" }, user.id);
    const due = addDaysToDate(today(), 3);
    for (let i = 0; i < count; i += 1) {
      await createInitiative(
        org.id,
        initiativeInput({ title: `Initiative ${i}`, ownerEmail: `owner${i}@client.example`, start: addMonthsToDate(due, -6), target: addDaysToDate(due, 90) }),
        user.id,
      );
    }
  } finally {
    setDb(undefined);
    await db.close();
  }
}

async function outbox(url: string): Promise<OutboxRow[]> {
  const db: Database = openDatabase(url);
  try {
    setDb(db);
    return await listOutbox();
  } finally {
    setDb(undefined);
    await db.close();
  }
}

const env = (extra: Record<string, string> = {}) => ({ SMTP_URL: smtp.url, SMTP_FROM: "madura@madura.test", REMINDER_INTERVAL_MINUTES: "60", APP_URL: "https://madura.test", ...extra });

async function start(databasePath: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const server = spawnServer({ port: await freePort(), databasePath, env: env(extra) });
  servers.push(server);
  await waitUntilReady(server, 60_000);
  return server;
}

/** `npm run reminders [...args]` as an operator runs it. */
function runCommand(databasePath: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "reminders", "--", ...args], { cwd: ROOT, env: { ...process.env, ...env(), DATABASE_URL: databasePath, SESSION_SECRET: "faults-secret" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a reminder arrives once, across restarts and a second `npm run reminders`", async () => {
  const file = path.join(freshFolder("reminders-once"), "madura.db");
  await seed(file);
  await start(file);
  await until(() => smtp.received.length === 1, 20_000, "the reminder");
  const [email] = smtp.received;
  expect(email!.to).toEqual(["owner0@client.example"]);
  expect(email!.subject).toBe("Revisión prevista dentro de 3 días: Initiative 0");
  expect(email!.text).toContain("https://madura.test/orgs/");

  // A restart looks again at start: nothing new.
  await stopServer(servers.pop()!);
  const again = await start(file);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const dry = await runCommand(file, ["--dry-run"]);
  expect(dry.code, dry.output).toBe(0);
  expect(dry.output).toContain("0 new, 0 already waiting");
  const run = await runCommand(file);
  expect(run.code, run.output).toBe(0);
  expect(run.output).toContain("0 queued. Sent 0");
  expect((await request(again.baseUrl, "GET", "/healthz")).status).toBe(200);
  expect(smtp.received).toHaveLength(1);
  expect((await outbox(file)).map((r) => r.status)).toEqual(["sent"]);
});

test("a server killed mid-send never sends that reminder again", async () => {
  const file = path.join(freshFolder("reminders-crash"), "madura.db");
  await seed(file);
  smtp.mode = "hold";
  const server = await start(file);
  await until(() => smtp.held === 1, 20_000, "the message to be in flight");
  server.child.kill("SIGKILL");
  await server.exited;
  servers.splice(servers.indexOf(server), 1);
  smtp.mode = "accept";

  await start(file);
  const run = await runCommand(file);
  expect(run.code, run.output).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(smtp.received).toHaveLength(0);
  expect((await outbox(file)).map((r) => r.status)).toEqual(["sending"]);
});

test("with the SMTP server refusing, the app keeps serving and the row is retried", { timeout: 240_000 }, async () => {
  const file = path.join(freshFolder("reminders-refused"), "madura.db");
  await seed(file);
  smtp.mode = "refuse-temporarily";
  // Back-off steps of 10 s instead of a minute: the outbox looks every 10 s and retries 10 s after
  // the refusal, while the checks below (still refused) take well under those 10 s.
  const server = await start(file, { OUTBOX_RETRY_SECONDS: "10" });
  await until(() => smtp.attempts === 1, 20_000, "the first attempt");
  for (const page of ["/healthz", "/login", "/quiz"]) expect((await request(server.baseUrl, "GET", page)).status).toBe(200);
  await until(async () => (await outbox(file))[0]?.attempts === 1 && (await outbox(file))[0]?.status === "pending", 5_000, "the refusal to be recorded");
  expect((await outbox(file))[0]!.lastError).toMatch(/451|Try again later/);

  // The outbox job looks every 10 s; after the 10-second back-off the server accepts.
  smtp.mode = "accept";
  await until(() => smtp.received.length === 1, 60_000, "the retry");
  await until(async () => (await outbox(file))[0]?.status === "sent", 5_000, "the send to be recorded");
  expect((await outbox(file))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  expect(smtp.received).toHaveLength(1);
  expect((await request(server.baseUrl, "GET", "/healthz")).status).toBe(200);
});

test("on PostgreSQL, two servers and `npm run reminders` at once send every reminder exactly once", async () => {
  const postgres = startPostgres({ folder: path.join(ARTIFACTS, "faults-reminders-pg"), port: await freePort() });
  try {
    await seed(postgres.url, 20);
    const [command] = await Promise.all([runCommand(postgres.url), start(postgres.url), start(postgres.url)]);
    expect(command.code, command.output).toBe(0);
    await until(() => smtp.received.length >= 20, 30_000, "twenty reminders");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const recipients = smtp.received.map((e) => e.to[0]);
    expect(recipients).toHaveLength(20);
    expect(new Set(recipients).size).toBe(20);
    expect((await outbox(postgres.url)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  } finally {
    await Promise.all(servers.splice(0).map(stopServer));
    postgres.stop();
  }
});
