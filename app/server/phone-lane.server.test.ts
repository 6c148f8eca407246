/**
 * The lane answers joins before Remix, so it must keep the join limit too: an address past its
 * wrong codes is left to the action (which answers 429) even with the right code, and the address
 * is the one Express would see, through a trusted proxy's X-Forwarded-For.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { makeAssessment, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { addressSubject, countAttempt, JOIN_WRONG_CODES_PER_IP, resetLimits } from "~/utils/rate-limit.server";
import { createPhoneLane } from "./phone-lane.server";

useTestDatabase();
let server: http.Server | undefined;

beforeEach(() => resetLimits());
afterEach(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The lane alone in front of a stand-in for Remix that says it was handed the post. */
async function laneServer(): Promise<string> {
  const lane = createPhoneLane({
    appUrl: undefined,
    trustProxy: (address) => address === "127.0.0.1" || address === "::ffff:127.0.0.1" || address === "::1",
    fallThrough: (_req, res) => res.writeHead(299, { "Content-Type": "text/plain" }).end("left to the action"),
  });
  server = http.createServer((req, res) => {
    if (!lane(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function join(base: string, code: string, forwardedFor?: string) {
  return fetch(`${base}/join`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}) },
    body: new URLSearchParams({ code, name: "Ana" }),
  });
}

it("lets a right code in with a 303, but leaves an address past its wrong codes to the action, right code or not", async () => {
  const consultant = await makeUser();
  const { joinCode } = await makeAssessment((await makeOrganization(consultant.id)).id, consultant.id, { mode: "workshop" });
  const base = await laneServer();

  expect((await join(base, joinCode!, "203.0.113.7")).status).toBe(303);

  for (let i = 0; i < JOIN_WRONG_CODES_PER_IP.max; i += 1) await countAttempt(JOIN_WRONG_CODES_PER_IP, addressSubject("203.0.113.7"));
  const limited = await join(base, joinCode!, "203.0.113.7");
  expect(limited.status).toBe(299);
  expect(await limited.text()).toBe("left to the action");
  // Another phone of the same room, behind another address, still joins at once.
  expect((await join(base, joinCode!, "198.51.100.4")).status).toBe(303);
});
