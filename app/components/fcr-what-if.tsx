import { Form } from "@remix-run/react";
import type { FcrWhatIf } from "~/domain/fcr-what-if";
import type { FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/use-i18n";
import { TextField } from "./forms";

export type FcrWhatIfProps = {
  /** The form's values as text (the query string, or the organization's latest values and the default ratios). */
  values: Record<"points" | "fcr" | "csat" | "cost" | "csat_ratio" | "cost_ratio", string>;
  errors: FieldErrors | null;
  result: (FcrWhatIf & { fcr: number; csat: number | null; cost: number | null }) | null;
  source: { label: string; source: string; year: number; csatPerPoint: number; costPerPoint: number };
  costUnit: string;
};

/**
 * The first-contact-resolution what-if: a GET form (it works without JavaScript and its answer is a
 * link one can share) and the expected CSAT and cost, with the ratios and their source beside them.
 */
export function FcrWhatIfPanel({ values, errors, result, source, costUnit }: FcrWhatIfProps) {
  const { t, number } = useI18n();
  const n = (value: number, digits = 1) => number(value, { maximumFractionDigits: digits });
  const pct = (value: number) => number(value / 100, { style: "percent", maximumFractionDigits: 1 });
  const signed = (value: number, digits = 1) => number(value, { maximumFractionDigits: digits, signDisplay: "exceptZero" });
  const field = (name: keyof FcrWhatIfProps["values"], label: string, hint?: string) => (
    <TextField name={name} id={`what-if-${name}`} label={label} hint={hint} inputMode="decimal" defaultValue={values[name]} error={errors?.[name]} />
  );
  return (
    <section id="what-if" aria-labelledby="what-if-title" className="card space-y-5 p-6" data-testid="fcr-what-if">
      <div>
        <h2 id="what-if-title" className="text-xl font-bold">
          {t("whatIf.title")}
        </h2>
        <p className="mt-1 text-ink-soft">{t("whatIf.lead")}</p>
      </div>
      <Form method="get" className="space-y-4" preventScrollReset>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {field("points", t("whatIf.field.points"), t("whatIf.hint.points"))}
          {field("fcr", t("whatIf.field.fcr"))}
          {field("csat", t("whatIf.field.csat"), t("whatIf.hint.optional"))}
          {field("cost", t("whatIf.field.cost"), t("whatIf.hint.optional"))}
        </div>
        <fieldset className="grid gap-4 rounded-lg border border-line p-4 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t("whatIf.ratios")}</legend>
          {field("csat_ratio", t("whatIf.field.csatRatio"))}
          {field("cost_ratio", t("whatIf.field.costRatio"))}
          <p className="text-sm text-ink-soft sm:col-span-2" data-testid="what-if-source">
            {source.label}{" "}
            <span className="font-semibold">
              {t("whatIf.source", { source: source.source, year: String(source.year), csat: n(source.csatPerPoint), cost: n(source.costPerPoint) })}
            </span>
          </p>
        </fieldset>
        <button type="submit" className="btn btn-primary">
          {t("whatIf.submit")}
        </button>
      </Form>
      {result ? (
        <dl className="grid gap-4 sm:grid-cols-3" data-testid="what-if-result" aria-live="polite">
          <div className="rounded-lg bg-primary-soft p-4" data-fcr-after={result.fcrAfter}>
            <dt className="text-sm font-semibold">{t("whatIf.result.fcr")}</dt>
            <dd className="text-2xl font-bold tabular-nums">
              {pct(result.fcr)} → {pct(result.fcrAfter)}
            </dd>
            <dd className="text-sm">{t("whatIf.result.points", { points: signed(result.points) })}</dd>
          </div>
          <div className="rounded-lg bg-primary-soft p-4" data-csat-after={result.csatAfter ?? ""}>
            <dt className="text-sm font-semibold">{t("whatIf.result.csat")}</dt>
            {result.csat !== null && result.csatAfter !== null ? (
              <>
                <dd className="text-2xl font-bold tabular-nums">
                  {pct(result.csat)} → {pct(result.csatAfter)}
                </dd>
                <dd className="text-sm">{t("whatIf.result.points", { points: signed(result.csatChange!) })}</dd>
              </>
            ) : (
              <dd className="text-sm text-ink-soft">{t("whatIf.result.noCsat")}</dd>
            )}
          </div>
          <div className="rounded-lg bg-primary-soft p-4" data-cost-share={result.costShare}>
            <dt className="text-sm font-semibold">{t("whatIf.result.cost")}</dt>
            <dd className="text-2xl font-bold tabular-nums">{number(result.costShare, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })}</dd>
            {result.cost !== null && result.costAfter !== null ? (
              <dd className="text-sm tabular-nums">
                {n(result.cost, 2)} → {n(result.costAfter, 2)} {costUnit}
              </dd>
            ) : null}
          </div>
        </dl>
      ) : null}
      <p className="text-sm text-ink-soft">{t("whatIf.caveat")}</p>
    </section>
  );
}
