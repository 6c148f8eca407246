/**
 * The gap analysis in a real browser: two solo cycles of one organization, each with a full
 * consensus posted over HTTP and locked, then the gap page of the second cycle and the
 * organization's maturity over time, in both languages, with JavaScript and without. axe on both
 * pages in this state (a compared second cycle, maturity over time) is the sweep's ("gaps-compared",
 * "org-home").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createOrganization, location, newClient, signUp } from "./accounts";
import { failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";

type Lang = "es" | "en";
type Localized = Record<Lang, string>;

/** The capability model as the server loads it: keys in order (INTERFACES.md) and both languages' names. */
const CONTENT = JSON.parse(readFileSync(path.resolve("content/capability-model.json"), "utf8")) as {
  categories: { key: string; name: Localized; capabilities: { key: string; name: Localized }[] }[];
};
const MODEL = CONTENT.categories.flatMap((category) => category.capabilities.map((capability) => ({ category, capability })));
const KEYS = MODEL.map((m) => m.capability.key);

type Levels = { current: number; ideal: number; importance: number };

/** Cycle 1: currents 1–3, goals one or two levels up. */
const cycle1 = (i: number): Levels => {
  const current = 1 + (i % 3);
  return { current, ideal: Math.min(4, current + 1 + (i % 2)), importance: 2 };
};
/**
 * Cycle 2: other values, a few goals below today (gap 0), and billing as the single largest
 * weighted gap (3 × 3 = 9; every other row has importance ≤ 2, so at most 6).
 */
const cycle2 = (i: number): Levels => {
  if (KEYS[i] === "billing") return { current: 1, ideal: 4, importance: 3 };
  const current = 1 + (i % 4);
  return { current, ideal: i % 7 === 3 ? Math.max(1, current - 1) : 4, importance: 1 + (i % 2) };
};

const rows2 = MODEL.map((m, i) => {
  const { current, ideal, importance } = cycle2(i);
  const gap = Math.max(0, ideal - current);
  return { ...m, index: i, current, ideal, gap, priority: gap * importance };
});
const ranked2 = rows2.filter((r) => r.gap > 0).sort((a, b) => b.priority - a.priority || b.gap - a.gap || a.index - b.index);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const overall = (cycle: (i: number) => Levels) => ({ current: mean(KEYS.map((_, i) => cycle(i).current)), ideal: mean(KEYS.map((_, i) => cycle(i).ideal)) });

/** The page's number format for indices (one decimal, the language's separator). */
const oneDecimal = (lang: Lang, value: number) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const TEXT = {
  es: { ranked: "Brechas por prioridad", filter: "Filtrar por categoría", table: "Todas las capacidades", maturity: "Madurez a lo largo del tiempo" },
  en: { ranked: "Gaps by priority", filter: "Filter by category", table: "All capabilities", maturity: "Maturity over time" },
} as const;

/** URLs of the lazily loaded chart modules; recharts itself is found by content (see chartChunks). */
const CHART_MODULE = /gap-charts|maturity-line/;

type Cycles = { orgId: string; first: string; second: string; storageState: Awaited<ReturnType<APIRequestContext["storageState"]>> };

async function postConsensus(api: APIRequestContext, orgId: string, assessmentId: string, cycle: (i: number) => Levels) {
  const form: Record<string, string> = { intent: "save" };
  KEYS.forEach((key, i) => {
    const { current, ideal, importance } = cycle(i);
    form[`${key}.current`] = String(current);
    form[`${key}.ideal`] = String(ideal);
    form[`${key}.importance`] = String(importance);
    form[`${key}.rationale`] = "";
  });
  const url = `/orgs/${orgId}/assessments/${assessmentId}/consensus`;
  const saved = await api.post(url, { form, maxRedirects: 0 });
  expect(saved.status(), `consensus of ${assessmentId}`).toBe(200);
  const locked = await api.post(url, { form: { intent: "lock" }, maxRedirects: 0 });
  expect(locked.status(), `lock of ${assessmentId}`).toBe(303);
  expect(location(locked)).toBe(`/orgs/${orgId}/assessments/${assessmentId}`);
}

