import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Locator, type Page } from "@playwright/test";
import type * as Axe from "axe-core";

export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** WCAG 2.2 AA: the rules every audit runs. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core's own source, the version @axe-core/playwright pins, read once per worker. AxeBuilder
 * injected it on every call and finished each run in a new blank tab (runPartial + finishRun);
 * the app has no frames, so one in-page `axe.run` gives the same rules at a fraction of the cost.
 */
const AXE_SOURCE = readFileSync(createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright")).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * axe (WCAG 2.2 AA) on the page as it stands, run inside the page: its source is evaluated once per
 * document, then `axe.run`. Fails with the violations listed. `every` counts every impact (the sweep);
 * otherwise only serious and critical ones block. `soft` records the failure and lets the test go on.
 */
export async function audit(page: Page, what = "axe violations", options: { every?: boolean; soft?: boolean } = {}) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    // Only the violations are read: axe then skips describing every passing node (its selectors are
    // most of a run's cost on a long page); the rules and what they flag are the same.
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, WCAG_TAGS);
  const blocking = options.every ? violations : violations.filter((v: Violation) => v.impact === "serious" || v.impact === "critical");
  const listed = blocking.map((v: Violation) => `${v.id} [${v.impact}]: ${v.help} (${v.targets.join(", ")})`);
  if (options.soft) expect.soft(listed, what).toEqual([]);
  else expect(listed, what).toEqual([]);
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
 * Pictures are for a person to look at (tests/.artifacts/screenshots/): taken only when asked for
 * with E2E_SCREENSHOTS=1. They assert nothing, and each full-page capture costs the shared cores a
 * second or more (ten under load), so a run that nobody looks at takes none.
 */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === "1";

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
