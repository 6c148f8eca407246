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
}

/** Ten wrong passwords per account per 15 minutes; an office behind one IP gets far more room. */
export const LOGIN_FAILURES_PER_ACCOUNT: Limit = { name: "login-account", max: 10, windowMs: 15 * 60 * 1000 };
export const LOGIN_FAILURES_PER_IP: Limit = { name: "login-ip", max: 300, windowMs: 15 * 60 * 1000 };
export const SIGNUPS_PER_IP: Limit = { name: "signup-ip", max: 300, windowMs: 60 * 60 * 1000 };

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
