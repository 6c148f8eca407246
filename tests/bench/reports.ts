/**
 * The PDF reports for tests/bench/bench.ts (issue 14): how long the executive report of the demo
 * organization takes (cold, then warm: aim under 1 s), the same for an organization with something
 * in every table and for its workshop report; and a workshop's vote burst while reports render in
 * the worker pool, against the same burst without them (the p99 should rise by at most 20%).
 *
 * Runs inside `npm run bench`, or alone with `npx tsx tests/bench/reports.ts` after a build (then it
 * opens a workshop of its own for the burst). BENCH_REPORT_RENDERS (default 8) warm
 * renders per report; BENCH_REPORT_LOOPS (default 2) reports in flight during the burst.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { formatTable, percentile, startServer, type RunningServer } from "./lib";
import { postVoteRound, readCapabilityKeys, setUpWorkshop, WORKSHOP, type BurstSummary, type Workshop } from "./workshop";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RENDERS = Number(process.env.BENCH_REPORT_RENDERS ?? 8);
const LOOPS = Number(process.env.BENCH_REPORT_LOOPS ?? 2);
/** Issue 14: a vote burst's p99 may rise by at most this share while reports render. */
export const MAX_P99_RISE = 0.2;
/** Issue 14: the demo organization's executive report, warm. */
export const REPORT_TARGET_MS = 1000;

const fixed = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

type Ids = { demoOrgId: string; richOrgId: string; richWorkshopId: string };

async function seed(server: RunningServer): Promise<Ids> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "tests/bench/reports-seed.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: server.databasePath } });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Ids;
}

async function signIn(server: RunningServer): Promise<string> {
  const res = await fetch(new URL("/login", server.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "demo@madura.example", password: "madura-demo-2026" }),
    redirect: "manual",
  });
  await res.body?.cancel();
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("__session="));
  if (res.status !== 303 && res.status !== 302) throw new Error(`POST /login answered ${res.status}.`);
  if (!cookie) throw new Error("POST /login set no __session cookie.");
  return cookie;
}

async function download(server: RunningServer, urlPath: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(new URL(urlPath, server.baseUrl), { headers: { cookie } });
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (res.status !== 200 || res.headers.get("content-type") !== "application/pdf") throw new Error(`GET ${urlPath} answered ${res.status} ${res.headers.get("content-type")}.`);
  return { ms, bytes: body.byteLength };
}

type Timing = { name: string; coldMs: number; warm: number[]; kb: number };

async function time(server: RunningServer, name: string, urlPath: string, cookie: string): Promise<Timing> {
  const cold = await download(server, urlPath, cookie);
  const warm: number[] = [];
  for (let i = 0; i < RENDERS; i++) warm.push((await download(server, urlPath, cookie)).ms);
  return { name, coldMs: cold.ms, warm, kb: cold.bytes / 1024 };
}

/** A vote round alone, then with LOOPS reports rendering without pause, then alone again. */
async function burstWhileRendering(server: RunningServer, workshop: Workshop, headers: Record<string, string>, reportPath: string, cookie: string) {
  let round = 10;
  const alone1 = (await postVoteRound(server, workshop, headers, round++, "votes, no reports")).summary;
  let rendering = true;
  let rendered = 0;
  const loops = Array.from({ length: LOOPS }, async () => {
    while (rendering) {
      await download(server, reportPath, cookie);
      rendered += 1;
    }
  });
  // Let the first renders start, so the burst lands in the middle of them.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const during = (await postVoteRound(server, workshop, headers, round++, `votes, ${LOOPS} reports rendering`)).summary;
  rendering = false;
  await Promise.all(loops);
  const alone2 = (await postVoteRound(server, workshop, headers, round++, "votes, no reports (again)")).summary;
  return { bursts: [alone1, during, alone2], rendered };
}

export async function runReportsBench(server: RunningServer, workshop: Workshop | null, headers: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  process.stdout.write("\n\nReports: seeding the demo organization and a full one… ");
  const ids = await seed(server);
  const cookie = await signIn(server);
  console.log("done");
  const timings = [
    await time(server, "executive report, demo organization", `/orgs/${ids.demoOrgId}/report.pdf`, cookie),
    await time(server, "executive report, full organization", `/orgs/${ids.richOrgId}/report.pdf`, cookie),
    await time(server, "workshop report, 30 participants", `/orgs/${ids.richOrgId}/assessments/${ids.richWorkshopId}/report.pdf`, cookie),
  ];
  console.log(`\nPDF reports, one at a time (${RENDERS} warm renders each, after one cold):`);
  console.log(
    formatTable(
      ["report", "KB", "cold ms", "warm p50 ms", "warm max ms", `target < ${REPORT_TARGET_MS} ms`],
      timings.map((t) => {
        const p50 = percentile(t.warm, 50);
        return [t.name, fixed(t.kb), fixed(t.coldMs), fixed(p50), fixed(Math.max(...t.warm)), t.name.includes("demo") ? (p50 < REPORT_TARGET_MS ? "PASS" : "OVER") : "–"];
      }),
    ),
  );

  if (workshop) {
    const { bursts, rendered } = await burstWhileRendering(server, workshop, headers, `/orgs/${ids.richOrgId}/report.pdf`, cookie);
    for (const b of bursts) if (b.acknowledged < b.requests) problems.push(`${b.name}: ${fixed(b.requests - b.acknowledged)} of ${fixed(b.requests)} not acknowledged.`);
    const [alone1, during, alone2] = bursts as [BurstSummary, BurstSummary, BurstSummary];
    const baseline = (alone1.p99 + alone2.p99) / 2;
    const rise = during.p99 / baseline - 1;
    console.log(`\nA vote burst (${fixed(workshop.participants.length)} participants × ${workshop.capabilityKeys.length} votes at once) while reports render (${fixed(rendered)} full executive reports during the run):`);
    console.log(
      formatTable(
        ["burst", "acked", "p50 ms", "p99 ms", "max ms", "loop ms/req"],
        bursts.map((b) => [b.name, `${fixed(b.acknowledged)}/${fixed(b.requests)}`, fixed(b.p50, 1), fixed(b.p99, 1), fixed(b.max, 1), b.loopCpuMsPerRequest === undefined ? "–" : fixed(b.loopCpuMsPerRequest, 2)]),
      ),
    );
    console.log(
      `p99 rise while rendering: ${rise >= 0 ? "+" : ""}${fixed(rise * 100, 1)}% against the mean of the bursts before and after (${fixed(baseline, 1)} ms): ` +
        `${rise <= MAX_P99_RISE ? "PASS" : "OVER"} (at most +${MAX_P99_RISE * 100}%, issue 14; reported, not failed: timing depends on the machine). Issue 4's target: ${during.p99 < WORKSHOP.targetP99Ms ? "PASS" : "OVER"} < ${WORKSHOP.targetP99Ms} ms.`,
    );
  }
  return problems;
}

// Alone: a fresh server on its own database and a workshop of its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await startServer({ cwd: ROOT });
  try {
    const headers = { "accept-encoding": "gzip, deflate, br" };
    const workshop = await setUpWorkshop(server, readCapabilityKeys(ROOT), headers);
    await postVoteRound(server, workshop, headers, 1);
    const problems = await runReportsBench(server, workshop, headers);
    for (const problem of problems) console.error(`FAIL: ${problem}`);
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    await server.stop();
  }
}
