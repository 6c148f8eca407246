import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, t, useTestDatabase } from "../../tests/setup/test-db";
import { createFeedback, listFeedback } from "./feedback.server";
import { createMetric, listMetricsWithValues, saveValues, type Metric } from "./metric.server";
import type { Organization } from "./organization.server";

const database = useTestDatabase();

let org: Organization;

beforeEach(async () => {
  const consultant = await makeUser({ name: "Carla Consultora" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

const plan = { baseline: 68, target: 80, targetDate: "2027-06-30", cadence: "monthly" as const, owner: null };

async function fcr(): Promise<Metric> {
  const created = await createMetric(org.id, { source: "catalogue", key: "fcr", ...plan }, { fcr: "higher" });
  if (!created.ok) throw new Error(created.message);
  return created.metric;
}

describe("saveValues", () => {
  it("stores every row or none: a bad row in a later statement undoes the earlier ones", async () => {
    const metric = await fcr();
    const start = Date.UTC(2020, 0, 1);
    const rows = Array.from({ length: 700 }, (_, i) => ({ metricId: metric.id, date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value: i }));
    rows[650] = { ...rows[650]!, metricId: "no-such-metric" };
    await expectConstraintError(saveValues(rows), "foreign key");
    expect(await database.db.orm.select().from(t.metricValues)).toEqual([]);
  });

  it("replaces the value of a date already stored", async () => {
    const metric = await fcr();
    await saveValues([{ metricId: metric.id, date: "2026-10-31", value: 70 }]);
    await saveValues([
      { metricId: metric.id, date: "2026-10-31", value: 71.5 },
      { metricId: metric.id, date: "2026-09-30", value: 69 },
    ]);
    const [listed] = await listMetricsWithValues(org.id);
    expect(listed?.values).toEqual([
      { date: "2026-09-30", value: 69 },
      { date: "2026-10-31", value: 71.5 },
    ]);
  });
});

describe("the metrics table", () => {
  it("refuses a row that is both a catalog metric and a custom one", async () => {
    await expectConstraintError(
      database.db.orm.insert(t.metrics).values({ id: "m1", organizationId: org.id, key: "csat", name: "CSAT", unit: "%", kind: "operational", direction: "higher", ...plan }),
      "check",
    );
  });

  it("goes with its organization: metrics, values and feedback are deleted with it", async () => {
    const metric = await fcr();
    await saveValues([{ metricId: metric.id, date: "2026-10-31", value: 70 }]);
    await createFeedback(org.id, [{ date: "2026-10-31", sentiment: "positive", channel: "web", capability: null, text: "Bien" }]);
    expect(await listFeedback(org.id)).toHaveLength(1);
    await database.db.orm.delete(t.organizations).where(eq(t.organizations.id, org.id));
    expect([
      ...(await database.db.orm.select().from(t.metrics)),
      ...(await database.db.orm.select().from(t.metricValues)),
      ...(await database.db.orm.select().from(t.feedback)),
    ]).toEqual([]);
  });
});
