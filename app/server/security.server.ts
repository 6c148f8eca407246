/**
 * The HTTP edge's rules that both of its paths apply: Express (helmet, the Origin check) for every
 * request, and the phone lane for a room's joins and votes. One definition, so the two never drift.
 */

/** Sent with every answer, page or lane. helmet is configured from these values (server.ts). */
export const SECURITY_HEADERS = {
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
} as const;

/** The pages' Content-Security-Policy directives (the nonce is added per response). */
export const PAGE_CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  // Inline style attributes come from SVG charts; scripts stay nonce-only.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'self'"],
  "object-src": ["'none'"],
} as const;

/** A lane answer is a few bytes of JSON or a redirect, never a page: nothing may load from it. */
export const LANE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Whether a request may act with the visitor's cookies. A form posted from another site is refused;
 * a POST without an Origin (old browsers, scripts, curl) is allowed as before, but browsers always
 * send one with PUT, PATCH and DELETE, so those need it.
 */
export function originAllowed(method: string, origin: string | undefined, protocol: string, host: string | undefined, appUrl: string | undefined): boolean {
  if (method === "GET" || method === "HEAD") return true;
  if (!origin) return method === "POST";
  return origin === `${protocol}://${host}` || (appUrl !== undefined && origin === new URL(appUrl).origin);
}
