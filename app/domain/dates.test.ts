import { addDays, addMonths, differenceInCalendarDays, format } from "date-fns";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { addDaysToDate, addMonthsToDate, daysBetween, firstOfNextMonth, fromIsoDate, isIsoDate, toIsoDate } from "./dates";

const ZONES = ["UTC", "Europe/Madrid", "America/Santiago", "Pacific/Auckland"];
const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

/** Any calendar day from 1900 to 2199, as YYYY-MM-DD. */
const isoDay = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("calendar dates", () => {
  it("accepts real days only", () => {
    expect(["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31"].every(isIsoDate)).toBe(true);
    expect(["2026-02-29", "2100-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-01T00:00", "", "01/02/2026"].some(isIsoDate)).toBe(false);
    expect(() => fromIsoDate("2026-02-30")).toThrow("Not a YYYY-MM-DD date");
  });

  it("adds months clamped to the month's end, forwards and backwards", () => {
    expect(addMonthsToDate("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsToDate("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonthsToDate("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonthsToDate("2026-01-15", -13)).toBe("2024-12-15");
    expect(addMonthsToDate("2026-12-01", 1)).toBe("2027-01-01");
    expect(firstOfNextMonth("2026-12-31")).toBe("2027-01-01");
    expect(firstOfNextMonth("2026-02-10")).toBe("2026-03-01");
  });

  it("counts whole days across months, leap days and daylight-saving changes in every zone", () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
      expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
      expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
      expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
      expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
      expect(addDaysToDate("2024-03-01", -1)).toBe("2024-02-29");
      // Local noon: the same calendar day whatever the zone.
      expect(toIsoDate(fromIsoDate("2026-04-05"))).toBe("2026-04-05");
    }
  });

  it("agrees with date-fns on any day and any offset", () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -60, max: 60 }), (a, b, days, months) => {
        const date = fromIsoDate(a);
        expect(addDaysToDate(a, days)).toBe(format(addDays(date, days), "yyyy-MM-dd"));
        expect(addMonthsToDate(a, months)).toBe(format(addMonths(date, months), "yyyy-MM-dd"));
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(fromIsoDate(b), date));
      }),
      { numRuns: 2000 },
    );
  });
});
