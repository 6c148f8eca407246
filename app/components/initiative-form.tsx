import { Form } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { FieldError, TextField, useMessage } from "./forms";
import { EFFORT_LABEL, PRIORITY_LABEL, STAFFING_LABEL, STATUS_LABEL } from "./initiative-labels";
import { EFFORTS, INITIATIVE_REPEATED_FIELDS, INITIATIVE_STATUSES, initiativeFormSchema, STAFFING, type Effort, type InitiativeStatus, type Staffing } from "~/domain/initiative.schema";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";

export type CapabilityChoices = { key: string; name: string; capabilities: { key: string; name: string }[] }[];
export type MetricChoices = { key: string; name: string }[];

type Props = {
  categories: CapabilityChoices;
  metrics: MetricChoices;
  /** What the fields show: the stored initiative, or what was posted when the server answered 400. */
  values: FormValues;
  errors?: FieldErrors;
  /** Statuses the form offers (a new initiative cannot start as a proposal). */
  statuses?: readonly string[];
  submitLabel: string;
  /** Extra hidden fields (the edit's "all fields" marker). */
  hidden?: ReactNode;
};

const FIELD_LABEL = {
  status: "initiative.field.status",
  priority: "initiative.field.priority",
  effort: "initiative.field.effort",
  staffing: "initiative.field.staffing",
} as const;

const str = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []);

const selectClass = (error: string | undefined) => `mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 ${error ? "border-2 border-danger" : "border-line"}`;

/** The initiative's fields, as INTERFACES names them; posts without JavaScript, validates with the action's schema with it. */
export function InitiativeForm({ categories, metrics, values, errors, statuses = INITIATIVE_STATUSES, submitLabel, hidden }: Props) {
  const { t } = useI18n();
  const message = useMessage();
  const schema = useMemo(() => initiativeFormSchema(categories.flatMap((c) => c.capabilities.map((cap) => cap.key))), [categories]);
  const form = useValidatedForm(schema, errors, { repeated: INITIATIVE_REPEATED_FIELDS });
  const chosen = new Set(list(values.capabilities));
  const chosenMetrics = new Set(list(values.metrics));
  const { error: descriptionError, ...description } = form.field("description");
  const { error: capabilitiesError, ...capabilities } = form.field("capabilities");
  const { error: metricsError, ...metricField } = form.field("metrics");
  const select = (name: "status" | "priority" | "effort" | "staffing", options: readonly string[], label: (value: string) => string) => {
    const { error, ...field } = form.field(name);
    return (
      <div>
        <label htmlFor={name} className="block font-semibold">
          {t(FIELD_LABEL[name])}
        </label>
        <select {...field} id={name} defaultValue={str(values[name])} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} className={selectClass(error)}>
          {options.map((value) => (
            <option key={value} value={value}>
              {label(value)}
            </option>
          ))}
        </select>
        <FieldError id={`${name}-error`} message={message(error)} />
      </div>
    );
  };
  return (
    <Form method="post" className="card space-y-6 p-6" {...form.formProps}>
      {hidden}
      <TextField {...form.field("title")} label={t("initiative.field.title")} required maxLength={200} defaultValue={str(values.title)} />
      <div>
        <label htmlFor="description" className="block font-semibold">
          {t("initiative.field.description")}
        </label>
        <textarea
          {...description}
          id="description"
          rows={5}
          defaultValue={str(values.description)}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? "description-error" : undefined}
          className={selectClass(descriptionError)}
        />
        <FieldError id="description-error" message={message(descriptionError)} />
      </div>
      <fieldset aria-describedby={capabilitiesError ? "capabilities-error" : undefined}>
        <legend className="font-semibold">{t("initiative.field.capabilities")}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          {categories.map((category) => (
            <div key={category.key}>
              <p className="text-sm font-semibold text-ink-soft">{category.name}</p>
              {category.capabilities.map((cap) => (
                <label key={cap.key} className="flex min-h-11 items-center gap-2">
                  <input {...capabilities} type="checkbox" value={cap.key} defaultChecked={chosen.has(cap.key)} className="size-5 shrink-0 accent-primary" />
                  {cap.name}
                </label>
              ))}
            </div>
          ))}
        </div>
        <FieldError id="capabilities-error" message={message(capabilitiesError)} />
      </fieldset>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField {...form.field("owner_name")} label={t("initiative.field.owner")} required maxLength={120} defaultValue={str(values.owner_name)} />
        <TextField {...form.field("owner_email")} type="email" label={t("initiative.field.ownerEmail")} maxLength={254} defaultValue={str(values.owner_email)} />
        <TextField {...form.field("start")} type="date" label={t("initiative.field.start")} required defaultValue={str(values.start)} />
        <TextField {...form.field("target")} type="date" label={t("initiative.field.target")} required defaultValue={str(values.target)} />
        {select("status", statuses, (value) => t(STATUS_LABEL[value as InitiativeStatus]))}
        {select("priority", ["1", "2", "3"], (value) => t(PRIORITY_LABEL[value]!))}
        {select("effort", EFFORTS, (value) => t(EFFORT_LABEL[value as Effort]))}
        {select("staffing", STAFFING, (value) => t(STAFFING_LABEL[value as Staffing]))}
      </div>
      <fieldset aria-describedby={metricsError ? "metrics-error" : undefined}>
        <legend className="font-semibold">{t("initiative.field.metrics")}</legend>
        <div className="mt-2 grid gap-x-4 sm:grid-cols-2">
          {metrics.map((metric) => (
            <label key={metric.key} className="flex min-h-11 items-center gap-2">
              <input {...metricField} type="checkbox" value={metric.key} defaultChecked={chosenMetrics.has(metric.key)} className="size-5 shrink-0 accent-primary" />
              {metric.name}
            </label>
          ))}
        </div>
        <FieldError id="metrics-error" message={message(metricsError)} />
      </fieldset>
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
