/**
 * Helpers for tests/bench/bench.ts: start the built server on loopback, watch its memory, run one
 * autocannon scenario or a fixed burst of distinct requests, and weigh the JavaScript a page ships.
 * Nothing here knows Madura's routes.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import autocannon from "autocannon";

const LOOPBACK = "127.0.0.1";

/** A port nobody listens on right now (the server prints nothing useful when given port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("No free port found."))));
    });
  });
}

export type RunningServer = {
  baseUrl: string;
  pid: number;
  /** The server's database (DATABASE_URL): a SQLite file removed by stop() (read it before), or a PostgreSQL URL. */
  databasePath: string;
  /** The last lines the server printed, for error messages. */
  logs(): string;
  /** Undefined while the process runs; how it ended otherwise (it should not before stop()). */
  exitStatus(): string | undefined;
  /** SIGTERM, SIGKILL after 5 s, then removes the temporary folder. Safe to call twice. */
  stop(): Promise<void>;
};

/** The node flags `npm run serve` gives the server (`node <flags> build/server.mjs` in package.json). */
export function serveNodeFlags(cwd: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as { scripts?: Record<string, string> }).scripts;
  const flags = scripts?.serve?.match(/^(?:exec\s+)?node\s+(.*?)\s*build\/server\.mjs$/)?.[1];
  if (flags === undefined) throw new Error(`package.json's "serve" script is not \`node [flags] build/server.mjs\`: the bench cannot start the server the same way.`);
  return flags.split(/\s+/).filter(Boolean);
}

/**
 * Starts `node <flags> build/server.mjs` (what `npm run serve` runs, minus the wrapper
 * processes, so the pid is the server's own and its memory can be read) in production mode on a
 * free loopback port with a new SQLite file in a temporary folder, and waits until GET /healthz
 * answers 200.
 */
export async function startServer(options: {
  cwd: string;
  entry?: string;
  startTimeoutMs?: number;
  /** Called as soon as the process exists, before it is ready: lets a signal handler stop it. */
  onSpawn?: (server: RunningServer) => void;
  /** A PostgreSQL URL to serve from instead of a new SQLite file. */
  databaseUrl?: string;
}): Promise<RunningServer> {
  const { cwd, entry = "build/server.mjs", startTimeoutMs = 30_000, onSpawn, databaseUrl } = options;
  if (!existsSync(path.join(cwd, "build/server/index.js")) || !existsSync(path.join(cwd, entry))) {
    throw new Error(`No build found (build/server/index.js, ${entry}): run \`npm run build\` first, or \`npm run bench\`.`);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "madura-bench-"));
  const port = await freePort();
  const baseUrl = `http://${LOOPBACK}:${port}`;
  const databasePath = path.join(dir, "bench.db");
  // BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...serveNodeFlags(cwd), ...nodeArgs, ...(entry.endsWith(".ts") ? ["--import", "tsx"] : []), entry], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "bench-secret-not-for-production",
      HOST: LOOPBACK,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? databasePath,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    baseUrl,
    pid: child.pid ?? 0,
    databasePath: databaseUrl ?? databasePath,
    logs: () => lines.join("\n"),
    exitStatus: () => (running() ? undefined : `code ${child.exitCode}, signal ${child.signalCode}`),
    stop: () =>
      (stopping ??= (async () => {
        if (running()) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await exited;
          clearTimeout(timer);
        }
        await fs.rm(dir, { recursive: true, force: true });
      })()),
  };

  onSpawn?.(server);
  try {
    if (!child.pid) throw new Error("The server process could not be spawned.");
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (!running()) throw new Error(`The server exited during start-up (code ${child.exitCode}, signal ${child.signalCode}).`);
      const status = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
        (res) => res.body?.cancel().then(() => res.status) ?? res.status,
        () => 0,
      );
      if (status === 200) return server;
      if (Date.now() > deadline) throw new Error(`GET /healthz did not answer 200 within ${startTimeoutMs / 1000} s (last: ${status || "no answer"}).`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    const logs = server.logs();
    await server.stop();
    throw new Error(`${(error as Error).message}${logs ? `\nServer output:\n${logs}` : ""}`, { cause: error });
  }
}

