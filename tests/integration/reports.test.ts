/**
 * The two PDF reports through their routes, rendered by the worker pool, read back with poppler:
 * the text a reader would copy holds the organization, every capability, the accents and the
 * numbers; each page is also saved as PNG under tests/.artifacts/reports to be looked at.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeOrganization, makeQuizResults, makeUser } from "../setup/factories";
import { pdfPages, pdfText } from "../setup/pdf";
import { makeRichOrganization, type RichOrganization } from "../setup/rich-organization";
import { callLoader, sessionCookieFor } from "../setup/route-harness";
import { useTestDatabase } from "../setup/test-db";
import { closePdfPool } from "~/integrations/pdf.server";
import { getLocalizedModel } from "~/utils/content.server";
import { loader as executiveLoader } from "~/routes/orgs.$orgId.report[.]pdf";
import { loader as workshopLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.report[.]pdf";

useTestDatabase();

let rich: RichOrganization;
let cookie: string;

// Every test gets a fresh database (useTestDatabase), so the organization is built for each.
beforeEach(async () => {
  rich = await makeRichOrganization();
  cookie = await sessionCookieFor(rich.consultant.id);
}, 180_000);

afterAll(async () => {
  await closePdfPool();
});

// The first render starts the worker (tsx compiles it from the sources here): seconds on a busy machine.
/** pdftotext -layout may break a long name across table lines; compare with spaces squeezed. */
const squeeze = (text: string) => text.replace(/\s+/g, " ");

async function download(loader: typeof executiveLoader, url: string, params: Record<string, string>) {
  const result = await callLoader(loader, { url, params, cookie });
  expect(result.status).toBe(200);
  expect(result.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = new Uint8Array(await result.response!.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  return bytes;
}

describe("executive report", () => {
  for (const lang of ["es", "en"] as const) {
    it(`reads in ${lang}: organization, sections, every capability, accents, page numbers`, async () => {
      const orgId = rich.organization.id;
      const bytes = await download(executiveLoader, `/orgs/${orgId}/report.pdf?lng=${lang}`, { orgId });
      const text = pdfText(bytes, `executive-${lang}`);
      const flat = squeeze(text);
      expect(flat).toContain("Compañía Andina de Señales");
      expect(flat).toContain("Inés Peña");
      for (const category of getLocalizedModel(lang).categories) {
        for (const capability of category.capabilities) expect(flat, capability.name).toContain(capability.name);
      }
      expect(flat).toContain("Facturación electrónica sin errores");
      expect(flat).toContain("Óscar Núñez");
      expect(flat).toContain("Reclamaciones por mil pedidos");
      if (lang === "es") {
        expect(flat).toContain("Informe ejecutivo");
        expect(flat).toMatch(/Página 1 de \d+/);
        expect(flat).toContain("Qué cambió desde el ciclo anterior");
        expect(flat).toContain("Índice de madurez");
        expect(flat).toContain("«Diagnóstico 2025 S2»");
      } else {
        expect(flat).toContain("Executive report");
        expect(flat).toMatch(/Page 1 of \d+/);
        expect(flat).toContain("What changed since the previous cycle");
      }
      const pages = pdfPages(`executive-${lang}`);
      expect(pages).toBeGreaterThanOrEqual(9);
    }, 180_000);
  }

  it("the table of contents gives the page each section starts on", async () => {
    const orgId = rich.organization.id;
    const bytes = await download(executiveLoader, `/orgs/${orgId}/report.pdf?lng=en`, { orgId });
    const text = pdfText(bytes, "executive-toc");
    const pages = text.split("\f");
    const toc = [...pages[0]!.matchAll(/^\s*(\d)\s+(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[2]!.trim(), page: Number(m[3]) }));
    expect(toc.map((e) => e.title)).toContain("Gaps by capability");
    for (const entry of toc) expect(squeeze(pages[entry.page - 1]!), entry.title).toContain(entry.title);
  }, 180_000);

  it("speaks the organization's language without ?lng=", async () => {
    const orgId = rich.organization.id;
    const bytes = await download(executiveLoader, `/orgs/${orgId}/report.pdf`, { orgId });
    expect(squeeze(pdfText(bytes, "executive-default"))).toContain("Informe ejecutivo");
  }, 180_000);

  it("of an organization with only quiz results says what is missing, section by section", async () => {
    const consultant = await makeUser({ name: "Consultora Sola" });
    const organization = await makeOrganization(consultant.id, { name: "Sólo Cuestionario S.A." });
    await makeQuizResults(organization.id);
    const orgId = organization.id;
    for (const lang of ["es", "en"] as const) {
      const result = await callLoader(executiveLoader, { url: `/orgs/${orgId}/report.pdf?lng=${lang}`, params: { orgId }, cookie: await sessionCookieFor(consultant.id) });
      expect(result.status).toBe(200);
      const flat = squeeze(pdfText(new Uint8Array(await result.response!.arrayBuffer()), `executive-quiz-only-${lang}`));
      expect(flat).toContain(lang === "es" ? "Aún no hay evaluación" : "No assessment yet");
      expect(flat).toContain(lang === "es" ? "Aún no hay iniciativas" : "No initiatives yet");
      expect(flat).toContain(lang === "es" ? "9 directivos respondieron" : "9 executives took the quiz");
      pdfPages(`executive-quiz-only-${lang}`);
    }
  }, 180_000);

  it("is not found for someone outside the organization", async () => {
    const stranger = await makeUser();
    const orgId = rich.organization.id;
    const result = await callLoader(executiveLoader, { url: `/orgs/${orgId}/report.pdf`, params: { orgId }, cookie: await sessionCookieFor(stranger.id) });
    expect(result.status).toBe(404);
  });
});

describe("workshop report", () => {
  for (const lang of ["es", "en"] as const) {
    it(`reads in ${lang}: participation, ratings, disagreements, consensus with rationale`, async () => {
      const orgId = rich.organization.id;
      const assessmentId = rich.workshopId;
      const bytes = await download(workshopLoader, `/orgs/${orgId}/assessments/${assessmentId}/report.pdf?lng=${lang}`, { orgId, assessmentId });
      const flat = squeeze(pdfText(bytes, `workshop-${lang}`));
      expect(flat).toContain("Taller 2026 S1");
      expect(flat).toContain("Compañía Andina de Señales");
      for (const category of getLocalizedModel(lang).categories) {
        for (const capability of category.capabilities) expect(flat, capability.name).toContain(capability.name);
      }
      expect(flat).toContain("¿mejorará? ¡Sí, pronto!");
      expect(flat).toContain("Acordado tras la discusión");
      expect(flat).toContain(lang === "es" ? "Desacuerdos" : "Disagreements");
      expect(flat).toContain(lang === "es" ? "6 participantes se unieron" : "6 participants joined");
      expect(pdfPages(`workshop-${lang}`)).toBeGreaterThanOrEqual(4);
    }, 180_000);
  }

  it("of an open workshop without votes still renders, saying there is no consensus yet", async () => {
    const orgId = rich.organization.id;
    const assessmentId = rich.openWorkshopId;
    const bytes = await download(workshopLoader, `/orgs/${orgId}/assessments/${assessmentId}/report.pdf?lng=en`, { orgId, assessmentId });
    expect(squeeze(pdfText(bytes, "workshop-open"))).toContain("No consensus has been recorded yet.");
  }, 180_000);
});
