/**
 * The sweep: every page of the app, in Spanish and English, on a 360 px phone and a 1280 px
 * laptop. Each page must fit the width (no sideways scrolling, no navigation cut off in its own
 * scroll box), carry a title, and pass axe (WCAG 2.2 AA, every impact) at both widths: at 360 px
 * in one language and at 1280 px in the other, alternating from page to page. The sweep owns the
 * page-level audits; the flow specs audit only states it does not reach (a form showing its
 * errors, a revealed board...). A new page joins the sweep by adding a line to `pages` below.
 * Failures are collected per page (expect.soft), so one run lists everything that is wrong.
 * The 360 px pictures land in tests/.artifacts/screenshots/sweep-<lang>-360-<page>.png.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createInvite, createOrganization, inputValue, location, newClient, signUp } from "./accounts";
import { audit, screenshot } from "./fixtures";

type Lang = "es" | "en";
type Setup = {
  storageState: Awaited<ReturnType<APIRequestContext["storageState"]>>;
  orgId: string;
  assessment: string;
  solo: string;
  cycle2: string;
  participant: string;
  result: string;
  invite: string;
  initiative: string;
  metric: string;
};

const WIDTHS = [360, 1280] as const;
const NOT_FOUND_TITLE: Record<Lang, string> = { es: "Página no encontrada · Madura", en: "Page not found · Madura" };
const LANGS: Lang[] = ["es", "en"];

/** Every page, as a visitor (public) or as the consultant who owns the organization (signed in). */
function pages(s: Setup): { name: string; path: string; as: "public" | "consultant" }[] {
  const org = `/orgs/${s.orgId}`;
  const assessment = `${org}/assessments/${s.assessment}`;
  return [
    { name: "landing", path: "/", as: "public" },
    { name: "quiz", path: "/quiz", as: "public" },
    { name: "quiz-result", path: `/quiz/r/${s.result}`, as: "public" },
    { name: "join", path: "/join", as: "public" },
    { name: "rate", path: `/w/${s.participant}`, as: "public" },
    { name: "rate-step-4", path: `/w/${s.participant}?step=4`, as: "public" },
    { name: "rate-done", path: `/w/${s.participant}?step=done`, as: "public" },
    { name: "login", path: "/login", as: "public" },
    { name: "signup", path: "/signup", as: "public" },
    { name: "invite", path: `/invite/${s.invite}`, as: "public" },
    { name: "not-found", path: "/no-such-page", as: "public" },
    { name: "orgs", path: "/orgs", as: "consultant" },
    { name: "org-new", path: "/orgs/new", as: "consultant" },
    { name: "org-import", path: "/orgs/import", as: "consultant" },
    { name: "org-home", path: org, as: "consultant" },
    { name: "members", path: `${org}/members`, as: "consultant" },
    { name: "settings", path: `${org}/settings`, as: "consultant" },
    { name: "assessment-new", path: `${org}/assessments/new`, as: "consultant" },
    { name: "board", path: assessment, as: "consultant" },
    { name: "board-projector", path: `${assessment}?view=projector`, as: "consultant" },
    { name: "consensus", path: `${assessment}/consensus`, as: "consultant" },
    { name: "gaps", path: `${assessment}/gaps`, as: "consultant" },
    { name: "solo-consensus", path: `${org}/assessments/${s.solo}/consensus`, as: "consultant" },
    // The second of two locked cycles: charts compared with the first, initiatives generated from it.
    { name: "gaps-compared", path: `${org}/assessments/${s.cycle2}/gaps`, as: "consultant" },
    { name: "metrics", path: `${org}/metrics`, as: "consultant" },
    { name: "metrics-what-if", path: `${org}/metrics?points=5&fcr=72.4&csat=80&cost=4.2&csat_ratio=1&cost_ratio=1`, as: "consultant" },
    { name: "metric-new", path: `${org}/metrics/new`, as: "consultant" },
    { name: "metric", path: `${org}/metrics/${s.metric}`, as: "consultant" },
    { name: "metric-values", path: `${org}/metrics/${s.metric}/values`, as: "consultant" },
    { name: "metrics-import", path: `${org}/metrics/import`, as: "consultant" },
    { name: "feedback", path: `${org}/feedback`, as: "consultant" },
    { name: "feedback-new", path: `${org}/feedback/new`, as: "consultant" },
    { name: "feedback-import", path: `${org}/feedback/import`, as: "consultant" },
    { name: "roadmap", path: `${org}/roadmap`, as: "consultant" },
    { name: "roadmap-projector", path: `${org}/roadmap?view=projector`, as: "consultant" },
    { name: "roadmap-filtered", path: `${org}/roadmap?category=customer-interaction&status=in-progress`, as: "consultant" },
    { name: "org-not-found", path: "/orgs/no-such-organization", as: "consultant" },
    { name: "initiatives", path: `${org}/initiatives`, as: "consultant" },
    { name: "initiative-new", path: `${org}/initiatives/new`, as: "consultant" },
    { name: "initiative", path: `${org}/initiatives/${s.initiative}`, as: "consultant" },
    { name: "initiative-not-found", path: `${org}/initiatives/no-such-initiative`, as: "consultant" },
    { name: "review", path: `${org}/initiatives/${s.initiative}/reviews`, as: "consultant" },
    { name: "reviews-due", path: `${org}/reviews`, as: "consultant" },
    { name: "week", path: "/week", as: "consultant" },
    { name: "account", path: "/account", as: "consultant" },
  ];
}

