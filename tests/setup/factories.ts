/**
 * Factories shared by the tests and db/seed.ts. They go through the app's models, so a test or the
 * demo data never holds a row the app itself could not have written. No vitest imports here: the
 * seed runs under plain tsx.
 */
import type { QuizAnswers } from "~/domain/quiz";
import type { Role } from "~/domain/roles";
import { acceptInvite, createInvite, revokeInvite } from "~/models/invite.server";
import { createOrganization, type Organization } from "~/models/organization.server";
import { createQuizResult, type QuizResult } from "~/models/quiz-result.server";
import { createUser, type User } from "~/models/user.server";
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
export function makeOrganization(creatorId: string, input: Partial<OrganizationInput> = {}): Organization {
  sequence += 1;
  return createOrganization(
    { name: input.name ?? `Test Organization ${sequence}`, industry: input.industry ?? "Retail", defaultLang: input.defaultLang ?? "es" },
    creatorId,
  );
}

/**
 * Adds a member the way the app does, through an invite link accepted by the user. The link is
 * revoked right after, so no usable link is left lying around in the invite list.
 */
export function makeMembership(organizationId: string, userId: string, role: Role, invitedBy: string): void {
  const { invite } = createInvite(organizationId, role, invitedBy);
  acceptInvite(invite, userId);
  revokeInvite(organizationId, invite.id);
}

export type QuizEntry = { answers: QuizAnswers; lang: Lang };

/**
 * Nine executives' answers across the three bands: 3 × long-way (4, 5, 6), 4 × good-job (7, 8,
 * 10, 10), 2 × on-top (11, 13), in both languages.
 */
export const MIXED_QUIZ_ENTRIES: readonly QuizEntry[] = [
  { answers: { q1: "a", q2: "a", q3: "a", q4: "a" }, lang: "es" },
  { answers: { q1: "a", q2: "b", q3: "a", q4: "a" }, lang: "es" },
  { answers: { q1: "b", q2: "a", q3: "b", q4: "a" }, lang: "en" },
  { answers: { q1: "b", q2: "b", q3: "a", q4: "b" }, lang: "es" },
  { answers: { q1: "b", q2: "b", q3: "b", q4: "b" }, lang: "es" },
  { answers: { q1: "c", q2: "b", q3: "b", q4: "c" }, lang: "en" },
  { answers: { q1: "a", q2: "c", q3: "b", q4: "d" }, lang: "es" },
  { answers: { q1: "c", q2: "c", q3: "c", q4: "b" }, lang: "es" },
  { answers: { q1: "c", q2: "c", q3: "c", q4: "d" }, lang: "en" },
];

/** Quiz results counted in an organization's distribution (or anonymous ones with `null`). */
export function makeQuizResults(organizationId: string | null, entries: readonly QuizEntry[] = MIXED_QUIZ_ENTRIES): QuizResult[] {
  return entries.map((entry) => createQuizResult(entry.answers, entry.lang, organizationId));
}
