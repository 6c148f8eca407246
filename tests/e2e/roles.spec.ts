import { expect, test, type APIRequestContext } from "@playwright/test";
import { createInvite, createOrganization, inputValue, joinThroughInvite, location, memberId, roleIn, signUp } from "./accounts";

/** What a consultant sees of the organization: the facts a forbidden request must not change. */
async function snapshot(consultant: APIRequestContext, orgId: string) {
  const home = await (await consultant.get(`/orgs/${orgId}`)).text();
  const settings = await (await consultant.get(`/orgs/${orgId}/settings`)).text();
  const members = await (await consultant.get(`/orgs/${orgId}/members`)).text();
  return {
    quizLink: inputValue(home, "share-url"),
    name: inputValue(settings, "name"),
    industry: inputValue(settings, "industry"),
    activeInvites: members.split('name="intent" value="revoke"').length - 1,
    members: [...members.matchAll(/name="intent" value="remove"/g)].length,
  };
}

test("a viewer cannot change anything and a program owner cannot manage members; the consultant can", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const orgName = `Roles ${Date.now()}`;
  const consultant = await signUp(playwright, base, "consultant");
  const orgId = await createOrganization(consultant.api, orgName);
  const ownerToken = await createInvite(consultant.api, orgId, "program-owner");
  const viewerToken = await createInvite(consultant.api, orgId, "viewer");
  const owner = await joinThroughInvite(playwright, base, "owner", ownerToken, orgId);
  const viewer = await joinThroughInvite(playwright, base, "viewer", viewerToken, orgId);

  expect(await roleIn(owner.api, orgId)).toBe("Program owner");
  expect(await roleIn(viewer.api, orgId)).toBe("Viewer");
  const membersHtml = await (await consultant.api.get(`/orgs/${orgId}/members`)).text();
  const consultantId = memberId(membersHtml, consultant.email);
  const ownerId = memberId(membersHtml, owner.email);
  const viewerId = memberId(membersHtml, viewer.email);
  const before = await snapshot(consultant.api, orgId);
  expect(before).toMatchObject({ name: orgName, members: 3, activeInvites: 2 });
  expect(before.quizLink).toContain("/quiz?invite=");

  await test.step("a viewer reads the organization but every change is refused", async () => {
    expect((await viewer.api.get(`/orgs/${orgId}`)).status()).toBe(200);
    // The page offers a viewer no quiz link to share or regenerate.
    expect(inputValue(await (await viewer.api.get(`/orgs/${orgId}`)).text(), "share-url")).toBeUndefined();
    const attempts: [string, Record<string, string>][] = [
      [`/orgs/${orgId}/settings`, { intent: "update", name: "x", industry: "", defaultLang: "en" }],
      [`/orgs/${orgId}/settings`, { intent: "delete", confirm: orgName }],
      [`/orgs/${orgId}/members`, { intent: "invite", role: "viewer" }],
      [`/orgs/${orgId}/members`, { intent: "role", userId: viewerId, role: "consultant" }],
      [`/orgs/${orgId}?index`, {}],
    ];
    for (const [url, form] of attempts) {
      const response = await viewer.api.post(url, { form, maxRedirects: 0 });
      expect(response.status(), `viewer POST ${url} ${JSON.stringify(form)}`).toBe(403);
    }
    expect((await viewer.api.get(`/orgs/${orgId}/settings`)).status()).toBe(403);
    expect((await viewer.api.get(`/orgs/${orgId}/members`)).status()).toBe(403);
    expect(await snapshot(consultant.api, orgId)).toEqual(before);
    expect(await roleIn(viewer.api, orgId)).toBe("Viewer");
  });

  await test.step("a program owner cannot see or manage members", async () => {
    expect((await owner.api.get(`/orgs/${orgId}`)).status()).toBe(200);
    expect((await owner.api.get(`/orgs/${orgId}/members`)).status()).toBe(403);
    const attempts: Record<string, string>[] = [
      { intent: "invite", role: "consultant" },
      { intent: "remove", userId: viewerId },
      { intent: "role", userId: ownerId, role: "consultant" },
      { intent: "role", userId: consultantId, role: "viewer" },
    ];
    for (const form of attempts) {
      const response = await owner.api.post(`/orgs/${orgId}/members`, { form, maxRedirects: 0 });
      expect(response.status(), `program owner POST members ${JSON.stringify(form)}`).toBe(403);
    }
    const settings = await owner.api.post(`/orgs/${orgId}/settings`, { form: { intent: "update", name: "x" }, maxRedirects: 0 });
    expect(settings.status()).toBe(403);
    expect(await snapshot(consultant.api, orgId)).toEqual(before);
    expect(await roleIn(owner.api, orgId)).toBe("Program owner");
    expect(await roleIn(consultant.api, orgId)).toBe("Consultant");
  });

  await test.step("the last consultant can be neither removed nor demoted", async () => {
    const attempts: Record<string, string>[] = [
      { intent: "remove", userId: consultantId },
      { intent: "role", userId: consultantId, role: "program-owner" },
      { intent: "role", userId: consultantId, role: "viewer" },
    ];
    for (const form of attempts) {
      const response = await consultant.api.post(`/orgs/${orgId}/members`, { form, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(form)).toBe(409);
      expect(await response.text()).toContain("An organization needs at least one consultant.");
    }
    expect(await roleIn(consultant.api, orgId)).toBe("Consultant");
    expect((await consultant.api.get(`/orgs/${orgId}/members`)).status()).toBe(200);
  });

  await test.step("the consultant changes roles, invites, regenerates the quiz link and removes a member", async () => {
    const promote = await consultant.api.post(`/orgs/${orgId}/members`, { form: { intent: "role", userId: viewerId, role: "program-owner" } });
    expect(promote.status()).toBe(200);
    expect(await roleIn(viewer.api, orgId)).toBe("Program owner");

    await createInvite(consultant.api, orgId, "viewer");
    expect((await snapshot(consultant.api, orgId)).activeInvites).toBe(before.activeInvites + 1);

    const regenerated = await consultant.api.post(`/orgs/${orgId}?index`, { form: {} });
    expect(regenerated.status()).toBe(200);
    const quizLink = inputValue(await regenerated.text(), "share-url");
    expect(quizLink).toContain("/quiz?invite=");
    expect(quizLink).not.toBe(before.quizLink);

    // With a second consultant, the first may step down; the organization is never left without one.
    const second = await consultant.api.post(`/orgs/${orgId}/members`, { form: { intent: "role", userId: ownerId, role: "consultant" } });
    expect(second.status()).toBe(200);
    expect(await roleIn(owner.api, orgId)).toBe("Consultant");

    const removed = await consultant.api.post(`/orgs/${orgId}/members`, { form: { intent: "remove", userId: viewerId } });
    expect(removed.status()).toBe(200);
    // Removal takes effect at once: the former member's next request is a stranger's.
    expect((await viewer.api.get(`/orgs/${orgId}`, { maxRedirects: 0 })).status()).toBe(404);
    const settingsAfter = await (await consultant.api.get(`/orgs/${orgId}/settings`)).text();
    expect(inputValue(settingsAfter, "name")).toBe(orgName);
  });

  await Promise.all([consultant.api.dispose(), owner.api.dispose(), viewer.api.dispose()]);
});

