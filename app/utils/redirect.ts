/** Only same-site paths: `/orgs/1` yes; `//evil.com`, `https://evil.com`, `/\evil.com` no. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/orgs"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if ([...to].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  try {
    const url = new URL(to, "http://madura.invalid");
    if (url.origin !== "http://madura.invalid") return fallback;
    // Dot segments are resolved only now: "/.//evil.com" becomes "//evil.com", another site.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
  } catch {
    return fallback;
  }
}
