/**
 * SIGTERM to the process `npm start` runs, the npm process itself (what a container or a process
 * manager signals), under load: the server behind npm, tsx and node stops gracefully: no 5xx,
 * nothing it accepted is reset, and everything has exited within 5 s.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freshFolder, joinPhones, openWorkshop, request, spawnServer, stopServer, waitUntilReady, type ServerProcess } from "./server-process";

const PORT = 3313;
const ROOT = path.resolve(import.meta.dirname, "../..");
const CLIENTS = 24;

let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServer(server);
});

/**
 * A copy of the project whose package.json has no build script, so `npm start` runs exactly its own
 * script (`npm run build --if-present … && exec npm run serve`) without rebuilding: everything else
 * is a link to this project (and its build, made by `npm run build` before the fault suite).
 */
function projectWithoutBuildStep(folder: string): string {
  const dir = path.join(folder, "app");
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of ["server.ts", "app", "db", "content", "build", "public", "node_modules", "tsconfig.json"]) {
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  delete pkg.scripts.build;
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  return dir;
}

test("SIGTERM to the npm process of `npm start`, under load: no 5xx, nothing accepted is reset, all stopped within 5 s", async () => {
  const folder = freshFolder("sigterm");
  const cwd = projectWithoutBuildStep(folder);
  server = spawnServer({ port: PORT, databasePath: path.join(folder, "madura.db"), command: ["npm", "start"], cwd });
  await waitUntilReady(server, 60_000);
  const { code } = await openWorkshop(server.baseUrl);
  const phones = await joinPhones(server.baseUrl, code, CLIENTS);
  const running = server;

  let signalledAt = 0;
  const outcomes = { answered: 0, afterSignal: 0, fiveHundreds: [] as string[], resets: [] as string[], refused: 0 };
  /** One phone on one keep-alive socket: its page, its saves and /healthz, until the server refuses it. */
  const client = async (phone: string, i: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let n = 0; ; n += 1) {
      const [method, target, form] =
        n % 3 === 0 ? ["GET", n % 2 ? "/healthz" : phone] : ["POST", `${phone}/save`, { "billing.current": String(1 + ((n + i) % 4)), "billing.ideal": "3" }];
      const req = request(running.baseUrl, method as string, target as string, { agent, form: form as Record<string, string> | undefined, timeoutMs: 10_000 });
      try {
        const answer = await req;
        outcomes.answered += 1;
        if (signalledAt) outcomes.afterSignal += 1;
        if (answer.status >= 500) outcomes.fiveHundreds.push(`${method} ${target}: ${answer.status}`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ECONNREFUSED") {
          outcomes.refused += 1;
          break;
        }
        // A reset on a fresh connection the server never accepted (the listen backlog when it closed) is
        // the client's to retry; a reset of a connection the server had answered on is a dropped request.
        if ((error as { reusedSocket?: boolean }).reusedSocket) outcomes.resets.push(`${method} ${target}: ${code ?? String(error)}`);
        else outcomes.refused += 1;
        if (!signalledAt) throw error;
        break;
      }
      if (signalledAt && Date.now() - signalledAt > 6_000) break;
    }
    agent.destroy();
  };
  const load = phones.map((phone, i) => client(phone, i));
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  signalledAt = Date.now();
  running.child.kill("SIGTERM");
  const exit = await running.exited;
  const stoppedMs = Date.now() - signalledAt;
  await Promise.all(load);
  console.log(`SIGTERM to npm: stopped in ${stoppedMs} ms (exit ${JSON.stringify(exit)}); ${outcomes.answered} answers, ${outcomes.afterSignal} after the signal; refused or never accepted afterwards: ${outcomes.refused}`);

  expect(outcomes.fiveHundreds).toEqual([]);
  expect(outcomes.resets).toEqual([]);
  expect(outcomes.afterSignal, "requests were in flight when the signal came").toBeGreaterThan(0);
  expect(stoppedMs).toBeLessThan(5_000);
  // Nothing behind npm goes on answering (tsx and node used to).
  await expect(request(running.baseUrl, "GET", "/healthz", { timeoutMs: 2_000 })).rejects.toMatchObject({ code: "ECONNREFUSED" });
});