test("deleting an organization needs its exact name, and then it is gone for every member", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const orgName = `Doomed ${Date.now()}`;
  const consultant = await signUp(playwright, base, "consultant");
  const orgId = await createOrganization(consultant.api, orgName);
  const viewer = await joinThroughInvite(playwright, base, "viewer", await createInvite(consultant.api, orgId, "viewer"), orgId);

  for (const confirm of ["", "wrong name", `${orgName}x`]) {
    const response = await consultant.api.post(`/orgs/${orgId}/settings`, { form: { intent: "delete", confirm }, maxRedirects: 0 });
    expect(response.status(), `confirmation ${JSON.stringify(confirm)}`).toBe(400);
    expect(await response.text()).toContain("The name does not match.");
    expect((await consultant.api.get(`/orgs/${orgId}`, { maxRedirects: 0 })).status()).toBe(200);
  }

  const deleted = await consultant.api.post(`/orgs/${orgId}/settings`, { form: { intent: "delete", confirm: orgName }, maxRedirects: 0 });
  expect(deleted.status()).toBe(303);
  expect(location(deleted)).toBe("/orgs");
  expect((await consultant.api.get(`/orgs/${orgId}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await consultant.api.get(`/orgs/${orgId}/settings`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await viewer.api.get(`/orgs/${orgId}`, { maxRedirects: 0 })).status()).toBe(404);
  const list = await (await consultant.api.get("/orgs")).text();
  expect(list).not.toContain(orgName);

  await Promise.all([consultant.api.dispose(), viewer.api.dispose()]);
});
