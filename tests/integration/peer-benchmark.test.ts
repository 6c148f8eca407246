/**
 * The peer benchmark on the gap analysis (issue 13): a category's index beside the quartiles of the
 * same consultant's other organizations' latest locked assessments, from five organizations up, and
 * the opt-out in settings. Runs on SQLite and PostgreSQL.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../setup/factories";
import { callAction, callLoader, sessionCookieFor } from "../setup/route-harness";
import { useTestDatabase } from "../setup/test-db";
import { ALL_KEYS } from "../setup/workshop";
import type { Assessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { setPeerBenchmark, type Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { loader as gapsLoader } from "~/routes/orgs.$orgId.assessments.$assessmentId.gaps";
import { action as settingsAction, loader as settingsLoader } from "~/routes/orgs.$orgId.settings";

useTestDatabase();

let consultant: User;
let cookie: string;
let org: Organization;
let assessment: Assessment;

async function lockAt(organization: Organization, current: number, at = Date.now()) {
  const locked = await makeAssessment(organization.id, consultant.id);
  const entries = ALL_KEYS.map((capabilityKey) => ({ capabilityKey, current, ideal: 4, importance: 2, rationale: "" }));
  expect(await saveConsensus(locked.id, entries, true, at)).toBe("locked");
  return locked;
}

async function peers(currents: number[]) {
  const made: Organization[] = [];
  for (const current of currents) {
    const peer = await makeOrganization(consultant.id, { name: `Peer ${current}` });
    await lockAt(peer, current);
    made.push(peer);
  }
  return made;
}

const benchmark = async () => (await callLoader(gapsLoader, { url: `/orgs/${org.id}/assessments/${assessment.id}/gaps`, params: { orgId: org.id, assessmentId: assessment.id }, cookie })).data!.peers;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla Consultora" });
  cookie = await sessionCookieFor(consultant.id);
  org = await makeOrganization(consultant.id, { name: "Andes Retail" });
  assessment = await lockAt(org, 3);
});

describe("peer benchmark on the gap analysis", () => {
  it("shows each category beside the quartiles of the consultant's five other organizations' latest locked assessments", async () => {
    const [first] = await peers([1, 2, 2, 3, 4]);
    // An older assessment of a peer does not count: its latest does (2 → stays the value above).
    await lockAt(first!, 4, Date.now() - 86_400_000 * 400);
    // An organization of another consultant never counts.
    const stranger = await makeUser();
    await lockAt(await makeOrganization(stranger.id), 1);
    const view = await benchmark();
    expect(view).toMatchObject({ included: true });
    if (!view.included) throw new Error("opted in");
    expect(view.categories).toHaveLength(4);
    for (const category of view.categories!) {
      expect(category).toMatchObject({ current: 3, peers: 5, quartiles: { min: 1, q1: 2, median: 2, q3: 3, max: 4 }, standing: "upper-middle" });
    }
  });

  it("shows nothing below five organizations, nor with an organization that opted out", async () => {
    const made = await peers([1, 2, 3, 4]);
    expect(await benchmark()).toEqual({ included: true, categories: null });
    const [fifth] = await peers([2]);
    expect((await benchmark()) as { categories: unknown[] | null }).toMatchObject({ categories: expect.any(Array) });
    await setPeerBenchmark(fifth!.id, false);
    expect(await benchmark()).toEqual({ included: true, categories: null });
    // An organization that opted out does not see the comparison either.
    await setPeerBenchmark(fifth!.id, true);
    await setPeerBenchmark(org.id, false);
    expect(await benchmark()).toEqual({ included: false });
    expect(made).toHaveLength(4);
  });
});

describe("POST /orgs/:orgId/settings intent=peer-benchmark", () => {
  const post = (fields: Record<string, string>) => callAction(settingsAction, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie, fields });

  it("opts out and in again; a bad choice answers 400 at the field and changes nothing", async () => {
    expect((await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.peerBenchmark).toBe(true);
    expect(await post({ intent: "peer-benchmark", peer_benchmark: "out" })).toMatchObject({ status: 200, data: { saved: true } });
    expect((await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.peerBenchmark).toBe(false);
    expect(await post({ intent: "peer-benchmark", peer_benchmark: "maybe" })).toMatchObject({ status: 400, data: { errors: { peer_benchmark: "form.error.invalidChoice" } } });
    expect((await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.peerBenchmark).toBe(false);
    await post({ intent: "peer-benchmark", peer_benchmark: "in" });
    expect((await callLoader(settingsLoader, { url: `/orgs/${org.id}/settings`, params: { orgId: org.id }, cookie })).data!.peerBenchmark).toBe(true);
  });
});
