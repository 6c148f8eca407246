/**
 * From a locked workshop to a reviewed plan in a real browser, in Spanish on a 390 px phone and in
 * English on a 1280 px laptop: generate initiatives on the gap page, accept one, edit it, record a
 * review and see the next review date move and the due list change. The sweep audits these pages in
 * these states (proposals generated from a locked cycle, an initiative, its review form, reviews due,
 * the week); screenshots in tests/.artifacts/screenshots/initiatives-*.
 */
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { createOrganization, location, signUp } from "./accounts";
import { failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";
import { addDaysToDate, addMonthsToDate, firstOfNextMonth, toIsoDate } from "../../app/domain/dates";

type Lang = "es" | "en";

const TEXT = {
  es: { generate: "Generar iniciativas", accept: "Aceptar", edit: "Editar iniciativa", save: "Guardar cambios", saved: "Cambios guardados.", record: "Registrar revisión", yes: "Sí", no: "No", continue: "Continuar", submitReview: "Guardar revisión", history: "Historial", edited: "Editada", ownerRequired: "Indique quién es responsable de la iniciativa." },
  en: { generate: "Generate initiatives", accept: "Accept", edit: "Edit initiative", save: "Save changes", saved: "Changes saved.", record: "Record review", yes: "Yes", no: "No", continue: "Continue", submitReview: "Save review", history: "History", edited: "Edited", ownerRequired: "Name the person who owns the initiative." },
} as const;

const KEYS = ["business-intelligence", "customer-strategy", "customer-processes", "customer-products", "knowledge-management", "talent-acquisition", "talent-alignment", "talent-training", "talent-retention", "workforce-management", "channel-management", "integrated-sales", "billing", "service-delivery", "automated-channels", "cx-intelligence", "quality-management", "technology-roadmap", "applications", "technology-architecture", "communications", "security", "data-management", "physical-environment", "systems-integration"];

/** A consultant's organization with a workshop whose consensus has two gaps (billing 1 → 3, security 2 → 3), locked. */
async function lockedWorkshop(api: APIRequestContext) {
  const orgId = await createOrganization(api, `Plan client ${Date.now()}`);
  const created = await api.post(`/orgs/${orgId}/assessments/new`, { form: { name: "Taller 2026", mode: "workshop" }, maxRedirects: 0 });
  expect(created.status()).toBe(303);
  const assessmentId = location(created).split("/").pop()!;
  const form: Record<string, string> = { intent: "save" };
  for (const key of KEYS) {
    const [current, ideal] = key === "billing" ? [1, 3] : key === "security" ? [2, 3] : [2, 2];
    Object.assign(form, { [`${key}.current`]: String(current), [`${key}.ideal`]: String(ideal), [`${key}.importance`]: key === "billing" ? "3" : "2", [`${key}.rationale`]: "" });
  }
  const url = `/orgs/${orgId}/assessments/${assessmentId}/consensus`;
  expect((await api.post(url, { form, maxRedirects: 0 })).status()).toBe(200);
  expect((await api.post(url, { form: { intent: "lock" }, maxRedirects: 0 })).status()).toBe(303);
  return { orgId, assessmentId };
}

async function browse(browser: Browser, api: APIRequestContext, lang: Lang, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: lang === "es" ? "es-ES" : "en-US", storageState: await api.storageState() });
  const page = await context.newPage();
  return { context, page, noConsoleErrors: failOnConsoleErrors(page) };
}

// A dozen page loads and posts per run, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

