/**
 * The fault suite's server: the built app started as a real process on a real SQLite file, and a
 * small HTTP client for what a room of phones sends. `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { serveNodeFlags } from "../bench/lib";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "tests/.artifacts");

export type ServerProcess = {
  baseUrl: string;
  port: number;
  databasePath: string;
  child: ChildProcess;
  /** What the process printed (stdout and stderr). */
  logs(): string;
  /** Resolves with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** A fresh folder for one test's database. */
export function freshFolder(name: string): string {
  const folder = path.join(ARTIFACTS, `faults-${name}`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Starts the server: by default `node <serve flags> build/server.mjs` (what `npm run serve`
 * runs, its pid the server's own, so kill -9 hits the server); or any command, e.g. `npm start`.
 */
export function spawnServer(options: { port: number; databasePath: string; command?: string[]; cwd?: string; env?: Record<string, string> }): ServerProcess {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("No build: run `npm run build` first.");
  const { port, databasePath, command = [process.execPath, ...serveNodeFlags(ROOT), "build/server.mjs"], cwd = ROOT } = options;
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "faults-secret-not-for-production", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: databasePath, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { baseUrl: `http://127.0.0.1:${port}`, port, databasePath, child, logs: () => output, exited };
}

/** Waits until GET /healthz answers 200; returns the milliseconds it took. */
export async function waitUntilReady(server: ServerProcess, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server exited before answering:\n${server.logs()}`);
    const answer = await request(server.baseUrl, "GET", "/healthz").catch(() => undefined);
    if (answer?.status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`The server did not answer /healthz within ${timeoutMs} ms:\n${server.logs()}`);
}

/** SIGTERM, then SIGKILL after 8 s; resolves once it has exited. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 8_000);
  await server.exited;
  clearTimeout(timer);
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/** One HTTP request over a real socket (an agent's keep-alive socket when given). */
export function request(
  baseUrl: string,
  method: string,
  pathname: string,
  options: { form?: Record<string, string>; headers?: Record<string, string>; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, baseUrl), { method, headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started }));
      res.on("error", reject);
    });
    // Whether the request went out on a kept-alive socket (so the server had accepted that connection).
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.setTimeout(options.timeoutMs ?? 20_000, () => req.destroy(new Error(`timeout: ${method} ${pathname}`)));
    req.end(body);
  });
}

/** A signed-in consultant with a workshop open for joining: the code phones type. */
export async function openWorkshop(baseUrl: string): Promise<{ code: string; cookie: string; orgId: string; assessmentId: string }> {
  const email = `faults-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const signedUp = await request(baseUrl, "POST", "/signup", { form: { name: "Fault Finder", email, password: "a-long-password-1" } });
  if (signedUp.status !== 303) throw new Error(`signup answered ${signedUp.status}: ${signedUp.body.slice(0, 300)}`);
  const cookie = [signedUp.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
  const org = await request(baseUrl, "POST", "/orgs/new", { form: { name: `Faults ${Date.now()}` }, headers: { Cookie: cookie } });
  const orgId = String(org.headers.location).match(/\/orgs\/([\w-]+)/)?.[1] ?? "";
  const created = await request(baseUrl, "POST", `/orgs/${orgId}/assessments/new`, { form: { name: "Faults", mode: "workshop" }, headers: { Cookie: cookie } });
  const assessmentId = String(created.headers.location).match(/\/assessments\/([\w-]+)$/)?.[1] ?? "";
  const board = await request(baseUrl, "GET", `/orgs/${orgId}/assessments/${assessmentId}`, { headers: { Cookie: cookie } });
  const code = board.body.match(/data-testid="join-code"[^>]*>([^<]+)</)?.[1]?.trim() ?? "";
  if (!/^\w{6}$/.test(code)) throw new Error(`no join code on the board (status ${board.status})`);
  return { code, cookie, orgId, assessmentId };
}

/** `count` phones join; returns their private paths /w/<token>. */
export async function joinPhones(baseUrl: string, code: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const joined = await request(baseUrl, "POST", "/join", { form: { code, name: `Phone ${i}` } });
    if (joined.status !== 303) throw new Error(`join answered ${joined.status}`);
    paths.push(String(joined.headers.location));
  }
  return paths;
}