/** The capability keys, in the model's order. */
const KEYS = (
  JSON.parse(readFileSync(path.resolve("content/capability-model.json"), "utf8")) as { categories: { capabilities: { key: string }[] }[] }
).categories.flatMap((category) => category.capabilities.map((capability) => capability.key));

/**
 * An organization with a live workshop that has one participant's ratings, a solo assessment, two
 * locked cycles (so its home page draws maturity over time and its initiatives page lists the
 * proposals generated from the second), a quiz result that counts for it, an invite, an initiative
 * with a metric and a customer comment.
 */
async function setUp(playwright: { request: APIRequest }, baseURL: string): Promise<Setup> {
  const consultant = await signUp(playwright, baseURL, "sweep");
  const orgId = await createOrganization(consultant.api, `Sweep client ${Date.now()}`);
  const newAssessment = async (name: string, mode: "workshop" | "solo") => {
    const response = await consultant.api.post(`/orgs/${orgId}/assessments/new`, { form: { name, mode }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    return location(response).split("/").pop()!;
  };
  const assessment = await newAssessment("2026 H2", "workshop");
  const solo = await newAssessment("2026 H1", "solo");
  const lockedCycle = async (name: string, level: (key: string) => [number, number, number]) => {
    const id = await newAssessment(name, "solo");
    const form: Record<string, string> = { intent: "save" };
    for (const key of KEYS) {
      const [current, ideal, importance] = level(key);
      Object.assign(form, { [`${key}.current`]: String(current), [`${key}.ideal`]: String(ideal), [`${key}.importance`]: String(importance), [`${key}.rationale`]: "" });
    }
    const url = `/orgs/${orgId}/assessments/${id}/consensus`;
    expect((await consultant.api.post(url, { form, maxRedirects: 0 })).status()).toBe(200);
    expect((await consultant.api.post(url, { form: { intent: "lock" }, maxRedirects: 0 })).status()).toBe(303);
    return id;
  };
  await lockedCycle("2025 H1", () => [1, 3, 2]);
  const cycle2 = await lockedCycle("2025 H2", (key) => (key === "billing" ? [1, 4, 3] : key === "security" ? [2, 4, 2] : [2, 2, 2]));
  const generated = await consultant.api.post(`/orgs/${orgId}/assessments/${cycle2}/initiatives`, { form: { intent: "generate" }, maxRedirects: 0 });
  expect(generated.status()).toBe(303);
  const quizLink = inputValue(await (await consultant.api.get(`/orgs/${orgId}`)).text(), "share-url");
  const quizInvite = quizLink && new URL(quizLink).searchParams.get("invite");
  expect(quizInvite, "the organization's quiz link").toBeTruthy();

  const board = await (await consultant.api.get(`/orgs/${orgId}/assessments/${assessment}`)).text();
  const code = board.match(/data-testid="join-code"[^>]*>([^<]+)</)?.[1]?.trim();
  expect(code, "join code on the board").toBeTruthy();

  const phone = await newClient(playwright, baseURL);
  const joined = await phone.post("/join", { form: { code: code!, name: "Ana María de los Ángeles" }, maxRedirects: 0 });
  expect(joined.status()).toBe(303);
  const participant = location(joined).split("/")[2]!.split("?")[0]!;
  const rated = await phone.post(`/w/${participant}`, {
    form: { step: "1", "business-intelligence.current": "2", "business-intelligence.ideal": "4", "customer-strategy.current": "1", "customer-strategy.ideal": "3" },
    maxRedirects: 0,
  });
  expect(rated.status()).toBeLessThan(400);

  const quiz = await phone.post("/quiz", { form: { q1: "b", q2: "c", q3: "b", q4: "c", invite: quizInvite! }, maxRedirects: 0 });
  expect(quiz.status()).toBe(303);
  const result = location(quiz).split("/").pop()!;
  await phone.dispose();

  const invite = await createInvite(consultant.api, orgId, "viewer");
  const created = await consultant.api.post(`/orgs/${orgId}/initiatives/new`, {
    form: { title: "Facturas claras", description: "Reescribir la factura.", capabilities: "billing", owner_name: "Olga Ortega", owner_email: "olga.ortega.responsable-de-facturacion@cliente-de-ejemplo.example", start: "2026-01-01", target: "2026-12-31", status: "in-progress", priority: "1", effort: "M", staffing: "train", metrics: "fcr" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(303);
  const initiative = location(created).split("/").pop()!;
  const enabled = await consultant.api.post(`/orgs/${orgId}/metrics/new`, { form: { key: "fcr", baseline: "68", target: "80", target_date: "2027-06-30", cadence: "monthly" }, maxRedirects: 0 });
  expect(enabled.status()).toBe(303);
  const metric = location(enabled).split("/").pop()!;
  for (const [date, value] of [["2026-07-31", "69,5"], ["2026-08-31", "71"], ["2026-09-30", "72.4"]] as const) {
    const saved = await consultant.api.post(`/orgs/${orgId}/metrics/${metric}/values`, { form: { date, value }, maxRedirects: 0 });
    expect(saved.status()).toBe(303);
  }
  const commented = await consultant.api.post(`/orgs/${orgId}/feedback/new`, {
    form: { date: "2026-11-02", sentiment: "negative", channel: "phone", capability: "billing", text: "Tres llamadas para corregir una factura: nadie sabía quién debía hacerlo." },
    maxRedirects: 0,
  });
  expect(commented.status()).toBe(303);
  const storageState = await consultant.api.storageState();
  await consultant.api.dispose();
  return { storageState, orgId, assessment, solo, cycle2, participant, result, invite, initiative, metric };
}

async function check(page: Page, name: string, lang: Lang, width: number, withAxe: boolean) {
  const overflow = await page.evaluate(() => {
    const page = document.documentElement;
    if (page.scrollWidth <= window.innerWidth) return null;
    // The widest offenders, to say where to look.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className.slice(0, 60)}"` : ""}>`);
    return `${page.scrollWidth - window.innerWidth}px too wide: ${wide.join(", ")}`;
  });
  expect.soft(overflow, `${name} (${lang}, ${width}px) scrolls sideways`).toBeNull();
  // Nor does a form field hide in a box that scrolls sideways (the consensus table's did on a phone);
  // the bots' honeypot, hidden from everyone on purpose, aside.
  const offscreenFields = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea")]
      .filter((el) => !el.closest("[aria-hidden=true]"))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 1 && (box.right > window.innerWidth + 1 || box.left < -1);
      })
      .map((el) => el.getAttribute("name") ?? el.id),
  );
  expect.soft(offscreenFields, `${name} (${lang}, ${width}px) form fields out of view`).toEqual([]);
  // A navigation bar that scrolls in its own box hides its last links (the tabs of an organization did).
  const cutNavigation = await page.evaluate(() =>
    [...document.querySelectorAll("nav")].filter((nav) => nav.scrollWidth > nav.clientWidth + 1).map((nav) => nav.getAttribute("aria-label") ?? "nav"),
  );
  expect.soft(cutNavigation, `${name} (${lang}, ${width}px) navigation cut off`).toEqual([]);
  expect.soft((await page.title()).trim(), `${name} (${lang}) has a <title>`).not.toBe("");
  // A page that is not there says so in its tab too, in the visitor's language.
  if (name.endsWith("not-found")) expect.soft(await page.title(), `${name} (${lang}) title`).toBe(NOT_FOUND_TITLE[lang]);
  if (withAxe) await audit(page, `${name} (${lang}, ${width}px) axe violations`, { every: true, soft: true });
}

/** The page is ready to measure: loaded, fonts in, hydrated if it ships scripts, lazy charts drawn. */
async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      document.readyState === "complete" &&
      (!document.querySelector('script[type="module"]') || Object.keys(document.body).some((key) => key.startsWith("__reactFiber"))) &&
      // The charts' placeholder (components/charts/lazy.tsx) stays until recharts has drawn.
      !document.querySelector(".animate-pulse"),
    undefined,
    { timeout: 20_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page);
}

/** Two animation frames: what a resize re-renders (charts follow their container) is painted. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** One tab per language and visitor, kept for the worker's whole share of the sweep. */
type Tab = { context: BrowserContext; page: Page; errors: string[] };
const tabs = new Map<string, Promise<Tab>>();
function tab(browser: Browser, lang: Lang, as: "public" | "consultant"): Promise<Tab> {
  const key = `${lang}:${as}`;
  let opened = tabs.get(key);
  if (!opened) {
    opened = (async () => {
      const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 780 }, locale: lang === "es" ? "es-ES" : "en-US" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      return { context, page, errors };
    })();
    tabs.set(key, opened);
  }
  return opened;
}