// Each language on one width, crossed: Spanish on the phone, English on the laptop. The sweep
// (sweep.spec.ts) opens every one of these pages in both languages at both widths.
for (const [lang, size, viewport] of [
  ["es", "390", VIEWPORTS.phone],
  ["en", "1280", VIEWPORTS.desktop],
] as const) {
  {
    test(`generate, accept, edit and review an initiative (${lang}, ${size} px)`, async ({ playwright, browser, baseURL }) => {
      const text = TEXT[lang];
      const { api } = await signUp(playwright, baseURL!, `plan-${lang}-${size}`);
      const { orgId, assessmentId } = await lockedWorkshop(api);
      const { context, page, noConsoleErrors } = await browse(browser, api, lang, viewport);
      const shot = (name: string) => screenshot(page, `initiatives-${lang}-${size}-${name}`);

      // The gap page: no initiative yet for either gap; generate.
      await page.goto(`/orgs/${orgId}/assessments/${assessmentId}/gaps?lng=${lang}`);
      await expect(page.locator("[data-capability-initiatives=billing]")).toBeVisible();
      await page.getByRole("button", { name: text.generate }).click();
      await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/initiatives$`));
      const proposals = page.locator("[data-proposal]");
      await expect(proposals.first()).toBeVisible();
      expect(await proposals.count()).toBeGreaterThanOrEqual(6);
      await shot("proposals");

      // Accept the first (billing's, the largest gap): planned from next month.
      const first = proposals.first();
      const title = (await first.locator("h3").textContent())!.trim();
      await first.getByRole("button", { name: text.accept, exact: false }).first().click();
      const row = page.locator("tr[data-initiative]", { hasText: title });
      await expect(row).toBeVisible();
      await shot("list");
      await row.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      const start = firstOfNextMonth(toIsoDate(new Date()));
      await expect(page.getByTestId("next-review")).toHaveAttribute("data-date", addMonthsToDate(start, 6));

      // Edit: an accepted proposal needs an owner; the form says so at the field, then saves.
      await page.getByText(text.edit).click();
      await page.getByRole("button", { name: text.save }).click();
      await expect(page.getByText(text.ownerRequired)).toBeVisible();
      await page.locator("#owner_name").fill("Olga Ortega");
      await page.locator("#title").fill(`${title} (v2)`);
      await page.getByRole("button", { name: text.save }).click();
      await expect(page.getByText(text.saved)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: `${title} (v2)` })).toBeVisible();
      // The history says what changed, from what to what.
      const edited = page.getByRole("region", { name: text.history }).locator("li").filter({ hasText: text.edited }).first();
      await expect(edited).toContainText(`${title} → ${title} (v2)`);
      await expect(edited).toContainText("— → Olga Ortega");
      await shot("detail");

      // Nothing due yet on the organization's review list.
      const initiativeId = new URL(page.url()).pathname.split("/").pop()!;
      await page.goto(`/orgs/${orgId}/reviews`);
      await expect(page.locator(`[data-initiative="${initiativeId}"]`)).toHaveCount(0);

      // Record a review dated six months ago less ten days: the next one falls due in about ten days.
      await page.goto(`/orgs/${orgId}/initiatives/${initiativeId}`);
      await page.getByRole("link", { name: text.record }).click();
      const reviewDate = addDaysToDate(addMonthsToDate(toIsoDate(new Date()), -6), 10);
      await page.locator("#date").fill(reviewDate);
      for (const [question, answer] of [
        ["still_valid", text.yes],
        ["priorities_changed", text.no],
        ["environment_changed", text.no],
        ["preferences_changed", text.yes],
      ] as const) {
        await page.locator(`fieldset:has(input[name=${question}])`).getByLabel(answer, { exact: true }).check();
      }
      await page.getByLabel(text.continue).check();
      await page.locator("#notes").fill("On track.");
      await shot("review");
      await page.getByRole("button", { name: text.submitReview }).click();
      const next = addMonthsToDate(reviewDate, 6);
      await expect(page.getByTestId("next-review")).toHaveAttribute("data-date", next);

      // The due list now has it.
      await page.goto(`/orgs/${orgId}/reviews`);
      await expect(page.locator(`[data-initiative="${initiativeId}"]`)).toHaveAttribute("data-due", next);
      await shot("reviews-due");
      await page.goto("/week");
      await expect(page.locator(`[data-initiative="${initiativeId}"]`)).toHaveAttribute("data-due", next);
      await shot("week");
      await page.goto(`/orgs/${orgId}`);
      await expect(page.getByTestId("home-reviews-due").locator(`[data-initiative="${initiativeId}"]`)).toBeVisible();
      await shot("home");

      noConsoleErrors();
      await context.close();
      await api.dispose();
    });
  }
}
