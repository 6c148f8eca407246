/**
 * `npm run backup -- FILE`: a consistent copy of the running SQLite install at DATABASE_URL
 * (default ./data/madura.db) into FILE, while the app keeps serving. Restoring: stop the app,
 * put the copy where DATABASE_URL points (removing any -wal and -shm files beside it), start it
 * (README, "Backup and restore"). PostgreSQL installs use pg_dump.
 */
import { isPostgresUrl, resolveDatabaseUrl } from "./database.server";
import { backupSqlite } from "./backup.server";

const [target] = process.argv.slice(2);
const source = resolveDatabaseUrl(process.env.DATABASE_URL ?? "./data/madura.db");
if (isPostgresUrl(source)) {
  console.error("DATABASE_URL is a PostgreSQL database: back it up with pg_dump, e.g. pg_dump --format=custom --file=madura.dump \"$DATABASE_URL\".");
  process.exit(2);
}
if (!target) {
  console.error("Usage: npm run backup -- FILE   (copies the SQLite database at DATABASE_URL into FILE while the app runs)");
  process.exit(2);
}
try {
  const report = await backupSqlite(source, target);
  console.log(`Backed up ${source} to ${report.file}: ${(report.bytes / 1024 / 1024).toFixed(1)} MB, ${report.pages} pages in ${Math.round(report.ms)} ms (integrity check: ok).`);
} catch (error) {
  console.error(`No backup was written: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
