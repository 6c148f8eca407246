/**
 * `npm run seed:demo`: demo accounts and a demo client in the database at DATABASE_URL. The one
 * file under db/ that reaches into app/: it is a command at the top of the graph, like server.ts.
 */
import { migrateDatabase, openDatabase, setDb } from "./connection.server";
import { describeSeed, seedDemo } from "~/services/demo-data.server";
import { getEnv } from "~/utils/env.server";

const env = getEnv();
const db = openDatabase(env.databaseUrl);
try {
  await migrateDatabase(db);
  setDb(db);
  const report = await seedDemo();
  console.log(`Database: ${db.dialect === "postgres" ? "PostgreSQL" : env.databaseUrl}`);
  console.log(describeSeed(report, env.APP_URL ?? `http://localhost:${env.PORT}`).join("\n"));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  setDb(undefined);
  await db.close();
}
