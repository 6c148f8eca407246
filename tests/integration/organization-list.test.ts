/**
 * The organizations list reads every client's latest maturity index and next due date in one
 * statement. The numbers must be exactly what the per-organization history gave (the organization
 * page's table), and the statement count must not grow with the number of organizations.
 */
import type { AppLoadContext } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { makeMembership, makeOrganization, makeUser } from "../setup/factories";
import { countStatements, useTestDatabase } from "../setup/test-db";
import { nextAssessmentDue } from "~/domain/workshop";
import { createAssessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { listOrganizationsForUser, type Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { getMaturityHistory } from "~/services/gap-analysis.server";
import { getCapabilityKeys } from "~/utils/content.server";
import { signIn } from "~/utils/session.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as orgsLoader } from "~/routes/orgs._index";


const database = useTestDatabase();
const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };
const day = (iso: string) => new Date(`${iso}T10:00:00Z`).getTime();

let consultant: User;
let orgs: Organization[];

/** Locks an assessment of `org` at `at` with levels from `level(i)` for the first `count` capabilities. */
async function lockAt(org: Organization, name: string, at: number, level: (i: number) => number, count = 25) {
  const assessment = await createAssessment({ organizationId: org.id, name, mode: "solo", createdBy: consultant.id });
  const entries = getCapabilityKeys()
    .slice(0, count)
    .map((capabilityKey, i) => ({ capabilityKey, current: level(i), ideal: 4, importance: 2, rationale: "" }));
  expect(await saveConsensus(assessment.id, entries, true, at)).toBe("locked");
}

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultant" });
  const outsider = await makeUser({ name: "Otto Outsider" });
  orgs = [];
  for (const name of ["Andes", "Bosque", "Cumbre", "Delta", "Estrella"]) orgs.push(await makeOrganization(consultant.id, { name }));
  const [andes, bosque, cumbre, delta] = orgs as [Organization, Organization, Organization, Organization];
  // Andes: three cycles locked out of order of creation; the latest lock counts, not the latest row.
  await lockAt(andes, "2025 H2", day("2025-08-31"), (i) => 1 + (i % 4));
  await lockAt(andes, "2024 H2", day("2024-08-31"), () => 1);
  await lockAt(andes, "2025 H1", day("2025-02-15"), (i) => 1 + (i % 2));
  // Bosque: one cycle whose index is not a round number (7 of 25 capabilities at 3, the rest at 2).
  await lockAt(bosque, "Only", day("2025-03-31"), (i) => (i < 7 ? 3 : 2));
  // Cumbre: a locked cycle completed by hand with a few capabilities only, and an open one after it.
  await lockAt(cumbre, "Partial", day("2025-05-10"), (i) => 4 - (i % 3), 9);
  await createAssessment({ organizationId: cumbre.id, name: "Open", mode: "workshop", createdBy: consultant.id });
  // Delta: only an open assessment, so no index and no due date; Estrella: nothing at all.
  await createAssessment({ organizationId: delta.id, name: "Open", mode: "workshop", createdBy: consultant.id });
  // Someone else's organization, locked later than all of these: it must leak into none.
  const foreign = await makeOrganization(outsider.id, { name: "Ajena" });
  await lockAt(foreign, "Foreign", day("2026-01-01"), () => 4);
  // The consultant is a viewer there too, so the list has an organization with another role.
  const shared = await makeOrganization(outsider.id, { name: "Compartida" });
  await makeMembership(shared.id, consultant.id, "viewer", outsider.id);
  await lockAt(shared, "Shared", day("2025-11-30"), (i) => 1 + (i % 3));
});

describe("listOrganizationsForUser", () => {
  it("gives each organization exactly the index and due date its maturity history gave", async () => {
    const list = await listOrganizationsForUser(consultant.id, getCapabilityKeys());
    expect(list.map((o) => o.name)).toEqual(["Andes", "Bosque", "Compartida", "Cumbre", "Delta", "Estrella"]);
    for (const org of list) {
      const last = (await getMaturityHistory(org.id)).at(-1);
      expect(org.maturity, org.name).toBe(last?.overall ?? null);
      expect(org.lastLockedAt, org.name).toBe(last?.lockedAt ?? null);
      expect(org.nextDue, org.name).toBe(last ? nextAssessmentDue(new Date(last.lockedAt)).getTime() : null);
    }
    const byName = Object.fromEntries(list.map((o) => [o.name, o]));
    // Spelled out, so the comparison above cannot pass by both sides being wrong the same way.
    expect(byName.Andes!.lastLockedAt).toBe(day("2025-08-31"));
    expect(byName.Andes!.nextDue).toBe(day("2026-02-28")); // 31 August + 6 months clamps to February's end
    expect(byName.Andes!.maturity).toBe((6 * (1 + 2 + 3 + 4) + 1) / 25); // levels 1, 2, 3, 4 six times, then 1
    expect(byName.Bosque!.maturity).toBe((7 * 3 + 18 * 2) / 25);
    expect(byName.Compartida!.role).toBe("viewer");
    expect(byName.Delta!.maturity).toBeNull();
    expect(byName.Delta!.nextDue).toBeNull();
    expect(byName.Estrella!.maturity).toBeNull();
  });

  it("reads the whole list in one statement, however many organizations there are", async () => {
    const statements = countStatements(database.db);
    const list = await listOrganizationsForUser(consultant.id, getCapabilityKeys());
    expect(list).toHaveLength(6);
    expect(statements.count).toBe(1);

    // Ten more organizations with a locked cycle each: still one statement.
    for (let n = 0; n < 10; n++) await lockAt(await makeOrganization(consultant.id, { name: `Extra ${n}` }), "Cycle", day("2025-06-01") + n, () => 2);
    statements.reset();
    expect(await listOrganizationsForUser(consultant.id, getCapabilityKeys())).toHaveLength(16);
    expect(statements.count).toBe(1);
    statements.restore();
  });

  it("is what the organizations page shows, through its loader", async () => {
    const cookie = (await signIn(new Request("http://localhost/login"), consultant.id, "/")).headers.get("Set-Cookie")!.split(";")[0]!;
    const statements = countStatements(database.db);
    const data = await orgsLoader({ request: new Request("http://localhost/orgs", { headers: { Cookie: cookie } }), params: {}, context });
    // The session lookup and the list: not one history per organization.
    expect(statements.count).toBeLessThanOrEqual(3);
    statements.restore();
    expect(data.organizations).toEqual(await listOrganizationsForUser(consultant.id, getCapabilityKeys()));
    expect(data.organizations.find((o) => o.name === "Andes")?.maturity).toBeCloseTo(2.44, 10);
  });
});
