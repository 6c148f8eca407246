/**
 * `npm run db:move -- postgres://user:pass@host:5432/db`: copies the SQLite install at DATABASE_URL
 * (default ./data/madura.db) into an empty PostgreSQL database. Stop the app first, so no vote
 * arrives during the copy; then start it with DATABASE_URL set to the PostgreSQL URL.
 */
import { isPostgresUrl, resolveDatabaseUrl } from "./database.server";
import { moveSqliteToPostgres } from "./move.server";

const [target] = process.argv.slice(2);
const source = resolveDatabaseUrl(process.env.DATABASE_URL ?? "./data/madura.db");
if (!target || !isPostgresUrl(target) || isPostgresUrl(source)) {
  console.error("Usage: DATABASE_URL=<the SQLite file> npm run db:move -- postgres://user:pass@host:5432/db");
  process.exit(2);
}
try {
  console.log(`Moving ${source} into ${new URL(target).host}${new URL(target).pathname} …`);
  const report = await moveSqliteToPostgres(source, target, (line) => console.log(`  ${line}`));
  console.log(`Done: ${report.reduce((sum, r) => sum + r.rows, 0)} rows. Start the app with DATABASE_URL=${target.replace(/\/\/[^@]*@/, "//…@")}`);
} catch (error) {
  console.error(`Nothing was moved: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
