/**
 * The roadmap scenario of issue 13 for tests/bench/bench.ts: an organization with 300 initiatives
 * (spread over three years around today, each category and status, a review for every one that
 * started more than six months ago) and 30 metrics with 60 monthly values each, then
 * GET /orgs/:orgId/roadmap under load as a signed-in member, beside the trivial route.
 *
 * The account, the organization and a locked assessment (the next reassessment) go through HTTP;
 * the initiatives, reviews, metrics and values are written straight into the server's SQLite file,
 * as gaps.ts does with votes. Runs inside `npm run bench`, or alone with `npx tsx tests/bench/roadmap.ts`.
 * BENCH_ROADMAP_INITIATIVES (default 300), BENCH_ROADMAP_METRICS (30), BENCH_ROADMAP_VALUES (60).
 */
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { baselineScenario, createOrganization, staticCopyScenario, fixed, mulberry32, pageScenario, pagesTable, post, ratio, redirectMatch, runAlone, runPages, signUp, type PageRow } from "./pages";
import type { LoadShape, RunningServer, sampleRss } from "./lib";
import { readCapabilityKeys } from "./workshop";

export const ROADMAP = {
  initiatives: Number(process.env.BENCH_ROADMAP_INITIATIVES ?? 300),
  metrics: Number(process.env.BENCH_ROADMAP_METRICS ?? 30),
  values: Number(process.env.BENCH_ROADMAP_VALUES ?? 60),
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const CATALOGUE = ["revenue-per-contact", "cost-per-call", "orders-per-period", "csat", "quality-score", "fcr", "nps", "ces"];
const STATUSES = ["planned", "in-progress", "in-progress", "done", "stopped", "planned"];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const monthsFromNow = (months: number, day = 1) => {
  const now = new Date();
  return iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day)));
};

/** Everything but the account and the lock, in one transaction. Returns the rows written. */
function writeOrganization(databasePath: string, organizationId: string, capabilityKeys: string[]): number {
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const random = mulberry32(13);
  const id = () => crypto.randomBytes(12).toString("base64url");
  const insertInitiative = db.prepare(
    `insert into initiatives (id, organization_id, title, description, capabilities, owner_name, start, target, status, priority, effort, staffing, metrics, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'M', 'train', ?, ?, ?)`,
  );
  const insertReview = db.prepare(
    `insert into initiative_reviews (id, initiative_id, date, still_valid, priorities_changed, environment_changed, preferences_changed, decision, notes, created_at)
     values (?, ?, ?, 1, 0, 0, 0, 'continue', '', ?)`,
  );
  const insertMetric = db.prepare(
    `insert into metrics (id, organization_id, key, name, kind, unit, direction, baseline, target, target_date, cadence, created_at)
     values (?, ?, ?, ?, ?, ?, 'higher', 60, 80, ?, 'monthly', ?)`,
  );
  const insertValue = db.prepare("insert into metric_values (metric_id, date, value) values (?, ?, ?)");
  let rows = 0;
  try {
    db.transaction(() => {
      const now = Date.now();
      const owners = ["Olga Ortega", "Bruno Díaz", "Carmen Ruiz", "Daniel Soto", "Elena Vidal", "Fernando Gil"];
      for (let i = 0; i < ROADMAP.initiatives; i++) {
        const initiativeId = id();
        const startMonths = Math.floor(random() * 36) - 18;
        const start = monthsFromNow(startMonths, 1 + Math.floor(random() * 27));
        const target = monthsFromNow(startMonths + 3 + Math.floor(random() * 15), 28);
        const capabilities = [capabilityKeys[i % capabilityKeys.length]!, ...(i % 4 === 0 ? [capabilityKeys[(i * 7 + 3) % capabilityKeys.length]!] : [])];
        insertInitiative.run(
          initiativeId, organizationId, `Initiative ${i + 1}: a clearer way to serve customers`, "Why it matters.", capabilities.join(";"),
          owners[i % owners.length], start, target, STATUSES[i % STATUSES.length], 1 + (i % 3), CATALOGUE[i % CATALOGUE.length], now + i, now + i,
        );
        rows += 1;
        for (let months = 6; startMonths + months < 0; months += 6) {
          insertReview.run(id(), initiativeId, monthsFromNow(startMonths + months, 10), now);
          rows += 1;
        }
      }
      for (let m = 0; m < ROADMAP.metrics; m++) {
        const metricId = id();
        const catalogue = m < CATALOGUE.length;
        insertMetric.run(metricId, organizationId, catalogue ? CATALOGUE[m] : null, catalogue ? null : `Custom metric ${m + 1}`, m % 2 ? "business" : "operational", catalogue ? null : "%", monthsFromNow(12), now + m);
        rows += 1;
        for (let v = 0; v < ROADMAP.values; v++) {
          insertValue.run(metricId, monthsFromNow(v - ROADMAP.values, 28), 60 + v * 0.3 + random() * 4);
          rows += 1;
        }
      }
    })();
  } finally {
    db.close();
  }
  return rows;
}

