import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
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
  return database.db.select().from(sessions).all();
}

function lastSeen(token: string): number | undefined {
  return database.db.select().from(sessions).where(eq(sessions.idHash, hashToken(token))).get()?.lastSeenAt.getTime();
}

describe("sessions", () => {
  it("gives back the user of a new session, and nothing for an unknown token", () => {
    const token = createSession(user.id, T0);
    expect(getSessionUser(token, T0 + 1000)).toEqual({ id: user.id, email: "ana@example.test", name: "Ana Pérez" });
    expect(getSessionUser(`${token}x`, T0 + 1000)).toBeNull();
    expect(getSessionUser("", T0 + 1000)).toBeNull();
  });

  it("makes a new, unguessable token for every session", () => {
    const first = createSession(user.id, T0);
    const second = createSession(user.id, T0);
    expect(first).not.toBe(second);
    // 256 random bits in base64url.
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionRows()).toHaveLength(2);
  });

  it("stores only a hash of the token: the raw token appears nowhere in the table", () => {
    const token = createSession(user.id, T0);
    const rows = sessionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).toBe(hashToken(token));
    expect(rows[0]!.idHash).not.toBe(token);
    const dump = JSON.stringify(database.db.$client.prepare("select * from sessions").all());
    expect(dump).not.toContain(token);
  });

  it("ends after SESSION_IDLE_MS without a request", () => {
    const token = createSession(user.id, T0);
    expect(getSessionUser(token, T0 + SESSION_IDLE_MS - 1)).toMatchObject({ id: user.id });
    const idle = createSession(user.id, T0);
    expect(getSessionUser(idle, T0 + SESSION_IDLE_MS + 1)).toBeNull();
  });

  it("ends after SESSION_ABSOLUTE_MS even when used every few days", () => {
    expect(SESSION_ABSOLUTE_MS).toBeGreaterThan(SESSION_IDLE_MS);
    const token = createSession(user.id, T0);
    // A request every 6 days keeps the session from idling out (idle limit: 7 days).
    let t = T0;
    while (t + 6 * DAY < T0 + SESSION_ABSOLUTE_MS) {
      t += 6 * DAY;
      expect(getSessionUser(token, t), `day ${(t - T0) / DAY}`).toMatchObject({ id: user.id });
    }
    expect(getSessionUser(token, T0 + SESSION_ABSOLUTE_MS - 1)).toMatchObject({ id: user.id });
    // Recently seen, so only the absolute limit can end it here.
    expect(T0 + SESSION_ABSOLUTE_MS + 1 - lastSeen(token)!).toBeLessThan(SESSION_IDLE_MS);
    expect(getSessionUser(token, T0 + SESSION_ABSOLUTE_MS + 1)).toBeNull();
  });

  it("stops working once deleted (logout), without touching the user's other sessions", () => {
    const token = createSession(user.id, T0);
    const otherDevice = createSession(user.id, T0);
    deleteSession(token);
    expect(getSessionUser(token, T0 + 1000)).toBeNull();
    expect(getSessionUser(otherDevice, T0 + 1000)).toMatchObject({ id: user.id });
    expect(sessionRows()).toHaveLength(1);
  });

  it("updates last_seen only when the last update is over an hour old", () => {
    const token = createSession(user.id, T0);
    expect(lastSeen(token)).toBe(T0);
    getSessionUser(token, T0 + 30 * 60 * 1000);
    expect(lastSeen(token)).toBe(T0);
    getSessionUser(token, T0 + HOUR - 1);
    expect(lastSeen(token)).toBe(T0);
    getSessionUser(token, T0 + HOUR + 60 * 1000);
    expect(lastSeen(token)).toBe(T0 + HOUR + 60 * 1000);
    // The next hour counts from the new value.
    getSessionUser(token, T0 + 2 * HOUR);
    expect(lastSeen(token)).toBe(T0 + HOUR + 60 * 1000);
  });

  it("deleteExpiredSessions removes idle and past-their-end sessions and keeps live ones", () => {
    const now = T0 + 60 * DAY;
    const live = createSession(user.id, now - HOUR);
    const idle = createSession(user.id, now - SESSION_IDLE_MS - 1);
    // Created before its absolute end, and seen recently, so only its end kills it.
    const pastEnd = createSession(user.id, now - SESSION_ABSOLUTE_MS - HOUR);
    for (let t = now - SESSION_ABSOLUTE_MS - HOUR; t < now - 2 * HOUR; t += 6 * DAY) getSessionUser(pastEnd, t);
    expect(getSessionUser(pastEnd, now - 2 * HOUR)).toMatchObject({ id: user.id });
    expect(sessionRows()).toHaveLength(3);

    deleteExpiredSessions(now);

    expect(sessionRows().map((row) => row.idHash)).toEqual([hashToken(live)]);
    expect(getSessionUser(live, now)).toMatchObject({ id: user.id });
    expect(getSessionUser(idle, now - SESSION_IDLE_MS)).toBeNull();
  });

  it("goes with its user", async () => {
    const token = createSession(user.id, T0);
    const other = await makeUser();
    const otherToken = createSession(other.id, T0);
    database.db.$client.prepare("delete from users where id = ?").run(user.id);
    expect(sessionRows().map((row) => row.idHash)).toEqual([hashToken(otherToken)]);
    expect(getSessionUser(token, T0 + 1000)).toBeNull();
  });
});
