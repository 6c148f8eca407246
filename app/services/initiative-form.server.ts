import { addMonthsToDate, firstOfNextMonth } from "~/domain/dates";
import { initiativeFormSchema, initiativeFormValues } from "~/domain/initiative.schema";
import { today } from "~/domain/review-schedule";
import type { Initiative } from "~/models/initiative.server";
import { getCapabilityKeys, getLocalizedMetrics } from "~/utils/content.server";
import type { FormValues } from "~/utils/forms";
import type { Lang } from "~/utils/i18n";
import { acceptDates, capabilityNames } from "./initiatives.server";

let schema: ReturnType<typeof initiativeFormSchema> | undefined;
/** The form's schema over the model's capability keys (built once). */
export const getInitiativeSchema = () => (schema ??= initiativeFormSchema(getCapabilityKeys()));

/** What the form offers: capabilities by category and the metric catalogue, in the reader's language. */
export function initiativeFormChoices(lang: Lang) {
  return {
    categories: capabilityNames(lang).categories,
    metrics: getLocalizedMetrics(lang).map((m) => ({ key: m.key, name: m.name })),
  };
}

/** A new initiative's starting values: planned from next month for six months, medium priority. */
export function newInitiativeValues(): FormValues {
  const start = firstOfNextMonth(today());
  return { status: "planned", priority: "2", effort: "M", staffing: "none", start, target: addMonthsToDate(start, 6), capabilities: [], metrics: [] };
}

/**
 * A stored initiative as form values: what the edit page shows and what a posted subset is laid
 * over. A proposal has no dates yet: it takes those accepting it would give.
 */
export function storedValues(initiative: Initiative): FormValues {
  const fallback = acceptDates(today())(initiative);
  return initiativeFormValues({ ...initiative, start: initiative.start ?? fallback.start, target: initiative.target ?? fallback.target });
}
