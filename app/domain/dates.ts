import { addDays, addMonths, differenceInCalendarDays, format, isValid } from "date-fns";

/**
 * Calendar dates as `YYYY-MM-DD` strings (INTERFACES: "Dates are YYYY-MM-DD"). A date has no time
 * of day and no time zone, so it is parsed into local noon and formatted back in local time: the
 * day cannot drift, whatever the server's zone, and noon exists on every day (a daylight-saving
 * change at midnight skips local midnight in some zones, never noon).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d, 12);
  return isValid(date) && date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** Local noon of the day; throws on anything that is not a calendar date. */
export function fromIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/** The local calendar day of an instant (a lock time, "now"). */
export function toIsoDate(date: Date): IsoDate {
  return format(date, "yyyy-MM-dd");
}

/** Months on, clamped to the month's end (31 August + 6 months = 28 or 29 February). */
export function addMonthsToDate(value: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(fromIsoDate(value), months));
}

export function addDaysToDate(value: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(fromIsoDate(value), days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(fromIsoDate(to), fromIsoDate(from));
}

/** The first day of the month after the given day. */
export function firstOfNextMonth(value: IsoDate): IsoDate {
  const date = addMonths(fromIsoDate(value), 1);
  return toIsoDate(new Date(date.getFullYear(), date.getMonth(), 1, 12));
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD string, without parsing it into a Date: differences of
 * these are whole calendar days. For code that places or compares hundreds of dates per request
 * (the roadmap, a metric's trend); it trusts its input, so validate first where it comes from a user.
 */
export function dayNumber(value: IsoDate): number {
  return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000;
}
