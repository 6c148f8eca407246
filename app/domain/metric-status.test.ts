import { describe, expect, it } from "vitest";
import { AT_RISK_SHARE, metricStatus, npsFromCounts, projectAt, type DatedValue, type MetricStatusInput } from "./metric-status";

/** FCR from 70 to 80 by the end of 2026, judged on 1 July 2026. */
const fcr: MetricStatusInput = { baseline: 70, target: 80, targetDate: "2026-12-31", direction: "higher", values: [], asOf: "2026-07-01" };
/** Cost per call from 6.00 down to 5.00 by the end of 2026. */
const cost: MetricStatusInput = { baseline: 6, target: 5, targetDate: "2026-12-31", direction: "lower", values: [], asOf: "2026-07-01" };

/** Month-end values along a straight line from `from` (January) by `step` a month. */
function monthly(from: number, step: number, months = 6): DatedValue[] {
  const ends = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"];
  return ends.slice(0, months).map((date, i) => ({ date, value: from + step * i }));
}

describe("metricStatus", () => {
  it("has no data without values, whatever the dates", () => {
    expect(metricStatus(fcr)).toEqual({ status: "no-data", judged: null, basis: null });
    expect(metricStatus({ ...fcr, asOf: "2027-03-01", baselineDate: "2026-01-01" }).status).toBe("no-data");
  });

  describe("higher is better", () => {
    it("is on track when the trend reaches the target by its date", () => {
      const result = metricStatus({ ...fcr, values: monthly(70, 1) });
      expect(result.status).toBe("on-track");
      expect(result.basis).toBe("trend");
      expect(result.judged).toBeGreaterThan(80);
    });

    it("is at risk when the trend closes at least three quarters of the distance", () => {
      // +0.7 a month: about 77.7 by December, 7.7 of the 10 points.
      const result = metricStatus({ ...fcr, values: monthly(70, 0.7) });
      expect(result.status).toBe("at-risk");
      expect(result.judged).toBeGreaterThan(80 - AT_RISK_SHARE * 10);
      expect(result.judged).toBeLessThan(80);
    });

    it("is off track when the trend falls further short, or goes the wrong way", () => {
      expect(metricStatus({ ...fcr, values: monthly(70, 0.3) }).status).toBe("off-track");
      expect(metricStatus({ ...fcr, values: monthly(70, -0.5) }).status).toBe("off-track");
    });

    it("is off track when a metric already past its target is heading back down fast", () => {
      expect(metricStatus({ ...fcr, values: monthly(84, -1) }).status).toBe("off-track");
    });
  });

  describe("lower is better", () => {
    it("is on track when the cost falls to the target by its date", () => {
      expect(metricStatus({ ...cost, values: monthly(6, -0.1) }).status).toBe("on-track");
    });

    it("is at risk when it falls most of the way", () => {
      // −0.07 a month: about 5.23 by December, 0.77 of the 1.00 to go.
      expect(metricStatus({ ...cost, values: monthly(6, -0.07) }).status).toBe("at-risk");
    });

    it("is off track when it falls too slowly or rises", () => {
      expect(metricStatus({ ...cost, values: monthly(6, -0.02) }).status).toBe("off-track");
      expect(metricStatus({ ...cost, values: monthly(6, 0.05) }).status).toBe("off-track");
    });

    it("reads the same rises as good news when higher is better", () => {
      expect(metricStatus({ ...cost, direction: "higher", target: 7, values: monthly(6, 0.2) }).status).toBe("on-track");
    });
  });

  describe("one value", () => {
    it("shows no trend: no data, unless it already meets the target", () => {
      expect(metricStatus({ ...fcr, values: [{ date: "2026-03-31", value: 74 }] })).toEqual({ status: "no-data", judged: null, basis: null });
      expect(metricStatus({ ...fcr, values: [{ date: "2026-03-31", value: 81 }] })).toEqual({ status: "on-track", judged: 81, basis: "latest" });
      expect(metricStatus({ ...cost, values: [{ date: "2026-03-31", value: 4.9 }] }).status).toBe("on-track");
    });

    it("makes a line with the baseline when the baseline's date is known", () => {
      // 70 on 1 January, 74 on 1 April: +4 a quarter reaches 80 well before December.
      const result = metricStatus({ ...fcr, baselineDate: "2026-01-01", values: [{ date: "2026-04-01", value: 74 }] });
      expect(result.status).toBe("on-track");
      expect(result.basis).toBe("trend");
      // 70 then 71 a quarter later: about 73.6 by December.
      expect(metricStatus({ ...fcr, baselineDate: "2026-01-01", values: [{ date: "2026-04-01", value: 71 }] }).status).toBe("off-track");
    });

    it("lets a value measured on the baseline's date replace the baseline", () => {
      expect(metricStatus({ ...fcr, baselineDate: "2026-04-01", values: [{ date: "2026-04-01", value: 74 }] }).status).toBe("no-data");
    });

    it("sees one date twice as still no line", () => {
      expect(metricStatus({ ...fcr, values: [{ date: "2026-04-01", value: 74 }, { date: "2026-04-01", value: 75 }] }).status).toBe("no-data");
    });
  });

  describe("past the target date", () => {
    const after = { ...fcr, asOf: "2027-01-15" };

    it("judges the latest value, not the trend", () => {
      // Rising fast, but the last value (76) is what the date was for.
      const values = [...monthly(60, 2, 9).slice(0, 8), { date: "2026-12-31", value: 76 }];
      expect(metricStatus({ ...after, values })).toEqual({ status: "off-track", judged: 76, basis: "latest" });
      expect(metricStatus({ ...after, values: [...values, { date: "2027-01-10", value: 78 }] })).toEqual({ status: "at-risk", judged: 78, basis: "latest" });
      expect(metricStatus({ ...after, values: [{ date: "2026-12-31", value: 80.5 }] })).toEqual({ status: "on-track", judged: 80.5, basis: "latest" });
    });

    it("takes the latest by date, whatever the order the values come in", () => {
      const values = [{ date: "2026-12-31", value: 81 }, { date: "2026-06-30", value: 70 }];
      expect(metricStatus({ ...after, values }).judged).toBe(81);
    });

    it("still projects on the target date itself", () => {
      expect(metricStatus({ ...fcr, asOf: "2026-12-31", values: monthly(70, 1) }).basis).toBe("trend");
    });
  });

  describe("exactly on target", () => {
    it("is on track when the line lands on the target, float crumbs and all", () => {
      // 70 on 31 Dec 2025 rising 10 points a year, sampled on uneven days, lands on 80 on 31 Dec 2026.
      const values = ["2025-12-31", "2026-02-14", "2026-03-03", "2026-05-20", "2026-06-29"].map((date) => ({
        date,
        value: 70 + (10 * (Date.parse(date) - Date.parse("2025-12-31"))) / (Date.parse("2026-12-31") - Date.parse("2025-12-31")),
      }));
      const result = metricStatus({ ...fcr, values });
      expect(result.judged).toBeCloseTo(80, 9);
      expect(result.status).toBe("on-track");
    });

    it("is on track at exactly the target after the date, and at risk just under it", () => {
      expect(metricStatus({ ...fcr, asOf: "2027-01-01", values: [{ date: "2026-12-31", value: 80 }] }).status).toBe("on-track");
      expect(metricStatus({ ...cost, asOf: "2027-01-01", values: [{ date: "2026-12-31", value: 5 }] }).status).toBe("on-track");
      expect(metricStatus({ ...fcr, asOf: "2027-01-01", values: [{ date: "2026-12-31", value: 79.99 }] }).status).toBe("at-risk");
    });

    it("has the at-risk band end exactly at a quarter of the distance", () => {
      expect(metricStatus({ ...fcr, asOf: "2027-01-01", values: [{ date: "2026-12-31", value: 77.5 }] }).status).toBe("at-risk");
      expect(metricStatus({ ...fcr, asOf: "2027-01-01", values: [{ date: "2026-12-31", value: 77.49 }] }).status).toBe("off-track");
    });

    it("leaves no margin when the target holds the baseline", () => {
      const hold = { ...fcr, target: 70, asOf: "2027-01-01" };
      expect(metricStatus({ ...hold, values: [{ date: "2026-12-31", value: 70 }] }).status).toBe("on-track");
      expect(metricStatus({ ...hold, values: [{ date: "2026-12-31", value: 69.9 }] }).status).toBe("off-track");
    });
  });

  describe("noisy data", () => {
    // ±2 points of noise around the line, a pattern that sums to zero.
    const noise = [2, -2, 1.5, -1.5, 2, -2, -1, 1, 2, -2, 0.5, -0.5];
    const noisy = (from: number, step: number): DatedValue[] =>
      monthly(from, step, 12).map((p, i) => ({ ...p, date: p.date.replace("2026", "2025"), value: p.value + noise[i]! }));

    it("follows the trend under the noise, not the last swing", () => {
      // +1 a month through 2025 reaches 80 by mid-2026 whatever the last month did.
      const rising = noisy(68, 1);
      expect(rising.at(-1)!.value).toBeLessThan(rising.at(-2)!.value + 1);
      const result = metricStatus({ ...fcr, values: rising, asOf: "2026-01-10" });
      expect(result.status).toBe("on-track");
      expect(result.judged).toBeGreaterThan(85);
    });

    it("is not fooled by a last value that happens to meet the target", () => {
      const flat = noisy(70, 0);
      const values = [...flat, { date: "2026-01-05", value: 81 }];
      expect(metricStatus({ ...fcr, values, asOf: "2026-01-10" }).status).toBe("off-track");
    });
  });
});

