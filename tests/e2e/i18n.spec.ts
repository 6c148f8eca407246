/**
 * A hydrated page ships one language and only the namespaces it renders: the dictionaries are
 * never bundled into client JavaScript, and the loader data carries the page's strings alone.
 */
import { expect, test, type Page, type Response } from "@playwright/test";
import enAuth from "../../app/locales/en/auth";
import enCommon from "../../app/locales/en/common";
import enGaps from "../../app/locales/en/gaps";
import enHome from "../../app/locales/en/home";
import enOrganizations from "../../app/locales/en/organizations";
import enQuiz from "../../app/locales/en/quiz";
import enWorkshop from "../../app/locales/en/workshop";
import esAuth from "../../app/locales/es/auth";
import esCommon from "../../app/locales/es/common";
import esGaps from "../../app/locales/es/gaps";
import esHome from "../../app/locales/es/home";
import esOrganizations from "../../app/locales/es/organizations";
import esQuiz from "../../app/locales/es/quiz";
import esWorkshop from "../../app/locales/es/workshop";
import { createOrganization, signUp } from "./accounts";
import { failOnConsoleErrors } from "./fixtures";

type Strings = Record<string, string>;

/**
 * Messages that can only come from the dictionary: long enough not to occur by chance, with no
 * placeholder, and no character that HTML or the inline data would escape.
 */
function telltales(...catalogs: Strings[]): string[] {
  return catalogs.flatMap((catalog) => Object.values(catalog)).filter((text) => text.length >= 24 && /^[\p{L}\p{N} ,.;:¿?¡!()–-]+$/u.test(text));
}

/** Opens a page and gathers every script it loads, with the document. */
async function shipped(page: Page, path: string): Promise<{ scripts: string; document: string }> {
  const scripts: Promise<string>[] = [];
  const collect = (response: Response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text());
  };
  page.on("response", collect);
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("response", collect);
  return { scripts: (await Promise.all(scripts)).join("\n"), document: (await response?.text()) ?? "" };
}

test("an English organization page ships English strings of its namespaces only, and navigation brings the next page's", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const owner = await signUp(playwright, baseURL!, "i18n");
  const orgId = await createOrganization(owner.api, "Kestrel Freight");
  const context = await browser.newContext({ storageState: await owner.api.storageState(), locale: "en-US" });
  const page = await context.newPage();
  const checkConsole = failOnConsoleErrors(page);

  const list = await shipped(page, "/orgs?lng=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(list.scripts.length, "the page hydrates").toBeGreaterThan(10_000);
  const everything = list.scripts + list.document;

  // No Spanish at all, and no English of a namespace the list does not render.
  const spanish = telltales(esCommon, esHome, esQuiz, esAuth, esOrganizations, esWorkshop, esGaps);
  expect(spanish.length).toBeGreaterThan(100);
  expect(spanish.filter((text) => everything.includes(text))).toEqual([]);
  expect(telltales(enHome, enQuiz, enAuth, enWorkshop, enGaps).filter((text) => everything.includes(text))).toEqual([]);
  // The JavaScript holds no dictionary, English included; the document carries what the page renders.
  expect(telltales(enCommon, enOrganizations).filter((text) => list.scripts.includes(text))).toEqual([]);
  expect(list.document).toContain(enOrganizations["orgs.lead"]);
  expect(list.document).toContain(enCommon["error.notFound.text"]);

  // A client-side navigation fetches the organization page's data with its workshop strings.
  // The data request is passed through a route handler that keeps its body: Chromium may drop the
  // body of a fetch once the page's history moves on, before the test can read it.
  let data = "";
  await page.route(`**/orgs/${orgId}.data*`, async (route) => {
    const response = await route.fetch();
    data = await response.text();
    await route.fulfill({ response, body: data });
  });
  await page.getByRole("link", { name: "Kestrel Freight" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}$`));
  await expect(page.getByText(enWorkshop["assessments.empty"])).toBeVisible();
  expect(data, "the organization page's data was fetched on the client").not.toBe("");
  expect(data).toContain(enWorkshop["assessments.empty"]);
  expect(spanish.filter((text) => data.includes(text))).toEqual([]);
  expect(telltales(enHome, enQuiz, enAuth, enGaps).filter((text) => data.includes(text))).toEqual([]);

  checkConsole();
  await context.close();
});
