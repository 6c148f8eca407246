/**
 * Data for the reports bench, written into the running bench server's database (DATABASE_URL):
 * the demo organization (`npm run seed:demo`'s) and, with the demo consultant as its consultant, an
 * organization with something in every table (tests/setup/rich-organization.ts). Prints their ids
 * as JSON on its last line.
 */
import { openDatabase, setDb } from "../../db/connection.server";
import { makeRichOrganization } from "../setup/rich-organization";
import { DEMO_PASSWORD, seedDemo } from "~/services/demo-data.server";

const db = openDatabase(process.env.DATABASE_URL!);
setDb(db);
try {
  const demo = await seedDemo();
  const consultant = { ...demo.people.consultant, password: DEMO_PASSWORD };
  const rich = await makeRichOrganization({ consultant, participants: 30 });
  console.log(JSON.stringify({ demoOrgId: demo.organizationId, richOrgId: rich.organization.id, richWorkshopId: rich.workshopId }));
} finally {
  setDb(undefined);
  await db.close();
}