/** One set of fixtures per worker, made on first use. */
let setup: Promise<Setup> | undefined;

// The page list needs ids only known after set-up, so the tests are named from a placeholder.
const NAMES = pages({ storageState: { cookies: [], origins: [] }, orgId: "", assessment: "", solo: "", cycle2: "", participant: "", result: "", invite: "", initiative: "", metric: "" }).map((p) => p.name);

for (const [index, name] of NAMES.entries()) {
  for (const lang of LANGS) {
    // axe's rules (names, roles, contrast, landmarks) read the same markup in both languages, and the
    // locales are typed so a string cannot go missing in one: each page is audited once per
    // language, at 360 px in one and at 1280 px in the other, alternating from page to page.
    const auditWidth = LANGS[index % LANGS.length] === lang ? WIDTHS[0] : WIDTHS[1];
    test(`${name} fits ${WIDTHS.join(" and ")} px without sideways scroll and passes axe at ${auditWidth} px, in ${lang}`, async ({ browser, playwright, baseURL }) => {
      test.setTimeout(90_000);
      setup ??= setUp(playwright, baseURL!);
      const s = await setup;
      const target = pages(s).find((p) => p.name === name)!;
      // The same tab as the previous page of this language, with a fresh cookie jar: the visitor's
      // as if new, the consultant's holding only the session.
      const { context, page, errors } = await tab(browser, lang, target.as);
      await context.clearCookies();
      if (target.as === "consultant") await context.addCookies(s.storageState.cookies);
      await page.setViewportSize({ width: WIDTHS[0], height: 780 });
      errors.length = 0;
      const response = await page.goto(target.path);
      expect.soft(response?.status(), `${name} status`).toBe(name.endsWith("not-found") ? 404 : 200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      // What the page needs before it is measured (a live board never goes network-idle).
      await settled(page);
      // The server sends the same page to every width, so the wider widths are the same page resized:
      // the media queries apply again as they would on a rotated tablet or a widened window.
      for (const width of WIDTHS) {
        if (width !== WIDTHS[0]) {
          await page.setViewportSize({ width, height: 900 });
          await nextFrames(page);
        }
        await check(page, name, lang, width, width === auditWidth);
        if (width === 360) await screenshot(page, `sweep-${lang}-360-${name}`);
      }
      // A 404 logs the failed document load; anything else logged is a failure.
      if (!name.endsWith("not-found")) expect(errors, `${name} (${lang}) console errors`).toEqual([]);
    });
  }
}
