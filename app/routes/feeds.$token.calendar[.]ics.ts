import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderFeed } from "~/services/calendar-feed.server";
import { publicBaseUrl } from "~/utils/request.server";

/**
 * A secret calendar feed (INTERFACES "Reminders"): the token is the only key, so an unknown or
 * replaced one answers 404 like any missing page. Never cached by a proxy: a replaced address must
 * stop answering at once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = params.token ? await renderFeed(params.token, publicBaseUrl(request)) : null;
  if (body === null) throw new Response("Not found", { status: 404 });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="madura.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
