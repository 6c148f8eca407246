import { en, type MessageKey } from "~/locales/en";
import { es } from "~/locales/es";

export const LANGUAGES = ["es", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "es";
export const LANG_COOKIE = "lng";
export type { MessageKey };

const catalogs: Record<Lang, Record<MessageKey, string>> = { es, en };

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

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = catalogs[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}

/** Messages that travel as data (zod errors) are keys; anything else is shown as it is. */
export function isMessageKey(value: string): value is MessageKey {
  return value in en;
}

// Intl formatters are costly to build and safe to share: one per language and option set.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return cached(`n:${lang}:${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(lang, options)).format(value);
}

export function formatDate(lang: Lang, value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }): string {
  return cached(`d:${lang}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options)).format(value);
}