async function newAssessment(api: APIRequestContext, orgId: string, name: string, mode: "solo" | "workshop"): Promise<string> {
  const response = await api.post(`/orgs/${orgId}/assessments/new`, { form: { name, mode }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  const id = location(response).match(new RegExp(`^/orgs/${orgId}/assessments/([\\w-]+)$`))?.[1];
  expect(id, `${name}'s id`).toBeTruthy();
  return id!;
}

/** A consultant, an organization and two locked solo cycles, all over HTTP; once per worker. */
let cycles: Promise<Cycles> | undefined;
function setUpCycles(playwright: { request: APIRequest }, baseURL: string): Promise<Cycles> {
  cycles ??= (async () => {
    const { api } = await signUp(playwright, baseURL, "gaps-consultant");
    const orgId = await createOrganization(api, `Gaps client ${Date.now()}`);
    const first = await newAssessment(api, orgId, "Ciclo 2025 H1", "solo");
    const second = await newAssessment(api, orgId, "Ciclo 2025 H2", "solo");
    await postConsensus(api, orgId, first, cycle1);
    await postConsensus(api, orgId, second, cycle2);
    const storageState = await api.storageState();
    await api.dispose();
    return { orgId, first, second, storageState };
  })();
  return cycles;
}

async function signedIn(browser: Browser, state: Cycles, lang: Lang, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "es" ? "es-ES" : "en-US", storageState: state.storageState, ...options });
  const page = await context.newPage();
  return { context, page, noConsoleErrors: failOnConsoleErrors(page) };
}

/** Every URL the page asks for (scripts, modulepreloads, data), from now on. */
function requestedUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** The script files among `urls` that hold recharts (its SVG class names), whatever the chunk is called. */
async function chartChunks(context: BrowserContext, urls: string[]): Promise<string[]> {
  const scripts = [...new Set(urls.filter((url) => new URL(url).pathname.endsWith(".js")))];
  const found: string[] = [];
  for (const url of scripts) {
    const body = await (await context.request.get(url)).text();
    if (body.includes("recharts-surface")) found.push(url);
  }
  return found;
}

async function expectTableRows(page: Page) {
  const rows = page.locator("tr[data-capability]");
  await expect(rows).toHaveCount(25);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-capability")))).toEqual(KEYS);
  const previous = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-previous-current"), tr.getAttribute("data-previous-ideal")]));
  expect(previous).toEqual(KEYS.map((_, i) => [String(cycle1(i).current), String(cycle1(i).ideal)]));
}

test.describe.configure({ timeout: 90_000 });

/** recharts arrives after hydration as a ~350 KB chunk: on a busy two-core runner that takes seconds. */
const chartExpect = expect.configure({ timeout: 20_000 });

