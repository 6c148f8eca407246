// Starts the built production server on a brand-new database for the browser tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// One folder per port, so two runs on one machine never wipe each other's database.
const folder = path.resolve(`tests/.artifacts/e2e-db-${process.env.PORT ?? "default"}`);
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder, { recursive: true });

// `npm run serve`, as a newcomer starts it, on its own database.
const child = spawn("npm", ["run", "--silent", "serve"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: path.join(folder, "madura.db"), SESSION_SECRET: "e2e-secret-not-for-production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
