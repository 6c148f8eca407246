import { describe, expect, it } from "vitest";
import { csvResponse, neutralizeCell } from "./csv.server";

/** What a spreadsheet would take for a formula: a text cell starting with one of OWASP's triggers. */
const PLANTED = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "@SUM(1,1)", "+1+1", "-2+3", "\t=1+1", "\r=1+1"];

async function body(rows: (string | number | null)[][], query = ""): Promise<string> {
  const response = csvResponse(new Request(`http://localhost/x.csv${query}`), "x.csv", ["a", "b"], rows);
  return response.text();
}

describe("neutralizeCell (OWASP CSV injection)", () => {
  it.each(PLANTED)("puts a single quote before a text cell that starts a formula: %j", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });

  it("leaves numbers alone, negative ones included: they are not text cells", () => {
    expect(neutralizeCell(-3)).toBe(-3);
    expect(neutralizeCell(0)).toBe(0);
    expect(neutralizeCell(2.5)).toBe(2.5);
    expect(neutralizeCell(null)).toBe("");
  });

  it("leaves ordinary text alone, and quotes a leading quote so the rule can be undone", () => {
    for (const value of ["Ana", "José Núñez", "a=b", "x-1", "", "100%"]) expect(neutralizeCell(value)).toBe(value);
    expect(neutralizeCell("'quoted")).toBe("''quoted");
  });

  it("is undone by removing one leading quote from a text cell that starts with one", () => {
    const raw = (cell: string) => cell.replace(/^'/, "");
    for (const value of [...PLANTED, "'=x", "''", "'", "Ana", "-"]) {
      const cell = neutralizeCell(value);
      expect(typeof cell).toBe("string");
      expect(raw(cell as string)).toBe(value);
    }
  });
});

describe("csvResponse", () => {
  it("neutralizes every text cell of every export, with or without the byte-order mark", async () => {
    for (const query of ["", "?excel=1"]) {
      const text = await body(
        [
          ["=cmd|' /C calc'!A0", -1],
          ["@SUM(1,1)", "-1"],
        ],
        query,
      );
      expect(text.replace(/^\uFEFF/, "")).toBe(`a,b\r\n'=cmd|' /C calc'!A0,-1\r\n"'@SUM(1,1)",'-1\r\n`);
    }
  });
});
