import { beforeEach, describe, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { formRequest, settle } from "../setup/route-harness";
import { createAssessment, type Assessment } from "~/models/assessment.server";
import { resetLimits } from "~/utils/rate-limit.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as joinAction } from "~/routes/join";


useTestDatabase();

let workshop: Assessment;

beforeEach(async () => {
  await resetLimits();
  const consultant = await makeUser();
  const org = await makeOrganization(consultant.id);
  workshop = await createAssessment({ organizationId: org.id, name: "Room", mode: "workshop", createdBy: consultant.id });
});

function join(code: string, name: string, clientIp: string) {
  return settle(() => joinAction({ request: formRequest("http://localhost/join", { code, name }), params: {}, context: { cspNonce: "", clientIp } }));
}

/** A wrong code that is still a well-formed one, as a guesser would send. */
function wrongCode(i: number): string {
  const code = `${"ABCDEFGHJK"[i % 10]}${"MNPQRTUVWX"[Math.floor(i / 10) % 10]}${"346789"[Math.floor(i / 100) % 6]}${"ABCDEF"[Math.floor(i / 600) % 6]}YY`;
  return code === workshop.joinCode ? "YYYYYY" : code;
}

describe("POST /join and guessed codes (issue 15)", () => {
  it("lets a whole room behind one NAT in, typos included", async () => {
    for (let phone = 0; phone < 200; phone++) {
      // Every phone mistypes the code twice before getting it right.
      for (const attempt of [0, 1]) expect((await join(wrongCode(phone * 2 + attempt), `P${phone}`, "203.0.113.7")).status).toBe(400);
      const joined = await join(workshop.joinCode!.toLowerCase(), `Phone ${phone}`, "203.0.113.7");
      expect(joined.status, `phone ${phone}`).toBe(303);
    }
  });

  it("stops an address guessing codes at speed, even when it then finds the right one; other addresses still join", async () => {
    let refusedAt = 0;
    for (let i = 0; i < 3000 && !refusedAt; i++) {
      const answer = await join(wrongCode(i), "Guesser", "198.51.100.9");
      if (answer.status === 429) refusedAt = i + 1;
      else expect(answer.status).toBe(400);
    }
    expect(refusedAt, "a wrong code refused with 429").toBeGreaterThan(0);
    const right = await join(workshop.joinCode!, "Guesser", "198.51.100.9");
    expect(right.status, "the right code gives the guesser no sign").toBe(429);
    const raw = (await joinAction({ request: formRequest("http://localhost/join", { code: workshop.joinCode!, name: "G" }), params: {}, context: { cspNonce: "", clientIp: "198.51.100.9" } })) as unknown as {
      init: { headers: Record<string, string> };
    };
    expect(Number(raw.init.headers["Retry-After"])).toBeGreaterThan(0);
    expect((await join(workshop.joinCode!, "Someone else", "198.51.100.10")).status).toBe(303);
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let i = 0; i < 3000; i++) {
      const answer = await join(wrongCode(i), "Guesser", `2001:db8:1:2::${(i % 65535).toString(16)}`);
      if (answer.status === 429) return;
    }
    expect.fail("addresses of one /64 were never limited together");
  });
});
