/** The initiative and review models on both databases: tenancy of every write, history in the same transaction, the schedule's inputs. */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection.server";
import { makeOrganization, makeUser } from "../../tests/setup/factories";
import { expectConstraintError, useTestDatabase } from "../../tests/setup/test-db";
import {
  acceptProposals,
  addProposals,
  countByStatus,
  createInitiative,
  dismissProposal,
  getInitiative,
  listChanges,
  listScheduleRows,
  mergeProposals,
  updateInitiative,
  type NewProposal,
} from "./initiative.server";
import { saveReview } from "./review.server";
import type { InitiativeInput } from "~/domain/initiative.schema";
import type { Organization } from "./organization.server";
import type { User } from "./user.server";
import { createAssessment } from "./assessment.server";

useTestDatabase();

let user: User;
let org: Organization;
let other: Organization;

const INPUT: InitiativeInput = {
  title: "Clear bills",
  description: "Plain bills.",
  capabilities: ["billing"],
  ownerName: "Olga",
  ownerEmail: null,
  start: "2026-03-01",
  target: "2026-09-01",
  status: "planned",
  priority: 2,
  effort: "M",
  staffing: "none",
  metrics: ["csat"],
};

const proposal = (libraryKey: string, capabilityKey = "billing"): NewProposal => ({
  libraryKey,
  title: libraryKey,
  description: "d",
  capabilityKey,
  priority: 2,
  effort: "S",
  staffing: "none",
  metrics: [],
});

beforeEach(async () => {
  user = await makeUser();
  org = await makeOrganization(user.id);
  other = await makeOrganization(user.id);
});

describe("initiatives", () => {
  it("never reads or writes another organization's initiative", async () => {
    const id = await createInitiative(org.id, INPUT, user.id);
    expect(await getInitiative(other.id, id)).toBeNull();
    expect(await updateInitiative(other.id, id, { ...INPUT, title: "Mine" }, user.id)).toBe("not-found");
    expect((await saveReview(other.id, id, { date: "2026-09-01", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "stop", notes: "" }, user.id)).outcome).toBe("not-found");
    expect(await getInitiative(org.id, id)).toMatchObject({ title: "Clear bills", status: "planned", capabilities: ["billing"], metrics: ["csat"] });
    expect(await listScheduleRows([other.id])).toEqual([]);
  });

  it("adds a library key once per organization, also when asked twice at once", async () => {
    const assessment = await createAssessment({ organizationId: org.id, name: "A", mode: "solo", createdBy: user.id });
    const counts = await Promise.all([addProposals(org.id, assessment.id, [proposal("billing-2-a")], user.id), addProposals(org.id, assessment.id, [proposal("billing-2-a")], user.id)]);
    expect(counts.sort()).toEqual([0, 1]);
    const { orm, t } = getDb();
    await expectConstraintError(
      orm.insert(t.initiatives).values({ id: "x", organizationId: org.id, libraryKey: "billing-2-a", title: "t", description: "d", capabilities: "billing", status: "proposed", priority: 2, effort: "S", staffing: "none", updatedAt: new Date() }),
      "unique",
    );
  });

  it("accept, dismiss and merge act on proposals of this organization only", async () => {
    const assessment = await createAssessment({ organizationId: org.id, name: "A", mode: "solo", createdBy: user.id });
    await addProposals(org.id, assessment.id, [proposal("billing-2-a"), proposal("security-3-a", "security"), proposal("billing-3-a")], user.id);
    const { orm, t } = getDb();
    const rows = await orm.select().from(t.initiatives).where(eq(t.initiatives.organizationId, org.id));
    const [a, b, c] = ["billing-2-a", "security-3-a", "billing-3-a"].map((key) => rows.find((r) => r.libraryKey === key)!.id) as [string, string, string];
    const dates = () => ({ start: "2027-01-01", target: "2027-06-01" });
    expect(await acceptProposals(other.id, [a], dates, user.id)).toBe(0);
    expect(await dismissProposal(other.id, a, user.id)).toBe(false);
    expect(await mergeProposals(other.id, a, b, user.id)).toBe("not-found");
    expect(await mergeProposals(org.id, a, b, user.id)).toBe("merged");
    expect(await getInitiative(org.id, b)).toBeNull();
    expect(await acceptProposals(org.id, null, dates, user.id)).toBe(2);
    expect(await getInitiative(org.id, c)).toMatchObject({ status: "planned", start: "2027-01-01" });
    expect(await dismissProposal(org.id, c, user.id)).toBe(false);
    expect(await countByStatus(org.id)).toEqual({ proposed: 0, planned: 2, "in-progress": 0, done: 0, stopped: 0 });
    expect((await listChanges(a)).map((change) => change.kind)).toEqual(["accepted", "merged", "generated"]);
  });

  it("a review's decision changes the status and the history in the same transaction", async () => {
    const id = await createInitiative(org.id, INPUT, user.id);
    const saved = await saveReview(org.id, id, { date: "2026-08-31", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "continue", notes: "" }, user.id);
    expect(saved).toEqual({ outcome: "saved", status: "planned", nextReview: "2027-02-28" });
    expect(await listScheduleRows([org.id])).toEqual([expect.objectContaining({ id, lastReviewDate: "2026-08-31" })]);
    const done = await saveReview(org.id, id, { date: "2026-10-01", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "complete", notes: "" }, user.id);
    expect(done).toEqual({ outcome: "saved", status: "done", nextReview: null });
    expect((await listChanges(id))[0]).toMatchObject({ kind: "reviewed", decision: "complete", fields: { status: ["planned", "done"] } });
    expect(await listScheduleRows([org.id])).toEqual([]);
  });
});
