/**
 * Metrics and the customer-feedback log in a real browser, in Spanish and English: a program owner's
 * consultant enables a catalog metric, enters values and sees the chart and the status; imports a
 * file with a bad row (the report, nothing stored), then a good one; logs a customer comment. At
 * 1280 and 390 px; axe on the import's report (the sweep audits these pages as they open, with
 * values and a chart); screenshots in tests/.artifacts/screenshots/metrics-*.
 */
import { expect, test, type Page } from "@playwright/test";
import { createOrganization, signUp } from "./accounts";
import { audit, hydrated, screenshot, VIEWPORTS } from "./fixtures";

type Lang = "es" | "en";

const TEXT = {
  es: { add: "Agregar una métrica", submit: "Agregar la métrica", save: "Guardar el valor", onTrack: "En camino", import: "Importar valores", importSubmit: "Importar", feedback: "Comentarios de clientes", log: "Registrar un comentario", logSubmit: "Registrar el comentario", negative: "Negativo", unknownMetric: "Ninguna métrica de esta organización tiene esta clave o este nombre." },
  en: { add: "Add a metric", submit: "Add the metric", save: "Save the value", onTrack: "On track", import: "Import values", importSubmit: "Import", feedback: "Customer feedback", log: "Log a comment", logSubmit: "Log the comment", negative: "Negative", unknownMetric: "No metric of this organization has this key or name." },
} as const;

/** recharts arrives after hydration as a large chunk: on a busy two-core runner that takes seconds. */
const chartExpect = expect.configure({ timeout: 20_000 });

/** A date `days` from today, as a date input posts it. */
const isoDay = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
};

/** Pictures at both widths; axe at `auditAt`, for a state the sweep does not reach. */
async function both(page: Page, name: string, auditAt?: keyof typeof VIEWPORTS) {
  if (auditAt === "desktop") await audit(page, `${name} at 1280 px`);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(VIEWPORTS.phone);
  if (auditAt === "phone") await audit(page, `${name} at 390 px`);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(VIEWPORTS.desktop);
}

test.describe.configure({ timeout: 180_000 });

for (const lang of ["es", "en"] as const satisfies readonly Lang[]) {
  test(`in ${lang}: enable FCR, enter values, see the chart and the status, import a bad then a good file, log a comment`, async ({ browser, playwright, baseURL }) => {
    const text = TEXT[lang];
    const { api } = await signUp(playwright, baseURL!, `metrics-${lang}`, { lang });
    const orgId = await createOrganization(api, `Metrics client ${lang} ${Date.now()}`);
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "es" ? "es-ES" : "en-US", storageState: await api.storageState() });
    await api.dispose();
    const page = await context.newPage();
    // Console errors fail the test, except the one the refused import must cause: its 400.
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));

    // The organization's tab leads to the empty overview, which says what to do.
    await page.goto(`/orgs/${orgId}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.getByRole("navigation").getByRole("link", { name: lang === "es" ? "Métricas" : "Metrics", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/metrics$`));
    await page.getByRole("link", { name: text.add }).first().click();

    // Enable FCR from the catalog: 68 → 80 within a year.
    await page.locator('select[name="key"]').selectOption("fcr");
    await page.locator('input[name="baseline"]').fill("68");
    await page.locator('input[name="target"]').fill("80");
    await page.locator('input[name="target_date"]').fill(isoDay(365));
    await page.locator('input[name="owner"]').fill("Ana Pérez");
    await both(page, `metrics-${lang}-new`);
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/metrics/(?!new$)[\\w-]+$`));
    const metricPath = new URL(page.url()).pathname;

    // Three monthly values, rising about 1.5 points a month: on track for 80.
    for (const [days, value] of [
      [-90, lang === "es" ? "70,0" : "70.0"],
      [-60, "71.5"],
      [-30, lang === "es" ? "73" : "73"],
    ] as const) {
      // After each save the page is new (a remounted form): type only once React owns it.
      await hydrated(page);
      await page.locator('input[name="date"]').fill(isoDay(days));
      await page.locator('input[name="value"]').fill(value);
      await expect(page.locator('input[name="date"]')).toHaveValue(isoDay(days));
      await page.getByRole("button", { name: text.save }).click();
      await expect(page).toHaveURL(new RegExp(`\\?saved=${isoDay(days)}$`));
    }
    await expect(page.locator("#metric-values tbody tr")).toHaveCount(3);
    await expect(page.locator("#metric-values tbody tr").first()).toHaveAttribute("data-value", "73");
    await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
    await expect(page.locator(".recharts-line-dot")).toHaveCount(3);
    const status = page.locator("[data-status]").first();
    await expect(status).toHaveAttribute("data-status", "on-track");
    await expect(status).toHaveText(new RegExp(text.onTrack));
    await both(page, `metrics-${lang}-detail`);

    // Import: a file with a bad row is refused with a report and stores nothing.
    await page.goto(`/orgs/${orgId}/metrics/import`);
    const bad = `metric;date;value\r\nfcr;${isoDay(-20)};74,2\r\nrevenue;${isoDay(-10)};3\r\n`;
    await page.locator('input[name="file"]').setInputFiles({ name: "valores.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${bad}`) });
    await page.getByRole("button", { name: text.importSubmit }).click();
    const report = page.getByTestId("import-report");
    await expect(report).toBeVisible();
    await expect(report.locator("tr[data-row]")).toHaveCount(1);
    await expect(report.locator('tr[data-row="3"]')).toContainText(text.unknownMetric);
    // The report of the refused rows: audited once per language, Spanish on the laptop, English on the phone.
    await both(page, `metrics-${lang}-import-report`, lang === "es" ? "desktop" : "phone");

    // The same file without the bad row: stored, back to the overview.
    await page.locator('input[name="file"]').setInputFiles({ name: "valores.csv", mimeType: "text/csv", buffer: Buffer.from(`metric;date;value\r\nfcr;${isoDay(-20)};74,2\r\n`) });
    await page.getByRole("button", { name: text.importSubmit }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/metrics\\?imported=1$`));
    await chartExpect(page.locator(".recharts-surface").first()).toBeVisible();
    const card = page.locator('li[data-metric="fcr"]');
    await expect(card.locator("[data-status]")).toHaveAttribute("data-status", "on-track");
    await both(page, `metrics-${lang}-overview`);
    await page.goto(metricPath);
    await expect(page.locator("#metric-values tbody tr")).toHaveCount(4);

    // A customer comment, logged and listed.
    await page.getByRole("navigation").getByRole("link", { name: text.feedback, exact: true }).click();
    await page.getByRole("link", { name: text.log }).first().click();
    await page.locator('input[name="sentiment"][value="negative"]').check();
    await page.locator('select[name="channel"]').selectOption("phone");
    await page.locator('select[name="capability"]').selectOption("billing");
    await page.locator('textarea[name="text"]').fill(lang === "es" ? "Tres llamadas para corregir una factura." : "Three calls to fix one invoice.");
    await both(page, `feedback-${lang}-new`);
    await page.getByRole("button", { name: text.logSubmit }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/feedback\\?added=1$`));
    await expect(page.locator("tr[data-feedback]")).toHaveCount(1);
    await expect(page.locator("tr[data-feedback]")).toContainText(text.negative);
    await expect(page.getByTestId("count-negative")).toHaveAttribute("data-count", "1");
    await both(page, `feedback-${lang}-list`);

    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await context.close();
  });
}
