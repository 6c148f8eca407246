/** A review keeps the linked metrics' latest values, in its own transaction, on both databases. */
import { beforeEach, describe, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import type { InitiativeInput, ReviewInput } from "~/domain/initiative.schema";
import { createInitiative } from "./initiative.server";
import { createMetric, saveValues } from "./metric.server";
import type { Organization } from "./organization.server";
import { latestLinkedValues, listReviews, saveReview } from "./review.server";
import type { User } from "./user.server";

const database = useTestDatabase();

let user: User;
let org: Organization;
let other: Organization;

const INITIATIVE: InitiativeInput = {
  title: "Solve it on the first call",
  description: "Agents get the tools to close a case in one contact.",
  capabilities: ["billing"],
  ownerName: "Olga",
  ownerEmail: null,
  start: "2026-03-01",
  target: "2026-12-01",
  status: "in-progress",
  priority: 1,
  effort: "M",
  staffing: "train",
  metrics: ["fcr", "csat"],
};
const REVIEW: ReviewInput = { date: "2026-09-01", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "continue", notes: "" };
const plan = { baseline: 60, target: 80, targetDate: "2027-06-30", cadence: "monthly" as const, owner: null };

async function metric(organization: Organization, key: "fcr" | "csat" | "nps") {
  const created = await createMetric(organization.id, { source: "catalogue", key, ...plan }, { fcr: "higher", csat: "higher", nps: "higher" });
  if (!created.ok) throw new Error(created.message);
  return created.metric;
}

beforeEach(async () => {
  user = await makeUser();
  org = await makeOrganization(user.id);
  other = await makeOrganization(user.id);
});

describe("review metric values", () => {
  it("records the latest value on or before the review's date of each linked metric, and lists them with the review", async () => {
    const fcr = await metric(org, "fcr");
    const nps = await metric(org, "nps");
    const csat = await metric(org, "csat");
    await saveValues([
      { metricId: fcr.id, date: "2026-07-31", value: 66 },
      { metricId: fcr.id, date: "2026-08-31", value: 69.5 },
      { metricId: fcr.id, date: "2026-09-30", value: 72 },
      { metricId: nps.id, date: "2026-08-31", value: 12 },
    ]);
    // csat has no value yet: nothing to record for it. nps is not linked to the initiative.
    const foreign = await metric(other, "fcr");
    await saveValues([{ metricId: foreign.id, date: "2026-08-31", value: 99 }]);
    const id = await createInitiative(org.id, INITIATIVE, user.id);

    expect(await latestLinkedValues(org.id, INITIATIVE.metrics, "2026-12-31")).toEqual([expect.objectContaining({ metricId: fcr.id, key: "fcr", date: "2026-09-30", value: 72 })]);
    const saved = await saveReview(org.id, id, REVIEW, user.id);
    expect(saved.outcome).toBe("saved");
    await saveValues([{ metricId: csat.id, date: "2026-10-01", value: 81 }]);

    const [review] = await listReviews(id);
    expect(review!.metrics).toEqual([{ metricId: fcr.id, key: "fcr", name: null, unit: null, currency: null, date: "2026-08-31", value: 69.5 }]);
  });

  it("saves a review without metric rows when none is linked or none has a value", async () => {
    const id = await createInitiative(org.id, { ...INITIATIVE, metrics: [] }, user.id);
    await metric(org, "fcr");
    expect((await saveReview(org.id, id, REVIEW, user.id)).outcome).toBe("saved");
    expect((await listReviews(id))[0]!.metrics).toEqual([]);
    expect(await database.db.orm.select().from(t.initiativeReviewMetrics)).toEqual([]);
  });

  it("stores nothing when the initiative is closed: the review and its values go together", async () => {
    const fcr = await metric(org, "fcr");
    await saveValues([{ metricId: fcr.id, date: "2026-08-31", value: 70 }]);
    const id = await createInitiative(org.id, { ...INITIATIVE, status: "done" }, user.id);
    expect((await saveReview(org.id, id, REVIEW, user.id)).outcome).toBe("closed");
    expect(await database.db.orm.select().from(t.initiativeReviews)).toEqual([]);
    expect(await database.db.orm.select().from(t.initiativeReviewMetrics)).toEqual([]);
  });
});
