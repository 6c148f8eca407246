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
import type { LoadShape, RunningServer, sampleRss } from "./lib";
import { baselineScenario, createOrganization, fixed, mulberry32, pageScenario, pagesTable, post, ratio, redirectMatch, runAlone, runPages, signUp, type PageRow } from "./pages";
import { readCapabilityKeys } from "./workshop";

export const GAPS = {
  assessments: Number(process.env.BENCH_GAPS_ASSESSMENTS ?? 10),
  participants: Number(process.env.BENCH_GAPS_PARTICIPANTS ?? 200),
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const DAY_MS = 24 * 3600 * 1000;

type GapsCtx = { cookie: string; orgPath: string; gapsPath: string };

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
  const cookie = await signUp(baseUrl, "Gaps Consultant", "bench-gaps@example.com");
  const orgId = await createOrganization(baseUrl, cookie, "Gaps Bench Org");
  const orgPath = `/orgs/${orgId}`;

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
  const org = await fetch(new URL(orgPath!, baseUrl), { headers: { cookie } });
  const orgHtml = await org.text();
  const cycles = assessmentIds.filter((id) => orgHtml.includes(`assessments/${id}/gaps`)).length;
  if (org.status !== 200 || cycles !== GAPS.assessments) {
    throw new Error(`GET ${orgPath} answered ${org.status} linking ${cycles} of ${GAPS.assessments} locked cycles in its maturity history.`);
  }
  return { cookie, orgPath, gapsPath, ratings, gapsBytes: Buffer.byteLength(html) };
}

const scenarios = [
  baselineScenario,
  pageScenario<GapsCtx>("GET …/gaps (latest of 10 cycles)", (ctx) => ctx.gapsPath, (ctx) => ctx.cookie),
  pageScenario<GapsCtx>("GET /orgs/:orgId (maturity over time)", (ctx) => ctx.orgPath, (ctx) => ctx.cookie),
];

/**
 * Sets up the organization, measures, prints the table and returns the problems (errors, a page
 * that did not answer 200, a run that completed nothing). The baseline is measured again here, next
 * to the pages it is compared with, because a shared machine's speed drifts over the bench's run.
 */
export async function runGapsBench(server: RunningServer, load: LoadShape, rss: ReturnType<typeof sampleRss>): Promise<string[]> {
  const started = Date.now();
  process.stdout.write(`\n\nGap analysis: ${fixed(GAPS.assessments)} locked workshops × ${fixed(GAPS.participants)} participants × 25 votes… `);
  const ctx = await setUpGaps(server, readCapabilityKeys(ROOT));
  process.stdout.write(`${fixed(ctx.ratings)} ratings, set up in ${fixed((Date.now() - started) / 1000, 1)} s; gap page ${fixed(ctx.gapsBytes / 1024, 1)} KB of HTML`);
  const { results, problems } = await runPages(server, load, rss, ctx, scenarios);
  const [, gaps, org] = results as [PageRow, PageRow, PageRow];
  console.log(`\n\nGap analysis (${fixed(GAPS.assessments)} locked assessments × ${fixed(GAPS.participants)} participants, signed in; "alone ms": median of one request at a time):`);
  console.log(pagesTable(results));
  console.log(`Gap page throughput: ${ratio(results, gaps)}× the trivial route's; organization page: ${ratio(results, org)}×.`);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAlone(ROOT, runGapsBench);
