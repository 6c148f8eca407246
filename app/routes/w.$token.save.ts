import type { ActionFunctionArgs } from "@remix-run/node";
import { getParticipantByToken } from "~/models/participant.server";
import { readFormData } from "~/utils/forms";
import { retryAfter } from "~/utils/rate-limit.server";
import { submitRatings } from "~/utils/rating-post.server";

/** The background save of /rate.js: the same validation and transaction as the page's own post. */
export async function action({ request, params }: ActionFunctionArgs) {
  const session = params.token ? getParticipantByToken(params.token) : null;
  if (!session) return Response.json({ error: "not-found" }, { status: 404 });
  const result = submitRatings(session, await readFormData(request));
  switch (result.kind) {
    case "saved":
      return Response.json({ saved: result.ratings.length });
    case "invalid":
      return Response.json({ errors: result.errors }, { status: 400 });
    case "locked":
      return Response.json({ error: "locked" }, { status: 409 });
    case "limited":
      return Response.json({ error: "too-many" }, { status: 429, headers: retryAfter(result.state) });
  }
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
