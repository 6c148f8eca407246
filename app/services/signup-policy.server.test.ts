import { describe, expect, it } from "vitest";
import { makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { createInvite, revokeInvite } from "~/models/invite.server";
import { inviteTokenFromPath, signupPolicy } from "./signup-policy.server";

useTestDatabase();

describe("who may create an account", () => {
  it("lets the very first person in, whatever the setting, as the first run", async () => {
    expect(await signupPolicy(undefined, "invite-only")).toEqual({ allowed: true, firstRun: true });
  });

  it("with SIGNUP=open, anyone", async () => {
    await makeUser();
    expect(await signupPolicy(undefined, "open")).toEqual({ allowed: true, firstRun: false });
  });

  it("with SIGNUP=invite-only, only someone holding a usable invite link", async () => {
    const consultant = await makeUser();
    const org = await makeOrganization(consultant.id);
    const { invite, token } = await createInvite(org.id, "viewer", consultant.id);
    expect((await signupPolicy(undefined, "invite-only")).allowed).toBe(false);
    expect((await signupPolicy("/orgs", "invite-only")).allowed).toBe(false);
    expect((await signupPolicy(`/invite/${token}`, "invite-only")).allowed).toBe(true);
    expect((await signupPolicy(`/invite/${token}x`, "invite-only")).allowed).toBe(false);
    await revokeInvite(org.id, invite.id);
    expect((await signupPolicy(`/invite/${token}`, "invite-only")).allowed).toBe(false);
  });

  it("reads the token only from an exact invite path", async () => {
    expect(inviteTokenFromPath("/invite/abc_-1")).toBe("abc_-1");
    expect(inviteTokenFromPath("/invite/abc/extra")).toBeUndefined();
    expect(inviteTokenFromPath("/orgs/invite/abc")).toBeUndefined();
    expect(inviteTokenFromPath(undefined)).toBeUndefined();
  });
});
