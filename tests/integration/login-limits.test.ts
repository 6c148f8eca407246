import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { formRequest, settle } from "../setup/route-harness";
import { resetLimits } from "~/utils/rate-limit.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";


useTestDatabase();

const OWNER_IP = "192.0.2.10";
const ATTACKER_IP = "198.51.100.66";
let now = Date.UTC(2026, 11, 1, 9, 0, 0);

beforeEach(async () => {
  await resetLimits();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});
afterEach(async () => {
  vi.useRealTimers();
});

function advance(ms: number): void {
  now += ms;
  vi.setSystemTime(now);
}

type Attempt = { status: number; retryAfter: number; setCookie: string };

async function login(email: string, password: string, clientIp: string, cookie = "", base = "http://localhost"): Promise<Attempt> {
  let value: unknown;
  try {
    value = await loginAction({ request: formRequest(`${base}/login`, { email, password }, cookie ? { Cookie: cookie } : {}), params: {}, context: { cspNonce: "", clientIp } });
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, retryAfter: 0, setCookie: value.headers.get("Set-Cookie") ?? "" };
  const { init } = value as { init: { status: number; headers?: Record<string, string> } };
  return { status: init.status, retryAfter: Number(init.headers?.["Retry-After"] ?? 0), setCookie: "" };
}

/** The cookies a browser would send back after this answer (name=value pairs of every Set-Cookie). */
function browserCookies(setCookie: string): string {
  return setCookie
    .split(/,(?=\s*__)/)
    .map((c) => c.trim().split(";")[0])
    .filter((pair) => pair && !pair.endsWith("="))
    .join("; ");
}

const WRONG = "wrong password, surely";

describe("login limits (issue 15): slow the attacker, not the owner", () => {
  it("an attacker's wrong passwords never keep out the browser the owner signed in with before", async () => {
    const owner = await makeUser();
    const first = await login(owner.email, owner.password, OWNER_IP);
    expect(first.status).toBe(303);
    const ownerBrowser = browserCookies(first.setCookie);
    expect(ownerBrowser).toMatch(/__device=/);

    let refused = 0;
    for (let i = 0; i < 60; i++) {
      const attempt = await login(owner.email, `${WRONG} ${i}`, `198.51.100.${i % 3}`);
      if (attempt.status === 429) refused += 1;
      else expect(attempt.status).toBe(400);
      advance(1000);
    }
    expect(refused, "the attacker was slowed down").toBeGreaterThan(0);
    // Same office network as the attacker, too: the device cookie is what counts.
    for (const ip of [OWNER_IP, "198.51.100.1"]) expect((await login(owner.email, owner.password, ip, ownerBrowser)).status, ip).toBe(303);
  });

  it("gives growing delays per account and address, capped, and lets the right password in after the delay", async () => {
    const owner = await makeUser();
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      let attempt = await login(owner.email, WRONG, ATTACKER_IP);
      if (attempt.status === 429) {
        delays.push(attempt.retryAfter);
        advance(attempt.retryAfter * 1000);
        attempt = await login(owner.email, WRONG, ATTACKER_IP);
      }
      expect(attempt.status, `attempt ${i + 1}`).toBe(400);
    }
    expect(delays.length).toBeGreaterThan(10);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[0]!).toBeLessThanOrEqual(2);
    expect(Math.max(...delays)).toBeLessThanOrEqual(15 * 60);
    expect(Math.max(...delays)).toBeGreaterThanOrEqual(5 * 60);

    // During the delay even the right password waits (a 429 is no hint), and gets in right after it.
    const waiting = await login(owner.email, owner.password, ATTACKER_IP);
    expect(waiting.status).toBe(429);
    expect(waiting.setCookie).toBe("");
    advance(waiting.retryAfter * 1000);
    expect((await login(owner.email, owner.password, ATTACKER_IP)).status).toBe(303);
  });

  it("lets the owner in from a new browser elsewhere at once, and after one typo within a minute, however long the attack goes on", async () => {
    const owner = await makeUser();
    const attack = async () => {
      for (let ip = 0; ip < 20; ip++) expect([400, 429]).toContain((await login(owner.email, WRONG, `203.0.113.${ip}`)).status);
    };
    for (let minute = 0; minute < 120; minute++) {
      await attack();
      advance(60_000);
    }
    await attack();
    // A first try from an address that never failed is always weighed: the right password gets in.
    expect((await login(owner.email, owner.password, "192.0.2.77")).status).toBe(303);
    // After a typo there, the wait is short.
    expect((await login(owner.email, WRONG, OWNER_IP)).status).toBe(400);
    await attack();
    let attempt = await login(owner.email, owner.password, OWNER_IP);
    if (attempt.status === 429) {
      expect(attempt.retryAfter).toBeLessThanOrEqual(60);
      advance(attempt.retryAfter * 1000);
      attempt = await login(owner.email, owner.password, OWNER_IP);
    }
    expect(attempt.status).toBe(303);
  });

  it("a device cookie gives no unlimited guesses, and only for its own account", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const browser = browserCookies((await login(owner.email, owner.password, OWNER_IP)).setCookie);
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await login(owner.email, WRONG, ATTACKER_IP, browser)).status);
    expect(answers).toContain(429);
    // Another account's failures from this browser count as any stranger's.
    for (let i = 0; i < 12; i++) answers.push((await login(other.email, WRONG, ATTACKER_IP, browser)).status);
    expect(answers.slice(12)).toContain(429);
  });

  it("sets the device cookie at sign-up too, as __Host-device over https", async () => {
    const signup = await settle(() =>
      signupAction({ request: formRequest("https://madura.example/signup", { name: "Nueva", email: "nueva@example.test", password: "a long enough password" }), params: {}, context: { cspNonce: "", clientIp: OWNER_IP } }),
    );
    expect(signup.status).toBe(303);
    expect(signup.response?.headers.get("Set-Cookie")).toMatch(/__Host-device=[^;]+;.*Secure/);
    const https = await login("nueva@example.test", "a long enough password", OWNER_IP, "", "https://madura.example");
    expect(https.setCookie).toMatch(/__Host-session=/);
    expect(https.setCookie).toMatch(/__Host-device=/);
  });
});
