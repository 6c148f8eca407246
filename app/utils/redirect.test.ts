import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it.each([
    ["/orgs", "/orgs"],
    ["/", "/"],
    ["/orgs/abc123/members", "/orgs/abc123/members"],
    ["/orgs/abc123?tab=quiz&lang=en", "/orgs/abc123?tab=quiz&lang=en"],
    ["/orgs/abc123#invites", "/orgs/abc123#invites"],
    ["/orgs/abc123/settings?x=1#danger", "/orgs/abc123/settings?x=1#danger"],
    // Dot segments are resolved the way the browser would resolve them: still on this site.
    ["/orgs/../quiz", "/quiz"],
    // Encoded slashes stay encoded: a path, not a new authority.
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
  ])("keeps the same-site path %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with path", "//evil.com/orgs"],
    ["backslash authority", "/\\evil.com"],
    ["backslash twice", "/\\\\evil.com"],
    ["absolute https", "https://evil.com"],
    ["absolute http to this host", "http://localhost:3000/orgs"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "orgs"],
    ["dot-relative path", "./orgs"],
    ["empty string", ""],
    ["leading space", " /orgs"],
    ["tab after the slash", "/\t/evil.com"],
    ["newline after the slash", "/\n/evil.com"],
    ["carriage return in the path", "/orgs\r\nSet-Cookie: x=1"],
    ["NUL in the path", "/orgs\u0000"],
  ])("falls back for %s", (_label, to) => {
    expect(safeRedirect(to)).toBe("/orgs");
  });

  it.each(["/.//evil.com", "/..//evil.com", "/orgs/..//evil.com"])(
    "never returns a protocol-relative URL, even from %j",
    (to) => {
      expect(safeRedirect(to)).not.toMatch(/^\/\//);
    },
  );

  it("falls back for anything that is not a string: null, undefined, a File", () => {
    expect(safeRedirect(null)).toBe("/orgs");
    expect(safeRedirect(undefined)).toBe("/orgs");
    const file = new File(["/orgs/abc"], "redirect.txt", { type: "text/plain" });
    expect(safeRedirect(file)).toBe("/orgs");
  });

  it("takes the value straight from FormData, where a missing field is null", () => {
    const form = new FormData();
    form.set("redirectTo", "/orgs/abc?tab=members");
    expect(safeRedirect(form.get("redirectTo"))).toBe("/orgs/abc?tab=members");
    expect(safeRedirect(form.get("missing"))).toBe("/orgs");
  });

  it("uses a custom fallback when given one, and only when the target is unsafe", () => {
    expect(safeRedirect("//evil.com", "/")).toBe("/");
    expect(safeRedirect(null, "/login")).toBe("/login");
    expect(safeRedirect("/orgs/abc", "/login")).toBe("/orgs/abc");
  });
});
