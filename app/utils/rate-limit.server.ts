/**
 * Fixed-window counters in memory: Madura runs as one process, and a restart forgetting the counts
 * only ever lets someone try again sooner.
 */
type Window = { count: number; resetAt: number };

declare global {
  var __maduraRateLimits: Map<string, Window> | undefined;
}

const windows = (globalThis.__maduraRateLimits ??= new Map());

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
}

/** Ten wrong passwords per account per 15 minutes; an office behind one IP gets far more room. */
export const LOGIN_FAILURES_PER_ACCOUNT: Limit = { name: "login-account", max: 10, windowMs: 15 * 60 * 1000 };
export const LOGIN_FAILURES_PER_IP: Limit = { name: "login-ip", max: 300, windowMs: 15 * 60 * 1000 };
export const SIGNUPS_PER_IP: Limit = { name: "signup-ip", max: 300, windowMs: 60 * 60 * 1000 };

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