/** `emptyPath`: the roadmap of a second organization of the same consultant, with nothing on it (the page's floor). */
type RoadmapCtx = { cookie: string; roadmapPath: string; emptyPath: string };

export async function setUpRoadmap(server: RunningServer): Promise<RoadmapCtx & { rows: number; html: string; bytes: number; items: number }> {
  const { baseUrl } = server;
  const cookie = await signUp(baseUrl, "Roadmap Consultant", "bench-roadmap@example.com");
  const orgId = await createOrganization(baseUrl, cookie, "Roadmap Bench Org");
  const [, assessmentId] = await redirectMatch(
    await post(baseUrl, `/orgs/${orgId}/assessments/new`, { name: "Cycle 1", mode: "solo" }, cookie),
    "POST …/assessments/new",
    /^\/orgs\/[^/?]+\/assessments\/([^/?]+)$/,
  );
  await redirectMatch(await post(baseUrl, `/orgs/${orgId}/assessments/${assessmentId}/consensus`, { intent: "lock" }, cookie), "the lock", /^\/orgs\//);
  const rows = writeOrganization(server.databasePath, orgId, readCapabilityKeys(ROOT));
  const roadmapPath = `/orgs/${orgId}/roadmap`;
  const page = await fetch(new URL(roadmapPath, baseUrl), { headers: { cookie } });
  const html = await page.text();
  const items = html.match(/data-roadmap-item=""/g)?.length ?? 0;
  const bars = html.match(/class="rm-row rm-bar-row" data-status=/g)?.length ?? 0;
  const strips = html.match(/<polyline /g)?.length ?? 0;
  if (page.status !== 200 || bars < ROADMAP.initiatives / 3 || strips !== ROADMAP.metrics || !html.includes('data-kind="reassessment"')) {
    throw new Error(`GET ${roadmapPath} answered ${page.status} with ${bars} bars, ${strips} metric lines and ${items} list items; expected 200, at least a third of ${ROADMAP.initiatives} initiatives, ${ROADMAP.metrics} lines and the reassessment.`);
  }
  const emptyPath = `/orgs/${await createOrganization(baseUrl, cookie, "Roadmap Empty Org")}/roadmap`;
  const empty = await fetch(new URL(emptyPath, baseUrl), { headers: { cookie } });
  if (empty.status !== 200 || /rm-bar-row/.test(await empty.text())) throw new Error(`GET ${emptyPath} (no initiatives) answered ${empty.status}${empty.status === 200 ? " with bars" : ""}.`);
  return { cookie, roadmapPath, emptyPath, rows, html, bytes: Buffer.byteLength(html), items };
}

/** Sets up the organization, measures the roadmap beside the baseline, prints the table; returns the problems. */
export async function runRoadmapBench(server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>): Promise<string[]> {
  const started = Date.now();
  process.stdout.write(`\n\nRoadmap: ${fixed(ROADMAP.initiatives)} initiatives, ${fixed(ROADMAP.metrics)} metrics × ${fixed(ROADMAP.values)} values… `);
  const ctx = await setUpRoadmap(server);
  process.stdout.write(`${fixed(ctx.rows)} rows, set up in ${fixed((Date.now() - started) / 1000, 1)} s; ${fixed(ctx.bytes / 1024, 1)} KB of HTML, ${fixed(ctx.items)} list items`);
  const copy = staticCopyScenario(ROOT, "roadmap", ctx.html);
  const scenarios = [
    baselineScenario,
    pageScenario<RoadmapCtx>("GET /orgs/:orgId/roadmap", (c) => c.roadmapPath, (c) => c.cookie),
    copy,
    pageScenario<RoadmapCtx>("  the same page, nothing on it", (c) => c.emptyPath, (c) => c.cookie),
  ];
  const { results, problems } = await runPages(server, load, rss, ctx, scenarios).finally(() => copy.remove());
  const [, roadmap, roadmapStatic, roadmapEmpty] = results as [PageRow, PageRow, PageRow, PageRow];
  console.log(`\n\nRoadmap (signed in; "alone ms": median of one request at a time):`);
  console.log(pagesTable(results));
  console.log(`Roadmap throughput: ${ratio(results, roadmap)}× the trivial route's (aim ≥ 0.3×; its bytes as a static file: ${ratio(results, roadmapStatic)}×; the same page empty: ${ratio(results, roadmapEmpty)}×).`);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAlone(ROOT, runRoadmapBench);
