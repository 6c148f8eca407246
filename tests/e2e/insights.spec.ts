/**
 * Issue 13's insights in a real browser, in Spanish and English, at 1280 and 390 px (axe on the gap
 * page with its peers, a state the sweep does not reach):
 * the peer benchmark and the customer feedback beside the gap analysis; "turn into an initiative"
 * and a metric value out of bounds posted without JavaScript; the FCR what-if as a GET form; a review
 * that shows and saves the linked metrics' latest values. Screenshots in
 * tests/.artifacts/screenshots/insights-*.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createOrganization, location, signUp } from "./accounts";
import { audit, failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";

type Lang = "es" | "en";

const KEYS = ["business-intelligence", "customer-strategy", "customer-processes", "customer-products", "knowledge-management", "talent-acquisition", "talent-alignment", "talent-training", "talent-retention", "workforce-management", "channel-management", "integrated-sales", "billing", "service-delivery", "automated-channels", "cx-intelligence", "quality-management", "technology-roadmap", "applications", "technology-architecture", "communications", "security", "data-management", "physical-environment", "systems-integration"];

const TEXT = {
  es: { start: "Empiece aquí", positive: "Crear una iniciativa para repetirlo a escala", fromFeedback: "Creada a partir de un comentario positivo", bounds: "Esta métrica toma valores de 0 a 100.", save: "Guardar el valor", calculate: "Calcular", review: "Guardar revisión", peers: "Frente a los demás clientes de su consultor" },
  en: { start: "Start here", positive: "Draft an initiative to repeat it at scale", fromFeedback: "Drafted from a positive customer comment", bounds: "This metric takes values from 0 to 100.", save: "Save the value", calculate: "Calculate", review: "Save review", peers: "Among your consultant's other clients" },
} as const;

/** A locked workshop in a new organization of this consultant: every capability at `current` → `ideal`, billing 1 → 3. */
async function lockedWorkshop(api: APIRequestContext, name: string, current: number) {
  const orgId = await createOrganization(api, name);
  const created = await api.post(`/orgs/${orgId}/assessments/new`, { form: { name: "Taller 2026", mode: "workshop" }, maxRedirects: 0 });
  expect(created.status()).toBe(303);
  const assessmentId = location(created).split("/").pop()!;
  const form: Record<string, string> = { intent: "save" };
  for (const key of KEYS) {
    const [now, ideal] = key === "billing" ? [1, 3] : [current, Math.min(4, current + 1)];
    Object.assign(form, { [`${key}.current`]: String(now), [`${key}.ideal`]: String(ideal), [`${key}.importance`]: "2", [`${key}.rationale`]: "" });
  }
  const url = `/orgs/${orgId}/assessments/${assessmentId}/consensus`;
  expect((await api.post(url, { form, maxRedirects: 0 })).status()).toBe(200);
  expect((await api.post(url, { form: { intent: "lock" }, maxRedirects: 0 })).status()).toBe(303);
  return { orgId, assessmentId };
}

