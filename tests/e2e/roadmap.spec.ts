/**
 * The roadmap in a real browser, in Spanish and English (INTERFACES "GET /orgs/:orgId/roadmap"):
 * with JavaScript off it shows the timeline and the ordered list with its data attributes, the
 * filters work as a plain GET form, a 390 px phone scrolls the timeline (never the page) sideways
 * (axe on the roadmap and the metric's page is the sweep's); print emulation drops the chrome. The metric's page marks the
 * linked initiatives on its chart. Screenshots in tests/.artifacts/shots/roadmap-*.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { createOrganization, location, signUp } from "./accounts";
import { failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";

type Lang = "es" | "en";

const TEXT = {
  es: { tab: "Hoja de ruta", title: "Hoja de ruta", apply: "Aplicar los filtros", status: "Estado", planned: "Planificada", start: "Inicio de una iniciativa" },
  en: { tab: "Roadmap", title: "Roadmap", apply: "Apply filters", status: "Status", planned: "Planned", start: "Initiative's start date" },
} as const;

/** A date `days` from today, as a date input posts it. */
const isoDay = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
};

const shot = (page: Page, name: string) => screenshot(page, name);

async function post(api: APIRequestContext, path: string, form: Record<string, string>): Promise<string> {
  const response = await api.post(path, { form, maxRedirects: 0 });
  expect(response.status(), `POST ${path}: ${(await response.text()).slice(0, 200)}`).toBe(303);
  return location(response);
}

/** Three initiatives in two categories (one planned), a review held, a locked assessment and FCR with a year of values. */
async function setUp(api: APIRequestContext, orgId: string) {
  const base = { description: "Why it matters.", owner_email: "", priority: "1", effort: "M", staffing: "train", metrics: "fcr" };
  const ids: string[] = [];
  for (const [title, capabilities, owner, start, target, status] of [
    ["Facturas claras / Clear bills", "billing", "Olga Ortega", isoDay(-150), isoDay(200), "in-progress"],
    ["Resolver en el primer contacto / First-contact resolution", "service-delivery", "Olga Ortega", isoDay(-40), isoDay(320), "in-progress"],
    ["Formación de agentes / Agent training", "talent-training", "Bruno Díaz", isoDay(60), isoDay(400), "planned"],
  ] as const) {
    ids.push((await post(api, `/orgs/${orgId}/initiatives/new`, { ...base, title, capabilities, owner_name: owner, start, target, status })).split("/").pop()!);
  }
  await post(api, `/orgs/${orgId}/initiatives/${ids[0]}/reviews`, {
    date: isoDay(-10), still_valid: "yes", priorities_changed: "no", environment_changed: "no", preferences_changed: "no", decision: "continue", notes: "",
  });
  const assessment = (await post(api, `/orgs/${orgId}/assessments/new`, { name: "2026", mode: "solo" })).split("/").pop()!;
  await post(api, `/orgs/${orgId}/assessments/${assessment}/consensus`, { intent: "lock", "billing.current": "1", "billing.ideal": "3" });
  const metric = (await post(api, `/orgs/${orgId}/metrics/new`, { key: "fcr", baseline: "68", target: "80", target_date: isoDay(400), cadence: "monthly" })).split("/").pop()!;
  for (let month = 11; month >= 0; month--) {
    await post(api, `/orgs/${orgId}/metrics/${metric}/values`, { date: isoDay(-30 * month - 1), value: String(68 + (11 - month) * 0.6) });
  }
  return { initiatives: ids, metric };
}

test.describe.configure({ timeout: 180_000 });

