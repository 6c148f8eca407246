import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Namespace } from "./i18n";
import { catalogs, NAMESPACES } from "./i18n.server";

// Keys are found in the sources as quoted literals ("gaps.title"). A few are built from data;
// each such prefix is listed here with the template that builds it, and the test checks that the
// template still exists. Keep this list short: prefer literal keys, even in a small map.
const DYNAMIC_PREFIXES: Record<string, string> = {
  "role.": "`role.${",
  "assessment.mode.": "`assessment.mode.${",
  "assessment.status.": "`assessment.status.${",
};

const APP = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(APP, "locales") ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = new Map(sourceFiles(APP).map((file) => [file, fs.readFileSync(file, "utf8")]));
const namespaceOf = new Map<string, Namespace>();
for (const namespace of NAMESPACES) {
  for (const key of Object.keys(catalogs.en[namespace])) namespaceOf.set(key.replace(/_(one|other)$/, ""), namespace);
}
const keys = [...namespaceOf.keys()];
const dynamicPrefixOf = (key: string) => Object.keys(DYNAMIC_PREFIXES).find((prefix) => key.startsWith(prefix));

/** The keys a source names: quoted literals, and the keys behind its dynamic templates. */
function keysIn(source: string): string[] {
  return keys.filter((key) => {
    if (source.includes(`"${key}"`) || source.includes(`'${key}'`)) return true;
    const prefix = dynamicPrefixOf(key);
    return prefix !== undefined && source.includes(DYNAMIC_PREFIXES[prefix]!);
  });
}

describe("dictionary keys", () => {
  it("are all used somewhere in app/", () => {
    const all = [...sources.values()].join("\n");
    const unused = keys.filter((key) => !all.includes(`"${key}"`) && !all.includes(`'${key}'`) && !dynamicPrefixOf(key));
    expect(unused).toEqual([]);
  });

  it("built dynamically are still built where the allowlist says", () => {
    const all = [...sources.values()].join("\n");
    for (const [prefix, template] of Object.entries(DYNAMIC_PREFIXES)) {
      expect(all.includes(template), template).toBe(true);
      expect(keys.some((key) => key.startsWith(prefix)), prefix).toBe(true);
    }
  });
});

// Route modules (flat routes) and the components each one renders, followed to the end. Plain .ts
// modules are not followed: a schema module names the validation keys of several pages at once, so
// those keys are covered by the pages' browser tests instead.
const ROUTES = path.join(APP, "routes");

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("~/") ? path.join(APP, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => sources.has(candidate));
}

function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of sources.get(file)!.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
    const target = resolveImport(file, match[1]!);
    if (target?.endsWith(".tsx")) reachable(target, seen);
  }
  return seen;
}

/** Namespaces a route's loader asks for with messagesFor(…, [...]). */
function declared(file: string): string[] {
  const match = sources.get(file)?.match(/messagesFor\([^,]+,\s*\[([^\]]*)\]/);
  return match ? [...match[1]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!) : [];
}

/** Flat-routes parent: the longest leading run of segments that names another route module. */
function parents(file: string): string[] {
  const segments = path.basename(file).replace(/\.tsx?$/, "").split(".");
  for (let i = segments.length - 1; i > 0; i -= 1) {
    const candidate = path.join(ROUTES, `${segments.slice(0, i).join(".")}.tsx`);
    if (sources.has(candidate)) return [candidate, ...parents(candidate)];
  }
  return [];
}

const pages = [...sources.keys()].filter((file) => path.dirname(file) === ROUTES && file.endsWith(".tsx"));

describe("each page", () => {
  it.each(pages.map((file) => [path.basename(file), file]))("%s receives the namespaces of every key it renders", (_name, file) => {
    const available = new Set(["common", ...declared(file), ...parents(file).flatMap(declared)]);
    const missing = [...reachable(file)]
      .flatMap((module) => keysIn(sources.get(module)!))
      .filter((key) => !available.has(namespaceOf.get(key)!))
      .map((key) => `${key} (${namespaceOf.get(key)})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("declares its namespaces where the loader can send them", () => {
    for (const file of pages) {
      for (const namespace of declared(file)) expect(NAMESPACES, `${path.basename(file)}: ${namespace}`).toContain(namespace);
    }
  });
});
