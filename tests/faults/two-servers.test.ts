/**
 * Two app servers on one PostgreSQL database, as behind a load balancer: a workshop's joins and
 * votes go to both alternately, and every vote either server acknowledged is stored exactly once,
 * with its value; the board on either server shows the same counts; a lock taken on one server is
 * refused on the other.
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, startPostgres } from "../setup/postgres.mjs";
import { getCapabilityKeys } from "~/utils/content.server";
import { hashToken } from "~/utils/tokens.server";
import { ARTIFACTS, joinPhones, openWorkshop, request, spawnServer, stopServer, waitUntilReady, type ServerProcess } from "./server-process";

const PORTS = [3314, 3315] as const;
const PHONES = 60;

let postgres: { url: string; stop: () => void } | undefined;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  postgres = startPostgres({ folder: path.join(ARTIFACTS, "faults-two-servers-pg"), port: await freePort() });
  // Both start at once: the migrations take turns on an advisory lock.
  for (const port of PORTS) servers.push(spawnServer({ port, databasePath: postgres.url }));
  await Promise.all(servers.map((server) => waitUntilReady(server, 60_000)));
});

afterAll(async () => {
  await Promise.all(servers.map(stopServer));
  postgres?.stop();
});

test("joins and votes sent to two servers alternately are all stored exactly once, and both boards agree", async () => {
  const [a, b] = servers as [ServerProcess, ServerProcess];
  const { code, cookie, orgId, assessmentId } = await openWorkshop(a.baseUrl);
  // Half the phones join through each server.
  const phones = [...(await joinPhones(a.baseUrl, code, PHONES / 2)), ...(await joinPhones(b.baseUrl, code.toLowerCase(), PHONES / 2))];
  const keys = getCapabilityKeys();
  const acknowledged = new Map<string, Map<string, [number, number]>>();

  // Every phone saves each capability in turn; post n of a phone goes to server n % 2, and a few
  // capabilities are saved twice with a new value (a phone changing its mind on the other server).
  await Promise.all(
    phones.map(async (phone, p) => {
      const token = phone.split("/").pop()!;
      const mine = new Map<string, [number, number]>();
      acknowledged.set(token, mine);
      const posts = [...keys.map((key, k) => [key, k] as const), ...keys.slice(0, 3).map((key, k) => [key, k + 7] as const)];
      for (const [n, [key, k]] of posts.entries()) {
        const current = 1 + ((p + k) % 4);
        const ideal = 1 + ((p + 2 * k) % 4);
        const server = servers[n % 2]!;
        const answer = await request(server.baseUrl, "POST", `${phone}/save`, {
          form: { [`${key}.current`]: String(current), [`${key}.ideal`]: String(ideal), [`${key}.comment`]: "" },
          headers: { Origin: server.baseUrl },
        });
        expect(answer.status, answer.body).toBe(200);
        mine.set(key, [current, ideal]);
      }
    }),
  );

  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ token_hash: string; capability_key: string; current: number; ideal: number }>(
      "select p.token_hash, r.capability_key, r.current, r.ideal from ratings r join participants p on p.id = r.participant_id where p.assessment_id = $1",
      [assessmentId],
    );
    expect(rows).toHaveLength(PHONES * keys.length);
    const byHash = new Map([...acknowledged].map(([token, votes]) => [hashToken(token), votes]));
    const wrong = rows.filter((row) => {
      const expected = byHash.get(row.token_hash)?.get(row.capability_key);
      return !expected || expected[0] !== row.current || expected[1] !== row.ideal;
    });
    expect(wrong).toEqual([]);
  } finally {
    await client.end();
  }

  const boards = await Promise.all(
    servers.map(async (server) => {
      const answer = await request(server.baseUrl, "GET", `/orgs/${orgId}/assessments/${assessmentId}/live`, { headers: { Cookie: cookie, Accept: "application/json" } });
      expect(answer.status).toBe(200);
      return JSON.parse(answer.body) as { participants: number; voters: number; capabilities: Record<string, { votes: number }> };
    }),
  );
  expect(boards[0]).toMatchObject({ participants: PHONES, voters: PHONES });
  expect(boards[1]).toEqual(boards[0]);
  expect(boards[0]!.capabilities[keys[0]!]!.votes).toBe(PHONES);

  // Locked through server B: a vote sent to server A afterwards is refused and changes nothing.
  const locked = await request(b.baseUrl, "POST", `/orgs/${orgId}/assessments/${assessmentId}/consensus`, {
    form: { intent: "lock" },
    headers: { Cookie: cookie, Origin: b.baseUrl },
  });
  expect(locked.status).toBe(303);
  const late = await request(a.baseUrl, "POST", `${phones[0]}/save`, { form: { [`${keys[0]}.current`]: "4", [`${keys[0]}.ideal`]: "4" }, headers: { Origin: a.baseUrl } });
  expect(late.status).toBe(409);
});
