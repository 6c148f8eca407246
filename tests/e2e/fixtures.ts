import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** No serious or critical WCAG 2.2 AA violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Fails the test on any console error or uncaught exception in the page. */
export function failOnConsoleErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return () => expect(errors).toEqual([]);
}

/**
 * Pictures are for a person to look at (tests/.artifacts/screenshots/): taken on a developer's
 * machine, skipped under CI, where nobody looks and each full-page capture costs the shared cores
 * a second or more; E2E_SCREENSHOTS=1 or 0 decides either way. They assert nothing.
 */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS === "1" : !process.env.CI;

export async function screenshot(page: Page, name: string, target: Page | Locator = page) {
  if (!SCREENSHOTS) return;
  await target.screenshot({ path: `tests/.artifacts/screenshots/${name}.png`, ...(target === page ? { fullPage: true } : {}) });
}

/**
 * React has hydrated the page's forms (it keeps its props on the DOM nodes it owns). Typing into a
 * hydrated form before that races its mount: the form's defaults may overwrite what was typed.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const forms = [...document.querySelectorAll("form")];
    return forms.length > 0 && forms.every((form) => Object.keys(form).some((key) => key.startsWith("__reactProps")));
  });
}
