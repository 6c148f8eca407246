import { beforeEach, describe, expect, it } from "vitest";
import { makeMembership, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { changeMember, listMembers } from "./membership.server";
import { getMembership, type Organization } from "./organization.server";
import type { User } from "./user.server";

useTestDatabase();

let consultant: User;
let org: Organization;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultant" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
});

async function roleOf(userId: string, organizationId = org.id) {
  return (await getMembership(organizationId, userId))?.role ?? null;
}

describe("changeMember", () => {
  it("removes a member", async () => {
    const viewer = await makeUser();
    await makeMembership(org.id, viewer.id, "viewer", consultant.id);
    expect(await changeMember(org.id, viewer.id, null)).toBe("ok");
    expect(await roleOf(viewer.id)).toBeNull();
    expect((await listMembers(org.id)).map((m) => m.userId)).toEqual([consultant.id]);
  });

  it("changes a member's role", async () => {
    const member = await makeUser();
    await makeMembership(org.id, member.id, "viewer", consultant.id);
    expect(await changeMember(org.id, member.id, "program-owner")).toBe("ok");
    expect(await roleOf(member.id)).toBe("program-owner");
    expect(await changeMember(org.id, member.id, "consultant")).toBe("ok");
    expect(await roleOf(member.id)).toBe("consultant");
  });

  it("refuses to remove or demote the last consultant, and changes nothing", async () => {
    const owner = await makeUser();
    await makeMembership(org.id, owner.id, "program-owner", consultant.id);
    expect(await changeMember(org.id, consultant.id, null)).toBe("last-consultant");
    expect(await changeMember(org.id, consultant.id, "viewer")).toBe("last-consultant");
    expect(await changeMember(org.id, consultant.id, "program-owner")).toBe("last-consultant");
    expect(await roleOf(consultant.id)).toBe("consultant");
    expect(await roleOf(owner.id)).toBe("program-owner");
    // Keeping the role is not a demotion.
    expect(await changeMember(org.id, consultant.id, "consultant")).toBe("ok");
  });

  it("lets one of two consultants go, then protects the other", async () => {
    const second = await makeUser();
    await makeMembership(org.id, second.id, "consultant", consultant.id);
    expect(await changeMember(org.id, consultant.id, null)).toBe("ok");
    expect(await roleOf(consultant.id)).toBeNull();
    expect(await changeMember(org.id, second.id, "viewer")).toBe("last-consultant");
    expect(await roleOf(second.id)).toBe("consultant");
  });

  it("counts consultants per organization: one elsewhere does not make this one removable", async () => {
    const other = await makeUser();
    const otherOrg = await makeOrganization(other.id);
    await makeMembership(otherOrg.id, consultant.id, "consultant", other.id);
    expect(await changeMember(org.id, consultant.id, null)).toBe("last-consultant");
  });

  it("answers not-found for someone who is not a member, or a member of another organization", async () => {
    const stranger = await makeUser();
    expect(await changeMember(org.id, stranger.id, null)).toBe("not-found");
    expect(await changeMember(org.id, stranger.id, "viewer")).toBe("not-found");
    expect(await changeMember(org.id, "no-such-user", "viewer")).toBe("not-found");
    const otherOrg = await makeOrganization(stranger.id);
    expect(await changeMember(otherOrg.id, consultant.id, null)).toBe("not-found");
    expect(await roleOf(stranger.id)).toBeNull();
    expect(await roleOf(stranger.id, otherOrg.id)).toBe("consultant");
  });
});