for (const lang of ["es", "en"] as const satisfies readonly Lang[]) {
  test(`in ${lang}: the roadmap without JavaScript, its list, filters, phone width, print, and the metric's markers`, async ({ browser, playwright, baseURL }) => {
    const text = TEXT[lang];
    const { api } = await signUp(playwright, baseURL!, `roadmap-${lang}`, { lang });
    const orgId = await createOrganization(api, `Roadmap client ${lang} ${Date.now()}`);
    const { initiatives, metric } = await setUp(api, orgId);
    const storageState = await api.storageState();
    await api.dispose();

    const noJs = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "es" ? "es-ES" : "en-US", storageState, javaScriptEnabled: false });
    const page = await noJs.newPage();
    const noConsoleErrors = failOnConsoleErrors(page);
    await page.goto(`/orgs/${orgId}`);
    await page.getByRole("navigation").getByRole("link", { name: text.tab, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/roadmap$`));
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();

    // The ordered list of INTERFACES: three initiatives with start and end, reviews, the reassessment.
    const items = page.locator("ol [data-roadmap-item]");
    await expect(items.and(page.locator('[data-kind="initiative"]'))).toHaveCount(3);
    for (const id of initiatives) {
      const item = page.locator(`[data-roadmap-item][data-kind="initiative"][data-initiative="${id}"]`);
      await expect(item).toHaveAttribute("data-start", /^\d{4}-\d{2}-\d{2}$/);
      await expect(item).toHaveAttribute("data-end", /^\d{4}-\d{2}-\d{2}$/);
    }
    await expect(page.locator('[data-roadmap-item][data-kind="review"][data-start="' + isoDay(-10) + '"]')).toHaveCount(1);
    await expect(page.locator('[data-roadmap-item][data-kind="reassessment"]')).toHaveCount(1);
    const starts = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-start")!));
    expect(starts).toEqual([...starts].sort());
    // The timeline draws the same: a bar row per initiative, the metric's line below.
    await expect(page.locator(".rm-bar-row[data-status]")).toHaveCount(3);
    await expect(page.locator(".rm-row polyline")).toHaveCount(1);

    // Filters are a GET form: status "planned" leaves the one planned initiative.
    await page.getByLabel(text.status).selectOption("planned");
    await page.getByRole("button", { name: text.apply }).click();
    await expect(page).toHaveURL(/status=planned/);
    await expect(page.locator('[data-roadmap-item][data-kind="initiative"]')).toHaveCount(1);
    await expect(page.locator(`[data-roadmap-item][data-kind="initiative"][data-initiative="${initiatives[2]}"]`)).toHaveCount(1);
    await expect(page.locator(".rm-bar-row[data-status]")).toHaveAttribute("data-status", "planned");

    noConsoleErrors();
    await noJs.close();

    // The page ships no JavaScript; the browser-side navigation needs it, so the rest runs in an ordinary context.
    const withJs = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "es" ? "es-ES" : "en-US", storageState });
    const page2 = await withJs.newPage();
    const noErrors = failOnConsoleErrors(page2);
    // From a page with React, the tab navigates in the browser: the same roadmap, drawn there.
    await page2.goto(`/orgs/${orgId}/initiatives`);
    await page2.getByRole("navigation").getByRole("link", { name: text.tab, exact: true }).click();
    await expect(page2).toHaveURL(new RegExp(`/orgs/${orgId}/roadmap$`));
    await expect(page2.locator('[data-roadmap-item][data-kind="initiative"]')).toHaveCount(3);
    await page2.goto(`/orgs/${orgId}/roadmap`);
    expect(await page2.locator("script[src*='/assets/']").count()).toBe(0);
    await shot(page2, `roadmap-${lang}-desktop`);

    // A phone: the page never scrolls sideways; the timeline does, in its own box, by quarter.
    await page2.setViewportSize(VIEWPORTS.phone);
    const widths = await page2.evaluate(() => {
      const box = document.querySelector<HTMLElement>(".roadmap-scroll")!;
      return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, box: box.scrollWidth, boxVisible: box.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.box).toBeGreaterThan(widths.boxVisible);
    await shot(page2, `roadmap-${lang}-phone`);

    // Print: A4 landscape width, no navigation, the whole timeline without a scroll box.
    await page2.setViewportSize({ width: 1123, height: 794 });
    await page2.emulateMedia({ media: "print" });
    await expect(page2.getByRole("navigation", { name: lang === "es" ? "Secciones de la organización" : "Organization sections" })).toBeHidden();
    const printed = await page2.evaluate(() => {
      const box = document.querySelector<HTMLElement>(".roadmap-scroll")!;
      return box.scrollWidth <= box.clientWidth + 1;
    });
    expect(printed).toBe(true);
    await shot(page2, `roadmap-${lang}-print`);
    await page2.emulateMedia({ media: "screen" });
    noErrors();

    // The metric's chart (with JavaScript, recharts) marks the linked initiatives; the list says the same in words.
    const detail = await withJs.newPage();
    const noDetailErrors = failOnConsoleErrors(detail);
    await detail.goto(`/orgs/${orgId}/metrics/${metric}`);
    const markers = detail.getByTestId("metric-markers").locator("li");
    await expect(markers.and(detail.locator('[data-kind="start"]'))).toHaveCount(3);
    await expect(markers.and(detail.locator('[data-kind="finish"]'))).toHaveCount(3);
    await expect(markers.and(detail.locator('[data-kind="review"]'))).toHaveCount(1);
    await expect(detail.locator(".recharts-surface").first()).toBeVisible({ timeout: 20_000 });
    // Starts inside the values' span are drawn (the planned one starts later: beyond the chart's right end only if past the target date).
    await expect(detail.locator(".recharts-reference-line path, .recharts-reference-line rect").first()).toBeVisible();
    await expect(detail.getByText(text.start).first()).toBeVisible();
    await shot(detail, `roadmap-${lang}-metric-markers`);
    noDetailErrors();
    await withJs.close();
  });
}