describe("projectAt", () => {
  it("reads the least-squares line at a date, and needs two dates", () => {
    expect(projectAt([{ date: "2026-01-01", value: 10 }, { date: "2026-01-11", value: 20 }], "2026-01-21")).toBeCloseTo(30, 9);
    expect(projectAt([{ date: "2026-01-01", value: 0 }, { date: "2026-01-02", value: 2 }, { date: "2026-01-03", value: 1 }], "2026-01-02")).toBeCloseTo(1, 9);
    expect(projectAt([{ date: "2026-01-01", value: 10 }], "2026-02-01")).toBeNull();
    expect(projectAt([], "2026-02-01")).toBeNull();
  });

  it("counts calendar days across a daylight-saving change", () => {
    const points = [{ date: "2026-03-01", value: 0 }, { date: "2026-04-30", value: 60 }];
    expect(projectAt(points, "2026-03-31")).toBeCloseTo(30, 9);
  });
});

describe("npsFromCounts", () => {
  it("is % promoters − % detractors, to one decimal", () => {
    expect(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 })).toBe(30);
    expect(npsFromCounts({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(npsFromCounts({ promoters: 2, passives: 0, detractors: 1 })).toBe(33.3);
    expect(npsFromCounts({ promoters: 1, passives: 0, detractors: 2 })).toBe(-33.3);
    expect(npsFromCounts({ promoters: 0, passives: 5, detractors: 0 })).toBe(0);
  });

  it("spans −100 to 100", () => {
    expect(npsFromCounts({ promoters: 12, passives: 0, detractors: 0 })).toBe(100);
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 7 })).toBe(-100);
  });

  it("rounds a half away from zero, alike on both sides", () => {
    // 667 promoters of 2,000 responses and no detractors is 33.35 exactly.
    expect(npsFromCounts({ promoters: 667, passives: 1333, detractors: 0 })).toBe(33.4);
    expect(npsFromCounts({ promoters: 0, passives: 1333, detractors: 667 })).toBe(-33.4);
  });

  it("has no score without responses", () => {
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});
