import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { createTranslator, DEFAULT_LANG, formatDate, formatMeasure, formatNumber, type Lang, type Messages } from "./i18n";

type RootData = { lang: Lang };
type WithMessages = { i18n?: Messages } | null | undefined;

/**
 * The page's language (from the root loader), its translator and formatters. The strings come
 * from the matched routes' loader data (`i18n`, see `messagesFor`): the root's `common` and each
 * route's own namespaces, in the page's language only; the innermost route wins a tie.
 */
export function useI18n() {
  const lang = useRouteLoaderData<RootData>("root")?.lang ?? DEFAULT_LANG;
  const sources = useMatches()
    .map((match) => (match.data as WithMessages)?.i18n)
    .filter((messages): messages is Messages => messages !== undefined)
    .reverse();
  // The loader data objects keep their identity until a loader runs again: key the memo on them.
  const [a, b, c, d] = sources;
  const more = sources.length > 4 ? sources.slice(4) : undefined;
  return useMemo(() => {
    const list = [a, b, c, d, ...(more ?? [])].filter((messages): messages is Messages => messages !== undefined);
    return {
      lang,
      t: createTranslator(lang, (key) => {
        for (const messages of list) if (Object.hasOwn(messages, key)) return messages[key];
        return undefined;
      }),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(lang, value, options),
      measure: (value: number, unit: string, options?: Intl.NumberFormatOptions) => formatMeasure(lang, value, unit, options),
      date: (value: Date | number, options?: Intl.DateTimeFormatOptions) => formatDate(lang, value, options),
    };
  }, [lang, a, b, c, d, more]);
}
