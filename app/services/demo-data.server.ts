/**
 * Demo data for a newcomer: `npm run seed:demo` (db/seed.ts) runs seedDemo against DATABASE_URL.
 *
 * Every step finds what an earlier run made before creating anything, so the seed can run any
 * number of times, and a database seeded before a later issue added its step (an assessment,
 * initiatives, metrics) gets just that step on the next run. Everything goes through the app's
 * models, never raw SQL, so the demo never holds a row the app itself could not have written.
 */
import { CYCLE_STEPS } from "./demo-cycle.server";
import type { QuizAnswers } from "~/domain/quiz";
import type { Role } from "~/domain/roles";
import { acceptInvite, createInvite, revokeInvite } from "~/models/invite.server";
import { createOrganization, getMembership, listOrganizationsForUser, type Organization } from "~/models/organization.server";
import { createQuizResult, getQuizSummary } from "~/models/quiz-result.server";
import { createUser, getUserByEmail, type User } from "~/models/user.server";
import type { Lang } from "~/utils/i18n";

export const DEMO_PASSWORD = "madura-demo-2026";

export const DEMO_ACCOUNTS = {
  consultant: { name: "Demo Consultant", email: "demo@madura.example", role: "consultant" },
  owner: { name: "Demo Program Owner", email: "owner@madura.example", role: "program-owner" },
  viewer: { name: "Demo Viewer", email: "viewer@madura.example", role: "viewer" },
} as const satisfies Record<string, { name: string; email: string; role: Role }>;

export const DEMO_ORGANIZATION = { name: "Andes Retail Group", industry: "Retail", defaultLang: "es" } as const;

type AccountKey = keyof typeof DEMO_ACCOUNTS;

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

/**
 * Adds a member the way the app does, through an invite link accepted by the user. The link is
 * revoked right after, so no usable link is left lying around in the invite list.
 */
export async function addMemberThroughInvite(organizationId: string, userId: string, role: Role, invitedBy: string): Promise<void> {
  const { invite } = await createInvite(organizationId, role, invitedBy);
  await acceptInvite(invite, userId);
  await revokeInvite(organizationId, invite.id);
}

/** What the steps share: the accounts and organization found or made, and what was made now. */
export type SeedContext = {
  people: Record<AccountKey, User>;
  organization: Organization;
  /** One line per thing this run created; empty when everything was already there. */
  created: string[];
};

export type SeedReport = { created: string[]; organizationId: string; people: Record<AccountKey, User> };

async function findOrCreateAccount(key: AccountKey, created: string[]): Promise<User> {
  const account = DEMO_ACCOUNTS[key];
  const existing = await getUserByEmail(account.email);
  if (existing) return existing;
  const user = await createUser({ name: account.name, email: account.email, password: DEMO_PASSWORD });
  if (!user) throw new Error(`The demo account ${account.email} could not be created.`);
  created.push(`user ${account.email} (${account.name})`);
  return user;
}

async function findOrCreateOrganization(consultant: User, created: string[]): Promise<Organization> {
  const found = (await listOrganizationsForUser(consultant.id)).find((org) => org.name === DEMO_ORGANIZATION.name);
  if (found) return (await getMembership(found.id, consultant.id))!.organization;
  const organization = await createOrganization(DEMO_ORGANIZATION, consultant.id);
  created.push(`organization "${organization.name}" (${organization.industry}, ${organization.defaultLang}) with ${consultant.email} as consultant`);
  return organization;
}

/** Adds the owner and the viewer; a role someone changed since is left as it is. */
async function seedMemberships({ people, organization, created }: SeedContext): Promise<void> {
  for (const key of ["owner", "viewer"] as const) {
    if (await getMembership(organization.id, people[key].id)) continue;
    await addMemberThroughInvite(organization.id, people[key].id, DEMO_ACCOUNTS[key].role, people.consultant.id);
    created.push(`membership ${people[key].email} as ${DEMO_ACCOUNTS[key].role}`);
  }
}

/** Executives' quiz answers through the organization's link, across all three bands. */
async function seedQuizResults({ organization, created }: SeedContext): Promise<void> {
  if ((await getQuizSummary(organization.id)).total > 0) return;
  const results = [];
  for (const entry of MIXED_QUIZ_ENTRIES) results.push(await createQuizResult(entry.answers, entry.lang, organization.id));
  created.push(`${results.length} quiz results in "${organization.name}"`);
}

/**
 * The steps after the accounts and organization exist, in order. Later issues append theirs here
 * (a finished assessment, initiatives, metrics); each one must skip what is already there.
 */
const STEPS: ((context: SeedContext) => Promise<void>)[] = [seedMemberships, seedQuizResults, ...CYCLE_STEPS];

/** Seeds the database installed with setDb(); safe to run again. */
export async function seedDemo(): Promise<SeedReport> {
  const created: string[] = [];
  // One after another: the order of the "created" lines should not depend on timing.
  const consultant = await findOrCreateAccount("consultant", created);
  const owner = await findOrCreateAccount("owner", created);
  const viewer = await findOrCreateAccount("viewer", created);
  const people = { consultant, owner, viewer };
  const organization = await findOrCreateOrganization(consultant, created);
  const context: SeedContext = { people, organization, created };
  for (const step of STEPS) await step(context);
  return { created, organizationId: organization.id, people };
}

/** The lines a newcomer needs: what happened and how to sign in. */
export function describeSeed(report: SeedReport, appUrl: string): string[] {
  const lines =
    report.created.length > 0
      ? ["Demo data created:", ...report.created.map((line) => `  - ${line}`)]
      : [`Demo data is already there (${DEMO_ACCOUNTS.consultant.email} exists): nothing to do.`];
  return [
    ...lines,
    "",
    `Sign in at ${new URL("/login", appUrl).href} (start the app with npm run dev or npm start):`,
    ...Object.values(DEMO_ACCOUNTS).map((account) => `  ${account.email.padEnd(24)} ${DEMO_PASSWORD}   (${account.role})`),
    `The client organization "${DEMO_ORGANIZATION.name}" is at ${new URL(`/orgs/${report.organizationId}`, appUrl).href}`,
  ];
}
