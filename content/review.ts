/**
 * `npm run content:review`: every piece of content in Spanish and English side by side, so a
 * reviewer reads each pair at once and checks that both say the same thing (a workshop room that
 * mixes languages must rate against the same descriptions). It also validates the files and prints
 * the glossary every string follows.
 *
 *   npm run content:review                   # everything, two columns as wide as the terminal
 *   npm run content:review -- capability     # only paths containing "capability" (or any filter)
 *   npm run content:review -- --width=200
 *   npm run content:review -- --stacked      # es above en, for narrow terminals or diffs
 */
import fs from "node:fs";
import path from "node:path";
import { CapabilityModelSchema, GlossarySchema, InitiativeLibraryFileSchema, initiativeLibraryIssues, MetricCatalogueSchema, QuizContentSchema, type InitiativeLibraryFile } from "../app/utils/content.schema";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Piped into `head` or `less` that quits early: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const folder = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
const stacked = args.includes("--stacked");
const width = Number(args.find((a) => a.startsWith("--width="))?.slice(8) ?? process.stdout.columns ?? 160) || 160;
const filters = args.filter((a) => !a.startsWith("--"));

function read(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as Json;
}

/** An array item's name in an address: its key or id where it has one, else its position from 1. */
function labelOf(item: Json, index: number): string {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return `${index + 1}`;
  if (typeof item.key === "string") return item.key;
  if (typeof item.id === "string") return item.id;
  if (typeof item.level === "number") return `level ${item.level}`;
  return `${index + 1}`;
}

/** A readable address for each `{ es, en }` pair: keys where the data has them, else indexes. */
function pairs(value: Json, where: string): { where: string; es: string; en: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      return pairs(item, `${where} › ${labelOf(item, i)}`);
    });
  }
  if (value === null || typeof value !== "object") return [];
  if (typeof value.es === "string" && typeof value.en === "string") return [{ where, es: value.es, en: value.en }];
  // A library initiative keeps several texts per language: `"es": { "title", "description" }`.
  const { es, en } = value;
  if (es && en && typeof es === "object" && typeof en === "object" && !Array.isArray(es) && !Array.isArray(en)) {
    return Object.keys(es).flatMap((field) => {
      const [esText, enText] = [es[field], en[field]];
      return typeof esText === "string" ? [{ where: `${where} › ${field}`, es: esText, en: typeof enText === "string" ? enText : "(missing)" }] : [];
    });
  }
  return Object.entries(value)
    .filter(([key]) => key !== "key" && key !== "id")
    .flatMap(([key, item]) => pairs(item, `${where} › ${key}`));
}

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

function print(title: string, items: { where: string; es: string; en: string }[]) {
  const shown = items.filter((item) => filters.every((f) => item.where.toLowerCase().includes(f.toLowerCase())));
  if (shown.length === 0) return;
  const column = Math.max(30, Math.floor((width - 3) / 2));
  console.log(`\n${"═".repeat(Math.min(width, column * 2 + 3))}\n${title}\n${"═".repeat(Math.min(width, column * 2 + 3))}`);
  for (const item of shown) {
    console.log(`\n${item.where}`);
    if (stacked) {
      console.log(`  es  ${item.es}\n  en  ${item.en}`);
      continue;
    }
    const es = wrap(item.es, column);
    const en = wrap(item.en, column);
    for (let i = 0; i < Math.max(es.length, en.length); i++) {
      console.log(`${(es[i] ?? "").padEnd(column)} │ ${en[i] ?? ""}`);
    }
  }
}

const files = [
  { file: "quiz.json", schema: QuizContentSchema },
  { file: "capability-model.json", schema: CapabilityModelSchema },
  { file: "metrics.json", schema: MetricCatalogueSchema },
] as const;

let failed = false;
for (const { file, schema } of files) {
  const data = read(file);
  const result = schema.safeParse(data);
  if (!result.success) {
    failed = true;
    console.error(`✗ ${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  print(`content/${file}   (es │ en)`, pairs(data, file.replace(/\.json$/, "")));
}

// The initiative library: one file per category, each checked alone and then against the model.
const initiativeFiles = fs.existsSync(path.join(folder, "initiatives"))
  ? fs
      .readdirSync(path.join(folder, "initiatives"))
      .filter((name) => name.endsWith(".json"))
      .sort()
  : [];
const validLibrary: { file: string; data: InitiativeLibraryFile }[] = [];
for (const file of initiativeFiles) {
  const data = read(path.join("initiatives", file));
  const result = InitiativeLibraryFileSchema.safeParse(data);
  if (!result.success) {
    failed = true;
    console.error(`✗ initiatives/${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  } else validLibrary.push({ file, data: result.data });
  print(`content/initiatives/${file}   (es │ en)`, pairs(data, `initiatives/${file.replace(/\.json$/, "")}`));
}
const model = CapabilityModelSchema.safeParse(read("capability-model.json"));
if (model.success) {
  for (const issue of initiativeLibraryIssues(validLibrary, model.data)) {
    failed = true;
    console.error(`✗ initiatives/${issue}`);
  }
}

const glossary = GlossarySchema.safeParse(read("glossary.json"));
if (!glossary.success) {
  failed = true;
  console.error(`✗ glossary.json: ${glossary.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
} else if (filters.length === 0 || filters.some((f) => "glossary".includes(f.toLowerCase()))) {
  console.log(`\n${"═".repeat(40)}\nGlossary (content/glossary.json): one term per concept\n${"═".repeat(40)}`);
  for (const term of glossary.data.terms) {
    console.log(`\n${term.concept}:  ${term.es}  │  ${term.en}${term.short ? `   (short: ${term.short.es} │ ${term.short.en})` : ""}`);
    for (const ban of term.banned) console.log(`  ✗ ${ban.lang} "${ban.text}": ${ban.reason}`);
  }
}

console.log(
  failed
    ? "\nSome content does not validate (see above)."
    : "\nReviewer: read each pair as one sentence said twice. Same facts, same level of demand, same examples; fix the one that drifts.",
);
process.exitCode = failed ? 1 : 0;
