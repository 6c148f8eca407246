import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { addMonthsToDate, daysBetween, firstOfNextMonth, fromIsoDate, isIsoDate } from "./dates";
import { dueSoonUntil, dueStatus, nextReassessmentDate, nextReviewDate, today } from "./review-schedule";

describe("nextReviewDate", () => {
  it("is six months after the start, before any review", () => {
    expect(nextReviewDate({ status: "planned", start: "2026-03-15", reviewDates: [] })).toBe("2026-09-15");
    expect(nextReviewDate({ status: "in-progress", start: "2026-10-01", reviewDates: [] })).toBe("2027-04-01");
  });

  it("is six months after the latest review, whatever order the reviews come in", () => {
    expect(nextReviewDate({ status: "in-progress", start: "2026-01-10", reviewDates: ["2026-07-20"] })).toBe("2027-01-20");
    expect(nextReviewDate({ status: "in-progress", start: "2026-01-10", reviewDates: ["2027-01-05", "2026-07-20"] })).toBe("2027-07-05");
  });

  it("moves with an early or a late review: the next one counts from the review's own date", () => {
    const start = "2026-01-01";
    expect(nextReviewDate({ status: "in-progress", start, reviewDates: ["2026-05-02"] })).toBe("2026-11-02");
    expect(nextReviewDate({ status: "in-progress", start, reviewDates: ["2026-09-30"] })).toBe("2027-03-30");
  });

  it("clamps to the month's end: 31 August + 6 months is 28 February, 29 in a leap year", () => {
    expect(nextReviewDate({ status: "planned", start: "2026-08-31", reviewDates: [] })).toBe("2027-02-28");
    expect(nextReviewDate({ status: "planned", start: "2027-08-31", reviewDates: [] })).toBe("2028-02-29");
    expect(nextReviewDate({ status: "planned", start: "2026-12-31", reviewDates: [] })).toBe("2027-06-30");
    expect(nextReviewDate({ status: "in-progress", start: "2026-01-01", reviewDates: ["2026-03-31"] })).toBe("2026-09-30");
  });

  it("starts from 29 February and lands on a real day", () => {
    expect(nextReviewDate({ status: "planned", start: "2028-02-29", reviewDates: [] })).toBe("2028-08-29");
    expect(addMonthsToDate("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonthsToDate("2099-08-31", 6)).toBe("2100-02-28"); // 2100 is not a leap year
    expect(addMonthsToDate("2399-08-31", 6)).toBe("2400-02-29"); // 2400 is
  });

  it("is none once done or stopped, and none for a proposal without dates", () => {
    expect(nextReviewDate({ status: "done", start: "2026-01-01", reviewDates: [] })).toBeNull();
    expect(nextReviewDate({ status: "stopped", start: "2026-01-01", reviewDates: ["2026-07-01"] })).toBeNull();
    expect(nextReviewDate({ status: "proposed", start: null, reviewDates: [] })).toBeNull();
    expect(nextReviewDate({ status: "proposed", start: "2026-02-01", reviewDates: [] })).toBe("2026-08-01");
  });
});

describe("dueStatus", () => {
  const todayIs = "2026-06-10";

  it("is overdue once the day has passed, and due from today to 30 days ahead", () => {
    expect(dueStatus("2026-06-09", todayIs)).toEqual({ kind: "overdue", date: "2026-06-09", days: -1 });
    expect(dueStatus("2025-12-10", todayIs)).toEqual({ kind: "overdue", date: "2025-12-10", days: -182 });
    expect(dueStatus("2026-06-10", todayIs)).toEqual({ kind: "due", date: "2026-06-10", days: 0 });
    expect(dueStatus("2026-07-10", todayIs)).toEqual({ kind: "due", date: "2026-07-10", days: 30 });
    expect(dueStatus("2026-07-11", todayIs)).toBeNull();
    expect(dueStatus(null, todayIs)).toBeNull();
  });

  it("takes another window", () => {
    expect(dueStatus("2026-06-17", todayIs, 7)?.kind).toBe("due");
    expect(dueStatus("2026-06-18", todayIs, 7)).toBeNull();
    expect(dueSoonUntil(todayIs)).toBe("2026-07-10");
    expect(dueSoonUntil("2028-02-15", 14)).toBe("2028-02-29");
  });

  it("counts calendar days across a year end and a leap day", () => {
    expect(dueStatus("2027-01-05", "2026-12-20")).toMatchObject({ kind: "due", days: 16 });
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
  });
});

describe("nextReassessmentDate", () => {
  it("is six months after the last lock, as a calendar day", () => {
    expect(nextReassessmentDate(new Date(2026, 2, 15, 23, 59))).toBe("2026-09-15");
    expect(nextReassessmentDate(new Date(2026, 7, 31, 9, 0))).toBe("2027-02-28");
    expect(nextReassessmentDate(new Date(2027, 7, 31, 9, 0))).toBe("2028-02-29");
    expect(nextReassessmentDate(null)).toBeNull();
  });
});

describe("dates as YYYY-MM-DD", () => {
  it("accepts real days only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-1-10")).toBe(false);
    expect(isIsoDate(" 2026-01-10")).toBe(false);
    expect(() => fromIsoDate("2026-02-30")).toThrow();
  });

  it("gives the first day of the next month", () => {
    expect(firstOfNextMonth("2026-01-31")).toBe("2026-02-01");
    expect(firstOfNextMonth("2026-12-01")).toBe("2027-01-01");
    expect(firstOfNextMonth("2028-02-29")).toBe("2028-03-01");
  });

  it("reads today's local calendar day", () => {
    expect(today(new Date(2026, 0, 1, 0, 0, 1))).toBe("2026-01-01");
    expect(today(new Date(2026, 11, 31, 23, 59, 59))).toBe("2026-12-31");
  });

  // Vitest runs this file in a worker thread, where changing process.env.TZ does not reach the
  // clock; a child process whose main thread switches zones does.
  it("keeps the day in any time zone, across daylight-saving changes at midnight", () => {
    const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Santiago", "America/Sao_Paulo", "Asia/Beirut", "America/Havana", "Europe/Madrid"];
    const days = ["2026-01-01", "2026-03-29", "2026-04-05", "2026-09-06", "2026-10-04", "2018-11-04", "2028-02-29", "2026-12-31"];
    const script = `
      const { addMonthsToDate, daysBetween, firstOfNextMonth, fromIsoDate, toIsoDate } = await import(${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, "dates.ts")).href)});
      const out = {};
      for (const zone of ${JSON.stringify(zones)}) {
        process.env.TZ = zone;
        out[zone] = {
          noonUtc: toIsoDate(new Date(Date.UTC(2026, 0, 1, 12))),
          roundTrip: ${JSON.stringify(days)}.map((day) => toIsoDate(fromIsoDate(day))),
          sixMonths: ${JSON.stringify(days)}.map((day) => addMonthsToDate(day, 6)),
          days: daysBetween("2026-03-01", "2026-04-01"),
          next: firstOfNextMonth("2026-10-31"),
        };
      }
      console.log(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    const results = JSON.parse(output) as Record<string, { noonUtc: string; roundTrip: string[]; sixMonths: string[]; days: number; next: string }>;
    const sixMonths = ["2026-07-01", "2026-09-29", "2026-10-05", "2027-03-06", "2027-04-04", "2019-05-04", "2028-08-29", "2027-06-30"];
    for (const zone of zones) {
      // The zone took effect: noon UTC on 1 January is already 2 January at UTC+14.
      expect(results[zone]!.noonUtc, zone).toBe(zone === "Pacific/Kiritimati" ? "2026-01-02" : "2026-01-01");
      expect(results[zone], zone).toEqual({ noonUtc: results[zone]!.noonUtc, roundTrip: days, sixMonths, days: 31, next: "2026-11-01" });
    }
  }, 20_000);
});
