import { getDb } from "../../db/connection.server";

/**
 * Fixed windows and growing back-offs, counted by the database's counters (db/database.server.ts):
 * in memory with SQLite, whose one process sees every request; in a table with PostgreSQL, so that
 * servers behind one load balancer count together. A restart forgetting in-memory counts only ever
 * lets someone try again sooner.
 */
export type Limit = { name: string; max: number; windowMs: number };

export type LimitState = { limited: boolean; retryAfterSeconds: number };

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** Whether `subject` has used up `limit` (without counting this attempt). */
export async function checkLimit(limit: Limit, subject: string, now = Date.now()): Promise<LimitState> {
  const counter = await getDb().counters.peek(`${limit.name}:${subject}`, now);
  if (!counter) return { limited: false, retryAfterSeconds: secondsUntil(now + limit.windowMs, now) };
  return { limited: counter.count >= limit.max, retryAfterSeconds: secondsUntil(counter.expiresAt, now) };
}

export async function countAttempt(limit: Limit, subject: string, now = Date.now()): Promise<void> {
  await getDb().counters.hit(`${limit.name}:${subject}`, now, limit.windowMs, false);
}

/**
 * Counts this attempt and says whether it went over `limit`, in one call: one round trip on
 * PostgreSQL where checking and then counting take two (the vote path's hottest step). An attempt
 * refused for the limit is counted too, which changes nothing: the window's end stays where it was.
 */
export async function takeAttempt(limit: Limit, subject: string, now = Date.now()): Promise<LimitState> {
  const counter = await getDb().counters.hit(`${limit.name}:${subject}`, now, limit.windowMs, false);
  return { limited: counter.count > limit.max, retryAfterSeconds: secondsUntil(counter.expiresAt, now) };
}

export async function resetLimits(): Promise<void> {
  await getDb().counters.reset();
}

/** Wrong passwords per address across all accounts (credential stuffing); an office gets room. */
export const LOGIN_FAILURES_PER_IP: Limit = { name: "login-ip", max: 300, windowMs: 15 * 60 * 1000 };

/**
 * Growing delays instead of a lockout: after `free` failures, the next attempt waits
 * `baseMs · 2^(failures − free)`, at most `maxDelayMs`, counted from the last failure. The count is
 * forgotten `forgetAfterMs` after the last failure. Nothing here ever refuses for longer than
 * `maxDelayMs`, so a right password always gets in once the delay has passed.
 */
export type Backoff = { name: string; free: number; baseMs: number; maxDelayMs: number; forgetAfterMs: number };

export function backoffDelayMs(backoff: Backoff, failures: number): number {
  if (failures < backoff.free) return 0;
  return Math.min(backoff.baseMs * 2 ** (failures - backoff.free), backoff.maxDelayMs);
}

/**
 * Whether `subject` must still wait before its next attempt (the check itself is not counted). The
 * counter lives `forgetAfterMs` past the last failure, so the last failure was then minus that.
 */
export async function checkBackoff(backoff: Backoff, subject: string, now = Date.now()): Promise<LimitState & { failures: number }> {
  const counter = await getDb().counters.peek(`${backoff.name}:${subject}`, now);
  if (!counter) return { limited: false, retryAfterSeconds: 0, failures: 0 };
  const lastAt = counter.expiresAt - backoff.forgetAfterMs;
  const waitMs = lastAt + backoffDelayMs(backoff, counter.count) - now;
  return { limited: waitMs > 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), failures: counter.count };
}

export async function countFailure(backoff: Backoff, subject: string, now = Date.now()): Promise<void> {
  await getDb().counters.hit(`${backoff.name}:${subject}`, now, backoff.forgetAfterMs, true);
}

export async function clearFailures(backoff: Backoff, subject: string): Promise<void> {
  await getDb().counters.clear(`${backoff.name}:${subject}`);
}

/**
 * Per account and address: five free tries, then 1 s, 2 s, 4 s … up to 15 minutes between tries
 * (about 100 guesses a day from one address). The owner's own typos cost seconds.
 */
export const LOGIN_BACKOFF_PER_ACCOUNT_AND_IP: Backoff = { name: "login-account-ip", free: 5, baseMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 24 * 3600 * 1000 };

/**
 * Per account, across addresses, for browsers without the account's device cookie: ten free tries,
 * then delays up to one minute (at most ~1,440 guesses a day however many addresses). It never
 * holds back an address's first try, so the owner on a new browser elsewhere is weighed at once.
 */
export const LOGIN_BACKOFF_PER_ACCOUNT: Backoff = { name: "login-account", free: 10, baseMs: 1000, maxDelayMs: 60 * 1000, forgetAfterMs: 24 * 3600 * 1000 };

/** Per device cookie: a stolen one buys five free tries, then the same growing delays. */
export const LOGIN_BACKOFF_PER_DEVICE: Backoff = { name: "login-device", free: 5, baseMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 24 * 3600 * 1000 };
export const SIGNUPS_PER_IP: Limit = { name: "signup-ip", max: 300, windowMs: 60 * 60 * 1000 };

/**
 * "This email already has an account" answers per address: people who forgot they signed up need a
 * few, a script probing a staff list needs thousands. Past it every sign-up from that address gets
 * 429, new email or not, so the answer says nothing.
 */
export const SIGNUP_TAKEN_EMAILS_PER_IP: Limit = { name: "signup-taken-ip", max: 20, windowMs: 60 * 60 * 1000 };

/**
 * Wrong join codes per address. A room of 200 phones behind one NAT, each mistyping twice, is 400;
 * a guesser gets 1,000 tries per 15 minutes (about 96,000 a day) among 387 million codes.
 */
export const JOIN_WRONG_CODES_PER_IP: Limit = { name: "join-ip", max: 1000, windowMs: 15 * 60 * 1000 };

/**
 * The subject for a per-address limit: an IPv4 address as it is, an IPv6 one by its /64 (one
 * subscriber usually holds a whole /64, so counting single addresses would count nothing).
 */
export function addressSubject(ip: string): string {
  const address = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const groups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const full = address.includes("::") ? [...groups, ...Array(Math.max(0, 8 - groups.length - tailGroups.length)).fill("0"), ...tailGroups] : groups;
  return `${full.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** "30 seconds", "2 minutes", "1 minuto": how long to wait, in the page's language. */
export function waitText(lang: string, seconds: number): string {
  const [value, unit] = seconds < 90 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  return new Intl.NumberFormat(lang, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** Seconds until the limit lifts, for the Retry-After header of a 429. */
export function retryAfter(state: LimitState): HeadersInit {
  return { "Retry-After": String(state.retryAfterSeconds) };
}

/**
 * Remix keeps only Set-Cookie from an action's headers unless the route says otherwise; routes that
 * answer 429 export this so Retry-After reaches the client.
 */
export function passRetryAfter({ actionHeaders }: { actionHeaders: Headers }): HeadersInit {
  const retry = actionHeaders.get("Retry-After");
  return retry ? { "Retry-After": retry } : {};
}
