/**
 * Demo data for a newcomer: `npm run seed:demo` (tsx db/seed.ts) against DATABASE_URL.
 *
 * Every step finds what an earlier run made before creating anything, so the seed can run any
 * number of times, and a database seeded before a later issue added its step (an assessment,
 * initiatives, metrics) gets just that step on the next run. Everything goes through the app's
 * models (via the shared factories), never raw SQL.
 */
import { pathToFileURL } from "node:url";
import { makeMembership, makeOrganization, makeQuizResults, makeUser, MIXED_QUIZ_ENTRIES } from "../tests/setup/factories";
import { migrateDatabase, openDatabase, setDb } from "./connection.server";
import type { Role } from "~/domain/roles";
import { getMembership, listOrganizationsForUser, type Organization } from "~/models/organization.server";
import { getQuizSummary } from "~/models/quiz-result.server";
import { getUserByEmail, type User } from "~/models/user.server";
import { getEnv } from "~/utils/env.server";

export const DEMO_PASSWORD = "madura-demo-2026";

export const DEMO_ACCOUNTS = {
  consultant: { name: "Demo Consultant", email: "demo@madura.example", role: "consultant" },
  owner: { name: "Demo Program Owner", email: "owner@madura.example", role: "program-owner" },
  viewer: { name: "Demo Viewer", email: "viewer@madura.example", role: "viewer" },
} as const satisfies Record<string, { name: string; email: string; role: Role }>;

export const DEMO_ORGANIZATION = { name: "Andes Retail Group", industry: "Retail", defaultLang: "es" } as const;

type AccountKey = keyof typeof DEMO_ACCOUNTS;

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
  const existing = getUserByEmail(account.email);
  if (existing) return existing;
  const user = await makeUser({ name: account.name, email: account.email, password: DEMO_PASSWORD });
  created.push(`user ${account.email} (${account.name})`);
  return user;
}

function findOrCreateOrganization(consultant: User, created: string[]): Organization {
  const found = listOrganizationsForUser(consultant.id).find((org) => org.name === DEMO_ORGANIZATION.name);
  if (found) return getMembership(found.id, consultant.id)!.organization;
  const organization = makeOrganization(consultant.id, DEMO_ORGANIZATION);
  created.push(`organization "${organization.name}" (${organization.industry}, ${organization.defaultLang}) with ${consultant.email} as consultant`);
  return organization;
}

/** Adds the owner and the viewer; a role someone changed since is left as it is. */
function seedMemberships({ people, organization, created }: SeedContext): void {
  for (const key of ["owner", "viewer"] as const) {
    if (getMembership(organization.id, people[key].id)) continue;
    makeMembership(organization.id, people[key].id, DEMO_ACCOUNTS[key].role, people.consultant.id);
    created.push(`membership ${people[key].email} as ${DEMO_ACCOUNTS[key].role}`);
  }
}

/** Executives' quiz answers through the organization's link, across all three bands. */
function seedQuizResults({ organization, created }: SeedContext): void {
  if (getQuizSummary(organization.id).total > 0) return;
  const results = makeQuizResults(organization.id, MIXED_QUIZ_ENTRIES);
  created.push(`${results.length} quiz results in "${organization.name}"`);
}

/**
 * The steps after the accounts and organization exist, in order. Later issues append theirs here
 * (a finished assessment, initiatives, metrics); each one must skip what is already there.
 */
const STEPS: ((context: SeedContext) => void)[] = [seedMemberships, seedQuizResults];

/** Seeds the database installed with setDb(); safe to run again. */
export async function seedDemo(): Promise<SeedReport> {
  const created: string[] = [];
  // One after another: the order of the "created" lines should not depend on timing.
  const consultant = await findOrCreateAccount("consultant", created);
  const owner = await findOrCreateAccount("owner", created);
  const viewer = await findOrCreateAccount("viewer", created);
  const people = { consultant, owner, viewer };
  const organization = findOrCreateOrganization(consultant, created);
  const context: SeedContext = { people, organization, created };
  for (const step of STEPS) step(context);
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

async function main(): Promise<void> {
  const env = getEnv();
  const db = openDatabase(env.databasePath);
  try {
    migrateDatabase(db);
    setDb(db);
    const report = await seedDemo();
    console.log(`Database: ${env.databasePath}`);
    console.log(describeSeed(report, env.APP_URL ?? `http://localhost:${env.PORT}`).join("\n"));
  } finally {
    setDb(undefined);
    db.$client.close();
  }
}

// Runs only as a script (tsx db/seed.ts), not when a test imports seedDemo.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
