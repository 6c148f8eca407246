import { addDaysToDate, addMonthsToDate, daysBetween, toIsoDate, type IsoDate } from "./dates";
import type { InitiativeStatus } from "./initiative.schema";
import { nextAssessmentDue } from "./workshop";

/**
 * When an initiative is next reviewed (SPEC §5, INTERFACES): six months after its start, then six
 * months after each review's date, until it is done or stopped. Months are calendar months with
 * date-fns' clamping: 31 August + 6 months = 28 February, or 29 in a leap year.
 */
export const REVIEW_INTERVAL_MONTHS = 6;

/** The window the organization's home and `/reviews` use for "due soon". */
export const DUE_SOON_DAYS = 30;

const CLOSED: readonly InitiativeStatus[] = ["done", "stopped"];

export type ScheduledInitiative = {
  status: InitiativeStatus;
  /** Null for a proposal not yet given dates: nothing to review. */
  start: IsoDate | null;
  /** Dates of its reviews so far, in any order. */
  reviewDates: readonly IsoDate[];
};

/** The next review's date, or null once done or stopped (or without a start). */
export function nextReviewDate({ status, start, reviewDates }: ScheduledInitiative): IsoDate | null {
  if (CLOSED.includes(status) || start === null) return null;
  // YYYY-MM-DD strings sort as the days they name.
  const last = reviewDates.reduce<IsoDate | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
  return addMonthsToDate(last ?? start, REVIEW_INTERVAL_MONTHS);
}

export type Due = { kind: "overdue" | "due"; date: IsoDate; days: number };

/**
 * Whether a date calls for attention on `today`: `overdue` when it has passed, `due` from today to
 * `withinDays` days ahead (both ends included), else null. `days` is how far off it is (negative
 * when overdue), for sorting soonest first and for "in 3 days" / "5 days late".
 */
export function dueStatus(date: IsoDate | null, today: IsoDate, withinDays: number = DUE_SOON_DAYS): Due | null {
  if (date === null) return null;
  const days = daysBetween(today, date);
  if (days < 0) return { kind: "overdue", date, days };
  if (days <= withinDays) return { kind: "due", date, days };
  return null;
}

/** The last day that still counts as "due soon" on `today`. */
export function dueSoonUntil(today: IsoDate, withinDays: number = DUE_SOON_DAYS): IsoDate {
  return addDaysToDate(today, withinDays);
}

/**
 * The organization's next reassessment: six months after its last lock, as a calendar day (the
 * same rule as `nextAssessmentDue`, which works on the lock's instant). Null before any lock.
 */
export function nextReassessmentDate(lastLockedAt: Date | null): IsoDate | null {
  return lastLockedAt === null ? null : toIsoDate(nextAssessmentDue(lastLockedAt));
}

/** Today's calendar day on this server. Pass it in to the functions above; they never read a clock. */
export function today(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}
