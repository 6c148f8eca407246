/**
 * Nothing an organization owns is left out of its export by accident: every table of db/schema.ts
 * that belongs to an organization (directly or through its parents) is either carried by the
 * export or named, with a reason, as left out (app/models/organization-transfer.server.ts). A new
 * table fails here until it is one or the other.
 */
import { describe, expect, it } from "vitest";
import { ORGANIZATION_TABLES, SCHEMA_TABLES } from "../setup/organization-tables";
import { EXPORTED_TABLES, NOT_EXPORTED_TABLES } from "~/models/organization-transfer.server";

describe("the export's coverage of the schema", () => {
  it("carries or explicitly leaves out every table an organization owns", () => {
    const decided = new Set<string>([...EXPORTED_TABLES, ...Object.keys(NOT_EXPORTED_TABLES)]);
    expect(ORGANIZATION_TABLES.filter((name) => !decided.has(name))).toEqual([]);
  });

  it("names only tables that exist, each in one list, and carries only what an organization owns", () => {
    const excluded = Object.keys(NOT_EXPORTED_TABLES);
    expect([...EXPORTED_TABLES, ...excluded].filter((name) => !SCHEMA_TABLES.includes(name))).toEqual([]);
    expect(EXPORTED_TABLES.filter((name) => excluded.includes(name))).toEqual([]);
    expect(EXPORTED_TABLES.filter((name) => !ORGANIZATION_TABLES.includes(name))).toEqual([]);
    for (const reason of Object.values(NOT_EXPORTED_TABLES)) expect(reason.length).toBeGreaterThan(10);
  });

  it("finds the organization's tables through their parents", () => {
    expect(ORGANIZATION_TABLES).toEqual(expect.arrayContaining(["organizations", "ratings", "initiative_review_metrics", "initiative_feedback", "outbox"]));
    expect(ORGANIZATION_TABLES).not.toContain("users");
    expect(ORGANIZATION_TABLES).not.toContain("limit_counters");
  });
});
