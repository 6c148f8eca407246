import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./accounts";
import { audit, failOnConsoleErrors, screenshot, VIEWPORTS } from "./fixtures";

const TEXT = {
  es: {
    name: "Su nombre",
    email: "Correo electrónico",
    password: "Contraseña",
    createAccount: "Crear cuenta",
    orgsTitle: "Organizaciones",
    newOrg: "Nueva organización",
    orgName: "Nombre",
    createOrg: "Crear organización",
    members: "Miembros",
    settings: "Configuración",
    inviteRole: "Rol de quienes usen el enlace",
    createInvite: "Crear enlace de invitación",
    signUpToJoin: "Crear una cuenta para unirme",
    join: (org: string) => `Unirme a ${org}`,
    roleFor: (name: string) => `Rol de ${name}`,
    yourRole: (role: string) => `Su rol: ${role}`,
    roles: { consultant: "Consultor", "program-owner": "Responsable de programa", viewer: "Lector" },
    inviteText: (org: string, role: string) => `Le han invitado a unirse a ${org} con el rol de ${role}.`,
    seeResult: "Ver mi resultado",
    byQuestion: "Respuestas por pregunta",
    responses: "Respuestas",
    average: "Puntuación media",
  },
  en: {
    name: "Your name",
    email: "Email",
    password: "Password",
    createAccount: "Create account",
    orgsTitle: "Organizations",
    newOrg: "New organization",
    orgName: "Name",
    createOrg: "Create organization",
    members: "Members",
    settings: "Settings",
    inviteRole: "Role for people who use the link",
    createInvite: "Create invite link",
    signUpToJoin: "Create an account to join",
    join: (org: string) => `Join ${org}`,
    roleFor: (name: string) => `Role for ${name}`,
    yourRole: (role: string) => `Your role: ${role}`,
    roles: { consultant: "Consultant", "program-owner": "Program owner", viewer: "Viewer" },
    inviteText: (org: string, role: string) => `You have been invited to join ${org} with the ${role} role.`,
    seeResult: "See my result",
    byQuestion: "Answers by question",
    responses: "Answers",
    average: "Average score",
  },
} as const;

type Lang = keyof typeof TEXT;

const CASES = [
  { lang: "es", viewport: "desktop", role: "program-owner", answers: ["c", "b", "c", "b"], score: "10" },
  { lang: "en", viewport: "phone", role: "viewer", answers: ["c", "c", "c", "d"], score: "13" },
] as const;

async function newPage(browser: Browser, lang: Lang, viewport: keyof typeof VIEWPORTS) {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: lang === "es" ? "es-ES" : "en-US" });
  const page = await context.newPage();
  return { context, page, noConsoleErrors: failOnConsoleErrors(page) };
}

/**
 * axe on a state of the journey that the sweep does not reach (it audits every page as it opens);
 * soft, so one page's problem does not hide whether the rest of the journey works.
 */
const check = (page: Page, name: string) => audit(page, `${name}: axe violations`, { soft: true });

async function fillSignup(page: Page, lang: Lang, name: string, email: string) {
  const t = TEXT[lang];
  await page.getByLabel(t.name, { exact: true }).fill(name);
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: t.createAccount, exact: true }).click();
}

