/**
 * Calendar dates as `YYYY-MM-DD` strings (INTERFACES: "Dates are YYYY-MM-DD"). A date has no time
 * of day and no time zone, so it is parsed into local noon and formatted back in local time: the
 * day cannot drift, whatever the server's zone, and noon exists on every day (a daylight-saving
 * change at midnight skips local midnight in some zones, never noon).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The arithmetic runs on the calendar itself (year, month, day as numbers; whole days counted in
 * UTC, where every day has 24 hours), with no Date in local time and no formatting: a consultant's
 * week computes thousands of due dates per request, and date-fns' zone-aware helpers made that
 * page's cost. Date objects appear only at the edges (fromIsoDate for Intl, toIsoDate from "now").
 */
function parts(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? [y, m, d] : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checked(value: IsoDate): [number, number, number] {
  const p = parts(value);
  if (!p) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  return p;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const write = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): value is IsoDate {
  return parts(value) !== null;
}

/** Local noon of the day; throws on anything that is not a calendar date. */
export function fromIsoDate(value: IsoDate): Date {
  const [y, m, d] = checked(value);
  return new Date(y, m - 1, d, 12);
}

/** The local calendar day of an instant (a lock time, "now"). */
export function toIsoDate(date: Date): IsoDate {
  return write(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Months on, clamped to the month's end (31 August + 6 months = 28 or 29 February). */
export function addMonthsToDate(value: IsoDate, months: number): IsoDate {
  const [y, m, d] = checked(value);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return write(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDaysToDate(value: IsoDate, days: number): IsoDate {
  const [y, m, d] = checked(value);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return write(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = checked(from);
  const [ty, tm, td] = checked(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

/** The first day of the month after the given day. */
export function firstOfNextMonth(value: IsoDate): IsoDate {
  const [y, m] = checked(value);
  return m === 12 ? write(y + 1, 1, 1) : write(y, m + 1, 1);
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD string, without parsing it into a Date: differences of
 * these are whole calendar days. For code that places or compares hundreds of dates per request
 * (the roadmap, a metric's trend); it trusts its input, so validate first where it comes from a user.
 */
export function dayNumber(value: IsoDate): number {
  return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000;
}
