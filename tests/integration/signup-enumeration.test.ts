import { beforeEach, describe, expect, it, vi } from "vitest";
import { makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { formRequest, settle } from "../setup/route-harness";
import { countUsers } from "~/models/user.server";
import { resetLimits } from "~/utils/rate-limit.server";
import * as passwords from "~/utils/password.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as signupAction } from "~/routes/signup";


useTestDatabase();

beforeEach(async () => await resetLimits());

const signup = (email: string, clientIp = "198.51.100.5") =>
  settle(() => signupAction({ request: formRequest("http://localhost/signup", { name: "Probe", email, password: "a long enough password" }), params: {}, context: { cspNonce: "", clientIp } }));

describe("sign-up and account enumeration (issue 15)", () => {
  it("does the same work for a taken email as for a new one (one password hash)", async () => {
    await makeUser({ email: "taken@example.test" });
    const spy = vi.spyOn(passwords, "hashPassword");
    await signup("taken@example.test");
    await signup("fresh@example.test");
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("stops an address probing which emails have accounts: after 20 taken emails an hour, every sign-up from it waits", async () => {
    for (let i = 0; i < 25; i++) await makeUser({ email: `staff${i}@victim.example` });
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) answers.push((await signup(`staff${i}@victim.example`)).status);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(answers.slice(20)).toEqual(Array(5).fill(429));
    // A free email gets the same 429, so the answer says nothing about the address asked.
    const users = await countUsers();
    expect((await signup("nobody@victim.example")).status).toBe(429);
    expect(await countUsers()).toBe(users);
    // Someone else signs up as usual.
    expect((await signup("new@elsewhere.example", "192.0.2.200")).status).toBe(303);
  });
});
