/**
 * Signed-in pages under load, for the scenarios that build an organization first (gaps.ts,
 * plan.ts): sign up and post forms over HTTP, then measure each page beside the trivial route
 * measured right before it, since a shared machine's speed drifts over the bench's run.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatTable, runScenario, sampleRss, type LoadShape, type RunningServer, type Scenario, type ScenarioResult } from "./lib";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

export const fixed = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function post(baseUrl: string, urlPath: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(new URL(urlPath, baseUrl), {
    method: "POST",
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

/** The 303's Location matched against `pattern`, or an error that says what came back instead. */
export async function redirectMatch(res: Response, what: string, pattern: RegExp): Promise<RegExpMatchArray> {
  const body = await res.text();
  const location = res.headers.get("location") ?? "";
  const match = location.match(pattern);
  if (res.status !== 303 || !match) throw new Error(`${what} answered ${res.status} (Location: ${location || "none"}), expected a 303 to ${pattern}. ${body.slice(0, 300)}`);
  return match;
}

/** Signs a consultant up and returns the session cookie. */
export async function signUp(baseUrl: string, name: string, email: string): Promise<string> {
  const signup = await post(baseUrl, "/signup", { name, email, password: "bench-password-123" });
  await redirectMatch(signup, "POST /signup", /^\/orgs/);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("__session="));
  if (!cookie) throw new Error("POST /signup set no __session cookie.");
  return cookie;
}

/** Creates an organization and returns its id. */
export async function createOrganization(baseUrl: string, cookie: string, name: string): Promise<string> {
  const [, orgId] = await redirectMatch(await post(baseUrl, "/orgs/new", { name }, cookie), "POST /orgs/new", /^\/orgs\/([^/?]+)$/);
  return orgId!;
}

/** A small seeded generator, so every run builds the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The pages take tens of milliseconds of CPU each, so they get fewer connections than the baseline:
 * enough to keep the one Node process busy, few enough that requests still queued when a run ends
 * (autocannon abandons them, the server still serves them) barely spill into the next measurement.
 */
const PAGE_CONNECTIONS = 10;

/** A signed-in page: a 302 to /login would otherwise count as a (fast) success, so it must answer 200. */
export function pageScenario<Ctx>(name: string, path: (ctx: Ctx) => string, cookie: (ctx: Ctx) => string): Scenario<Ctx> & { sequentialWarmup: boolean } {
  return { name, expectStatus: [200], connections: PAGE_CONNECTIONS, sequentialWarmup: true, prepare: (ctx) => ({ path: path(ctx), headers: { cookie: cookie(ctx) } }) };
}

/**
 * The ceiling of a page: the same bytes it answered, written into build/client and served as a
 * static file (no session, database or rendering; the same compression). A page's ratio reads
 * against this one: a large page cannot beat the cost of compressing and sending its own bytes.
 * `remove()` deletes the file once the run is over.
 */
export function staticCopyScenario(root: string, name: string, html: string): Scenario<unknown> & { remove(): void } {
  const file = `bench-static-${name.replace(/[^a-z0-9]+/gi, "-")}.html`;
  const where = path.join(root, "build/client", file);
  writeFileSync(where, html);
  return {
    name: `  same bytes as a static file`,
    expectStatus: [200],
    connections: PAGE_CONNECTIONS,
    prepare: () => ({ path: `/${file}` }),
    remove: () => rmSync(where, { force: true }),
  };
}

export const baselineScenario = { name: "GET /healthz", baseline: true, prepare: () => ({ path: "/healthz" }) };

/**
 * Warms a page up one request at a time (nothing left in flight afterwards, unlike a timed
 * autocannon warm-up) and returns the median time of one request on an otherwise idle server.
 */
