import {
  addressSubject,
  checkBackoff,
  checkLimit,
  clearFailures,
  countAttempt,
  countFailure,
  LOGIN_BACKOFF_PER_ACCOUNT,
  LOGIN_BACKOFF_PER_ACCOUNT_AND_IP,
  LOGIN_BACKOFF_PER_DEVICE,
  LOGIN_FAILURES_PER_IP,
  type LimitState,
} from "~/utils/rate-limit.server";

/**
 * Who is trying to sign in to which account: the normalized email, the peer address and, when the
 * browser holds the account's device cookie, that device (utils/session.server.ts trustedDeviceFor).
 * Issue 15: ten wrong passwords used to lock the account for everyone, owner included. Now the
 * attacker is slowed down per account and address (growing delays), and the owner's browser, which
 * signed in before, is held back only by its own failures.
 */
export type LoginAttempt = { account: string; clientIp: string; device: string | null };

const pair = (attempt: LoginAttempt) => `${attempt.account}|${addressSubject(attempt.clientIp)}`;

/** Whether this attempt must wait (answered 429 before any hashing); the longest wait wins. */
export async function loginWait(attempt: LoginAttempt, now = Date.now()): Promise<LimitState> {
  if (attempt.device) return checkBackoff(LOGIN_BACKOFF_PER_DEVICE, attempt.device, now);
  const states: LimitState[] = [await checkLimit(LOGIN_FAILURES_PER_IP, addressSubject(attempt.clientIp), now)];
  const own = await checkBackoff(LOGIN_BACKOFF_PER_ACCOUNT_AND_IP, pair(attempt), now);
  states.push(own);
  // An address that never failed for this account is always weighed once: the owner on a new
  // browser elsewhere gets in with the right password however long an attack goes on.
  if (own.failures > 0) states.push(await checkBackoff(LOGIN_BACKOFF_PER_ACCOUNT, attempt.account, now));
  const limited = states.filter((s) => s.limited);
  return limited.length ? { limited: true, retryAfterSeconds: Math.max(...limited.map((s) => s.retryAfterSeconds)) } : { limited: false, retryAfterSeconds: 0 };
}

export async function loginFailed(attempt: LoginAttempt, now = Date.now()): Promise<void> {
  if (attempt.device) return countFailure(LOGIN_BACKOFF_PER_DEVICE, attempt.device, now);
  await countAttempt(LOGIN_FAILURES_PER_IP, addressSubject(attempt.clientIp), now);
  await countFailure(LOGIN_BACKOFF_PER_ACCOUNT_AND_IP, pair(attempt), now);
  await countFailure(LOGIN_BACKOFF_PER_ACCOUNT, attempt.account, now);
}

/** The right password clears this browser's and this address's own count (not the account's: an attack elsewhere goes on). */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  if (attempt.device) await clearFailures(LOGIN_BACKOFF_PER_DEVICE, attempt.device);
  await clearFailures(LOGIN_BACKOFF_PER_ACCOUNT_AND_IP, pair(attempt));
}
