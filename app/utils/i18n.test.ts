import { describe, expect, it } from "vitest";
import { en } from "~/locales/en";
import { es } from "~/locales/es";
import { DEFAULT_LANG, detectLang, isMessageKey, langFromAcceptLanguage, translate } from "./i18n";

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { headers });
}

describe("detectLang", () => {
  it("defaults to Spanish", () => {
    expect(DEFAULT_LANG).toBe("es");
    expect(detectLang(request("/"))).toBe("es");
  });

  it("takes ?lng first, over the cookie and Accept-Language", () => {
    expect(detectLang(request("/?lng=en", { Cookie: "lng=es", "Accept-Language": "es" }))).toBe("en");
    expect(detectLang(request("/quiz?x=1&lng=es", { Cookie: "lng=en", "Accept-Language": "en" }))).toBe("es");
  });

  it("takes the cookie next, over Accept-Language", () => {
    expect(detectLang(request("/", { Cookie: "theme=dark; lng=en; other=1", "Accept-Language": "es-ES" }))).toBe("en");
    expect(detectLang(request("/", { Cookie: "lng=es", "Accept-Language": "en-GB,en;q=0.9" }))).toBe("es");
  });

  it("skips an unsupported ?lng or cookie and falls through", () => {
    expect(detectLang(request("/?lng=fr", { Cookie: "lng=en" }))).toBe("en");
    expect(detectLang(request("/?lng=", { Cookie: "lng=de", "Accept-Language": "en-US" }))).toBe("en");
    expect(detectLang(request("/?lng=EN", { Cookie: "lng=xx" }))).toBe("es");
  });

  it("does not read another cookie whose name merely contains lng", () => {
    expect(detectLang(request("/", { Cookie: "xlng=en; lngx=en" }))).toBe("es");
  });

  it("uses Accept-Language last", () => {
    expect(detectLang(request("/", { "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(detectLang(request("/", { "Accept-Language": "de-DE,fr;q=0.9" }))).toBe("es");
  });
});

describe("langFromAcceptLanguage", () => {
  it.each([
    ["en-GB,en;q=0.9", "en"],
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["EN-us", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7", "en"],
    ["es;q=0.5, en;q=0.8", "en"],
    ["en;q=0.5,es;q=0.5", "en"],
    ["en;q=0,es;q=0.1", "es"],
    ["de, en-US;q=0.7", "en"],
  ])("%j → %s", (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });

  it.each([null, "", "de-DE,fr;q=0.9", "*", "en;q=0"])("finds no supported language in %j", (header) => {
    expect(langFromAcceptLanguage(header)).toBeUndefined();
  });
});

describe("translate", () => {
  it("interpolates named parameters in each language", () => {
    expect(translate("en", "quiz.progress", { n: 2, total: 4 })).toBe("Question 2 of 4");
    expect(translate("es", "quiz.progress", { n: 2, total: 4 })).toBe("Pregunta 2 de 4");
    expect(translate("en", "result.gaugeLabel", { score: 9, min: 4, max: 13 })).toBe("Score 9 on a scale from 4 to 13");
  });

  it("returns the plain message without parameters and leaves unknown placeholders visible", () => {
    expect(translate("en", "quiz.title")).toBe(en["quiz.title"]);
    expect(translate("es", "quiz.title")).toBe(es["quiz.title"]);
    expect(translate("en", "quiz.progress", { n: 1 })).toBe("Question 1 of {total}");
  });

  it("tells message keys from plain text", () => {
    expect(isMessageKey("quiz.error.required")).toBe(true);
    expect(isMessageKey("Something the user typed")).toBe(false);
  });
});

describe("catalogs", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("have the same keys in es and en", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ["es", es],
    ["en", en],
  ] as const)("%s has no empty message", (_lang, catalog) => {
    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => placeholders(en[key]).join() !== placeholders(es[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  // Names and acronyms read the same in both languages; add such keys here deliberately.
  const sameInBoth = new Set<string>(["app.name"]);

  it("translate Spanish rather than copy the English", () => {
    const copied = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === es[key] && !sameInBoth.has(key));
    expect(copied).toEqual([]);
  });
});
