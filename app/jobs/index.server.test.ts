/**
 * The jobs as the server starts them: with SMTP_URL unset nothing is ever queued for sending;
 * with it set, the start-up run queues the reminders due today and tries to send them.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { initiativeInput, makeOrganization, makeUser } from "../../tests/setup/factories";
import { useTestDatabase } from "../../tests/setup/test-db";
import { addDaysToDate, addMonthsToDate } from "~/domain/dates";
import { today } from "~/domain/review-schedule";
import { createInitiative } from "~/models/initiative.server";
import { listOutbox } from "~/models/outbox.server";
import { resetEnvCache } from "~/utils/env.server";
import { startJobs } from "./index.server";

useTestDatabase();

afterEach(() => resetEnvCache());

async function reviewDueInThreeDays() {
  const user = await makeUser();
  const org = await makeOrganization(user.id);
  const due = addDaysToDate(today(), 3);
  await createInitiative(org.id, initiativeInput({ ownerEmail: "olga@client.example", start: addMonthsToDate(due, -6), target: addDaysToDate(due, 60) }), user.id);
}

async function runAtStart() {
  const jobs = startJobs();
  // The first runs start on the next turn; stop() waits for them to finish.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await jobs.stop();
}

describe("the jobs at start", () => {
  it("queue nothing without SMTP_URL", async () => {
    vi.stubEnv("SMTP_URL", "");
    resetEnvCache();
    await reviewDueInThreeDays();
    await runAtStart();
    expect(await listOutbox()).toEqual([]);
  });

  it("queue the reminders due today with SMTP_URL, and try to send them", async () => {
    // Nothing listens on port 9: the attempt is refused and the row waits for its retry,
    // OUTBOX_RETRY_SECONDS after the attempt (the first back-off is one step).
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
    vi.stubEnv("OUTBOX_RETRY_SECONDS", "7");
    resetEnvCache();
    await reviewDueInThreeDays();
    const before = Date.now();
    await runAtStart();
    const after = Date.now();
    const rows = await listOutbox();
    expect(rows.map((r) => [r.kind, r.recipient, r.status, r.attempts])).toEqual([["review-before", "olga@client.example", "pending", 1]]);
    expect(rows[0]!.lastError).toMatch(/ECONNREFUSED/);
    expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 7000);
    expect(rows[0]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(after + 7000);
  });
});
