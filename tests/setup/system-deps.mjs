// The first step of `npm test`: the machine parts the tests use, Debian's packages all.
//   chromium        → the browser tests (Playwright drives /usr/bin/chromium)
//   postgresql      → the model and integration tests on a real PostgreSQL server
//   poppler-utils   → the report tests read the PDFs back (pdftotext, pdftoppm, pdfinfo)
// On Debian, missing ones are installed with apt-get (as root, or through sudo), saying so;
// elsewhere this says what to install and stops the run.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { postgresBin } from "./postgres.mjs";

const NEEDS = [
  { pkg: "chromium", present: () => fs.existsSync("/usr/bin/chromium"), why: "the browser tests" },
  { pkg: "postgresql", present: () => postgresBin() !== undefined, why: "the tests on PostgreSQL" },
  { pkg: "poppler-utils", present: () => onPath("pdftotext") && onPath("pdftoppm"), why: "the report tests" },
];

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

const missing = NEEDS.filter((need) => !need.present());
if (missing.length === 0) process.exit(0);

const names = missing.map((m) => m.pkg);
const isDebian = fs.existsSync("/etc/debian_version") && spawnSync("which", ["apt-get"]).status === 0;
if (!isDebian) {
  console.error(`npm test needs ${missing.map((m) => `${m.pkg} (${m.why})`).join(" and ")}.`);
  console.error("Install them with your system's package manager (Chromium at /usr/bin/chromium; PostgreSQL 15 or newer), then run npm test again.");
  process.exit(1);
}

const asRoot = process.getuid?.() === 0;
const aptGet = (...args) =>
  execFileSync(asRoot ? "apt-get" : "sudo", asRoot ? args : ["apt-get", ...args], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
console.log(`Installing Debian's ${names.join(" and ")} for ${missing.map((m) => m.why).join(" and ")} (apt-get)…`);
aptGet("update", "-qq");
aptGet("install", "-y", "-qq", ...names);
const still = missing.filter((need) => !need.present());
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map((m) => m.pkg).join(", ")}.`);
  process.exit(1);
}
console.log(`Installed ${names.join(" and ")}.`);
