/**
 * The gap analysis scenario of issue 5 for tests/bench/bench.ts: an organization with 10 locked
 * workshop assessments of 200 participants each (25 votes per participant: 50,000 ratings), then
 * the latest assessment's gap page and the organization page (maturity over time) under load, as
 * a signed-in member, each compared with the trivial route measured right before them.
 *
 * Accounts, the organization, the assessments and the locks go through the real HTTP API (the lock
 * fills the consensus from the vote medians, as in a workshop). The votes themselves are written
 * straight into the server's SQLite file: 2,000 rating posts over HTTP would measure the workshop
 * again (workshop.ts does that) and take most of the bench's time budget.
 *
 * Runs inside `npm run bench`, or alone with `npx tsx tests/bench/gaps.ts` after a build.
 * BENCH_GAPS_ASSESSMENTS (default 10) and BENCH_GAPS_PARTICIPANTS (default 200) change the shape.
 */
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { exitWith, formatTable, reportProblems, runScenario, sampleRss, startServer, type LoadShape, type RunningServer, type Scenario, type ScenarioResult } from "./lib";
import { readCapabilityKeys } from "./workshop";

export const GAPS = {
  assessments: Number(process.env.BENCH_GAPS_ASSESSMENTS ?? 10),
  participants: Number(process.env.BENCH_GAPS_PARTICIPANTS ?? 200),
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const DAY_MS = 24 * 3600 * 1000;

type GapsCtx = { cookie: string; orgPath: string; gapsPath: string };

export const fixed = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function post(baseUrl: string, urlPath: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(new URL(urlPath, baseUrl), {
    method: "POST",
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

export async function redirectMatch(res: Response, what: string, pattern: RegExp): Promise<RegExpMatchArray> {
  const body = await res.text();
  const location = res.headers.get("location") ?? "";
  const match = location.match(pattern);
  if (res.status !== 303 || !match) throw new Error(`${what} answered ${res.status} (Location: ${location || "none"}), expected a 303 to ${pattern}. ${body.slice(0, 300)}`);
  return match;
}

/** A consultant signs up (email `bench-<label>@example.com`) and creates an organization over HTTP. */
export async function signUpWithOrganization(baseUrl: string, label: string, organization: string): Promise<{ cookie: string; orgPath: string; orgId: string }> {
  const signup = await post(baseUrl, "/signup", { name: `Bench ${label}`, email: `bench-${label}@example.com`, password: "bench-password-123" });
  await redirectMatch(signup, "POST /signup", /^\/orgs/);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("__session="));
  if (!cookie) throw new Error("POST /signup set no __session cookie.");
  const [orgPath, orgId] = await redirectMatch(await post(baseUrl, "/orgs/new", { name: organization }, cookie), "POST /orgs/new", /^\/orgs\/([^/?]+)$/);
  return { cookie, orgPath: orgPath!, orgId: orgId! };
}

/** The trivial route, measured beside each group of pages. */
export const BASELINE: PageScenario<unknown> = { name: "GET /healthz", baseline: true, prepare: () => ({ path: "/healthz" }) };

/** A signed-in page under load: fewer connections, a sequential warm-up, and nothing but a 200 counts. */
export function signedInPage<Ctx extends { cookie: string }>(name: string, path: (ctx: Ctx) => string): PageScenario<Ctx> {
  return { name, expectStatus: [200], connections: PAGE_CONNECTIONS, sequentialWarmup: true, prepare: (ctx) => ({ path: path(ctx), headers: { cookie: ctx.cookie } }) };
}

/** A small seeded generator, so every run rates the same way. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const level = (value: number) => Math.min(4, Math.max(1, Math.round(value)));

/**
 * 200 participants × 25 votes per assessment in one transaction per assessment. The room improves a
 * little from cycle to cycle; about one vote in twenty is "cannot judge" (null), as on real phones.
 */
function writeVotes(databasePath: string, assessmentIds: string[], capabilityKeys: string[]): number {
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const random = mulberry32(5);
  const insertParticipant = db.prepare("insert into participants (id, assessment_id, token_hash, display_name) values (?, ?, ?, ?)");
  const insertRating = db.prepare(
    "insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at) values (?, ?, ?, ?, '', ?)",
  );
  let rows = 0;
  try {
    assessmentIds.forEach((assessmentId, cycle) => {
      db.transaction(() => {
        const now = Date.now();
        for (let p = 0; p < GAPS.participants; p++) {
          const participantId = crypto.randomBytes(12).toString("base64url");
          insertParticipant.run(participantId, assessmentId, crypto.randomBytes(32).toString("base64url"), `Participant ${cycle + 1}.${p + 1}`);
          capabilityKeys.forEach((key, c) => {
            const base = 1.3 + ((c * 7) % 10) / 10 + cycle * 0.12;
            const current = random() < 0.05 ? null : level(base + (random() - 0.5) * 2);
            const ideal = random() < 0.05 ? null : level(Math.max(current ?? 1, base + 1 + random()));
            insertRating.run(participantId, key, current, ideal, now);
            rows += 1;
          });
        }
      })();
    });
  } finally {
    db.close();
  }
  return rows;
}

/** Spreads the locks six months apart, oldest first, as an organization's real history would be. */
function backdateLocks(databasePath: string, assessmentIds: string[]): void {
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  try {
    const update = db.prepare("update assessments set locked_at = ? where id = ? and status = 'locked'");
    const now = Date.now();
    db.transaction(() => assessmentIds.forEach((id, i) => update.run(now - (assessmentIds.length - i) * 182 * DAY_MS, id)))();
  } finally {
    db.close();
  }
}

/**
 * A consultant signs up and creates the organization and its workshops; the votes go into SQLite;
 * each workshop is locked through POST …/consensus (five capabilities agreed explicitly with
 * importance 3, the rest adopted from the medians). Checks the pages answer 200 with what they should.
 */
export async function setUpGaps(server: RunningServer, capabilityKeys: string[]): Promise<GapsCtx & { ratings: number; gapsBytes: number }> {
  const { baseUrl } = server;
  const { cookie, orgPath, orgId } = await signUpWithOrganization(baseUrl, "gaps", "Gaps Bench Org");

  const assessmentIds: string[] = [];
  for (let i = 0; i < GAPS.assessments; i++) {
    const res = await post(baseUrl, `/orgs/${orgId}/assessments/new`, { name: `Cycle ${String(i + 1).padStart(2, "0")}`, mode: "workshop" }, cookie);
    const [, id] = await redirectMatch(res, "POST …/assessments/new", /^\/orgs\/[^/?]+\/assessments\/([^/?]+)$/);
    assessmentIds.push(id!);
  }

  const ratings = writeVotes(server.databasePath, assessmentIds, capabilityKeys);

  for (const [i, id] of assessmentIds.entries()) {
    const fields: Record<string, string> = { intent: "lock" };
    for (const key of capabilityKeys.filter((_, c) => (c + i) % 5 === 0)) {
      Object.assign(fields, { [`${key}.current`]: String(1 + (i % 3)), [`${key}.ideal`]: "4", [`${key}.importance`]: "3" });
    }
    await redirectMatch(await post(baseUrl, `/orgs/${orgId}/assessments/${id}/consensus`, fields, cookie), `lock of cycle ${i + 1}`, /^\/orgs\/[^/?]+\/assessments\/[^/?]+$/);
  }
  backdateLocks(server.databasePath, assessmentIds);

  const gapsPath = `/orgs/${orgId}/assessments/${assessmentIds.at(-1)}/gaps`;
  const page = await fetch(new URL(gapsPath, baseUrl), { headers: { cookie } });
  const html = await page.text();
  const rows = html.match(/<tr[^>]*data-capability="/g)?.length ?? 0;
  const withPrevious = html.match(/<tr[^>]*data-previous-current="\d"/g)?.length ?? 0;
  if (page.status !== 200 || rows !== capabilityKeys.length || withPrevious !== capabilityKeys.length) {
    throw new Error(`GET ${gapsPath} answered ${page.status} with ${rows} capability rows (${withPrevious} with a previous cycle); expected 200, ${capabilityKeys.length} and ${capabilityKeys.length}.`);
  }
  const org = await fetch(new URL(orgPath, baseUrl), { headers: { cookie } });
  const orgHtml = await org.text();
  const cycles = assessmentIds.filter((id) => orgHtml.includes(`assessments/${id}/gaps`)).length;
  if (org.status !== 200 || cycles !== GAPS.assessments) {
    throw new Error(`GET ${orgPath} answered ${org.status} linking ${cycles} of ${GAPS.assessments} locked cycles in its maturity history.`);
  }
  return { cookie, orgPath, gapsPath, ratings, gapsBytes: Buffer.byteLength(html) };
}

/**
 * The pages take tens of milliseconds of CPU each, so they get fewer connections than the baseline:
 * enough to keep the one Node process busy, few enough that requests still queued when a run ends
 * (autocannon abandons them, the server still serves them) barely spill into the next measurement.
 */
export const PAGE_CONNECTIONS = 10;

/** A 302 to /login would otherwise count as a (fast) success: signed-in pages must answer 200. */
export type PageScenario<Ctx> = Scenario<Ctx> & { sequentialWarmup?: boolean };

const scenarios: PageScenario<GapsCtx>[] = [
  BASELINE,
  signedInPage("GET …/gaps (latest of 10 cycles)", (ctx) => ctx.gapsPath),
  signedInPage("GET /orgs/:orgId (maturity over time)", (ctx) => ctx.orgPath),
];

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

export type Row = ScenarioResult & { connections: number; aloneMs?: number };

export function pagesTable(results: Row[]): string {
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

/**
 * Measures each scenario in turn on the running server (a sequential warm-up first where asked,
 * which also gives "alone ms"), collecting problems: errors, or a run that completed nothing.
 */
export async function measurePages<Ctx>(server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>, ctx: Ctx, pages: PageScenario<Ctx>[], problems: string[]): Promise<Row[]> {
  const results: Row[] = [];
  for (const scenario of pages) {
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
  return results;
}

/**
 * Sets up the organization, measures, prints the table and returns the problems (errors, a page
 * that did not answer 200, a run that completed nothing). The baseline is measured again here, next
 * to the pages it is compared with, because a shared machine's speed drifts over the bench's run.
 */
export async function runGapsBench(server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>): Promise<string[]> {
  const problems: string[] = [];
  const started = Date.now();
  process.stdout.write(`\n\nGap analysis: ${fixed(GAPS.assessments)} locked workshops × ${fixed(GAPS.participants)} participants × 25 votes… `);
  const ctx = await setUpGaps(server, readCapabilityKeys(ROOT));
  process.stdout.write(`${fixed(ctx.ratings)} ratings, set up in ${fixed((Date.now() - started) / 1000, 1)} s; gap page ${fixed(ctx.gapsBytes / 1024, 1)} KB of HTML`);
  const results = await measurePages(server, load, rss, ctx, scenarios, problems);
  const [baseline, gaps, org] = results as [Row, Row, Row];
  console.log(`\n\nGap analysis (${fixed(GAPS.assessments)} locked assessments × ${fixed(GAPS.participants)} participants, signed in; "alone ms": median of one request at a time):`);
  console.log(pagesTable(results));
  const ratio = (r: Row) => (baseline.requestsPerSecond ? fixed(r.requestsPerSecond / baseline.requestsPerSecond, 3) : "–");
  console.log(`Gap page throughput: ${ratio(gaps)}× the trivial route's; organization page: ${ratio(org)}×.`);
  return problems;
}

type PageBench = (server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>) => Promise<string[]>;

/** One page scenario alone, on its own server, when its file is run with `npx tsx` (after a build). */
export function runAloneIfMain(moduleUrl: string, bench: PageBench): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const main = async (): Promise<number> => {
    const load: LoadShape = {
      connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
      durationSeconds: Number(process.env.BENCH_DURATION ?? 5),
      warmupSeconds: 1,
      acceptEncoding: process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br",
    };
    const started = Date.now();
    const server = await startServer({ cwd: ROOT });
    const rss = sampleRss(server.pid);
    let problems: string[] = [];
    try {
      problems = await bench(server, load, rss);
    } finally {
      rss.stop();
      await server.stop();
    }
    console.log(`Total time: ${fixed((Date.now() - started) / 1000, 1)} s`);
    return reportProblems(problems);
  };
  exitWith(main);
}

runAloneIfMain(import.meta.url, runGapsBench);
