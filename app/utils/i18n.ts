// Client-safe: the language rules, the types of the dictionary and the translator. The strings
// themselves live in app/locales/<lang>/<namespace>.ts and are imported only by i18n.server.ts;
// a page receives the few namespaces it needs, in its language, as loader data (see use-i18n.ts).
// The `import type`s below are erased at build time, so no string reaches a client bundle.
import type auth from "~/locales/en/auth";
import type common from "~/locales/en/common";
import type gaps from "~/locales/en/gaps";
import type home from "~/locales/en/home";
import type initiatives from "~/locales/en/initiatives";
import type metrics from "~/locales/en/metrics";
import type organizations from "~/locales/en/organizations";
import type quiz from "~/locales/en/quiz";
import type reminders from "~/locales/en/reminders";
import type reports from "~/locales/en/reports";
import type roadmap from "~/locales/en/roadmap";
import type workshop from "~/locales/en/workshop";

export const LANGUAGES = ["es", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "es";
export const LANG_COOKIE = "lng";

/** The English dictionary's shape, one entry per namespace; every language has exactly these keys. */
export type Catalog = {
  common: typeof common;
  home: typeof home;
  quiz: typeof quiz;
  auth: typeof auth;
  organizations: typeof organizations;
  workshop: typeof workshop;
  gaps: typeof gaps;
  initiatives: typeof initiatives;
  metrics: typeof metrics;
  reminders: typeof reminders;
  reports: typeof reports;
  roadmap: typeof roadmap;
};
export type Namespace = keyof Catalog;

/**
 * Namespaces whose strings are only ever rendered by the server (emails, PDFs, calendar feeds):
 * `messagesFor` refuses them, so they never travel to a browser.
 */
export type ServerNamespace = "reminders" | "reports";
export type ClientNamespace = Exclude<Namespace, ServerNamespace>;

type PluralSuffix = `_${Intl.LDMLPluralRule}`;

/** Every key as written in the dictionary, plural forms included (`board.voteCount_one`). */
export type DictionaryKey = { [N in Namespace]: keyof Catalog[N] & string }[Namespace];
/** A key whose text depends on a count: the dictionary holds `<key>_one`, `<key>_other`… */
export type PluralKey = DictionaryKey extends infer K ? (K extends `${infer Base}${PluralSuffix}` ? Base : never) : never;
/** What `t` takes: plain keys, and plural keys without their suffix. */
export type MessageKey = Exclude<DictionaryKey, `${string}${PluralSuffix}`> | PluralKey;

/** The strings a page received: one language, only its namespaces. */
export type Messages = Readonly<Record<string, string>>;

export type Params = Record<string, string | number>;
/** A plural key needs its `count`; other keys take optional placeholders. */
export type ParamsFor<K extends MessageKey> = K extends PluralKey ? [params: Params & { count: number }] : [params?: Params];
export type Translator = <K extends MessageKey>(key: K, ...params: ParamsFor<K>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** First supported language in an Accept-Language header, by quality. */
export function langFromAcceptLanguage(header: string | null): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0], quality: q ? Number(q.slice(2)) || 0 : 1, order };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked.map((entry) => entry.base).find(isLang);
}

/** `?lng=`, then the cookie, then Accept-Language, then Spanish. */
export function detectLang(request: Request): Lang {
  const query = new URL(request.url).searchParams.get(LANG_COOKIE);
  if (isLang(query)) return query;
  const cookie = cookieValue(request.headers.get("Cookie"), LANG_COOKIE);
  if (isLang(cookie)) return cookie;
  return langFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANG;
}

/**
 * Messages that travel as data (zod errors, action outcomes) are keys; anything else (text the
 * server already translated, a user's input) is shown as it is. Keys are dotted identifiers, which
 * no sentence is; that every key a schema uses exists is checked in the tests (`hasMessage`).
 */
export function isMessageKey(value: string): value is MessageKey {
  return /^[a-z][\w-]*(\.[\w-]+)+$/.test(value);
}

// Intl objects are costly to build and safe to share: one per language and option set.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  // Placeholders format their numbers without options, several times per page: no JSON for those.
  return cached(options ? `n:${lang}:${JSON.stringify(options)}` : `n:${lang}`, () => new Intl.NumberFormat(lang, options)).format(value);
}

/**
 * A value with its unit. A percentage goes through Intl's percent style, so each language writes
 * it its own way ("76.7%", "76,7 %"); any other unit follows after a no-break space, so a line
 * never starts with the unit alone. No unit: the number alone.
 */
export function formatMeasure(lang: Lang, value: number, unit: string, options?: Intl.NumberFormatOptions): string {
  if (unit === "%") return formatNumber(lang, value / 100, { maximumFractionDigits: 3, ...options, style: "percent" });
  const number = formatNumber(lang, value, options);
  return unit ? `${number}\u00a0${unit}` : number;
}

export function formatDate(lang: Lang, value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }): string {
  return cached(`d:${lang}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options)).format(value);
}

export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  return cached(`p:${lang}`, () => new Intl.PluralRules(lang)).select(count);
}

/**
 * A translator over a lookup. With a numeric `count`, `<key>_<category>` is tried first, the
 * category from Intl.PluralRules (Spanish has "many" for round millions: it falls back to
 * `_other`). `{name}` placeholders are filled, numbers formatted for the language; an unknown
 * placeholder stays visible. A key the page did not receive comes back as the key itself, so a
 * missing namespace shows on the page (and in the browser tests) instead of failing silently.
 */
export function createTranslator(lang: Lang, lookup: (key: string) => string | undefined): Translator {
  return ((key: string, params?: Params) => {
    const count = params?.count;
    const template =
      (typeof count === "number" ? (lookup(`${key}_${pluralCategory(lang, count)}`) ?? lookup(`${key}_other`)) : undefined) ?? lookup(key);
    if (template === undefined) return key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === "number" ? formatNumber(lang, value) : value;
    });
  }) as Translator;
}
