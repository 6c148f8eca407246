/**
 * Load benchmark of the built production server on loopback: `npm run bench` (builds first), or
 * `npx tsx tests/bench/bench.ts` after `npx remix vite:build`.
 *
 * Prints requests/s, p50/p99 latency, errors and throughput relative to a trivial route for each
 * scenario, the server's peak memory, and the gzipped JavaScript each page ships. Exits 1 when the
 * server does not start, a scenario has errors, or a page is over its JavaScript budget.
 *
 * BENCH_DURATION (seconds, default 5), BENCH_CONNECTIONS (default 50) and BENCH_ACCEPT_ENCODING
 * (default "gzip, deflate, br", as browsers send; "" for none) override the load shape. "CPU ms/req"
 * is the server's own CPU time per request: steadier than requests/s when the machine is shared.
 * To add a scenario, append to `scenarios`; `prepare` may create data first (a workshop and 200
 * participants, say) and return a `requests` sequence instead of a single request.
 */
import path from "node:path";
import {
  formatTable,
  pageJavaScript,
  procStatusMb,
  runScenario,
  sampleRss,
  startServer,
  type RunningServer,
  type Scenario,
  type ScenarioResult,
} from "./lib";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 5),
  warmupSeconds: 1,
  acceptEncoding: process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br",
};

const QUIZ_ANSWERS = "q1=a&q2=b&q3=c&q4=d";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** What scenarios and pages share, made once after the server starts. */
type Ctx = { server: RunningServer; resultPath: string };

async function setUp(server: RunningServer): Promise<Ctx> {
  const res = await fetch(`${server.baseUrl}/quiz`, { method: "POST", headers: FORM, body: QUIZ_ANSWERS, redirect: "manual" });
  await res.body?.cancel();
  const location = res.headers.get("location");
  if (res.status !== 303 || !location) throw new Error(`POST /quiz answered ${res.status} (Location: ${location}), expected a 303 redirect.`);
  return { server, resultPath: new URL(location, server.baseUrl).pathname };
}

const scenarios: Scenario<Ctx>[] = [
  { name: "GET /healthz", baseline: true, prepare: () => ({ path: "/healthz" }) },
  { name: "GET /quiz", prepare: () => ({ path: "/quiz" }) },
  { name: "GET /quiz/r/:id", prepare: (ctx) => ({ path: ctx.resultPath }) },
  {
    name: "POST /quiz",
    expectStatus: [303],
    prepare: () => ({ path: "/quiz", method: "POST", headers: FORM, body: QUIZ_ANSWERS }),
  },
];

/** Pages whose JavaScript is weighed; `budgetKb` fails the run when exceeded (gzipped, 1 KB = 1024 bytes). */
const pages: { path: (ctx: Ctx) => string; budgetKb?: number }[] = [
  { path: () => "/" },
  { path: () => "/quiz", budgetKb: 120 },
  { path: (ctx) => ctx.resultPath },
];

const fixed = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function loadTable(results: ScenarioResult[]): string {
  const baseline = results.find((r) => r.baseline);
  return formatTable(
    ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "vs baseline", "CPU ms/req", "peak RSS MB"],
    results.map((r) => [
      r.name + (r.baseline ? " (baseline)" : ""),
      fixed(r.requestsPerSecond),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.errors),
      baseline?.requestsPerSecond ? `${fixed(r.requestsPerSecond / baseline.requestsPerSecond, 2)}×` : "–",
      r.cpuMsPerRequest === undefined ? "–" : fixed(r.cpuMsPerRequest, 2),
      fixed(r.peakRssMb, 1),
    ]),
  );
}

async function main(): Promise<number> {
  const problems: string[] = [];
  const started = Date.now();
  console.log(`Starting the built server (${LOAD.connections} connections, ${LOAD.durationSeconds} s per scenario)…`);
  let spawned: RunningServer | undefined;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server.`);
    void (spawned?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
  const server = await startServer({ cwd: ROOT, onSpawn: (s) => (spawned = s) });

  const rss = sampleRss(server.pid);
  try {
    const ctx = await setUp(server);

    console.log("\nJavaScript per page (gzipped):");
    const jsRows: string[][] = [];
    for (const page of pages) {
      const js = await pageJavaScript(server.baseUrl, page.path(ctx));
      const kb = js.gzipBytes / 1024;
      const over = page.budgetKb !== undefined && kb > page.budgetKb;
      if (over) problems.push(`${js.page} ships ${fixed(kb, 1)} KB of gzipped JavaScript, over its ${page.budgetKb} KB budget.`);
      jsRows.push([js.page, fixed(js.files.length), fixed(kb, 1), page.budgetKb === undefined ? "–" : `${page.budgetKb}`, over ? "OVER" : "ok"]);
    }
    console.log(formatTable(["page", "files", "KB gz", "budget KB", ""], jsRows));

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      process.stdout.write(`\nRunning ${scenario.name}… `);
      const result = await runScenario(scenario, ctx, server, LOAD, rss);
      results.push(result);
      process.stdout.write(`${fixed(result.completed)} requests`);
      if (result.errors > 0) {
        problems.push(`${scenario.name}: ${result.errors} errors (status counts: ${JSON.stringify(result.statusCounts)}).`);
      }
    }

    console.log(`\n\n${loadTable(results)}`);
    const hwm = procStatusMb(server.pid, "VmHWM");
    console.log(`\nPeak server memory (VmHWM): ${hwm === undefined ? "unavailable" : `${fixed(hwm, 1)} MB`}`);
    console.log(`Total time: ${fixed((Date.now() - started) / 1000, 1)} s`);
  } finally {
    rss.stop();
    await server.stop();
  }

  for (const problem of problems) console.error(`FAIL: ${problem}`);
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
