import { expect, test } from "@playwright/test";
import { audit, failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";

const CASES = [
  { lang: "es", viewport: "phone", answers: ["a", "a", "b", "a"], score: 5, band: "long-way", bandText: /camino/i },
  { lang: "en", viewport: "phone", answers: ["b", "c", "b", "c"], score: 10, band: "good-job", bandText: /good job/i },
  { lang: "es", viewport: "desktop", answers: ["c", "b", "c", "b"], score: 10, band: "good-job", bandText: /buen/i },
  { lang: "en", viewport: "desktop", answers: ["c", "c", "c", "d"], score: 13, band: "on-top", bandText: /top/i },
] as const;

for (const c of CASES) {
  test(`takes the quiz in ${c.lang} at ${c.viewport} width and sees score ${c.score}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[c.viewport], locale: c.lang === "es" ? "es-ES" : "en-US" });
    const page = await context.newPage();
    const noConsoleErrors = failOnConsoleErrors(page);

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", c.lang);
    await page.getByRole("link", { name: c.lang === "es" ? "Responder el cuestionario" : "Take the quiz" }).click();
    await expect(page).toHaveURL(/\/quiz$/);
    // axe on the quiz and its result is the sweep's ("quiz", "quiz-result"), at both widths.
    await screenshot(page, `quiz-${c.lang}-${c.viewport}`);

    const groups = page.locator("fieldset");
    await expect(groups).toHaveCount(4);
    for (const [index, answer] of c.answers.entries()) {
      await groups.nth(index).locator(`input[value="${answer}"]`).check();
    }
    await page.getByRole("button", { name: c.lang === "es" ? "Ver mi resultado" : "See my result" }).click();

    await expect(page).toHaveURL(/\/quiz\/r\/[\w-]{22,}$/);
    await expect(page.getByTestId("quiz-score")).toHaveText(String(c.score));
    await expect(page.getByTestId("quiz-band")).toHaveAttribute("data-band", c.band);
    await expect(page.getByTestId("quiz-band")).toHaveText(c.bandText);
    await expect(page.locator("#share-url")).toHaveValue(page.url());
    await screenshot(page, `result-${c.lang}-${c.viewport}`);
    noConsoleErrors();
    await context.close();
  });
}

test("a quiz without answers is refused with a message at every question, in the user's language", async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/quiz");
  await page.locator('input[name="q2"][value="b"]').check();
  const response = page.waitForResponse((r) => r.url().endsWith("/quiz") && r.request().method() === "POST");
  await page.getByRole("button", { name: "See my result" }).click();
  expect((await response).status()).toBe(400);

  await expect(page.getByRole("alert")).toContainText("Please answer every question");
  for (const id of ["q1", "q3", "q4"]) {
    await expect(page.locator(`#${id}-error`)).toHaveText(/Choose an answer/);
  }
  await expect(page.locator("#q2-error")).toHaveCount(0);
  // The answer already given survives the round trip, and focus lands on the first unanswered question.
  await expect(page.locator('input[name="q2"][value="b"]')).toBeChecked();
  await expect(page.locator('input[name="q1"][value="a"]')).toBeFocused();
  await audit(page, "the quiz with its errors showing");
  await screenshot(page, "quiz-errors-en-phone");
  await context.close();
});

test("the language switcher changes the page and remembers the choice", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/quiz");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Ver en español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cuestionario de madurez CEM");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await context.close();
});

test("the phone-facing quiz ships no JavaScript, and unknown pages get a translated 404", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-AR" });
  const page = await context.newPage();
  await page.goto("/quiz");
  await expect(page.locator("script")).toHaveCount(0);
  const response = await page.goto("/quiz/r/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  await expect(page.getByRole("link", { name: "Volver al inicio" })).toBeVisible();
  await context.close();
});
