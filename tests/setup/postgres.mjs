// A throw-away PostgreSQL server for the tests and for a developer's quick runs: Debian's own
// binaries (apt-get install postgresql), a fresh cluster in a folder of ours, on loopback only.
//
//   node tests/setup/postgres.mjs start   → prints DATABASE_URL=postgres://…; the server keeps running
//   node tests/setup/postgres.mjs stop    → stops it and removes the folder
//
// Tests import startPostgres() and stop it themselves.
import { execFileSync } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const DEFAULT_PG_PORT = 54329;
const DEFAULT_FOLDER = path.resolve("tests/.artifacts/postgres");

/** The newest installed PostgreSQL's bin folder, or undefined when none is installed. */
export function postgresBin() {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin/initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : undefined;
}

/** initdb and the server refuse to run as root: as root, run them as Debian's postgres user. */
function run(bin, tool, args, options = {}) {
  const command = path.join(bin, tool);
  const asRoot = process.getuid?.() === 0;
  return asRoot
    ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe", ...options })
    : execFileSync(command, args, { stdio: "pipe", ...options });
}

/**
 * Creates and starts a cluster in `folder` (emptied first) on 127.0.0.1:`port` with the user and
 * database `madura` (password `madura`). Durability settings are relaxed: this server holds test
 * data only. Returns the URL and a stop function.
 */
export function startPostgres({ folder = DEFAULT_FOLDER, port = DEFAULT_PG_PORT } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (Debian), or set DATABASE_URL to a server of yours.");
  stopPostgres({ folder });
  fs.mkdirSync(folder, { recursive: true });
  const data = path.join(folder, "data");
  fs.mkdirSync(data);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", folder]);
  const pwfile = path.join(folder, "pw");
  fs.writeFileSync(pwfile, "madura\n");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", pwfile]);
  run(bin, "initdb", ["-D", data, "-U", "madura", "--pwfile", pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8"]);
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${folder}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  run(bin, "pg_ctl", ["-D", data, "-l", path.join(folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
  run(bin, "createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "madura", "madura"], { env: { ...process.env, PGPASSWORD: "madura" } });
  return { url: `postgres://madura:madura@127.0.0.1:${port}/madura`, stop: () => stopPostgres({ folder }) };
}

/** A port nothing listens on now, for a server of one test run beside others. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function stopPostgres({ folder = DEFAULT_FOLDER } = {}) {
  const data = path.join(folder, "data");
  const bin = postgresBin();
  if (bin && fs.existsSync(path.join(data, "postmaster.pid"))) {
    try {
      run(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // Already stopped: the folder goes anyway.
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command = "start"] = process.argv.slice(2);
  if (command === "start") {
    const { url } = startPostgres();
    console.log(`PostgreSQL is running (stop it with: node tests/setup/postgres.mjs stop).${os.EOL}DATABASE_URL=${url}`);
  } else if (command === "stop") {
    stopPostgres();
  } else {
    console.error("usage: node tests/setup/postgres.mjs start|stop");
    process.exitCode = 2;
  }
}
