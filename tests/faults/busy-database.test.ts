/**
 * Another process holds SQLite's write lock for 3 s (as `npm run backup` or `npm run reminders`
 * may): the server answers every write with a retry-able 503 or its usual answer, never a 500,
 * and reads (/healthz, pages) keep answering meanwhile.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freshFolder, joinPhones, openWorkshop, request, spawnServer, stopServer, waitUntilReady, type Answer, type ServerProcess } from "./server-process";

const PORT = 3314;
const HOLD_MS = 3_000;

let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServer(server);
});

/** A separate process that takes the write lock, holds it `ms`, then commits. Resolves when it holds it. */
function holdWriteLock(databasePath: string, ms: number) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    db.exec("BEGIN IMMEDIATE");
    db.prepare("update assessments set name = name").run();
    console.log("locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec("COMMIT");
    db.close();
  `;
  const child = spawn(process.execPath, ["-e", script, databasePath, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const locked = new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve()));
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { locked, released };
}

test("a write lock held 3 s by another process: no 500, writes 503 or succeed, reads keep answering", async () => {
  const databasePath = path.join(freshFolder("busy"), "madura.db");
  server = spawnServer({ port: PORT, databasePath });
  await waitUntilReady(server, 60_000);
  const { baseUrl } = server;
  const { code } = await openWorkshop(baseUrl);
  const phones = await joinPhones(baseUrl, code, 20);

  const holder = holdWriteLock(databasePath, HOLD_MS);
  await holder.locked;
  const lockedAt = Date.now();
  let released = false;
  void holder.released.then(() => (released = true));

  const answers: { what: string; answer: Answer }[] = [];
  const loop = async (what: string, send: (n: number) => Promise<Answer>, pauseMs: number) => {
    for (let n = 0; !released; n += 1) {
      answers.push({ what, answer: await send(n) });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  await Promise.all([
    loop("GET /healthz", () => request(baseUrl, "GET", "/healthz"), 100),
    loop("GET /quiz", () => request(baseUrl, "GET", "/quiz"), 200),
    loop("GET /w/:token", (n) => request(baseUrl, "GET", phones[n % phones.length]!), 200),
    loop("POST /quiz", () => request(baseUrl, "POST", "/quiz", { form: { q1: "a", q2: "b", q3: "c", q4: "d" } }), 200),
    ...phones.map((phone, i) =>
      loop("POST /w/:token/save", (n) => request(baseUrl, "POST", `${phone}/save`, { form: { "billing.current": String(1 + ((n + i) % 4)), "billing.ideal": "2" } }), 50),
    ),
    ...phones.slice(0, 5).map((phone) => loop("POST /w/:token", () => request(baseUrl, "POST", phone, { form: { step: "3", "billing.current": "2", "billing.ideal": "3" } }), 150)),
  ]);
  const heldMs = Date.now() - lockedAt;

  const statuses = new Map<string, Map<number, number>>();
  for (const { what, answer } of answers) {
    const byStatus = statuses.get(what) ?? new Map<number, number>();
    byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    statuses.set(what, byStatus);
  }
  const slowestRead = Math.max(...answers.filter(({ what }) => what.startsWith("GET")).map(({ answer }) => answer.ms));
  console.log(`lock held ${heldMs} ms; slowest read ${slowestRead} ms;`, JSON.stringify([...statuses].map(([what, s]) => [what, Object.fromEntries(s)])));

  expect(heldMs).toBeGreaterThanOrEqual(HOLD_MS - 100);
  for (const { what, answer } of answers) {
    if (what.startsWith("GET")) expect(answer.status, `${what} while the lock is held`).toBe(200);
    else expect([200, 303, 503], `${what} while the lock is held: ${answer.status}`).toContain(answer.status);
    if (answer.status === 503) expect(answer.headers["retry-after"]).toBe("1");
  }
  expect(statuses.get("POST /w/:token/save")?.get(503), "the lock was really in the way").toBeGreaterThan(0);
  // Reads never waited for the lock: the event loop stayed free (a blocked loop took seconds).
  expect(slowestRead).toBeLessThan(1_000);
  // Once it is released, writes go through again.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await request(baseUrl, "POST", `${phones[0]}/save`, { form: { "billing.current": "4", "billing.ideal": "4" } })).status).toBe(200);
});
