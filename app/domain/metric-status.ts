import { compareCodes } from "./compare";
import { dayNumber } from "./dates";
import type { MetricDirection } from "./metric.schema";

/**
 * Where a metric is heading against its target (README, Decisions, "A metric's status comes from
 * its trend"). Pure: the caller passes the day to judge on.
 */

export type MetricStatus = "on-track" | "at-risk" | "off-track" | "no-data";
export type DatedValue = { date: string; value: number };

/**
 * How far short of the target a projection may fall, as a share of the distance from the baseline
 * to the target, and still be "at risk" rather than "off track": a projection that closes three
 * quarters of the planned improvement or more is at risk, less is off track.
 */
export const AT_RISK_SHARE = 0.25;

export type MetricStatusInput = {
  baseline: number;
  target: number;
  /** YYYY-MM-DD */
  targetDate: string;
  direction: MetricDirection;
  values: readonly DatedValue[];
  /** The day to judge on (YYYY-MM-DD), normally today. */
  asOf: string;
  /** When the baseline was measured (YYYY-MM-DD), if known: it then counts as one more point of the trend. */
  baselineDate?: string;
};

export type MetricStatusResult = {
  status: MetricStatus;
  /** The value judged: the trend's value at the target date, or the latest value; null with no-data. */
  judged: number | null;
  /** What `judged` is. */
  basis: "trend" | "latest" | null;
};

const NO_DATA: MetricStatusResult = { status: "no-data", judged: null, basis: null };

/**
 * The status of a metric:
 * - no values: `no-data`;
 * - the target date has passed (`asOf` after it): the latest value against the target;
 * - otherwise the least-squares line through the dated values (and the baseline, when its date is
 *   known) projected to the target date, against the target. With fewer than two dates there is no
 *   line: `on-track` if the latest value already meets the target, else `no-data`.
 * Meeting or beating the target is `on-track`; falling short by at most AT_RISK_SHARE of the
 * baseline-to-target distance is `at-risk`; more is `off-track`. A target equal to the baseline
 * (hold the line) leaves no margin.
 */
export function metricStatus(input: MetricStatusInput): MetricStatusResult {
  const { values, targetDate, asOf } = input;
  if (values.length === 0) return NO_DATA;
  const latest = [...values].sort((a, b) => compareCodes(a.date, b.date)).at(-1)!;
  if (asOf > targetDate) return { status: judge(input, latest.value), judged: latest.value, basis: "latest" };

  const points = [...values];
  if (input.baselineDate && !values.some((v) => v.date === input.baselineDate)) points.push({ date: input.baselineDate, value: input.baseline });
  const projected = projectAt(points, targetDate);
  if (projected === null) {
    return judge(input, latest.value) === "on-track" ? { status: "on-track", judged: latest.value, basis: "latest" } : NO_DATA;
  }
  return { status: judge(input, projected), judged: projected, basis: "trend" };
}

function judge({ baseline, target, direction }: MetricStatusInput, value: number): Exclude<MetricStatus, "no-data"> {
  const shortfall = direction === "higher" ? target - value : value - target;
  // Sums of squares leave crumbs: a projection that lands exactly on the target must count as meeting it.
  const tolerance = 1e-9 * Math.max(1, Math.abs(target), Math.abs(baseline));
  if (shortfall <= tolerance) return "on-track";
  if (shortfall <= AT_RISK_SHARE * Math.abs(target - baseline) + tolerance) return "at-risk";
  return "off-track";
}

/** The least-squares line through the points, read at `date`; null when the points span fewer than two dates. */
export function projectAt(points: readonly DatedValue[], date: string): number | null {
  if (new Set(points.map((p) => p.date)).size < 2) return null;
  // Day numbers, not date-fns: a roadmap judges 30 metrics of 60 values on every request.
  const origin = dayNumber(points[0]!.date);
  const day = (d: string) => dayNumber(d) - origin;
  const xs = points.map((p) => day(p.date));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = points.reduce((a, p) => a + p.value, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i]! - meanX) * (p.value - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  });
  const slope = sxy / sxx;
  return meanY + slope * (day(date) - meanX);
}

/**
 * Net Promoter Score from the three counts: % promoters − % detractors, −100 to 100, to one decimal
 * (as stored and shown); null when there are no responses.
 */
export function npsFromCounts({ promoters, passives, detractors }: { promoters: number; passives: number; detractors: number }): number | null {
  const total = promoters + passives + detractors;
  if (total <= 0) return null;
  const tenths = ((promoters - detractors) / total) * 1000;
  // Half away from zero, so a score and its mirror round alike (−33.35 → −33.4, as 33.35 → 33.4).
  const score = (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
  return score === 0 ? 0 : score;
}