for (const c of CASES) {
  test(`in ${c.lang} at ${c.viewport} width: sign up, create an organization, invite a ${c.role} who joins, and count an executive's quiz`, async ({ browser }) => {
    // Three browser contexts and a dozen pages: on two cores, next to the other worker, this needs
    // more than the default 30 s.
    test.setTimeout(120_000);
    const t = TEXT[c.lang];
    const tag = `${c.lang}-${c.viewport}`;
    const orgName = `Cliente ${c.lang} ${Date.now()}`;

    // The consultant: signs up and creates the organization.
    const consultant = await newPage(browser, c.lang, c.viewport);
    let page = consultant.page;
    await page.goto("/signup");
    await expect(page.locator("html")).toHaveAttribute("lang", c.lang);
    await screenshot(page, `signup-${tag}`);
    await fillSignup(page, c.lang, "Carmen Consultora", uniqueEmail("consultant"));

    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.orgsTitle);
    await check(page, "the empty list of organizations");
    await screenshot(page, `orgs-empty-${tag}`);
    await page.getByRole("link", { name: t.newOrg }).click();
    await page.getByLabel(t.orgName, { exact: true }).fill(orgName);
    await page.getByRole("button", { name: t.createOrg }).click();

    await expect(page).toHaveURL(/\/orgs\/(?!new$)[\w-]+$/);
    const orgPath = new URL(page.url()).pathname;
    await expect(page.getByRole("main")).toContainText(orgName);
    await expect(page.getByText(t.yourRole(t.roles.consultant))).toBeVisible();
    const quizLink = await page.locator("#share-url").inputValue();
    expect(quizLink).toMatch(/\/quiz\?invite=[\w-]{16,}$/);
    await screenshot(page, `org-home-${tag}`);

    // Members: an invite link for the role.
    await page.getByRole("link", { name: t.members, exact: true }).click();
    await expect(page).toHaveURL(`${orgPath}/members`);
    await page.getByLabel(t.inviteRole).selectOption(c.role);
    await page.getByRole("button", { name: t.createInvite }).click();
    const inviteLink = await page.locator("#invite-link").inputValue();
    expect(inviteLink).toMatch(/\/invite\/[\w-]{32,}$/);
    await check(page, "members, with the new invite link");
    await screenshot(page, `members-${tag}`);

    await page.getByRole("link", { name: t.settings, exact: true }).click();
    await expect(page).toHaveURL(`${orgPath}/settings`);
    await expect(page.getByLabel(t.orgName, { exact: true })).toHaveValue(orgName);
    await screenshot(page, `settings-${tag}`);

    // The invitee, in another browser context: opens the link, creates an account, joins.
    const invitee = await newPage(browser, c.lang, c.viewport);
    const inviteeName = "Iván Invitado";
    page = invitee.page;
    await page.goto(inviteLink);
    await expect(page.getByText(t.inviteText(orgName, t.roles[c.role]))).toBeVisible();
    await screenshot(page, `invite-${tag}`);
    await page.getByRole("link", { name: t.signUpToJoin }).click();
    await expect(page).toHaveURL(/\/signup\?redirectTo=/);
    await fillSignup(page, c.lang, inviteeName, uniqueEmail("invitee"));
    await expect(page).toHaveURL(new URL(inviteLink).pathname);
    await page.getByRole("button", { name: t.join(orgName) }).click();

    await expect(page).toHaveURL(orgPath);
    await expect(page.getByRole("main")).toContainText(orgName);
    await expect(page.getByText(t.yourRole(t.roles[c.role]))).toBeVisible();
    // Only consultants manage members and settings; the tabs are not offered to anyone else.
    await expect(page.getByRole("link", { name: t.members, exact: true })).toHaveCount(0);
    await page.goto("/orgs");
    const row = page.getByRole("row").filter({ hasText: orgName });
    await expect(row.getByRole("link", { name: orgName })).toBeVisible();
    await expect(row).toContainText(t.roles[c.role]);

    // The consultant sees the new member, with the invite's role.
    await consultant.page.goto(`${orgPath}/members`);
    await expect(consultant.page.getByText(inviteeName, { exact: true })).toBeVisible();
    await expect(consultant.page.getByLabel(t.roleFor(inviteeName))).toHaveValue(c.role);

    // An executive takes the quiz through the organization's link; it counts there.
    const executive = await newPage(browser, c.lang, c.viewport);
    page = executive.page;
    await page.goto(quizLink);
    await expect(page.getByText(orgName)).toBeVisible();
    const groups = page.locator("fieldset");
    for (const [index, answer] of c.answers.entries()) await groups.nth(index).locator(`input[value="${answer}"]`).check();
    await page.getByRole("button", { name: t.seeResult }).click();
    await expect(page.getByTestId("quiz-score")).toHaveText(c.score);

    page = consultant.page;
    await page.goto(orgPath);
    const figure = (term: string) => page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("+ dd");
    await expect(figure(t.responses)).toHaveText("1");
    // The average says what it is out of.
    await expect(figure(t.average)).toHaveText(new RegExp(`^${c.score}\\s*${c.lang === "es" ? "de" : "of"} 13$`));
    const table = page.getByRole("table", { name: t.byQuestion });
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(c.answers.length);
    for (const [index, answer] of c.answers.entries()) {
      await expect(rows.nth(index).locator("td")).toHaveText(["a", "b", "c", "d"].map((key) => (key === answer ? "1" : /^(0|—)$/)));
    }
    await screenshot(page, `org-home-answers-${tag}`);

    for (const actor of [consultant, invitee, executive]) {
      actor.noConsoleErrors();
      await actor.context.close();
    }
  });
}
