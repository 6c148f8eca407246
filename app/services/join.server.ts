import { JoinSchema } from "~/domain/assessment.schema";
import { isJoinCode, normalizeJoinCode } from "~/domain/workshop";
import { getOpenWorkshopByCode } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { parseValues, type FieldErrors } from "~/utils/forms";
import { addressSubject, checkLimit, countAttempt, JOIN_WRONG_CODES_PER_IP } from "~/utils/rate-limit.server";

export type JoinResult =
  | { kind: "joined"; location: string }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, string> }
  | { kind: "limited"; retryAfterSeconds: number; values: Record<string, string> };

/** Whether this address has used up its wrong codes: then every join from it, right code or not, waits. */
export function joinLimited(clientIp: string): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  return checkLimit(JOIN_WRONG_CODES_PER_IP, addressSubject(clientIp));
}

/**
 * POST /join: a name and an open workshop's code make a participant, sent on to their private page.
 * Answered by server.ts's phone lane when it succeeds (a room joins all at once), and otherwise by
 * the route's action, which shows the form again; an invalid post changes nothing, so both can run.
 *
 * With `clientIp`, an address that has sent too many wrong codes is refused before the code is
 * looked at (a right code must not tell a guesser it was right), and a wrong code counts. Without
 * it nothing is checked or counted: that is for the phone lane, which must first ask
 * `joinLimited(ip)` and leave a limited address to the action, and leaves every failure to the
 * action too, which counts it once.
 */
export async function submitJoin(values: Record<string, string>, clientIp?: string): Promise<JoinResult> {
  if (clientIp !== undefined) {
    const state = await joinLimited(clientIp);
    if (state.limited) return { kind: "limited", retryAfterSeconds: state.retryAfterSeconds, values: { code: values.code ?? "", name: values.name ?? "" } };
  }
  const form = parseValues(JoinSchema, values);
  if (!form.ok) return { kind: "invalid", errors: form.errors, values: form.values };
  const code = normalizeJoinCode(form.data.code);
  const workshop = isJoinCode(code) ? await getOpenWorkshopByCode(code) : undefined;
  if (!workshop) {
    if (clientIp !== undefined) await countAttempt(JOIN_WRONG_CODES_PER_IP, addressSubject(clientIp));
    return { kind: "invalid", errors: { code: "join.error.codeUnknown" }, values: { code: form.data.code, name: form.data.name } };
  }
  const { token } = await joinWorkshop(workshop.id, form.data.name);
  return { kind: "joined", location: `/w/${token}` };
}
