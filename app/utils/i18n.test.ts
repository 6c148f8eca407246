import { describe, expect, it } from "vitest";
import { DEFAULT_LANG, detectLang, formatMeasure, isMessageKey, langFromAcceptLanguage, pluralCategory, type Lang } from "./i18n";
import { catalogs, hasMessage, messagesFor, NAMESPACES, translate } from "./i18n.server";

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
    expect(translate("en", "quiz.title")).toBe(catalogs.en.quiz["quiz.title"]);
    expect(translate("es", "quiz.title")).toBe(catalogs.es.quiz["quiz.title"]);
    expect(translate("en", "quiz.progress", { n: 1 })).toBe("Question 1 of {total}");
  });

  it("formats numbers for the language", () => {
    expect(translate("en", "quiz.progress", { n: 1.5, total: 12_000 })).toBe("Question 1.5 of 12,000");
    expect(translate("es", "quiz.progress", { n: 1.5, total: 12_000 })).toBe("Pregunta 1,5 de 12.000");
  });

  it("picks the plural form with Intl.PluralRules", () => {
    expect(translate("en", "board.voteCount", { count: 1 })).toBe("1 rating");
    expect(translate("en", "board.voteCount", { count: 0 })).toBe("0 ratings");
    expect(translate("en", "board.voteCount", { count: 2 })).toBe("2 ratings");
    expect(translate("es", "board.voteCount", { count: 1 })).toBe("1 valoración");
    expect(translate("es", "board.voteCount", { count: 0 })).toBe("0 valoraciones");
    expect(translate("es", "board.voteCount", { count: 1_000 })).toBe("1000 valoraciones");
    // Spanish has a "many" form for round millions; without one in the dictionary, "other" serves.
    expect(pluralCategory("es", 1_000_000)).toBe("many");
    expect(translate("es", "board.voteCount", { count: 1_000_000 })).toBe("1.000.000 valoraciones");
  });

  it("tells message keys from plain text", () => {
    expect(isMessageKey("quiz.error.required")).toBe(true);
    expect(isMessageKey("role.program-owner")).toBe(true);
    expect(isMessageKey("Something the user typed")).toBe(false);
    expect(isMessageKey("Demasiados intentos. Espere un minuto.")).toBe(false);
    expect(hasMessage("quiz.error.required")).toBe(true);
    expect(hasMessage("board.voteCount")).toBe(true);
    expect(hasMessage("quiz.error.nothing")).toBe(false);
  });
});

describe("messagesFor", () => {
  it("holds one language and only the namespaces asked for", () => {
    const page = messagesFor("en", ["common", "gaps"]);
    expect(page).toEqual({ ...catalogs.en.common, ...catalogs.en.gaps });
    expect(page["gaps.title"]).toBe(catalogs.en.gaps["gaps.title"]);
    expect(page).not.toHaveProperty("board.voteCount_one");
    expect(Object.values(page)).not.toContain(catalogs.es.gaps["gaps.title"]);
  });

  it("reads the language from the request", () => {
    const spanish = messagesFor(request("/?lng=es"), ["workshop"]);
    expect(spanish["board.voteCount_one"]).toBe("{count} valoración");
  });
});

type Entries = [string, string][];
const entries = (lang: Lang): Entries => NAMESPACES.flatMap((namespace) => Object.entries(catalogs[lang][namespace]) as Entries);

describe("catalogs", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const en = Object.fromEntries(entries("en"));
  const es = Object.fromEntries(entries("es"));

  it("have the same keys in es and en, namespace by namespace", () => {
    for (const namespace of NAMESPACES) expect(Object.keys(catalogs.es[namespace]).sort(), namespace).toEqual(Object.keys(catalogs.en[namespace]).sort());
  });

  it("keep each key in one namespace, and each first segment in one namespace", () => {
    expect(entries("en").length).toBe(Object.keys(en).length);
    const homes = new Map<string, Set<string>>();
    for (const namespace of NAMESPACES) {
      for (const key of Object.keys(catalogs.en[namespace])) {
        const prefix = key.split(".")[0]!;
        homes.set(prefix, (homes.get(prefix) ?? new Set()).add(namespace));
      }
    }
    expect([...homes].filter(([, namespaces]) => namespaces.size > 1)).toEqual([]);
  });

  it.each([
    ["es", es],
    ["en", en],
  ] as const)("%s has no empty message", (_lang, catalog) => {
    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = Object.keys(en).filter((key) => placeholders(en[key]!).join() !== placeholders(es[key]!).join());
    expect(mismatched).toEqual([]);
  });

  it("give every plural key a one and an other form, and only those", () => {
    const plural = Object.keys(en).filter((key) => /_[a-z]+$/.test(key));
    const bases = new Set(plural.map((key) => key.replace(/_[a-z]+$/, "")));
    for (const base of bases) {
      expect(plural.filter((key) => key.startsWith(`${base}_`)).sort(), base).toEqual([`${base}_one`, `${base}_other`]);
      expect(en[`${base}_other`], base).toContain("{count}");
      expect(es[`${base}_other`], base).toContain("{count}");
    }
  });

  // Names and acronyms read the same in both languages; add such keys here deliberately.
  const sameInBoth = new Set<string>(["app.name", "review.no"]);

  it("translate Spanish rather than copy the English", () => {
    const copied = Object.keys(en).filter((key) => en[key] === es[key] && !sameInBoth.has(key));
    expect(copied).toEqual([]);
  });
});

describe("formatMeasure", () => {
  it("writes a percentage each language's way, never with the sign on its own line", () => {
    expect(formatMeasure("en", 76.65, "%", { maximumFractionDigits: 2 })).toBe("76.65%");
    expect(formatMeasure("es", 76.65, "%", { maximumFractionDigits: 2 })).toBe("76,65\u00a0%");
    expect(formatMeasure("en", 80, "%")).toBe("80%");
  });

  it("joins any other unit with a no-break space, and leaves a number without unit alone", () => {
    expect(formatMeasure("en", 18.94, "points", { maximumFractionDigits: 1 })).toBe("18.9\u00a0points");
    expect(formatMeasure("es", 1234.5, "€", { maximumFractionDigits: 2 })).toBe("1234,5\u00a0€");
    expect(formatMeasure("en", 1234.5, "")).toBe("1,234.5");
  });
});
