import { describe, expect, it } from "vitest";
import { MIN_NEGATIVE_TO_START, summarizeFeedback, whereToStart } from "./feedback-focus";

describe("summarizeFeedback", () => {
  it("counts by capability (with its channels), by channel, and the comments without a capability", () => {
    const summary = summarizeFeedback([
      { capability: "billing", channel: "phone", sentiment: "negative", count: 4 },
      { capability: "billing", channel: "email", sentiment: "negative", count: 1 },
      { capability: "billing", channel: "phone", sentiment: "positive", count: 2 },
      { capability: null, channel: "phone", sentiment: "positive", count: 3 },
      { capability: "self-service", channel: "web", sentiment: "negative", count: 1 },
    ]);
    expect(summary.byCapability.get("billing")).toEqual({ positive: 2, negative: 5, channels: { phone: { positive: 2, negative: 4 }, email: { positive: 0, negative: 1 } } });
    expect(summary.byChannel.phone).toEqual({ positive: 5, negative: 4 });
    expect(summary.byChannel.chat).toEqual({ positive: 0, negative: 0 });
    expect(summary.unassigned).toEqual({ positive: 3, negative: 0 });
  });
});

describe("whereToStart", () => {
  it("picks the capability with the most negative comments × gap", () => {
    expect(
      whereToStart([
        { capabilityKey: "billing", gap: 2, negative: 5 },
        { capabilityKey: "self-service", gap: 3, negative: 3 },
        { capabilityKey: "complaints", gap: 1, negative: 8 },
      ]),
    ).toEqual(["billing"]);
  });

  it("needs a gap and several negative comments; ties are all returned", () => {
    expect(whereToStart([{ capabilityKey: "billing", gap: 0, negative: 40 }])).toEqual([]);
    expect(whereToStart([{ capabilityKey: "billing", gap: 3, negative: MIN_NEGATIVE_TO_START - 1 }])).toEqual([]);
    expect(whereToStart([{ capabilityKey: "billing", gap: null, negative: 9 }])).toEqual([]);
    expect(
      whereToStart([
        { capabilityKey: "a", gap: 2, negative: 3 },
        { capabilityKey: "b", gap: 1, negative: 6 },
      ]),
    ).toEqual(["a", "b"]);
  });
});
