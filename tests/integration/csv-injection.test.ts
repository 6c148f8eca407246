import { describe, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { parseCsv } from "../setup/csv";
import { context, sessionCookieFor } from "../setup/route-harness";
import { createAssessment } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as ratingsCsvLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.ratings[.]csv";


useTestDatabase();

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "@SUM(1,1)", "+1+1", "-1+1", "\t=1", "\r=1"];

describe("ratings.csv and CSV injection (issue 15)", () => {
  it("starts no text cell with a formula character, keeps numbers as numbers, and a script gets the raw value back", async () => {
    const consultant = await makeUser();
    const cookie = await sessionCookieFor(consultant.id);
    const org = await makeOrganization(consultant.id);
    const workshop = await createAssessment({ organizationId: org.id, name: "=1+1", mode: "workshop", createdBy: consultant.id });
    for (const formula of FORMULAS) {
      const { participant } = await joinWorkshop(workshop.id, formula);
      await saveRatings(participant.id, workshop.id, [{ capabilityKey: "billing", current: 1, ideal: 4, comment: formula }]);
    }
    const response = await ratingsCsvLoader({
      request: new Request(`http://localhost/orgs/${org.id}/assessments/${workshop.id}/ratings.csv`, { headers: { Cookie: cookie } }),
      params: { orgId: org.id, assessmentId: workshop.id },
      context,
    });
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["participant", "category", "capability", "current", "ideal", "comment"]);
    expect(rows).toHaveLength(FORMULAS.length);
    for (const row of rows) {
      for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
      expect([row[3], row[4]]).toEqual(["1", "4"]);
    }
    const raw = (cell: string) => cell.replace(/^'/, "");
    // The participant model trims names ("\t=1" is stored as "=1"); comments are stored as given.
    expect(rows.map((r) => raw(r[0]!)).sort()).toEqual(FORMULAS.map((f) => f.trim()).sort());
    expect(rows.map((r) => raw(r[5]!)).sort()).toEqual([...FORMULAS].sort());
  });
});
