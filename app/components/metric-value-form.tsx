import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { metricValueSchema, NpsCountsSchema, type MetricBounds } from "~/domain/metric.schema";
import type { FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { TextField } from "./forms";

type Props = { action: string; today: string; unit: string; bounds: MetricBounds; errors?: FieldErrors | null; values?: Record<string, string> | null };

/** Adds a dated value within the metric's bounds, or replaces the one of that date; posts to the metric's `values` route. */
export function MetricValueForm({ action, today, unit, bounds, errors, values }: Props) {
  const { t } = useI18n();
  const schema = useMemo(() => metricValueSchema(bounds), [bounds]);
  const form = useValidatedForm(schema, errors);
  return (
    <Form method="post" action={action} className="space-y-4" {...form.formProps}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...form.field("date")} id="value-date" type="date" label={t("metric.field.date")} required defaultValue={values?.date ?? today} />
        <TextField {...form.field("value")} label={unit ? t("metric.field.valueIn", { unit }) : t("metric.field.value")} inputMode="decimal" required defaultValue={values?.value} />
      </div>
      <button type="submit" className="btn btn-primary">
        {t("metric.values.save")}
      </button>
    </Form>
  );
}

/** NPS from its three counts: the server computes % promoters − % detractors. */
export function NpsCountsForm({ action, today, errors, values }: Omit<Props, "unit" | "bounds">) {
  const { t } = useI18n();
  const form = useValidatedForm(NpsCountsSchema, errors);
  return (
    <Form method="post" action={action} className="space-y-4" {...form.formProps}>
      <input type="hidden" name="intent" value="nps-counts" />
      <TextField {...form.field("date")} id="nps-date" type="date" label={t("metric.field.date")} required defaultValue={values?.date ?? today} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField {...form.field("promoters")} label={t("metric.nps.promoters")} inputMode="numeric" required defaultValue={values?.promoters} />
        <TextField {...form.field("passives")} label={t("metric.nps.passives")} inputMode="numeric" required defaultValue={values?.passives} />
        <TextField {...form.field("detractors")} label={t("metric.nps.detractors")} inputMode="numeric" required defaultValue={values?.detractors} />
      </div>
      <button type="submit" className="btn btn-secondary">
        {t("metric.nps.submit")}
      </button>
    </Form>
  );
}