/** One field of /proc/<pid>/status in MB (Linux), e.g. VmRSS now or VmHWM, the peak so far. */
export function procStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's resident memory every `intervalMs`; `takePeak()` returns and resets the peak. */
export function sampleRss(pid: number, intervalMs = 100) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, procStatusMb(pid, "VmRSS") ?? 0);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    takePeak(): number {
      sample();
      const value = peak;
      peak = 0;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}

/** What a scenario sends: one request, or a sequence each connection loops over (`requests`). */
export type LoadRequest = Pick<autocannon.Options, "method" | "headers" | "body" | "requests" | "initialContext"> & {
  path: string;
};

export type Scenario<Ctx> = {
  name: string;
  /** The trivial route the others are compared with; exactly one scenario should set it. */
  baseline?: boolean;
  /** Statuses that count as success; by default any 2xx or 3xx. */
  expectStatus?: number[];
  connections?: number;
  durationSeconds?: number;
  /** Builds the request(s); may first create data through the server (e.g. participants). */
  prepare(ctx: Ctx): LoadRequest | Promise<LoadRequest>;
};

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux, 100 ticks
 * a second). Unlike requests/s it barely moves when other work competes for the machine's cores.
 * With `thread`, one thread's only: the main thread's id is the pid, and its time is the event
 * loop's, which bounds latency (GC helpers and the WAL checkpointer run beside it).
 */
export function procCpuMs(pid: number, thread?: number): number | undefined {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

export type ScenarioResult = {
  name: string;
  baseline: boolean;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  completed: number;
  errors: number;
  statusCounts: Record<string, number>;
  /** Server CPU time per completed request, in ms. */
  cpuMsPerRequest: number | undefined;
  peakRssMb: number;
};

export type LoadShape = { connections: number; durationSeconds: number; warmupSeconds: number; acceptEncoding: string };

export async function runScenario<Ctx>(
  scenario: Scenario<Ctx>,
  ctx: Ctx,
  server: RunningServer,
  shape: LoadShape,
  rss: ReturnType<typeof sampleRss>,
): Promise<ScenarioResult> {
  const { path: urlPath, headers, ...request } = await scenario.prepare(ctx);
  const connections = scenario.connections ?? shape.connections;
  const options: autocannon.Options = {
    url: new URL(urlPath, server.baseUrl).href,
    title: scenario.name,
    connections,
    duration: scenario.durationSeconds ?? shape.durationSeconds,
    timeout: 10,
    // Browsers ask for compressed responses, so compressing is part of what a request costs.
    headers: { ...(shape.acceptEncoding ? { "accept-encoding": shape.acceptEncoding } : {}), ...headers },
    ...request,
  };
  if (shape.warmupSeconds > 0) await autocannon({ ...options, duration: shape.warmupSeconds });
  rss.takePeak();
  const cpuBefore = procCpuMs(server.pid);
  const result = await autocannon(options);
  const cpuAfter = procCpuMs(server.pid);

  const ok = (status: number) => (scenario.expectStatus ? scenario.expectStatus.includes(status) : status >= 200 && status < 400);
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const badStatuses = Object.entries(statusCounts).reduce((sum, [code, count]) => (ok(Number(code)) ? sum : sum + count), 0);
  const completed = result.requests.total ?? 0;
  return {
    name: scenario.name,
    baseline: Boolean(scenario.baseline),
    requestsPerSecond: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed,
    // Connection errors and timeouts, bodies that failed a check, and responses with an unexpected status.
    errors: result.errors + result.mismatches + badStatuses,
    statusCounts,
    cpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && completed ? (cpuAfter - cpuBefore) / completed : undefined,
    peakRssMb: rss.takePeak(),
  };
}

/** One request of a burst: sent as is, with Content-Length set from the body. */
export type BurstRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** What came back for one request (body decoded, gzip undone), or why nothing did; `ms` from send to last byte. */
export type BurstResponse =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }
  | { ok: false; error: string; ms: number };

export type BurstResult = {
  /** In the order of the requests given. */
  responses: BurstResponse[];
  wallMs: number;
  /** Server CPU time (user + system) spent during the burst, when /proc can tell. */
  serverCpuMs: number | undefined;
  /** The same for the server's main thread alone, which runs the event loop. */
  serverLoopCpuMs: number | undefined;
};

