import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv as parse, resolveDatabaseUrl } from "./env.server";

const parseEnv = (vars: Record<string, string>) => parse(vars as NodeJS.ProcessEnv);

const dirs: string[] = [];
function tempDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madura-env-"));
  dirs.push(dir);
  return path.join(dir, "data", "madura.db");
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("environment", () => {
  it("uses the documented defaults", async () => {
    const env = parseEnv({ DATABASE_URL: tempDb() });
    expect(env).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", SIGNUP: "open", REMINDER_DAYS: 7, REMINDER_INTERVAL_MINUTES: 15, OUTBOX_RETRY_SECONDS: 60 });
    expect(env.APP_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("reads the reminder settings, and an empty SMTP_URL as none", async () => {
    const env = parseEnv({ DATABASE_URL: tempDb(), SMTP_URL: " ", REMINDER_DAYS: "3", REMINDER_INTERVAL_MINUTES: "1", OUTBOX_RETRY_SECONDS: "2" });
    expect(env).toMatchObject({ REMINDER_DAYS: 3, REMINDER_INTERVAL_MINUTES: 1, OUTBOX_RETRY_SECONDS: 2 });
    expect(env.SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: tempDb(), REMINDER_DAYS: "0" })).toThrow(/REMINDER_DAYS/);
    expect(() => parseEnv({ DATABASE_URL: tempDb(), OUTBOX_RETRY_SECONDS: "0" })).toThrow(/OUTBOX_RETRY_SECONDS/);
  });

  it("reads DATABASE_URL as a file: URL or a plain path", async () => {
    expect(resolveDatabaseUrl("file:./data/x.db")).toBe(path.resolve("data/x.db"));
    expect(resolveDatabaseUrl("./data/x.db")).toBe(path.resolve("data/x.db"));
  });

  it("creates one random session secret beside the database and keeps it", async () => {
    const db = tempDb();
    const first = parseEnv({ DATABASE_URL: db }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ DATABASE_URL: db }).sessionSecret).toBe(first);
    expect(fs.existsSync(path.join(path.dirname(db), ".session-secret"))).toBe(true);
  });

  it("requires an explicit, non-default SESSION_SECRET in production", async () => {
    const db = tempDb();
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: db })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: db, SESSION_SECRET: "change-me" })).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: db, SESSION_SECRET: "a-long-real-secret" }).sessionSecret).toBe("a-long-real-secret");
  });

  it("stops at start-up on a bad setting, naming it", async () => {
    expect(() => parseEnv({ DATABASE_URL: tempDb(), PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: tempDb(), SIGNUP: "closed" })).toThrow(/SIGNUP/);
    expect(() => parseEnv({ DATABASE_URL: tempDb(), APP_URL: "not a url" })).toThrow(/APP_URL/);
  });
});
