import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import { createSession, deleteExpiredSessions, deleteSession, getSessionUser, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session.server";
import type { User } from "./user.server";
import { hashToken } from "~/utils/tokens.server";

const database = useTestDatabase();

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

let user: User;
beforeEach(async () => {
  user = await makeUser({ name: "Ana Pérez", email: "ana@example.test" });
});

function sessionRows() {
  return database.db.orm.select().from(t.sessions);
}

async function lastSeen(token: string): Promise<number | undefined> {
  return (await database.db.orm.select().from(t.sessions).where(eq(t.sessions.idHash, hashToken(token))))[0]?.lastSeenAt.getTime();
}

describe("sessions", () => {
  it("gives back the user of a new session, and nothing for an unknown token", async () => {
    const token = await createSession(user.id, T0);
    expect(await getSessionUser(token, T0 + 1000)).toEqual({ id: user.id, email: "ana@example.test", name: "Ana Pérez" });
    expect(await getSessionUser(`${token}x`, T0 + 1000)).toBeNull();
    expect(await getSessionUser("", T0 + 1000)).toBeNull();
  });

  it("makes a new, unguessable token for every session", async () => {
    const first = await createSession(user.id, T0);
    const second = await createSession(user.id, T0);
    expect(first).not.toBe(second);
    // 256 random bits in base64url.
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionRows()).toHaveLength(2);
  });

  it("stores only a hash of the token: the raw token appears nowhere in the table", async () => {
    const token = await createSession(user.id, T0);
    const rows = await sessionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).toBe(hashToken(token));
    expect(rows[0]!.idHash).not.toBe(token);
    const dump = JSON.stringify(await database.db.orm.select().from(t.sessions));
    expect(dump).not.toContain(token);
  });

  it("ends after SESSION_IDLE_MS without a request", async () => {
    const token = await createSession(user.id, T0);
    expect(await getSessionUser(token, T0 + SESSION_IDLE_MS - 1)).toMatchObject({ id: user.id });
    const idle = await createSession(user.id, T0);
    expect(await getSessionUser(idle, T0 + SESSION_IDLE_MS + 1)).toBeNull();
  });

  it("ends after SESSION_ABSOLUTE_MS even when used every few days", async () => {
    expect(SESSION_ABSOLUTE_MS).toBeGreaterThan(SESSION_IDLE_MS);
    const token = await createSession(user.id, T0);
    // A request every 6 days keeps the session from idling out (idle limit: 7 days).
    let t = T0;
    while (t + 6 * DAY < T0 + SESSION_ABSOLUTE_MS) {
      t += 6 * DAY;
      expect(await getSessionUser(token, t), `day ${(t - T0) / DAY}`).toMatchObject({ id: user.id });
    }
    expect(await getSessionUser(token, T0 + SESSION_ABSOLUTE_MS - 1)).toMatchObject({ id: user.id });
    // Recently seen, so only the absolute limit can end it here.
    expect(T0 + SESSION_ABSOLUTE_MS + 1 - (await lastSeen(token))!).toBeLessThan(SESSION_IDLE_MS);
    expect(await getSessionUser(token, T0 + SESSION_ABSOLUTE_MS + 1)).toBeNull();
  });

  it("stops working once deleted (logout), without touching the user's other sessions", async () => {
    const token = await createSession(user.id, T0);
    const otherDevice = await createSession(user.id, T0);
    await deleteSession(token);
    expect(await getSessionUser(token, T0 + 1000)).toBeNull();
    expect(await getSessionUser(otherDevice, T0 + 1000)).toMatchObject({ id: user.id });
    expect(await sessionRows()).toHaveLength(1);
  });

  it("updates last_seen only when the last update is over an hour old", async () => {
    const token = await createSession(user.id, T0);
    expect(await lastSeen(token)).toBe(T0);
    await getSessionUser(token, T0 + 30 * 60 * 1000);
    expect(await lastSeen(token)).toBe(T0);
    await getSessionUser(token, T0 + HOUR - 1);
    expect(await lastSeen(token)).toBe(T0);
    await getSessionUser(token, T0 + HOUR + 60 * 1000);
    expect(await lastSeen(token)).toBe(T0 + HOUR + 60 * 1000);
    // The next hour counts from the new value.
    await getSessionUser(token, T0 + 2 * HOUR);
    expect(await lastSeen(token)).toBe(T0 + HOUR + 60 * 1000);
  });

  it("deleteExpiredSessions removes idle and past-their-end sessions and keeps live ones", async () => {
    const now = T0 + 60 * DAY;
    const live = await createSession(user.id, now - HOUR);
    const idle = await createSession(user.id, now - SESSION_IDLE_MS - 1);
    // Created before its absolute end, and seen recently, so only its end kills it.
    const pastEnd = await createSession(user.id, now - SESSION_ABSOLUTE_MS - HOUR);
    for (let t = now - SESSION_ABSOLUTE_MS - HOUR; t < now - 2 * HOUR; t += 6 * DAY) await getSessionUser(pastEnd, t);
    expect(await getSessionUser(pastEnd, now - 2 * HOUR)).toMatchObject({ id: user.id });
    expect(await sessionRows()).toHaveLength(3);

    await deleteExpiredSessions(now);

    expect((await sessionRows()).map((row) => row.idHash)).toEqual([hashToken(live)]);
    expect(await getSessionUser(live, now)).toMatchObject({ id: user.id });
    expect(await getSessionUser(idle, now - SESSION_IDLE_MS)).toBeNull();
  });

  it("goes with its user", async () => {
    const token = await createSession(user.id, T0);
    const other = await makeUser();
    const otherToken = await createSession(other.id, T0);
    await database.db.orm.delete(t.users).where(eq(t.users.id, user.id));
    expect((await sessionRows()).map((row) => row.idHash)).toEqual([hashToken(otherToken)]);
    expect(await getSessionUser(token, T0 + 1000)).toBeNull();
  });
});