function send(agent: http.Agent, url: URL, request: BurstRequest, timeoutMs: number): Promise<BurstResponse> {
  const body = Buffer.from(request.body ?? "", "utf8");
  const started = performance.now();
  return new Promise((resolve) => {
    const fail = (error: Error) => resolve({ ok: false, error: error.message || error.name, ms: performance.now() - started });
    const req = http.request(
      url,
      { method: request.method, agent, headers: { ...request.headers, "content-length": String(body.length) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", fail);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
          resolve({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: text, ms: performance.now() - started });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", fail);
    req.end(body);
  });
}

/**
 * Sends `requests` with at most `concurrency` in flight (each of `concurrency` workers takes the next
 * one when its previous answer is in), on a fresh keep-alive agent so every burst opens its own
 * connections, as a room of phones would. With as many workers as requests, all leave at once.
 * Latency is measured per request from the moment it is sent, so it never includes waiting for a worker.
 */
export async function runBurst(
  baseUrl: string,
  requests: BurstRequest[],
  options: { concurrency: number; timeoutMs?: number; serverPid?: number },
): Promise<BurstResult> {
  const { concurrency, timeoutMs = 10_000, serverPid } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const responses: BurstResponse[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index]!;
      responses[index] = await send(agent, new URL(request.path, baseUrl), request, timeoutMs);
    }
  };
  const cpuBefore = serverPid === undefined ? undefined : procCpuMs(serverPid);
  const loopBefore = serverPid === undefined ? undefined : procCpuMs(serverPid, serverPid);
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  } finally {
    agent.destroy();
  }
  const wallMs = performance.now() - started;
  const cpuAfter = serverPid === undefined ? undefined : procCpuMs(serverPid);
  const loopAfter = serverPid === undefined ? undefined : procCpuMs(serverPid, serverPid);
  const spent = (before: number | undefined, after: number | undefined) => (before !== undefined && after !== undefined ? after - before : undefined);
  return { responses, wallMs, serverCpuMs: spent(cpuBefore, cpuAfter), serverLoopCpuMs: spent(loopBefore, loopAfter) };
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type PageJavaScript = { page: string; gzipBytes: number; files: { source: string; gzipBytes: number }[] };

const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [, name, ...values] of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(name!.toLowerCase(), (values.find((v) => v !== undefined) ?? "").replaceAll("&amp;", "&"));
  }
  return attrs;
}

/**
 * The JavaScript a page makes the browser download, gzipped file by file: every <script src>, every
 * <link rel="modulepreload">, and inline scripts (JSON data blocks such as ld+json excluded).
 */
export async function pageJavaScript(baseUrl: string, pagePath: string): Promise<PageJavaScript> {
  const pageUrl = new URL(pagePath, baseUrl);
  const res = await fetch(pageUrl, { redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}, not 200.`);

  const files: PageJavaScript["files"] = [];
  const urls = new Set<string>();
  for (const [, attrText = "", content = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = attributes(attrText);
    const src = attrs.get("src");
    if (src) urls.add(src);
    else if (JS_TYPES.has((attrs.get("type") ?? "").toLowerCase()) && content.trim()) {
      files.push({ source: `inline <script> #${files.length + 1}`, gzipBytes: gzipSync(content).length });
    }
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(5));
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attrs.get("href");
    if (rel.includes("modulepreload") && href) urls.add(href);
  }

  for (const src of urls) {
    const url = new URL(src, pageUrl);
    if (url.origin !== pageUrl.origin) throw new Error(`${pagePath} loads a script from another origin: ${url.href}`);
    const asset = await fetch(url);
    if (!asset.ok) throw new Error(`${pagePath} references ${url.pathname}, which answered ${asset.status}.`);
    files.push({ source: url.pathname, gzipBytes: gzipSync(Buffer.from(await asset.arrayBuffer())).length });
  }
  return { page: pagePath, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Prints each problem as a failure and gives the exit code: 1 when there is any. */
export function reportProblems(problems: readonly string[]): number {
  for (const problem of problems) console.error(`FAIL: ${problem}`);
  return problems.length ? 1 : 0;
}

/** Runs a bench's main and exits with its code (1 when it throws, with the reason). */
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
