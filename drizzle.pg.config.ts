import { defineConfig } from "drizzle-kit";

/** PostgreSQL's migrations; `npm run db:generate` writes these and SQLite's together. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