async function setUp(api: APIRequestContext, lang: Lang) {
  // The organization and its five peers at once, as independent requests.
  const [{ orgId, assessmentId }] = await Promise.all([
    lockedWorkshop(api, `Insights ${lang} ${Date.now()}`, 2),
    ...[1, 2, 2, 3, 3].map((current, i) => lockedWorkshop(api, `Peer ${lang} ${i} ${Date.now()}`, current)),
  ]);
  const ids: Record<string, string> = {};
  await Promise.all(
    ["fcr", "csat"].map(async (key) => {
      const enabled = await api.post(`/orgs/${orgId}/metrics/new`, { form: { key, baseline: "68", target: "80", target_date: "2027-06-30", cadence: "monthly" }, maxRedirects: 0 });
      expect(enabled.status()).toBe(303);
      ids[key] = location(enabled).split("/").pop()!;
      for (const [date, value] of [["2026-08-31", "69,5"], ["2026-09-30", "72.4"]] as const) {
        expect((await api.post(`/orgs/${orgId}/metrics/${ids[key]}/values`, { form: { date, value }, maxRedirects: 0 })).status()).toBe(303);
      }
    }),
  );
  const initiative = await api.post(`/orgs/${orgId}/initiatives/new`, {
    form: { title: "Resolver en la primera llamada", description: "Herramientas para cerrar el caso en un contacto.", capabilities: "billing", owner_name: "Olga Ortega", start: "2026-01-01", target: "2027-06-30", status: "in-progress", priority: "1", effort: "M", staffing: "train", metrics: "fcr" },
    maxRedirects: 0,
  });
  expect(initiative.status()).toBe(303);
  const comments = [
    ...Array.from({ length: 3 }, (_, i) => ({ sentiment: "negative", channel: "phone", capability: "billing", text: `Tres llamadas para corregir una factura (${i + 1}).` })),
    { sentiment: "positive", channel: "chat", capability: "", text: "El chat me resolvió la duda en dos minutos, con mucha amabilidad." },
  ];
  await Promise.all(
    comments.map(async (comment) => expect((await api.post(`/orgs/${orgId}/feedback/new`, { form: { date: "2026-11-02", ...comment }, maxRedirects: 0 })).status()).toBe(303)),
  );
  return { orgId, assessmentId, fcr: ids.fcr!, initiative: location(initiative).split("/").pop()! };
}

async function open(browser: Browser, api: APIRequestContext, lang: Lang, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "es" ? "es-ES" : "en-US", storageState: await api.storageState(), javaScriptEnabled });
  const page = await context.newPage();
  return { context, page, noConsoleErrors: failOnConsoleErrors(page) };
}

/** Once the page has laid itself out again (a chart follows its box a frame after a resize), nothing scrolls sideways. */
async function noSidewaysScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { timeout: 5_000 }).toBeLessThanOrEqual(0);
}

/** A screenshot at 1280, then at 390 with no sideways scrolling; axe at `auditAt`, for a state the sweep does not reach. */
async function bothSizes(page: Page, name: string, auditAt?: keyof typeof VIEWPORTS) {
  await page.setViewportSize(VIEWPORTS.desktop);
  if (auditAt === "desktop") await audit(page, `${name} at 1280 px`);
  await screenshot(page, `insights-${name}-1280`);
  await page.setViewportSize(VIEWPORTS.phone);
  await noSidewaysScroll(page);
  if (auditAt === "phone") await audit(page, `${name} at 390 px`);
  await screenshot(page, `insights-${name}-390`);
  await page.setViewportSize(VIEWPORTS.desktop);
}

// Six locked workshops to set up and a dozen pages, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

