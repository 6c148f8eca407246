import type { ActionFunctionArgs } from "@remix-run/node";
import { answerBackgroundSave } from "~/services/votes.server";
import { formValues, readFormData } from "~/utils/forms";

/**
 * POST /w/:token/save, the background save of /rate.js: a small JSON answer for every outcome.
 * server.ts's phone lane usually answers it first with the same function; this route makes the
 * lane an optimisation only, so any other server setup answers the same, more slowly.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const json = (status: number, body: unknown, headers: HeadersInit = {}) =>
    Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
  if (request.method !== "POST") return json(405, { error: "method-not-allowed" }, { Allow: "POST" });
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return json(415, { error: "form-encoded-only" });
  }
  const answer = await answerBackgroundSave(params.token ?? "", formValues(await readFormData(request)));
  return json(answer.status, answer.body, answer.headers);
}
