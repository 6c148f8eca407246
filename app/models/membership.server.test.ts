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
  org = makeOrganization(consultant.id, { name: "Andes Retail" });
});

function roleOf(userId: string, organizationId = org.id) {
  return getMembership(organizationId, userId)?.role ?? null;
}

describe("changeMember", () => {
  it("removes a member", async () => {
    const viewer = await makeUser();
    makeMembership(org.id, viewer.id, "viewer", consultant.id);
    expect(changeMember(org.id, viewer.id, null)).toBe("ok");
    expect(roleOf(viewer.id)).toBeNull();
    expect(listMembers(org.id).map((m) => m.userId)).toEqual([consultant.id]);
  });

  it("changes a member's role", async () => {
    const member = await makeUser();
    makeMembership(org.id, member.id, "viewer", consultant.id);
    expect(changeMember(org.id, member.id, "program-owner")).toBe("ok");
    expect(roleOf(member.id)).toBe("program-owner");
    expect(changeMember(org.id, member.id, "consultant")).toBe("ok");
    expect(roleOf(member.id)).toBe("consultant");
  });

  it("refuses to remove or demote the last consultant, and changes nothing", async () => {
    const owner = await makeUser();
    makeMembership(org.id, owner.id, "program-owner", consultant.id);
    expect(changeMember(org.id, consultant.id, null)).toBe("last-consultant");
    expect(changeMember(org.id, consultant.id, "viewer")).toBe("last-consultant");
    expect(changeMember(org.id, consultant.id, "program-owner")).toBe("last-consultant");
    expect(roleOf(consultant.id)).toBe("consultant");
    expect(roleOf(owner.id)).toBe("program-owner");
    // Keeping the role is not a demotion.
    expect(changeMember(org.id, consultant.id, "consultant")).toBe("ok");
  });

  it("lets one of two consultants go, then protects the other", async () => {
    const second = await makeUser();
    makeMembership(org.id, second.id, "consultant", consultant.id);
    expect(changeMember(org.id, consultant.id, null)).toBe("ok");
    expect(roleOf(consultant.id)).toBeNull();
    expect(changeMember(org.id, second.id, "viewer")).toBe("last-consultant");
    expect(roleOf(second.id)).toBe("consultant");
  });

  it("counts consultants per organization: one elsewhere does not make this one removable", async () => {
    const other = await makeUser();
    const otherOrg = makeOrganization(other.id);
    makeMembership(otherOrg.id, consultant.id, "consultant", other.id);
    expect(changeMember(org.id, consultant.id, null)).toBe("last-consultant");
  });

  it("answers not-found for someone who is not a member, or a member of another organization", async () => {
    const stranger = await makeUser();
    expect(changeMember(org.id, stranger.id, null)).toBe("not-found");
    expect(changeMember(org.id, stranger.id, "viewer")).toBe("not-found");
    expect(changeMember(org.id, "no-such-user", "viewer")).toBe("not-found");
    const otherOrg = makeOrganization(stranger.id);
    expect(changeMember(otherOrg.id, consultant.id, null)).toBe("not-found");
    expect(roleOf(stranger.id)).toBeNull();
    expect(roleOf(stranger.id, otherOrg.id)).toBe("consultant");
  });
});
