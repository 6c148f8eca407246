import { fromIsoDate } from "~/domain/dates";
import { createTranslator, formatMeasure, type Lang, type Messages, type Translator } from "~/utils/i18n";

/** Numbers and dates as the reader's language writes them; the strings the report was given. */
export function formatters(lang: Lang, strings: Messages) {
  const index = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const plain = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const long = new Intl.DateTimeFormat(lang, { dateStyle: "long" });
  const medium = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric" });
  const month = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric" });
  const t: Translator = createTranslator(lang, (key) => strings[key]);
  return {
    t,
    index: (n: number | null) => (n === null ? "–" : index.format(n)),
    delta: (n: number | null) => (n === null ? "–" : signed.format(n)),
    number: (n: number | null) => (n === null ? "–" : plain.format(n)),
    /** A value with its unit, as the web pages write it (`formatMeasure`). */
    measure: (n: number | null, unit: string) => (n === null ? "–" : formatMeasure(lang, n, unit, { maximumFractionDigits: 2 })),
    date: (iso: string | null) => (iso ? long.format(fromIsoDate(iso)) : "–"),
    shortDate: (iso: string | null) => (iso ? medium.format(fromIsoDate(iso)) : "–"),
    month: (yyyyMm: string) => {
      const text = month.format(fromIsoDate(`${yyyyMm}-15`));
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;
