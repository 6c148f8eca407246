import { getEnv } from "./env.server";

/** The public base URL for links, QR codes and feeds: APP_URL, or what the request came in on. */
export function publicBaseUrl(request: Request): string {
  return (getEnv().APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

/** The base URL of links sent without a request to take it from (emails): APP_URL, else this server on localhost. */
export function configuredBaseUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
