import { describe, expect, it } from "vitest";
import { readMessage } from "./messages";
import { decimalText, fcrWhatIf, FcrWhatIfSchema } from "./fcr-what-if";

const RATIOS = { csatPerPoint: 1, costPerPoint: 1 };

describe("fcrWhatIf", () => {
  it("moves CSAT and cost relatively: 1 % of their value per point at the default ratios", () => {
    const result = fcrWhatIf({ fcr: 70, points: 5, csat: 80, cost: 4, ...RATIOS });
    expect(result.fcrAfter).toBe(75);
    expect(result.points).toBe(5);
    expect(result.csatAfter).toBeCloseTo(84);
    expect(result.csatChange).toBeCloseTo(4);
    expect(result.costShare).toBeCloseTo(-0.05);
    expect(result.costAfter).toBeCloseTo(3.8);
    expect(result.costChange).toBeCloseTo(-0.2);
  });

  it("works the other way when FCR falls, and with the ratios the reader set", () => {
    const result = fcrWhatIf({ fcr: 70, points: -4, csat: 75, cost: 10, csatPerPoint: 0.5, costPerPoint: 2 });
    expect(result.csatAfter).toBeCloseTo(73.5);
    expect(result.costShare).toBeCloseTo(0.08);
    expect(result.costAfter).toBeCloseTo(10.8);
  });

  it("keeps FCR and CSAT within 0–100 and counts only the points FCR can move", () => {
    const result = fcrWhatIf({ fcr: 90, points: 20, csat: 98, cost: null, ...RATIOS });
    expect(result.fcrAfter).toBe(100);
    expect(result.points).toBe(10);
    expect(result.csatAfter).toBe(100);
    expect(result.costShare).toBeCloseTo(-0.1);
    expect(result.costAfter).toBeNull();
    expect(fcrWhatIf({ fcr: 5, points: -10, csat: null, cost: 1, ...RATIOS })).toMatchObject({ fcrAfter: 0, points: -5, csatAfter: null, csatChange: null });
  });

  it("never takes the cost below zero, whatever the ratio", () => {
    expect(fcrWhatIf({ fcr: 0, points: 50, csat: null, cost: 3, csatPerPoint: 0, costPerPoint: 10 }).costAfter).toBe(0);
  });

  it("changes nothing at zero points", () => {
    expect(fcrWhatIf({ fcr: 70, points: 0, csat: 80, cost: 4, ...RATIOS })).toMatchObject({ fcrAfter: 70, csatAfter: 80, costAfter: 4, costShare: -0 });
  });
});

describe("FcrWhatIfSchema", () => {
  const asked = { points: "5", fcr: "70,5", csat: "", cost: "4.20", csat_ratio: "1", cost_ratio: "0,5" };
  it("reads decimals in either language; an empty CSAT or cost is unknown", () => {
    expect(FcrWhatIfSchema.parse(asked)).toEqual({ points: 5, fcr: 70.5, csat: null, cost: 4.2, csatPerPoint: 1, costPerPoint: 0.5 });
  });

  it("says what is wrong at each field", () => {
    const result = FcrWhatIfSchema.safeParse({ ...asked, points: "", fcr: "120", cost: "-1", csat_ratio: "eleven", cost_ratio: "20" });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), readMessage(i.message)]));
    expect(issues).toEqual({
      points: { key: "metric.error.valueRequired" },
      fcr: { key: "metric.error.between", params: { min: 0, max: 100 } },
      cost: { key: "metric.error.negative" },
      csat_ratio: { key: "metric.error.number" },
      cost_ratio: { key: "metric.error.between", params: { min: 0, max: 10 } },
    });
  });

  it("writes back a number the schema reads again", () => {
    expect(decimalText(70.256, "en")).toBe("70.26");
    expect(decimalText(70.256, "es")).toBe("70,26");
    expect(decimalText(1234.5, "es")).toBe("1234,5");
    expect(decimalText(null, "es")).toBe("");
    expect(FcrWhatIfSchema.parse({ ...asked, fcr: decimalText(68.4, "en") }).fcr).toBe(68.4);
    expect(FcrWhatIfSchema.parse({ ...asked, fcr: decimalText(68.4, "es") }).fcr).toBe(68.4);
  });
});
