/**
 * Fixed-window counters in memory: Madura runs as one process, and a restart forgetting the counts
 * only ever lets someone try again sooner.
 */
type Window = { count: number; resetAt: number };

// One map per process: only the server build holds this module (the phone lane runs from it too).
const windows = new Map<string, Window>();

export type Limit = { name: string; max: number; windowMs: number };

export type LimitState = { limited: boolean; retryAfterSeconds: number };

function current(key: string, limit: Limit, now: number): Window {
  const existing = windows.get(key);
  if (existing && existing.resetAt > now) return existing;
  const fresh = { count: 0, resetAt: now + limit.windowMs };
  windows.set(key, fresh);
  if (windows.size > 50_000) {
    for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
  }
  return fresh;
}

/** Whether `subject` has used up `limit` (without counting this attempt). */
export function checkLimit(limit: Limit, subject: string, now = Date.now()): LimitState {
  const window = current(`${limit.name}:${subject}`, limit, now);
  return { limited: window.count >= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
}

export function countAttempt(limit: Limit, subject: string, now = Date.now()): void {
  current(`${limit.name}:${subject}`, limit, now).count += 1;
}

export function resetLimits(): void {
  windows.clear();
  backoffs.clear();
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

type Failures = { failures: number; lastAt: number };

declare global {
  var __maduraBackoffs: Map<string, Failures> | undefined;
}

const backoffs = (globalThis.__maduraBackoffs ??= new Map());

function failuresOf(backoff: Backoff, subject: string, now: number): Failures | undefined {
  const key = `${backoff.name}:${subject}`;
  const entry = backoffs.get(key);
  if (entry && now - entry.lastAt >= backoff.forgetAfterMs) {
    backoffs.delete(key);
    return undefined;
  }
  return entry;
}

export function backoffDelayMs(backoff: Backoff, failures: number): number {
  if (failures < backoff.free) return 0;
  return Math.min(backoff.baseMs * 2 ** (failures - backoff.free), backoff.maxDelayMs);
}

/** Whether `subject` must still wait before its next attempt (the check itself is not counted). */
export function checkBackoff(backoff: Backoff, subject: string, now = Date.now()): LimitState & { failures: number } {
  const entry = failuresOf(backoff, subject, now);
  if (!entry) return { limited: false, retryAfterSeconds: 0, failures: 0 };
  const waitMs = entry.lastAt + backoffDelayMs(backoff, entry.failures) - now;
  return { limited: waitMs > 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), failures: entry.failures };
}

export function countFailure(backoff: Backoff, subject: string, now = Date.now()): void {
  const entry = failuresOf(backoff, subject, now);
  backoffs.set(`${backoff.name}:${subject}`, { failures: (entry?.failures ?? 0) + 1, lastAt: now });
  if (backoffs.size > 50_000) {
    for (const [key, value] of backoffs) if (now - value.lastAt >= 24 * 3600 * 1000) backoffs.delete(key);
  }
}

export function clearFailures(backoff: Backoff, subject: string): void {
  backoffs.delete(`${backoff.name}:${subject}`);
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
