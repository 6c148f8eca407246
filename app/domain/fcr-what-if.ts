import { z } from "zod";
import { boundedValueField, readDecimal } from "./metric.schema";

/**
 * The first-contact-resolution what-if of the metrics page (issue 13): move FCR by some points and
 * see what CSAT and operating cost would be expected to do, with ratios the reader sees and may
 * change. The ratios are relative: `csatPerPoint` is the percent change of CSAT (of its current
 * value) per point of FCR, `costPerPoint` the percent change of operating cost per point, down when
 * FCR goes up. Read relatively, SQM Group's "1 % for 1 %" (content/metrics.json, `whatIf`) moves a
 * CSAT of 75 by 0.75 points, not a whole point: the smaller of the two readings.
 */

export type FcrRatios = { csatPerPoint: number; costPerPoint: number };

export type FcrWhatIfInput = FcrRatios & {
  /** Current first-contact resolution, in percent. */
  fcr: number;
  /** How many points FCR moves (negative: it falls). */
  points: number;
  /** Current CSAT, in percent; null when the organization has none. */
  csat: number | null;
  /** Current cost (per call, or any operating cost), in the organization's currency; null when unknown. */
  cost: number | null;
};

export type FcrWhatIf = {
  fcrAfter: number;
  /** The points actually moved: FCR stays within 0–100, so asking for +30 from 80 moves 20. */
  points: number;
  csatAfter: number | null;
  csatChange: number | null;
  costAfter: number | null;
  costChange: number | null;
  /** The share by which the cost changes (−0.05 is 5 % less). */
  costShare: number;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The expected CSAT and cost after FCR moves by `points`, at the given ratios; pure, no rounding. */
export function fcrWhatIf(input: FcrWhatIfInput): FcrWhatIf {
  const fcrAfter = clamp(input.fcr + input.points, 0, 100);
  const points = fcrAfter - input.fcr;
  const csatAfter = input.csat === null ? null : clamp(input.csat * (1 + (input.csatPerPoint * points) / 100), 0, 100);
  const costShare = Math.max(-1, (-input.costPerPoint * points) / 100);
  const costAfter = input.cost === null ? null : input.cost * (1 + costShare);
  return {
    fcrAfter,
    points,
    csatAfter,
    csatChange: csatAfter === null ? null : csatAfter - input.csat!,
    costAfter,
    costChange: costAfter === null ? null : costAfter - input.cost!,
    costShare,
  };
}

/** An optional decimal field: empty means "not known" (null). */
const optionalDecimal = (schema: z.ZodType<number, string>) =>
  z
    .string()
    .optional()
    .transform((text) => text?.trim() ?? "")
    .pipe(z.union([z.literal("").transform(() => null), schema]));

/** A ratio: a decimal from 0 to 10 percent per point (beyond that no study says anything). */
const ratio = boundedValueField({ min: 0, max: 10 }, "metric.error.valueRequired");

/**
 * The what-if's GET form (`?fcr=…&points=…`): field names as posted, messages as the value form's.
 * Points from −50 to 50; FCR and CSAT are percentages; the cost is an amount, not negative.
 */
export const FcrWhatIfSchema = z
  .object({
    points: boundedValueField({ min: -50, max: 50 }, "metric.error.valueRequired"),
    fcr: boundedValueField({ min: 0, max: 100 }, "metric.error.valueRequired"),
    csat: optionalDecimal(boundedValueField({ min: 0, max: 100 })),
    cost: optionalDecimal(boundedValueField({ min: 0 })),
    csat_ratio: ratio,
    cost_ratio: ratio,
  })
  .transform(
    (v): FcrWhatIfInput => ({ points: v.points, fcr: v.fcr, csat: v.csat, cost: v.cost, csatPerPoint: v.csat_ratio, costPerPoint: v.cost_ratio }),
  );

/** Whether a query string asks for the what-if at all (its `points` field is there). */
export function asksWhatIf(search: URLSearchParams): boolean {
  return search.has("points");
}

/**
 * A number for a form field as its reader writes it (a decimal comma in Spanish, no grouping), at
 * most two decimals; readDecimal reads it back either way.
 */
export function decimalText(value: number | null, lang: "es" | "en"): string {
  if (value === null) return "";
  const rounded = String(Math.round(value * 100) / 100);
  const text = lang === "es" ? rounded.replace(".", ",") : rounded;
  return readDecimal(text).ok ? text : "";
}
