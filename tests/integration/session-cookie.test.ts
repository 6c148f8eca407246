import { describe, expect, it } from "vitest";
import { makeUser } from "../setup/factories";
import { useTestDatabase } from "../setup/test-db";
import { getUser, signIn, signOut } from "~/utils/session.server";


useTestDatabase();

async function cookieFrom(url: string, userId: string): Promise<string> {
  const response = await signIn(new Request(url), userId, "/orgs");
  return response.headers.get("Set-Cookie") ?? "";
}

describe("the session cookie (issue 15)", () => {
  it("is __Host-session over https: Secure, Path=/, no Domain", async () => {
    const user = await makeUser();
    const setCookie = await cookieFrom("https://madura.example/login", user.id);
    expect(setCookie).toMatch(/^__Host-session=[^;]+;/);
    expect(setCookie).toMatch(/; Secure(;|$)/);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Lax(;|$)/i);
    expect(setCookie).not.toMatch(/Domain=/i);
    const pair = setCookie.split(";")[0]!;
    expect((await getUser(new Request("https://madura.example/orgs", { headers: { Cookie: pair } })))?.id).toBe(user.id);
    // The same value under the plain name, which a sibling site or plain http could plant, is not read over https.
    const planted = pair.replace(/^__Host-session=/, "__session=");
    expect(await getUser(new Request("https://madura.example/orgs", { headers: { Cookie: planted } }))).toBeNull();
  });

  it("stays __session over plain http (a browser drops Secure cookies there)", async () => {
    const user = await makeUser();
    const setCookie = await cookieFrom("http://localhost:3000/login", user.id);
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).not.toMatch(/Secure/);
    expect((await getUser(new Request("http://localhost:3000/orgs", { headers: { Cookie: setCookie.split(";")[0]! } })))?.id).toBe(user.id);
  });

  it("is cleared under its own name at sign-out over https", async () => {
    const user = await makeUser();
    const pair = (await cookieFrom("https://madura.example/login", user.id)).split(";")[0]!;
    const out = await signOut(new Request("https://madura.example/logout", { method: "POST", headers: { Cookie: pair } }));
    expect(out.headers.get("Set-Cookie")).toMatch(/^__Host-session=;.*Max-Age=0/);
    expect(await getUser(new Request("https://madura.example/orgs", { headers: { Cookie: pair } }))).toBeNull();
  });
});