for (const lang of ["es", "en"] as const) {
  test(`in ${lang}: the gap page of the second cycle draws its charts, compares with the first and filters by category`, async ({ browser, playwright, baseURL }) => {
    const state = await setUpCycles(playwright, baseURL!);
    const { context, page, noConsoleErrors } = await signedIn(browser, state, lang);
    const gapsPath = `/orgs/${state.orgId}/assessments/${state.second}/gaps`;
    await page.goto(gapsPath);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);

    // Charts: two radars and the gap bars, drawn as SVG once recharts has loaded.
    await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator(".recharts-radar")).toHaveCount(4);
    await expect(page.locator(".recharts-bar-rectangle").filter({ has: page.locator("path") })).toHaveCount(rows2.filter((r) => r.gap > 0).length);

    // The table: every capability, with the first cycle's values on each row.
    await expect(page.getByRole("table", { name: TEXT[lang].table })).toBeVisible();
    await expectTableRows(page);

    // The summary: the overall index is the mean of the 25 agreed levels, today → goal.
    const now = overall(cycle2);
    expect(now.current).not.toBeCloseTo(overall(cycle1).current, 1);
    await expect(page.getByTestId("overall-index")).toHaveText(new RegExp(`^\\s*${escape(oneDecimal(lang, now.current))}\\s.*\\s${escape(oneDecimal(lang, now.ideal))}\\s*$`));

    // The ranked list: largest weighted gap first.
    const rankedSection = page.locator("section").filter({ has: page.getByRole("heading", { name: TEXT[lang].ranked }) });
    const items = rankedSection.locator("ol > li");
    expect(ranked2[0]!.priority).toBeGreaterThan(ranked2[1]!.priority);
    await expect(items.first().getByRole("heading", { level: 3 })).toHaveText(ranked2[0]!.capability.name[lang]);
    await expect(items).toHaveCount(Math.min(10, ranked2.length));

    await screenshot(page, `gaps-${lang}-desktop`);

    // The category filter is a link: only talent's gaps remain, in priority order.
    const talent = CONTENT.categories.find((c) => c.key === "talent")!;
    await page.getByRole("navigation", { name: TEXT[lang].filter }).getByRole("link", { name: talent.name[lang], exact: true }).click();
    await expect(page).toHaveURL(/\?category=talent$/);
    const talentRanked = ranked2.filter((r) => r.category.key === "talent");
    expect(talentRanked.length).toBeGreaterThan(1);
    await expect(items.getByRole("heading", { level: 3 })).toHaveText(talentRanked.map((r) => r.capability.name[lang]));
    for (const text of await items.locator("div > p:first-child").allTextContents()) expect(text).toBe(talent.name[lang]);
    // The table below still lists every capability.
    await expect(page.locator("tr[data-capability]")).toHaveCount(25);

    // Every name and number of the charts is inside its chart: none cut off at an edge.
    expect(await chartTextOutside(page)).toEqual([]);
    await page.setViewportSize(VIEWPORTS.phone);
    await page.reload();
    await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    expect(await chartTextOutside(page)).toEqual([]);
    await screenshot(page, `gaps-${lang}-phone`);
    noConsoleErrors();
    await context.close();
  });

  test(`in ${lang}: the organization page shows maturity over time with both cycles and a line chart`, async ({ browser, playwright, baseURL }) => {
    const state = await setUpCycles(playwright, baseURL!);
    const { context, page, noConsoleErrors } = await signedIn(browser, state, lang);
    await page.goto(`/orgs/${state.orgId}`);
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: TEXT[lang].maturity }) });
    const rows = section.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.locator("th")).toHaveText(["Ciclo 2025 H1", "Ciclo 2025 H2"]);
    // Third column: the overall index of each cycle.
    await expect(rows.nth(0).locator("td").nth(1)).toHaveText(oneDecimal(lang, overall(cycle1).current));
    await expect(rows.nth(1).locator("td").nth(1)).toHaveText(oneDecimal(lang, overall(cycle2).current));
    await expect(rows.nth(1).getByRole("link")).toHaveAttribute("href", new RegExp(`assessments/${state.second}/gaps$`));

    await chartExpect(section.locator(".recharts-surface").first()).toBeVisible();
    // One line overall and one per category.
    await expect(section.locator(".recharts-line")).toHaveCount(1 + CONTENT.categories.length);
    await screenshot(page, `org-maturity-${lang}-desktop`);
    await page.setViewportSize(VIEWPORTS.phone);
    await chartExpect(section.locator(".recharts-surface").first()).toBeVisible();
    await screenshot(page, `org-maturity-${lang}-phone`);
    noConsoleErrors();
    await context.close();
  });
}

/** The texts of the page's charts that reach beyond their chart's box (cut off, or over the card's edge). */
function chartTextOutside(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("svg.recharts-surface")].flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text")]
        .filter((text) => {
          const r = text.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
        })
        .map((text) => `${text.textContent} (${Math.round(text.getBoundingClientRect().left - box.left)}…${Math.round(text.getBoundingClientRect().right - box.left)} of ${Math.round(box.width)})`);
    }),
  );
}

