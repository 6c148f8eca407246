import { describe, expect, it } from "vitest";
import { MIN_PEERS, peerBenchmark, quartiles, standing } from "./peer-benchmark";

describe("quartiles", () => {
  it("interpolates between the sorted values, as a spreadsheet's QUARTILE.INC", () => {
    expect(quartiles([1, 2, 3, 4, 5])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(quartiles([4, 1, 3, 2])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(quartiles([2.5])).toEqual({ min: 2.5, q1: 2.5, median: 2.5, q3: 2.5, max: 2.5 });
    expect(quartiles([])).toBeNull();
  });

  it("says where a value stands", () => {
    const q = { min: 1, q1: 2, median: 2.5, q3: 3, max: 4 };
    expect([1.5, 2, 2.5, 3, 3.2].map((v) => standing(v, q))).toEqual(["bottom", "lower-middle", "upper-middle", "upper-middle", "top"]);
  });
});

describe("peerBenchmark", () => {
  const peers = [1.5, 2, 2.5, 3, 3.5].map((v) => ({ strategy: v, people: v - 0.5 }));

  it("gives each category its quartiles and this organization's standing when five organizations contribute", () => {
    const result = peerBenchmark(
      [
        { key: "strategy", current: 3.2 },
        { key: "people", current: null },
      ],
      peers,
    );
    expect(result).toEqual([
      { key: "strategy", current: 3.2, peers: 5, quartiles: { min: 1.5, q1: 2, median: 2.5, q3: 3, max: 3.5 }, standing: "top" },
      { key: "people", current: null, peers: 5, quartiles: { min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3 }, standing: null },
    ]);
  });

  it("shows nothing with fewer than five organizations, and no quartiles for a category fewer than five have", () => {
    expect(MIN_PEERS).toBe(5);
    expect(peerBenchmark([{ key: "strategy", current: 2 }], peers.slice(0, 4))).toBeNull();
    const patchy = peers.map((p, i) => ({ ...p, people: i === 0 ? null : p.people }));
    expect(peerBenchmark([{ key: "people", current: 2 }], patchy)).toEqual([{ key: "people", current: 2, peers: 4, quartiles: null, standing: null }]);
  });
});
