import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../tests/setup/test-db";
import {
  addressSubject,
  checkLimit,
  countAttempt,
  backoffDelayMs,
  checkBackoff,
  clearFailures,
  countFailure,
  LOGIN_BACKOFF_PER_ACCOUNT,
  LOGIN_BACKOFF_PER_ACCOUNT_AND_IP,
  LOGIN_FAILURES_PER_IP,
  resetLimits,
  retryAfter,
  SIGNUPS_PER_IP,
  type Limit,
} from "./rate-limit.server";

const THREE_PER_MINUTE: Limit = { name: "test-three", max: 3, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

// The counters are the database's (in memory with SQLite, a table with PostgreSQL); every test starts from none.
useTestDatabase();
beforeEach(() => resetLimits());

async function attempts(limit: Limit, subject: string, times: number, now: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await countAttempt(limit, subject, now);
}

describe("checkLimit / countAttempt", () => {
  it("allows up to `max` attempts in a window and limits the next one", async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + i)).limited, `before attempt ${i + 1}`).toBe(false);
      await countAttempt(THREE_PER_MINUTE, "ana", T0 + i);
    }
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 10)).limited).toBe(true);
  });

  it("does not count the check itself", async () => {
    for (let i = 0; i < 10; i += 1) await checkLimit(THREE_PER_MINUTE, "ana", T0);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0)).limited).toBe(false);
  });

  it("says how many whole seconds remain until the window resets, at least 1", async () => {
    await attempts(THREE_PER_MINUTE, "ana", 3, T0);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0)).retryAfterSeconds).toBe(60);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 500)).retryAfterSeconds).toBe(60);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 30_000)).retryAfterSeconds).toBe(30);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 59_001)).retryAfterSeconds).toBe(1);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 59_999)).retryAfterSeconds).toBe(1);
  });

  it("resets when the window has passed, and starts a new window from there", async () => {
    await attempts(THREE_PER_MINUTE, "ana", 3, T0);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 59_999)).limited).toBe(true);
    expect(await checkLimit(THREE_PER_MINUTE, "ana", T0 + 60_000)).toEqual({ limited: false, retryAfterSeconds: 60 });
    // Counts before the reset are gone: three more are allowed, the fourth is not.
    await attempts(THREE_PER_MINUTE, "ana", 2, T0 + 60_000);
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0 + 61_000)).limited).toBe(false);
    await countAttempt(THREE_PER_MINUTE, "ana", T0 + 61_000);
    expect(await checkLimit(THREE_PER_MINUTE, "ana", T0 + 62_000)).toEqual({ limited: true, retryAfterSeconds: 58 });
  });

  it("keeps subjects apart, and limits with different names apart", async () => {
    await attempts(THREE_PER_MINUTE, "ana@example.com", 3, T0);
    expect((await checkLimit(THREE_PER_MINUTE, "ana@example.com", T0)).limited).toBe(true);
    expect((await checkLimit(THREE_PER_MINUTE, "luis@example.com", T0)).limited).toBe(false);
    const sameNumbersOtherName: Limit = { ...THREE_PER_MINUTE, name: "test-other" };
    expect((await checkLimit(sameNumbersOtherName, "ana@example.com", T0)).limited).toBe(false);
  });

  it("forgets everything on await resetLimits()", async () => {
    await attempts(THREE_PER_MINUTE, "ana", 3, T0);
    await resetLimits();
    expect((await checkLimit(THREE_PER_MINUTE, "ana", T0)).limited).toBe(false);
  });
});

describe("the app's limits", () => {
  it("never locks a login out: delays double after five free failures and stop growing at 15 minutes", async () => {
    const b = LOGIN_BACKOFF_PER_ACCOUNT_AND_IP;
    expect([0, 4, 5, 6, 7, 14, 15, 40].map((f) => backoffDelayMs(b, f) / 1000)).toEqual([0, 0, 1, 2, 4, 512, 900, 900]);
    // Across addresses the delay stops at one minute.
    expect(backoffDelayMs(LOGIN_BACKOFF_PER_ACCOUNT, 1000)).toBe(60_000);
  });

  it("gives one office IP room for a full room of people mistyping", async () => {
    // 40 people behind one NAT, each getting their password wrong 5 times.
    await attempts(LOGIN_FAILURES_PER_IP, "203.0.113.7", 40 * 5, T0);
    expect((await checkLimit(LOGIN_FAILURES_PER_IP, "203.0.113.7", T0)).limited).toBe(false);
    expect(SIGNUPS_PER_IP.max).toBeGreaterThanOrEqual(40);
  });

  it("turns a state into a Retry-After header", async () => {
    expect(retryAfter({ limited: true, retryAfterSeconds: 42 })).toEqual({ "Retry-After": "42" });
  });
});

describe("addressSubject", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2::abcd", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:0:0:0:1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s → %s", async (ip, subject) => {
    expect(addressSubject(ip)).toBe(subject);
  });
});

describe("checkBackoff / countFailure", () => {
  const b = { name: "test-backoff", free: 2, baseMs: 1000, maxDelayMs: 4000, forgetAfterMs: 60_000 };
  it("waits from the last failure, and forgets after a quiet spell or on clearFailures", async () => {
    await countFailure(b, "x", T0);
    await countFailure(b, "x", T0);
    expect(await checkBackoff(b, "x", T0)).toEqual({ limited: true, retryAfterSeconds: 1, failures: 2 });
    expect((await checkBackoff(b, "x", T0 + 1000)).limited).toBe(false);
    await countFailure(b, "x", T0 + 1000);
    expect((await checkBackoff(b, "x", T0 + 1000)).retryAfterSeconds).toBe(2);
    for (let i = 0; i < 10; i++) await countFailure(b, "x", T0 + 2000);
    expect((await checkBackoff(b, "x", T0 + 2000)).retryAfterSeconds).toBe(4);
    expect(await checkBackoff(b, "x", T0 + 62_000)).toEqual({ limited: false, retryAfterSeconds: 0, failures: 0 });
    await countFailure(b, "y", T0);
    await countFailure(b, "y", T0);
    await clearFailures(b, "y");
    expect((await checkBackoff(b, "y", T0)).limited).toBe(false);
  });
});