test("the quiz and the participant's page never load the chart code; the gap and organization pages do", async ({ browser, playwright, baseURL }) => {
  const state = await setUpCycles(playwright, baseURL!);

  // Positive control first: what "the chart code" is, as the pages that show charts load it.
  const { context, page, noConsoleErrors } = await signedIn(browser, state, "en");
  const gapsUrls = requestedUrls(page);
  await page.goto(`/orgs/${state.orgId}/assessments/${state.second}/gaps`);
  await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(gapsUrls.filter((url) => /gap-charts/.test(url))).not.toEqual([]);
  const recharts = await chartChunks(context, gapsUrls);
  expect(recharts, "a script holding recharts on the gap page").not.toEqual([]);
  const orgUrls = requestedUrls(page);
  await page.goto(`/orgs/${state.orgId}`);
  await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(orgUrls.filter((url) => /maturity-line/.test(url))).not.toEqual([]);

  // A workshop to join, for a participant's page.
  const facilitator = await browser.newContext({ storageState: state.storageState });
  const workshopId = await newAssessment(facilitator.request, state.orgId, "Taller", "workshop");
  const boardHtml = await (await facilitator.request.get(`/orgs/${state.orgId}/assessments/${workshopId}`)).text();
  const code = boardHtml.match(/data-testid="join-code"[^>]*>([^<]+)</)?.[1]?.trim();
  expect(code, "join code on the facilitator's page").toBeTruthy();
  await facilitator.close();
  const joiner = await newClient(playwright, baseURL!, "es");
  const joined = await joiner.post("/join", { form: { code: code!, name: "Rosa" }, maxRedirects: 0 });
  expect(joined.status()).toBe(303);
  const participantPath = location(joined);
  expect(participantPath).toMatch(/^\/w\/[\w-]+$/);
  await joiner.dispose();

  const phone = await browser.newContext({ viewport: VIEWPORTS.phone, locale: "es-ES", isMobile: true, hasTouch: true });
  for (const pagePath of ["/quiz", participantPath]) {
    const visitor = await phone.newPage();
    const visitorErrors = failOnConsoleErrors(visitor);
    const urls = requestedUrls(visitor);
    await visitor.goto(pagePath);
    await visitor.waitForLoadState("networkidle");
    expect(urls.length, `${pagePath} loaded something`).toBeGreaterThan(1);
    expect(urls.filter((url) => CHART_MODULE.test(url) || recharts.includes(url)), `chart code requested by ${pagePath}`).toEqual([]);
    expect(await visitor.locator(".recharts-surface").count()).toBe(0);
    visitorErrors();
    await visitor.close();
  }
  await phone.close();
  noConsoleErrors();
  await context.close();
});

test("without JavaScript the gap page still has the full table and a working category filter", async ({ browser, playwright, baseURL }) => {
  const state = await setUpCycles(playwright, baseURL!);
  const { context, page } = await signedIn(browser, state, "en", { javaScriptEnabled: false });
  const urls = requestedUrls(page);
  await page.goto(`/orgs/${state.orgId}/assessments/${state.second}/gaps`);
  await expectTableRows(page);
  const billing = page.locator('tr[data-capability="billing"]');
  await expect(billing.locator("td").nth(0)).toHaveText("1");
  await expect(billing.locator("td").nth(1)).toHaveText("4");
  await expect(billing.locator("td").nth(2)).toHaveText("3");
  await expect(billing.locator("td").nth(4)).toHaveText("9");
  // No charts without JavaScript, and no chart code fetched for nothing.
  await expect(page.locator(".recharts-surface")).toHaveCount(0);
  expect(urls.filter((url) => CHART_MODULE.test(url))).toEqual([]);

  await page.getByRole("navigation", { name: TEXT.en.filter }).getByRole("link", { name: "Talent management", exact: true }).click();
  await expect(page).toHaveURL(/\?category=talent$/);
  const talentRanked = ranked2.filter((r) => r.category.key === "talent").map((r) => r.capability.name.en);
  await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: TEXT.en.ranked }) }).locator("ol > li h3")).toHaveText(talentRanked);
  await expect(page.locator("tr[data-capability]")).toHaveCount(25);
  await context.close();
});
