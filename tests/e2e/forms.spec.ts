/**
 * The hydrated forms in a real browser: with JavaScript a bad value is flagged at its field before
 * anything is sent; without it the same post answers 400 with the same message at the same field.
 * Both languages, a phone and a desktop, axe on each form with its errors showing (once per form:
 * the sweep audits the pages as they open).
 */
import { expect, test, type APIRequest, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { createInvite, createOrganization, joinThroughInvite, location, signUp } from "./accounts";
import { audit, failOnConsoleErrors, hydrated, screenshot, VIEWPORTS } from "./fixtures";

type Lang = "es" | "en";

const TEXT = {
  es: {
    name: "Su nombre",
    email: "Correo electrónico",
    password: "Contraseña",
    createAccount: "Crear cuenta",
    signIn: "Iniciar sesión",
    emailInvalid: "Escriba un correo con el formato nombre@empresa.com.",
    passwordShort: "Use al menos 10 caracteres.",
    passwordRequired: "Escriba su contraseña.",
    orgName: "Nombre",
    createOrg: "Crear organización",
    orgNameRequired: "Escriba el nombre de la organización.",
    assessmentNameRequired: "Póngale un nombre a la evaluación, por ejemplo el del ciclo al que corresponde.",
    createAssessment: "Crear evaluación",
    currentFor: (name: string) => `Nivel actual de ${name}`,
    saveConsensus: "Guardar el consenso",
    bothLevels: "Indique el nivel actual y el nivel objetivo.",
    summary: /Corrija los campos/,
    deleteOrg: "Eliminar organización",
    mismatch: "El nombre no coincide. Escríbalo exactamente como aparece.",
    forbidden: "No tiene acceso a esta página",
    home: "Volver al inicio",
  },
  en: {
    name: "Your name",
    email: "Email",
    password: "Password",
    createAccount: "Create account",
    signIn: "Sign in",
    emailInvalid: "Enter an email address like name@company.com.",
    passwordShort: "Use at least 10 characters.",
    passwordRequired: "Enter your password.",
    orgName: "Name",
    createOrg: "Create organization",
    orgNameRequired: "Enter the organization's name.",
    assessmentNameRequired: "Give the assessment a name, for example the cycle it belongs to.",
    createAssessment: "Create assessment",
    currentFor: (name: string) => `Current level for ${name}`,
    saveConsensus: "Save consensus",
    bothLevels: "Set both the current level and the target level.",
    summary: /Please correct the fields/,
    deleteOrg: "Delete organization",
    mismatch: "The name does not match. Type it exactly as shown.",
    forbidden: "You do not have access to this",
    home: "Back to the home page",
  },
} as const;

/** The first capability of the model and its name in each language (content/capability-model.json). */
const CAPABILITY = { key: "business-intelligence", name: { es: "Inteligencia de negocio", en: "Business intelligence" } } as const;

/** Every POST the page sends from now on: with JavaScript, a bad form must send none. */
function posts(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") sent.push(request.url());
  });
  return sent;
}

async function open(browser: Browser, lang: Lang, viewport: keyof typeof VIEWPORTS, options: Pick<BrowserContextOptions, "javaScriptEnabled" | "storageState"> = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: lang === "es" ? "es-ES" : "en-US", ...options });
  const page = await context.newPage();
  return { context, page, noConsoleErrors: failOnConsoleErrors(page) };
}

