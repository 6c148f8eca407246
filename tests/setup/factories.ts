/**
 * Factories for the tests. They go through the app's models, so a test or the
 * demo data never holds a row the app itself could not have written.
 */
import { addMemberThroughInvite, MIXED_QUIZ_ENTRIES, type QuizEntry } from "~/services/demo-data.server";
import { createAssessment, type Assessment } from "~/models/assessment.server";
import { createOrganization, type Organization } from "~/models/organization.server";
import { createQuizResult, type QuizResult } from "~/models/quiz-result.server";
import { createUser, type User } from "~/models/user.server";
import type { InitiativeInput } from "~/domain/initiative.schema";
import type { Lang } from "~/utils/i18n";

export const DEFAULT_PASSWORD = "correct-horse-battery-staple";

let sequence = 0;

export type UserInput = { name: string; email: string; password: string };

/** A user with a unique email unless one is given; `password` is returned for signing in. */
export async function makeUser(input: Partial<UserInput> = {}): Promise<User & { password: string }> {
  sequence += 1;
  const password = input.password ?? DEFAULT_PASSWORD;
  const email = input.email ?? `user-${sequence}-${Date.now().toString(36)}@example.test`;
  const user = await createUser({ name: input.name ?? `Test User ${sequence}`, email, password });
  if (!user) throw new Error(`makeUser: the email ${email} is already taken.`);
  return { ...user, password };
}

export type OrganizationInput = { name: string; industry: string; defaultLang: Lang };

/** An organization whose creator is its consultant, as when a consultant creates it in the app. */
export function makeOrganization(creatorId: string, input: Partial<OrganizationInput> = {}): Promise<Organization> {
  sequence += 1;
  return createOrganization(
    { name: input.name ?? `Test Organization ${sequence}`, industry: input.industry ?? "Retail", defaultLang: input.defaultLang ?? "es" },
    creatorId,
  );
}

export type AssessmentInput = { name: string; mode: Assessment["mode"] };

/** An open assessment (a workshop unless told otherwise), created by `createdBy` as in the app. */
export function makeAssessment(organizationId: string, createdBy: string, input: Partial<AssessmentInput> = {}): Promise<Assessment> {
  return createAssessment({ organizationId, name: input.name ?? "2026 H2", mode: input.mode ?? "workshop", createdBy });
}

/**
 * Adds a member the way the app does, through an invite link accepted by the user. The link is
 * revoked right after, so no usable link is left lying around in the invite list.
 */
export const makeMembership = addMemberThroughInvite;

/** Quiz results counted in an organization's distribution (or anonymous ones with `null`). */
export async function makeQuizResults(organizationId: string | null, entries: readonly QuizEntry[] = MIXED_QUIZ_ENTRIES): Promise<QuizResult[]> {
  const results: QuizResult[] = [];
  for (const entry of entries) results.push(await createQuizResult(entry.answers, entry.lang, organizationId));
  return results;
}

export { MIXED_QUIZ_ENTRIES, type QuizEntry };

/**
 * An initiative's input as the form gives it: in progress, started 2026-06-08 (first review due
 * 2026-12-08), target 2027-03-01, no owner's email unless told.
 */
export function initiativeInput(overrides: Partial<InitiativeInput> = {}): InitiativeInput {
  return {
    title: "Plain bills",
    description: "Bills a customer understands.",
    capabilities: ["billing"],
    ownerName: "Olga",
    ownerEmail: null,
    start: "2026-06-08",
    target: "2027-03-01",
    status: "in-progress",
    priority: 2,
    effort: "M",
    staffing: "none",
    metrics: [],
    ...overrides,
  };
}
