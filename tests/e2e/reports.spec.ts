/**
 * The reports and the export against the real build: the PDFs come from the bundled worker
 * (build/pdf-worker.mjs), in both languages; an export imports into a new organization through the
 * form's multipart post, and a foreign file is refused with its reason. The import page shows the
 * reason at the form and passes axe at 1280 and 390 px.
 */
import { expect, test } from "@playwright/test";
import { createOrganization, location, signUp } from "./accounts";
import { audit, hydrated, screenshot, VIEWPORTS } from "./fixtures";

test("executive and workshop PDFs, export and import, from the built server", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const consultant = await signUp(playwright, baseURL!, "reports");
  const orgId = await createOrganization(consultant.api, "Compañía Ñandú");
  const made = await consultant.api.post(`/orgs/${orgId}/assessments/new`, { form: { name: "Taller de diseño", mode: "workshop" }, maxRedirects: 0 });
  expect(made.status()).toBe(303);
  const assessmentPath = location(made);

  for (const lng of ["es", "en"]) {
    for (const url of [`/orgs/${orgId}/report.pdf?lng=${lng}`, `${assessmentPath}/report.pdf?lng=${lng}`]) {
      const pdf = await consultant.api.get(url, { timeout: 60_000 });
      expect(pdf.status(), url).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
  }

  const exported = await consultant.api.get(`/orgs/${orgId}/export.json`);
  expect(exported.status()).toBe(200);
  const file = await exported.body();
  expect(JSON.parse(file.toString())).toMatchObject({ format: "madura-organization", version: 1, organization: { name: "Compañía Ñandú" } });
  const imported = await consultant.api.post("/orgs/import", { multipart: { file: { name: "export.json", mimeType: "application/json", buffer: file } }, maxRedirects: 0 });
  expect(imported.status()).toBe(303);
  const newOrg = location(imported);
  expect(newOrg).toMatch(/^\/orgs\/[\w-]+$/);
  expect(newOrg).not.toBe(`/orgs/${orgId}`);
  expect(await (await consultant.api.get(newOrg)).text()).toContain("Taller de diseño");

  const foreign = await consultant.api.post("/orgs/import?lng=en", { multipart: { file: { name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"hello":1}') } }, maxRedirects: 0 });
  expect(foreign.status()).toBe(400);
  expect(await foreign.text()).toContain("not a Madura organization export");
});

test("the import page, in both languages, at desktop and phone widths", async ({ playwright, baseURL, browser }) => {
  test.setTimeout(120_000);
  const consultant = await signUp(playwright, baseURL!, "import-page");
  const state = await consultant.api.storageState();
  for (const lng of ["es", "en"] as const) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ storageState: state, viewport });
      const page = await context.newPage();
      await page.goto(`/orgs/import?lng=${lng}`);
      await hydrated(page);
      await page.setInputFiles("#file", { name: "x.json", mimeType: "application/json", buffer: Buffer.from("no json here") });
      await page.getByRole("button", { name: lng === "es" ? "Importar organización" : "Import organization" }).click();
      await expect(page.getByTestId("import-error")).toContainText(lng === "es" ? "no es JSON" : "not JSON");
      // The import page with its error showing, audited once per language (the sweep audits it as it opens).
      if (name === (lng === "es" ? "phone" : "desktop")) await audit(page, `import error (${lng}, ${name})`);
      await screenshot(page, `import-${lng}-${name}`);
      await context.close();
    }
  }
});
