// Runs npm scripts side by side and fails when any fails: `node tests/setup/parallel.mjs typecheck lint`.
// The type checker and the type-aware lint are each one thread; on two cores they finish together.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn("npm", ["run", "--silent", script], { stdio: "inherit" });
        child.on("exit", (code, signal) => resolve({ script, ok: code === 0, how: signal ?? `code ${code}` }));
      }),
  ),
);
for (const { script, ok, how } of results) if (!ok) console.error(`npm run ${script} failed (${how}).`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
