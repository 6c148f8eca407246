import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LANG, formatDate, formatNumber, translator, type Lang } from "./i18n";

type RootData = { lang: Lang };

/** The page's language (from the root loader) and its translator and formatters. */
export function useI18n() {
  const lang = useRouteLoaderData<RootData>("root")?.lang ?? DEFAULT_LANG;
  return useMemo(
    () => ({
      lang,
      t: translator(lang),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(lang, value, options),
      date: (value: Date | number, options?: Intl.DateTimeFormatOptions) => formatDate(lang, value, options),
    }),
    [lang],
  );
}