async function sequential(baseUrl: string, urlPath: string, headers: Record<string, string>, count = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(new URL(urlPath, baseUrl), { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${urlPath} answered ${res.status} during the warm-up.`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Waits until the server has served whatever a run left in flight: one request queues behind them. */
async function settle(baseUrl: string): Promise<void> {
  const res = await fetch(new URL("/healthz", baseUrl));
  await res.arrayBuffer();
}

export type PageRow = ScenarioResult & { connections: number; aloneMs?: number };

export function pagesTable(results: PageRow[]): string {
  const baseline = results.find((r) => r.baseline);
  return formatTable(
    ["scenario", "conn.", "alone ms", "req/s", "p50 ms", "p99 ms", "errors", "vs baseline", "CPU ms/req", "peak RSS MB"],
    results.map((r) => [
      r.name + (r.baseline ? " (baseline)" : ""),
      fixed(r.connections),
      r.aloneMs === undefined ? "–" : fixed(r.aloneMs, 1),
      fixed(r.requestsPerSecond),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.errors),
      baseline?.requestsPerSecond ? `${fixed(r.requestsPerSecond / baseline.requestsPerSecond, 3)}×` : "–",
      r.cpuMsPerRequest === undefined ? "–" : fixed(r.cpuMsPerRequest, 2),
      fixed(r.peakRssMb, 1),
    ]),
  );
}

/** Throughput as a ratio of the baseline's, as the README quotes it. */
export function ratio(results: PageRow[], row: PageRow): string {
  const baseline = results.find((r) => r.baseline);
  return baseline?.requestsPerSecond ? fixed(row.requestsPerSecond / baseline.requestsPerSecond, 3) : "–";
}

/** Runs the scenarios in order and returns their rows and the problems (errors, nothing completed). */
export async function runPages<Ctx>(
  server: RunningServer,
  load: LoadShape,
  rss: ReturnType<typeof sampleRss>,
  ctx: Ctx,
  scenarios: (Scenario<Ctx> & { sequentialWarmup?: boolean })[],
): Promise<{ results: PageRow[]; problems: string[] }> {
  const problems: string[] = [];
  const results: PageRow[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`\n  Running ${scenario.name}… `);
    await settle(server.baseUrl);
    let aloneMs: number | undefined;
    if (scenario.sequentialWarmup) {
      const { path: urlPath, headers = {} } = await scenario.prepare(ctx);
      aloneMs = await sequential(server.baseUrl, urlPath, { ...(load.acceptEncoding ? { "accept-encoding": load.acceptEncoding } : {}), ...headers });
    }
    const result = await runScenario(scenario, ctx, server, scenario.sequentialWarmup ? { ...load, warmupSeconds: 0 } : load, rss);
    results.push({ ...result, connections: scenario.connections ?? load.connections, aloneMs });
    process.stdout.write(`${fixed(result.completed)} requests`);
    if (result.errors > 0) problems.push(`${scenario.name}: ${result.errors} errors (status counts: ${JSON.stringify(result.statusCounts)}).`);
    if (result.completed === 0) problems.push(`${scenario.name}: no request completed within ${load.durationSeconds} s.`);
  }
  await settle(server.baseUrl);
  return { results, problems };
}

/** Environment-driven load shape, for a scenario file run alone. */
export function loadFromEnv(): LoadShape {
  return {
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    durationSeconds: Number(process.env.BENCH_DURATION ?? 5),
    warmupSeconds: 1,
    acceptEncoding: process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br",
  };
}

/** Runs one scenario file alone (`npx tsx tests/bench/<file>.ts` after a build) on its own server. */
export async function runAlone(root: string, run: (server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>) => Promise<string[]>): Promise<void> {
  const { startServer } = await import("./lib");
  const started = Date.now();
  let code = 1;
  try {
    const server = await startServer({ cwd: root });
    const rss = sampleRss(server.pid);
    let problems: string[] = [];
    try {
      problems = await run(server, loadFromEnv(), rss);
    } finally {
      rss.stop();
      await server.stop();
    }
    console.log(`Total time: ${fixed((Date.now() - started) / 1000, 1)} s`);
    for (const problem of problems) console.error(`FAIL: ${problem}`);
    code = problems.length ? 1 : 0;
  } catch (error) {
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(code);
}
