/**
 * POST /w/:token/save has a route of its own: without the phone lane in front (any other server
 * setup), the background save answers exactly as the lane does.
 */
import { beforeEach, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { createAssessment } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { getParticipantRatings } from "~/models/rating.server";
import { resetLimits } from "~/utils/rate-limit.server";
// The route module under test (the layer rule against importing routes is for app code).
import { action } from "~/routes/w.$token_.save";


useTestDatabase();
beforeEach(() => resetLimits());

function post(token: string, body: BodyInit, contentType = "application/x-www-form-urlencoded") {
  const request = new Request(`http://localhost/w/${token}/save`, { method: "POST", body, headers: { "Content-Type": contentType } });
  return action({ request, params: { token }, context: { cspNonce: "", clientIp: "127.0.0.1" } }) as Promise<Response>;
}

it("saves a vote with 200, refuses a bad one with 400, an unknown link with 404 and another encoding with 415, all in JSON", async () => {
  const consultant = await makeUser();
  const org = await makeOrganization(consultant.id);
  const assessment = await createAssessment({ organizationId: org.id, name: "Route", mode: "workshop", createdBy: consultant.id });
  const { participant, token } = await joinWorkshop(assessment.id, "Ana");

  const saved = await post(token, new URLSearchParams({ "billing.current": "2", "billing.ideal": "4" }));
  expect(saved.status).toBe(200);
  expect(await saved.json()).toEqual({ saved: 1 });
  expect(saved.headers.get("Cache-Control")).toBe("no-store");
  expect((await getParticipantRatings(participant.id)).find((r) => r.capabilityKey === "billing")).toMatchObject({ current: 2, ideal: 4 });

  const bad = await post(token, new URLSearchParams({ "billing.current": "7" }));
  expect(bad.status).toBe(400);
  expect(await bad.json()).toEqual({ errors: { "billing.current": "rating.error.level" } });
  expect((await post("nobody-holds-this-link", new URLSearchParams({ "billing.current": "2" }))).status).toBe(404);
  const multipart = new FormData();
  multipart.set("billing.current", "2");
  const other = await post(token, multipart, "multipart/form-data; boundary=x");
  expect(other.status).toBe(415);
  expect(await other.json()).toEqual({ error: "form-encoded-only" });
});
