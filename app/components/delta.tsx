import { useI18n } from "~/utils/use-i18n";

/** A change since the last cycle: an arrow and a signed number, never colour alone. */
export function Delta({ value }: { value: number | null }) {
  const { t, number } = useI18n();
  if (value === null) return <span className="text-ink-soft">–</span>;
  const rounded = Math.round(value * 10) / 10;
  const arrow = rounded > 0 ? "▲" : rounded < 0 ? "▼" : "=";
  const label = rounded > 0 ? "gaps.up" : rounded < 0 ? "gaps.down" : "gaps.same";
  return (
    <span className={`tabular whitespace-nowrap font-semibold ${rounded > 0 ? "text-primary-strong" : rounded < 0 ? "text-danger" : "text-ink-soft"}`}>
      <span aria-hidden="true">{arrow} </span>
      <span className="sr-only">{t(label)} </span>
      {number(rounded, { signDisplay: "exceptZero", maximumFractionDigits: 1 })}
    </span>
  );
}