for (const lang of ["es", "en"] as const satisfies readonly Lang[]) {
  test(`in ${lang}: benchmark and feedback beside the gaps, turn a comment into an initiative, bounds, the what-if and a review with its metrics, without JavaScript`, async ({ browser, playwright, baseURL }) => {
    const text = TEXT[lang];
    const { api } = await signUp(playwright, baseURL!, `insights-${lang}`, { lang });
    const s = await setUp(api, lang);
    const noJs = await open(browser, api, lang, false);
    const js = await open(browser, api, lang, true);
    await api.dispose();
    const { page } = noJs;
    const org = `/orgs/${s.orgId}`;

    // The gap analysis: five peers contribute; billing has 3 negative comments and a gap of 2.
    await page.goto(`${org}/assessments/${s.assessmentId}/gaps`);
    const peers = page.getByTestId("peer-benchmark");
    await expect(peers).toHaveAttribute("data-peers", "5");
    await expect(peers.getByRole("heading", { name: text.peers })).toBeVisible();
    await expect(peers.locator("[data-peer-category]")).toHaveCount(4);
    const billing = page.locator('[data-feedback-capability="billing"]');
    await expect(billing).toHaveAttribute("data-start", "true");
    await expect(billing).toHaveAttribute("data-negative", "3");
    await expect(billing).toContainText(text.start);
    await js.page.goto(`${org}/assessments/${s.assessmentId}/gaps`);
    // The gap page beside its peers and its comments: audited once per language (Spanish on the laptop, English on the phone).
    await bothSizes(js.page, `gaps-${lang}`, lang === "es" ? "desktop" : "phone");
    await screenshot(js.page, `insights-peers-${lang}-1280`, js.page.getByTestId("peer-benchmark"));
    await screenshot(js.page, `insights-gap-feedback-${lang}-1280`, js.page.getByTestId("gap-feedback"));

    // Feedback: the positive comment becomes a "repeat it at scale" draft, posted by a plain form.
    await page.goto(`${org}/feedback`);
    await page.getByRole("button", { name: text.positive }).click();
    await expect(page).toHaveURL(new RegExp(`${org}/initiatives/[^/]+$`));
    await expect(page.locator("[data-from-feedback]")).toContainText(text.fromFeedback);
    await page.goto(`${org}/feedback`);
    await expect(page.getByTestId("feedback-initiative")).toHaveCount(1);
    await js.page.goto(`${org}/feedback`);
    await bothSizes(js.page, `feedback-${lang}`);

    // A percentage over 100 is refused at its field, in the page's language, and nothing is stored.
    await page.goto(`${org}/metrics/${s.fcr}`);
    await page.locator('input[name="value"]').fill("140");
    const refused = page.waitForResponse((response) => response.url().includes("/values") && response.request().method() === "POST");
    await page.getByRole("button", { name: text.save }).click();
    expect((await refused).status()).toBe(400);
    await expect(page.locator("#value-error")).toContainText(text.bounds);
    await screenshot(page, `insights-bounds-${lang}-1280`);

    // The what-if, as a GET form: +5 points from the latest FCR.
    await page.goto(`${org}/metrics`);
    const whatIf = page.getByTestId("fcr-what-if");
    // Prefilled as the reader writes a decimal.
    await expect(whatIf.locator('input[name="fcr"]')).toHaveValue(lang === "es" ? "72,4" : "72.4");
    await expect(page.getByTestId("what-if-source")).toContainText("SQM Group, 2021");
    await whatIf.getByRole("button", { name: text.calculate }).click();
    await expect(page).toHaveURL(/points=5/);
    await expect(page.getByTestId("what-if-result").locator("[data-fcr-after]")).toHaveAttribute("data-fcr-after", "77.4");
    await page.goto(`${org}/metrics?points=5&fcr=140&csat=&cost=&csat_ratio=1&cost_ratio=1`);
    await expect(page.locator("#what-if-fcr-error")).toContainText(text.bounds);
    await js.page.goto(`${org}/metrics?points=5&fcr=72.4&csat=72.4&cost=4.2&csat_ratio=1&cost_ratio=1`);
    await bothSizes(js.page, `what-if-${lang}`);

    // The review shows the linked metric's latest value and saves it with the review.
    await page.goto(`${org}/initiatives/${s.initiative}/reviews`);
    const latest = page.getByTestId("review-metrics").locator(`[data-metric-value="${s.fcr}"]`);
    await expect(latest).toHaveAttribute("data-value", "72.4");
    await js.page.goto(`${org}/initiatives/${s.initiative}/reviews`);
    await bothSizes(js.page, `review-${lang}`);
    for (const question of ["still_valid", "priorities_changed", "environment_changed", "preferences_changed"]) {
      await page.locator(`input[name="${question}"][value="${question === "still_valid" ? "yes" : "no"}"]`).check();
    }
    await page.locator('input[name="decision"][value="continue"]').check();
    await page.getByRole("button", { name: text.review }).click();
    await expect(page).toHaveURL(new RegExp(`${org}/initiatives/${s.initiative}$`));
    await expect(page.locator("[data-review]").first().locator(`[data-metric-value="${s.fcr}"]`)).toHaveAttribute("data-date", "2026-09-30");

    js.noConsoleErrors();
    await Promise.all([noJs.context.close(), js.context.close()]);
  });
}
