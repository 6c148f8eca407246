/**
 * Shared by the assessment integration tests: requests to route modules, a signed session cookie,
 * a small RFC 4180 reader and row counts. Needs a database installed by useTestDatabase().
 */
import type { AppLoadContext } from "@remix-run/node";
import { count, eq } from "drizzle-orm";
import { expect } from "vitest";
import { consensus, participants, ratings } from "../../db/schema";
import { getDb } from "../../db/connection.server";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import { signIn } from "~/utils/session.server";

export const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };

export const ALL_KEYS: string[] = Object.values(CATEGORY_KEYS).flat();

export function formRequest(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** The `__session=…` pair a browser would send after signing in as this user. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const response = await signIn(new Request("http://localhost/login"), userId, "/");
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  const pair = setCookie.split(";")[0] ?? "";
  expect(pair).toMatch(/^__session=.+/);
  return pair;
}

/** What a route threw or returned as an HTTP status, whatever the shape (Response or data()). */
export async function settle(run: () => unknown): Promise<{ status: number; body: unknown; response?: Response }> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, body: undefined, response: value };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: { status?: number } | null };
    return { status: init?.status ?? 200, body: data };
  }
  if (value instanceof Error) throw value;
  return { status: 200, body: value };
}

export function ratingRows(assessmentId?: string): number {
  if (!assessmentId) return getDb().select({ n: count() }).from(ratings).get()!.n;
  return getDb()
    .select({ n: count() })
    .from(ratings)
    .innerJoin(participants, eq(participants.id, ratings.participantId))
    .where(eq(participants.assessmentId, assessmentId))
    .get()!.n;
}

export function consensusRows(assessmentId: string): number {
  return getDb().select({ n: count() }).from(consensus).where(eq(consensus.assessmentId, assessmentId)).get()!.n;
}

/** Fields of one rating post: `{ billing: [2, 3] }` → `billing.current=2&billing.ideal=3`. */
export function votes(levels: Record<string, [number | "", number | ""]>, extra: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, [current, ideal]] of Object.entries(levels)) {
    fields[`${key}.current`] = String(current);
    fields[`${key}.ideal`] = String(ideal);
  }
  return { ...fields, ...extra };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
