import { JoinSchema } from "~/domain/assessment.schema";
import { isJoinCode, normalizeJoinCode } from "~/domain/workshop";
import { getOpenWorkshopByCode } from "~/models/assessment.server";
import { joinWorkshop } from "~/models/participant.server";
import { parseValues, type FieldErrors } from "~/utils/forms";

export type JoinResult = { kind: "joined"; location: string } | { kind: "invalid"; errors: FieldErrors; values: Record<string, string> };

/**
 * POST /join: a name and an open workshop's code make a participant, sent on to their private page.
 * Answered by server.ts's phone lane when it succeeds (a room joins all at once), and otherwise by
 * the route's action, which shows the form again; an invalid post changes nothing, so both can run.
 */
export function submitJoin(values: Record<string, string>): JoinResult {
  const form = parseValues(JoinSchema, values);
  if (!form.ok) return { kind: "invalid", errors: form.errors, values: form.values };
  const code = normalizeJoinCode(form.data.code);
  const workshop = isJoinCode(code) ? getOpenWorkshopByCode(code) : undefined;
  if (!workshop) return { kind: "invalid", errors: { code: "join.error.codeUnknown" }, values: { code: form.data.code, name: form.data.name } };
  const { token } = joinWorkshop(workshop.id, form.data.name);
  return { kind: "joined", location: `/w/${token}` };
}
