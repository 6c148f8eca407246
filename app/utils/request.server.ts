import { getEnv } from "./env.server";

/** The public base URL for links, QR codes and feeds: APP_URL, or what the request came in on. */
export function publicBaseUrl(request: Request): string {
  return (getEnv().APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