/** The field's message, tied to it by aria-describedby, and the field marked invalid. */
async function expectFieldError(page: Page, fieldId: string, message: string) {
  const field = page.locator(`[id="${fieldId}"]`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const error = page.locator(`[id="${fieldId}-error"]`);
  await expect(error).toContainText(message);
  await expect(field).toHaveAttribute("aria-describedby", new RegExp(`(^| )${fieldId.replace(/[.]/g, "\\.")}-error( |$)`));
}

for (const lang of ["es", "en"] as const) {
  const t = TEXT[lang];

  test(`sign-up (${lang}): JavaScript flags bad values at the fields before sending; without it the server answers 400 with the same messages`, async ({ browser }) => {
    // Two viewports and a pass without JavaScript: slow on a shared two-core machine.
    test.setTimeout(120_000);
    for (const viewport of ["phone", "desktop"] as const) {
      const { context, page, noConsoleErrors } = await open(browser, lang, viewport);
      await page.goto(`/signup?lng=${lang}`);
      await hydrated(page);
      const sent = posts(page);

      await page.getByLabel(t.name, { exact: true }).fill("Ana Pérez");
      await page.getByLabel(t.email, { exact: true }).fill("ana@");
      // Leaving the field is enough to see the message: no submit, no request.
      await page.getByLabel(t.password, { exact: true }).focus();
      await expectFieldError(page, "email", t.emailInvalid);
      await page.getByLabel(t.password, { exact: true }).fill("short");
      await page.getByRole("button", { name: t.createAccount }).click();
      await expectFieldError(page, "password", t.passwordShort);
      await expectFieldError(page, "email", t.emailInvalid);
      // Focus goes to the first field to correct.
      await expect(page.getByLabel(t.email, { exact: true })).toBeFocused();
      expect(sent, "no POST left the browser").toEqual([]);
      // The form with its errors showing, audited once per language: on the phone in Spanish, on the desktop in English.
      if (viewport === (lang === "es" ? "phone" : "desktop")) await audit(page, `sign-up errors (${lang}, ${viewport})`);
      await screenshot(page, `forms-signup-errors-${lang}-${viewport}`);

      // Correcting a field clears its message as the user types.
      await page.getByLabel(t.email, { exact: true }).fill("ana@example.com");
      await expect(page.locator('[id="email-error"]')).toHaveCount(0);
      expect(sent).toEqual([]);
      noConsoleErrors();
      await context.close();
    }

    const { context, page } = await open(browser, lang, "desktop", { javaScriptEnabled: false });
    await page.goto(`/signup?lng=${lang}`);
    await page.getByLabel(t.name, { exact: true }).fill("Ana Pérez");
    await page.getByLabel(t.email, { exact: true }).fill("ana@");
    await page.getByLabel(t.password, { exact: true }).fill("short");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signup"),
      page.getByRole("button", { name: t.createAccount }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expectFieldError(page, "email", t.emailInvalid);
    await expectFieldError(page, "password", t.passwordShort);
    // The password is never sent back.
    await expect(page.getByLabel(t.password, { exact: true })).toHaveValue("");
    // axe needs scripts in the page, so it runs on the JavaScript pass above; the markup is the same.
    await context.close();
  });
}

test("sign-in: an empty password is flagged before sending, and by the server without JavaScript", async ({ browser }) => {
  test.setTimeout(90_000);
  const t = TEXT.en;
  const { context, page, noConsoleErrors } = await open(browser, "en", "phone");
  await page.goto("/login?lng=en");
  await hydrated(page);
  const sent = posts(page);
  await page.getByLabel(t.email, { exact: true }).fill("someone@example.com");
  await page.getByRole("button", { name: t.signIn }).click();
  await expectFieldError(page, "password", t.passwordRequired);
  expect(sent).toEqual([]);
  noConsoleErrors();
  await context.close();

  const noJs = await open(browser, "es", "phone", { javaScriptEnabled: false });
  await noJs.page.goto("/login?lng=es");
  await noJs.page.getByLabel(TEXT.es.email, { exact: true }).fill("someone@example.com");
  const [response] = await Promise.all([
    noJs.page.waitForResponse((r) => r.request().method() === "POST"),
    noJs.page.getByRole("button", { name: TEXT.es.signIn }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expectFieldError(noJs.page, "password", TEXT.es.passwordRequired);
  await noJs.context.close();
});

/** A consultant with an organization and an open solo assessment, over HTTP. */
async function consultantWithAssessment(playwright: { request: APIRequest }, baseURL: string) {
  const account = await signUp(playwright, baseURL, "forms-consultant", { lang: "es" });
  const orgName = `Forms client ${Date.now()}`;
  const orgId = await createOrganization(account.api, orgName);
  const created = await account.api.post(`/orgs/${orgId}/assessments/new`, { form: { name: "2026 H1", mode: "solo" }, maxRedirects: 0 });
  expect(created.status()).toBe(303);
  return { account, orgName, orgId, consensusPath: `${location(created)}/consensus`, storageState: await account.api.storageState() };
}

for (const lang of ["es", "en"] as const) {
  test(`organization, assessment, consensus and settings forms (${lang}): messages at the fields before anything is sent`, async ({ browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const t = TEXT[lang];
    const { account, orgName, orgId, consensusPath, storageState } = await consultantWithAssessment(playwright, baseURL!);
    const { context, page, noConsoleErrors } = await open(browser, lang, lang === "es" ? "desktop" : "phone", { storageState });
    const sent = posts(page);
    await test.step(`new organization (${lang})`, async () => {
      await page.goto(`/orgs/new?lng=${lang}`);
      await hydrated(page);
      await page.getByLabel(t.orgName, { exact: true }).fill("   ");
      await page.getByRole("button", { name: t.createOrg }).click();
      await expectFieldError(page, "name", t.orgNameRequired);
      expect(sent).toEqual([]);
    });

    await test.step(`new assessment (${lang})`, async () => {
      await page.goto(`/orgs/${orgId}/assessments/new?lng=${lang}`);
      await hydrated(page);
      await page.getByRole("button", { name: t.createAssessment }).click();
      await expectFieldError(page, "name", t.assessmentNameRequired);
      expect(sent).toEqual([]);
      await audit(page, `new assessment errors (${lang})`);
      await screenshot(page, `forms-assessment-errors-${lang}`);
    });

    await test.step(`consensus (${lang}): a current level without a target level`, async () => {
      await page.goto(`${consensusPath}?lng=${lang}`);
      await hydrated(page);
      await page.getByLabel(t.currentFor(CAPABILITY.name[lang]), { exact: true }).selectOption("2");
      await page.getByRole("button", { name: t.saveConsensus }).click();
      await expectFieldError(page, `${CAPABILITY.key}.ideal`, t.bothLevels);
      await expect(page.getByRole("alert").filter({ hasText: t.summary })).toBeVisible();
      await expect(page.locator(`[id="${CAPABILITY.key}.ideal"]`)).toBeFocused();
      expect(sent).toEqual([]);
      await audit(page, `consensus errors (${lang})`);
      await screenshot(page, `forms-consensus-errors-${lang}`);
    });

    await test.step(`settings (${lang}): a name that does not match`, async () => {
      await page.goto(`/orgs/${orgId}/settings?lng=${lang}`);
      await hydrated(page);
      await page.locator('[id="confirm"]').fill(`${orgName} (typo)`);
      await page.getByRole("button", { name: t.deleteOrg }).click();
      await expectFieldError(page, "confirm", t.mismatch);
      expect(sent).toEqual([]);
      await screenshot(page, `forms-settings-errors-${lang}`);
    });
    noConsoleErrors();
    await context.close();
    await account.api.dispose();
  });
}

test("the same bad posts without JavaScript: 400 with the messages at the fields, nothing saved", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const { account, orgName, orgId, consensusPath, storageState } = await consultantWithAssessment(playwright, baseURL!);
  // Without JavaScript the same posts reach the server, which refuses them at the same fields.
  const { context, page } = await open(browser, "en", "desktop", { javaScriptEnabled: false, storageState });
  const postTo = (path: string) => page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);

  await page.goto("/orgs/new?lng=en");
  let [response] = await Promise.all([postTo("/orgs/new"), page.getByRole("button", { name: TEXT.en.createOrg }).click()]);
  expect(response.status()).toBe(400);
  await expectFieldError(page, "name", TEXT.en.orgNameRequired);

  await page.goto(`/orgs/${orgId}/assessments/new?lng=en`);
  [response] = await Promise.all([postTo(`/orgs/${orgId}/assessments/new`), page.getByRole("button", { name: TEXT.en.createAssessment }).click()]);
  expect(response.status()).toBe(400);
  await expectFieldError(page, "name", TEXT.en.assessmentNameRequired);

  await page.goto(`${consensusPath}?lng=en`);
  await page.getByLabel(TEXT.en.currentFor(CAPABILITY.name.en), { exact: true }).selectOption("2");
  [response] = await Promise.all([postTo(consensusPath), page.getByRole("button", { name: TEXT.en.saveConsensus }).click()]);
  expect(response.status()).toBe(400);
  await expectFieldError(page, `${CAPABILITY.key}.ideal`, TEXT.en.bothLevels);
  // Nothing of the refused post was saved.
  await page.goto(`${consensusPath}?lng=en`);
  await expect(page.getByLabel(TEXT.en.currentFor(CAPABILITY.name.en), { exact: true })).toHaveValue("");

  await page.goto(`/orgs/${orgId}/settings?lng=en`);
  await page.locator('[id="confirm"]').fill(`${orgName} (typo)`);
  [response] = await Promise.all([postTo(`/orgs/${orgId}/settings`), page.getByRole("button", { name: TEXT.en.deleteOrg }).click()]);
  expect(response.status()).toBe(400);
  await expectFieldError(page, "confirm", TEXT.en.mismatch);
  await context.close();

  // The refused deletion deleted nothing.
  expect((await account.api.get(`/orgs/${orgId}`)).status()).toBe(200);
  await account.api.dispose();
});

test("a member without the permission gets the 403 page in their language, with a way home", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const consultant = await signUp(playwright, baseURL!, "forbid-consultant");
  const orgId = await createOrganization(consultant.api, `Forbidden ${Date.now()}`);
  const token = await createInvite(consultant.api, orgId, "viewer");
  const viewer = await joinThroughInvite(playwright, baseURL!, "forbid-viewer", token, orgId);
  const storageState = await viewer.api.storageState();
  for (const lang of ["es", "en"] as const) {
    const { context, page } = await open(browser, lang, "phone", { storageState });
    // The browser logs the document's own 403 as a console error; only a script error would be a fault here.
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    const response = await page.goto(`/orgs/${orgId}/settings?lng=${lang}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[lang].forbidden);
    await expect(page.getByRole("link", { name: TEXT[lang].home })).toBeVisible();
    // The 403 page is no page of the sweep's: audited here, once (the other language has the same markup).
    if (lang === "es") await audit(page, "the 403 page");
    await screenshot(page, `forms-403-${lang}`);
    expect(scriptErrors).toEqual([]);
    await context.close();
  }
  await Promise.all([consultant.api.dispose(), viewer.api.dispose()]);
});
