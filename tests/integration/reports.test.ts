/**
 * The two PDF reports through their routes, rendered by the worker pool, read back with poppler:
 * the text a reader would copy holds the organization, every capability, the accents and the
 * numbers; each page is also saved as PNG under tests/.artifacts/reports to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, makeQuizResults, makeUser } from "../setup/factories";
import { pdfPages, pdfText } from "../setup/pdf";
import { makeRichOrganization, type RichOrganization } from "../setup/rich-organization";
import { callLoader, sessionCookieFor } from "../setup/route-harness";
import { useTestDatabase } from "../setup/test-db";
import { closePdfPool } from "~/integrations/pdf.server";
import { getLocalizedModel } from "~/utils/content.server";
import { loader as executiveLoader } from "~/routes/orgs.$orgId.report[.]pdf";
import { loader as workshopLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.report[.]pdf";

// One database for the file: the organization is built once, and each distinct report is rendered
// once (a render is seconds on a busy machine) and read by every test that asks about it.
useTestDatabase({ scope: "file" });

let rich: RichOrganization;
let cookie: string;
let quizOnly: { orgId: string; cookie: string };

beforeAll(async () => {
  rich = await makeRichOrganization();
  cookie = await sessionCookieFor(rich.consultant.id);
  const consultant = await makeUser({ name: "Consultora Sola" });
  const organization = await makeOrganization(consultant.id, { name: "Sólo Cuestionario S.A." });
  await makeQuizResults(organization.id);
  quizOnly = { orgId: organization.id, cookie: await sessionCookieFor(consultant.id) };
}, 180_000);

afterAll(async () => {
  await closePdfPool();
});

// The first render starts the worker (tsx compiles it from the sources here): seconds on a busy machine.
/** pdftotext -layout may break a long name across table lines; compare with spaces squeezed. */
const squeeze = (text: string) => text.replace(/\s+/g, " ");

async function download(loader: typeof executiveLoader, url: string, params: Record<string, string>, as = cookie) {
  const result = await callLoader(loader, { url, params, cookie: as });
  expect(result.status).toBe(200);
  expect(result.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = new Uint8Array(await result.response!.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  return bytes;
}

const reports = new Map<string, Promise<string>>();

/**
 * The text of the report at `url`, downloaded (with download()'s checks) and read once per name,
 * whichever test asks first; saved as tests/.artifacts/reports/<name>.pdf.
 */
function report(name: string, loader: typeof executiveLoader, url: string, params: Record<string, string>, as?: () => string): Promise<string> {
  let text = reports.get(name);
  if (!text) {
    text = download(loader, url, params, as?.()).then((bytes) => pdfText(bytes, name));
    reports.set(name, text);
  }
  return text;
}

const executive = (lang?: "es" | "en") => {
  const orgId = rich.organization.id;
  return report(`executive-${lang ?? "default"}`, executiveLoader, `/orgs/${orgId}/report.pdf${lang ? `?lng=${lang}` : ""}`, { orgId });
};
const workshop = (name: string, assessmentId: string, lang: "es" | "en") => {
  const orgId = rich.organization.id;
  return report(name, workshopLoader, `/orgs/${orgId}/assessments/${assessmentId}/report.pdf?lng=${lang}`, { orgId, assessmentId });
};

describe("executive report", () => {
  for (const lang of ["es", "en"] as const) {
    it(`reads in ${lang}: organization, sections, every capability, accents, page numbers`, async () => {
      const flat = squeeze(await executive(lang));
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

  it("names every capability of the 25-spoke radar whole, in its numbered key, and gives priorities in words", async () => {
    const text = await executive("en");
    const radarPage = squeeze(text.split("\f").find((page) => page.includes("Current and target level by capability"))!);
    const names = getLocalizedModel("en").categories.flatMap((category) => category.capabilities.map((capability) => capability.name));
    names.forEach((name, i) => expect(radarPage, name).toContain(`${i + 1} ${name}`));
    expect(radarPage).not.toContain("…");
    const initiativesPage = squeeze(text.split("\f").find((page) => page.includes("Target date") && page.includes("Facturación electrónica sin errores"))!);
    expect(initiativesPage).toMatch(/\b(High|Medium|Low) /);
  }, 180_000);

  it("the table of contents gives the page each section starts on", async () => {
    const pages = (await executive("en")).split("\f");
    const toc = [...pages[0]!.matchAll(/^\s*(\d)\s+(.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: m[2]!.trim(), page: Number(m[3]) }));
    expect(toc.map((e) => e.title)).toContain("Gaps by capability");
    for (const entry of toc) expect(squeeze(pages[entry.page - 1]!), entry.title).toContain(entry.title);
  }, 180_000);

  it("speaks the organization's language without ?lng=", async () => {
    expect(squeeze(await executive())).toContain("Informe ejecutivo");
  }, 180_000);

  it("of an organization with only quiz results says what is missing, section by section", async () => {
    const { orgId } = quizOnly;
    for (const lang of ["es", "en"] as const) {
      const text = await report(`executive-quiz-only-${lang}`, executiveLoader, `/orgs/${orgId}/report.pdf?lng=${lang}`, { orgId }, () => quizOnly.cookie);
      const flat = squeeze(text);
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
      const flat = squeeze(await workshop(`workshop-${lang}`, rich.workshopId, lang));
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
    expect(squeeze(await workshop("workshop-open", rich.openWorkshopId, "en"))).toContain("No consensus has been recorded yet.");
  }, 180_000);
});
