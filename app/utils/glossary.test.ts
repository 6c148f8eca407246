/**
 * The glossary (content/glossary.json) is a rule, not a wish: every string in content/*.json and in
 * app/locales follows it. A banned variant anywhere fails here, with the term to use instead.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { banExpression, GlossarySchema, type Glossary } from "./content.schema";
import { contentFolder } from "./content.server";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Lang = "es" | "en";
type Text = { where: string; lang: Lang; text: string };
type Finding = { where: string; lang: Lang; banned: string; text: string };

const localesFolder = path.resolve(contentFolder, "../app/locales");


function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(contentFolder, file), "utf8")) as Json;
}

const glossary: Glossary = GlossarySchema.parse(readJson("glossary.json"));
const bans = glossary.terms.flatMap((term) => term.banned.map((ban) => ({ ...ban, concept: term.concept, expression: banExpression(ban) })));

/** Every `{ es, en }` text in a content file, with where it sits. */
function contentTexts(value: Json, where: string): Text[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => contentTexts(item, `${where}.${i}`));
  if (value === null || typeof value !== "object") return [];
  const texts: Text[] = [];
  for (const lang of ["es", "en"] as const) {
    const text = value[lang];
    if (typeof text === "string") texts.push({ where, lang, text });
    // A library initiative keeps several texts per language: `"es": { "title", "description" }`.
    else if (text !== null && typeof text === "object" && !Array.isArray(text)) {
      for (const [field, item] of Object.entries(text)) if (typeof item === "string") texts.push({ where: `${where}.${field}`, lang, text: item });
    }
  }
  if (texts.length > 0) return texts;
  return Object.entries(value).flatMap(([key, item]) => contentTexts(item, `${where}.${key}`));
}

/** Locale files in either layout: app/locales/<lang>.ts or app/locales/<lang>/<namespace>.ts. */
function localeFiles(): { file: string; lang: Lang }[] {
  if (!fs.existsSync(localesFolder)) return [];
  const files: { file: string; lang: Lang }[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const lang = path.relative(localesFolder, full).split(/[/\\.]/)[0];
        if (lang === "es" || lang === "en") files.push({ file: full, lang });
      }
    }
  };
  walk(localesFolder);
  return files;
}

/** The string values of a locale file, each named by its key (or its line when it has none). */
function localeTexts(file: string, lang: Lang): Text[] {
  const texts: Text[] = [];
  const literal = /(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      const entry = line.match(/^\s*(?:(["'])([^"']+)\1|([\w$]+))\s*:\s*(["'`])((?:\\.|(?!\4)[^\\])*)\4/);
      if (entry) {
        texts.push({ where: entry[2] ?? entry[3] ?? `line ${index + 1}`, lang, text: entry[5]! });
        return;
      }
      for (const match of line.matchAll(literal)) texts.push({ where: `${path.basename(file)}:${index + 1}`, lang, text: match[2]! });
    });
  return texts;
}

function findings(texts: Text[]): Finding[] {
  return texts.flatMap((t) =>
    bans.filter((ban) => ban.lang === t.lang && ban.expression.test(t.text)).map((ban) => ({ where: t.where, lang: t.lang, banned: ban.text, text: t.text })),
  );
}

const label = (f: Finding) => `${f.lang} ${f.where}: ${f.banned}`;

describe("the glossary", () => {
  it("validates, and names every concept the product uses once", () => {
    const concepts = glossary.terms.map((t) => t.concept);
    for (const concept of ["current level", "target level", "gap", "capability", "assessment", "workshop", "facilitator", "rating", "initiative", "review", "metric", "reassessment", "dashboard"]) {
      expect(concepts).toContain(concept);
    }
  });

  it("never bans the term it chose", () => {
    const clashes = glossary.terms.flatMap((term) =>
      term.banned.filter((ban) => banExpression(ban).test(term[ban.lang]) || (term.short && banExpression(ban).test(term.short[ban.lang]))).map((ban) => `${term.concept}: ${ban.text}`),
    );
    expect(clashes).toEqual([]);
  });

  it("catches the variants it bans (a check of the check)", () => {
    const caught = (lang: Lang, text: string) => findings([{ where: "sample", lang, text }]).map((f) => f.banned);
    expect(caught("es", "Meta")).toContain("meta / metas");
    expect(caught("es", "Hoy")).toContain("Hoy (como etiqueta)");
    expect(caught("es", "Diga a quien facilita el código")).toContain("quien facilita");
    expect(caught("es", "Consulta tableros e informes.")).toContain("tablero / tableros");
    expect(caught("es", "¿Qué tan madura es?")).toContain("qué tan");
    expect(caught("es", "Sumarse al taller")).toContain("sumarse");
    expect(caught("es", "Ingrese los niveles")).toContain("ingresar");
    expect(caught("en", "the contact centre")).toContain("centre / centred");
    expect(caught("en", "Today")).toContain("Today (as a label)");
    // …and leaves the words it does not mean alone.
    expect(caught("es", "cómo actúa hoy su organización")).toEqual([]);
    expect(caught("es", "los ingresos por contacto")).toEqual([]);
    expect(caught("es", "el nivel actual y el nivel objetivo")).toEqual([]);
    expect(caught("en", "where the organization stands today")).toEqual([]);
    expect(caught("en", "the analysis of each gap")).toEqual([]);
  });
});

describe.each(["quiz.json", "capability-model.json", "metrics.json", "glossary.json"])("content/%s follows the glossary", (file) => {
  it("uses no banned variant", () => {
    const data = readJson(file);
    // The glossary itself quotes the variants it bans; only its chosen terms and notes are checked.
    const texts =
      file === "glossary.json"
        ? glossary.terms.flatMap((t) => [
            { where: t.concept, lang: "es" as const, text: t.es },
            { where: t.concept, lang: "en" as const, text: t.en },
          ])
        : contentTexts(data, file.replace(/\.json$/, ""));
    expect(texts.length).toBeGreaterThan(0);
    expect(findings(texts).map((f) => `${label(f)}  «${f.text}»`)).toEqual([]);
  });
});

describe("content/initiatives follows the glossary", () => {
  const files = fs.existsSync(path.join(contentFolder, "initiatives")) ? fs.readdirSync(path.join(contentFolder, "initiatives")).filter((f) => f.endsWith(".json")) : [];

  it("finds the library's files", () => {
    expect(files).toContain("business-process.json");
  });

  it.each(files)("%s uses no banned variant", (file) => {
    const data = readJson(path.join("initiatives", file)) as { initiatives: unknown[] };
    const texts = contentTexts(data as Json, file.replace(/\.json$/, ""));
    // Four texts per initiative: a title and a description in each language.
    expect(texts.length).toBe(4 * data.initiatives.length);
    expect(findings(texts).map((f) => `${label(f)}  «${f.text}»`)).toEqual([]);
  });
});

describe("app/locales follows the glossary", () => {
  const files = localeFiles();
  const found = files.flatMap(({ file, lang }) => findings(localeTexts(file, lang)));

  it("finds the locale files, in either layout", () => {
    expect(files.map((f) => f.lang).sort()).toEqual(expect.arrayContaining(["en", "es"]));
  });

  it("uses no banned variant", () => {
    expect(found.map((f) => `${label(f)}  «${f.text}»`)).toEqual([]);
  });
});
