/**
 * The plan scenario of issue 11 for tests/bench/bench.ts: one consultant with 30 client
 * organizations of 100 initiatives each (3,000, some reviewed), then one organization's initiative
 * list and the consultant's week (everything due across the 30) under load, signed in, each beside
 * the trivial route measured right before it. The issue aims at 0.3× the trivial route or better.
 *
 * The consultant and the organizations go through the real HTTP API; the initiatives and reviews
 * are written straight into the server's SQLite file (3,000 form posts would take most of the
 * bench's time budget and measure the form, not the pages).
 *
 * Runs inside `npm run bench`, or alone with `npx tsx tests/bench/plan.ts` after a build.
 * BENCH_PLAN_ORGS (default 30) and BENCH_PLAN_INITIATIVES (default 100) change the shape.
 */
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { LoadShape, RunningServer, sampleRss } from "./lib";
import { baselineScenario, createOrganization, fixed, mulberry32, pageScenario, pagesTable, ratio, runAlone, runPages, signUp, staticCopyScenario, type PageRow } from "./pages";
import { readCapabilityKeys } from "./workshop";

export const PLAN = {
  organizations: Number(process.env.BENCH_PLAN_ORGS ?? 30),
  initiatives: Number(process.env.BENCH_PLAN_INITIATIVES ?? 100),
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const STATUSES = ["proposed", "planned", "in-progress", "in-progress", "in-progress", "done", "stopped"] as const;
const EFFORTS = ["S", "M", "L"] as const;
const STAFFING = ["none", "train", "hire"] as const;
const METRICS = ["fcr", "csat", "nps", "cost-per-call"];

/** `floorCookie` is a second consultant's, whose one organization has no initiative: the same pages empty. */
type PlanCtx = { cookie: string; listPath: string; floorCookie: string; floorListPath: string };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
function monthsFromNow(months: number, day: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  date.setUTCDate(day);
  return isoDay(date);
}

/**
 * Initiatives across the statuses, starting from eighteen months back to six ahead, with a
 * six-month review held on about a third of those under way: the week then has reviews overdue,
 * reviews due soon and targets passed in every organization, as a real portfolio does.
 */
function writePlans(databasePath: string, organizationIds: string[], capabilityKeys: string[]): { initiatives: number; reviews: number } {
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const random = mulberry32(11);
  const insertInitiative = db.prepare(
    `insert into initiatives (id, organization_id, title, description, capabilities, owner_name, owner_email, start, target, status, priority, effort, staffing, metrics, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReview = db.prepare(
    `insert into initiative_reviews (id, initiative_id, date, still_valid, priorities_changed, environment_changed, preferences_changed, decision, notes, created_at)
     values (?, ?, ?, 1, 0, ?, 0, ?, '', ?)`,
  );
  const counts = { initiatives: 0, reviews: 0 };
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  try {
    db.transaction(() => {
      const now = Date.now();
      for (const organizationId of organizationIds) {
        for (let i = 0; i < PLAN.initiatives; i++) {
          const id = crypto.randomBytes(12).toString("base64url");
          const status = pick(STATUSES);
          const startMonths = Math.floor(random() * 24) - 18;
          const start = status === "proposed" ? null : monthsFromNow(startMonths, 1 + Math.floor(random() * 28));
          const target = start ? monthsFromNow(startMonths + 3 + Math.floor(random() * 12), 28) : null;
          const capabilities = [pick(capabilityKeys), ...(random() < 0.3 ? [pick(capabilityKeys)] : [])];
          insertInitiative.run(
            id,
            organizationId,
            `Initiative ${i + 1}: ${capabilities[0]} step ${1 + (i % 3)}`,
            "Map the journey, agree the owner, change the process and measure the effect for two quarters.",
            [...new Set(capabilities)].join(";"),
            random() < 0.8 ? `Owner ${1 + Math.floor(random() * 12)}` : "",
            null,
            start,
            target,
            status,
            1 + Math.floor(random() * 3),
            pick(EFFORTS),
            pick(STAFFING),
            METRICS.filter(() => random() < 0.4).join(";"),
            now,
            now,
          );
          counts.initiatives += 1;
          if (status === "in-progress" && start && startMonths <= -6 && random() < 0.35) {
            insertReview.run(crypto.randomBytes(12).toString("base64url"), id, monthsFromNow(startMonths + 6, 15), random() < 0.3 ? 1 : 0, pick(["continue", "adjust"]), now);
            counts.reviews += 1;
          }
        }
      }
    })();
  } finally {
    db.close();
  }
  return counts;
}

/** Sets the portfolio up and checks both pages answer 200 with what they should show. */
export async function setUpPlan(server: RunningServer, capabilityKeys: string[]): Promise<PlanCtx & { initiatives: number; reviews: number; listHtml: string; weekHtml: string; listBytes: number; weekBytes: number }> {
  const { baseUrl } = server;
  const cookie = await signUp(baseUrl, "Plan Consultant", "bench-plan@example.com");
  const organizationIds: string[] = [];
  for (let i = 0; i < PLAN.organizations; i++) organizationIds.push(await createOrganization(baseUrl, cookie, `Plan client ${String(i + 1).padStart(2, "0")}`));
  const counts = writePlans(server.databasePath, organizationIds, capabilityKeys);

  const listPath = `/orgs/${organizationIds[0]}/initiatives`;
  const list = await fetch(new URL(listPath, baseUrl), { headers: { cookie } });
  const listHtml = await list.text();
  const planned = listHtml.match(/<tr[^>]*data-initiative="/g)?.length ?? 0;
  if (list.status !== 200 || planned === 0) throw new Error(`GET ${listPath} answered ${list.status} with ${planned} initiative rows.`);
  const week = await fetch(new URL("/week", baseUrl), { headers: { cookie } });
  const weekHtml = await week.text();
  const clients = organizationIds.filter((id) => weekHtml.includes(`/orgs/${id}/`)).length;
  if (week.status !== 200 || clients < PLAN.organizations / 2) throw new Error(`GET /week answered ${week.status} linking ${clients} of ${PLAN.organizations} organizations.`);

  // The floor: what the same two pages cost with nothing to show (the layouts, the session, the strings).
  const floorCookie = await signUp(baseUrl, "Floor Consultant", "bench-plan-floor@example.com");
  const floorListPath = `/orgs/${await createOrganization(baseUrl, floorCookie, "Empty client")}/initiatives`;
  for (const urlPath of [floorListPath, "/week"]) {
    const res = await fetch(new URL(urlPath, baseUrl), { headers: { cookie: floorCookie } });
    const html = await res.text();
    if (res.status !== 200 || /data-initiative="/.test(html)) throw new Error(`GET ${urlPath} for the empty organization answered ${res.status}${res.status === 200 ? " with initiatives" : ""}.`);
  }
  return { cookie, listPath, floorCookie, floorListPath, ...counts, listHtml, weekHtml, listBytes: Buffer.byteLength(listHtml), weekBytes: Buffer.byteLength(weekHtml) };
}


export async function runPlanBench(server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>): Promise<string[]> {
  const started = Date.now();
  process.stdout.write(`\n\nPlans: ${fixed(PLAN.organizations)} organizations × ${fixed(PLAN.initiatives)} initiatives… `);
  const ctx = await setUpPlan(server, readCapabilityKeys(ROOT));
  process.stdout.write(
    `${fixed(ctx.initiatives)} initiatives and ${fixed(ctx.reviews)} reviews, set up in ${fixed((Date.now() - started) / 1000, 1)} s; ` +
      `list ${fixed(ctx.listBytes / 1024, 1)} KB and week ${fixed(ctx.weekBytes / 1024, 1)} KB of HTML`,
  );
  const listCopy = staticCopyScenario(ROOT, "list", ctx.listHtml);
  const weekCopy = staticCopyScenario(ROOT, "week", ctx.weekHtml);
  const scenarios = [
    baselineScenario,
    pageScenario<PlanCtx>(`GET /orgs/:orgId/initiatives (${PLAN.initiatives} initiatives)`, (c) => c.listPath, (c) => c.cookie),
    listCopy,
    pageScenario<PlanCtx>("  the same list, no initiatives", (c) => c.floorListPath, (c) => c.floorCookie),
    pageScenario<PlanCtx>(`GET /week (${PLAN.organizations} organizations)`, () => "/week", (c) => c.cookie),
    weekCopy,
    pageScenario<PlanCtx>("  the same week, nothing due", () => "/week", (c) => c.floorCookie),
  ];
  const { results, problems } = await runPages(server, load, rss, ctx, scenarios).finally(() => [listCopy, weekCopy].forEach((copy) => copy.remove()));
  const [, list, listStatic, listFloor, week, weekStatic, weekFloor] = results as [PageRow, PageRow, PageRow, PageRow, PageRow, PageRow, PageRow];
  console.log(`\n\nPlans (${fixed(PLAN.organizations)} organizations × ${fixed(PLAN.initiatives)} initiatives, signed in as their consultant):`);
  console.log(pagesTable(results));
  console.log(
    `Initiative list throughput: ${ratio(results, list)}× the trivial route's (its bytes as a static file: ${ratio(results, listStatic)}×, ` +
      `the same page empty: ${ratio(results, listFloor)}×); the consultant's week: ${ratio(results, week)}× (static: ${ratio(results, weekStatic)}×, ` +
      `empty: ${ratio(results, weekFloor)}×). Aim: 0.3× or better.`,
  );
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAlone(ROOT, runPlanBench);
