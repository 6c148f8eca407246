import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_OUTBOX_RETRY_SECONDS, DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_INTERVAL_MINUTES } from "~/domain/reminders";
import { isPostgresUrl, resolveDatabaseUrl } from "../../db/database.server";

export { resolveDatabaseUrl };

const DEFAULT_SECRET = "change-me";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("./data/madura.db"),
  SESSION_SECRET: z.string().optional(),
  APP_URL: z.url().optional(),
  SIGNUP: z.enum(["open", "invite-only"]).default("open"),
  /** Unset or empty: no email at all (reminders stay in the app and the calendar feeds). */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined)),
  /** The sender's address; default `madura@` the SMTP server's host. */
  SMTP_FROM: z.string().optional(),
  REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(DEFAULT_REMINDER_DAYS),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(DEFAULT_REMINDER_INTERVAL_MINUTES),
  /** The outbox's back-off step (a refused email waits 1, 5, 15, 60, 240 steps) and how often it looks for what waits. */
  OUTBOX_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_OUTBOX_RETRY_SECONDS),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "DATABASE_URL" | "SESSION_SECRET"> & {
  /** The database: a `postgres://` URL as given, or the SQLite file's absolute path. */
  databaseUrl: string;
  sessionSecret: string;
};


function loadSessionSecret(given: string | undefined, nodeEnv: string, databaseUrl: string): string {
  if (given && given !== DEFAULT_SECRET) return given;
  if (nodeEnv === "production") {
    throw new Error(
      "SESSION_SECRET is required with NODE_ENV=production (and must not be the example value). " +
        "Set it to a long random string, e.g. `openssl rand -base64 32`, or leave NODE_ENV unset to keep a generated one beside the database.",
    );
  }
  // Outside an explicit production secret, keep one random secret beside the database so
  // sessions survive restarts without anyone having to configure anything.
  // With PostgreSQL (no file of ours), beside the default SQLite file's place.
  const folder = isPostgresUrl(databaseUrl) ? path.resolve(process.cwd(), "data") : path.dirname(databaseUrl);
  const file = path.join(folder, ".session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  const { DATABASE_URL, SESSION_SECRET, ...rest } = result.data;
  const databaseUrl = resolveDatabaseUrl(DATABASE_URL);
  return { ...rest, databaseUrl, sessionSecret: loadSessionSecret(SESSION_SECRET, rest.NODE_ENV, databaseUrl) };
}

let cached: Env | undefined;

/** The environment, parsed once; a bad setting stops the server at start-up, not mid-request. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed environment, so the next getEnv() reads process.env again (tests that change a setting). */
export function resetEnvCache(): void {
  cached = undefined;
}
