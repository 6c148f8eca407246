import { describe, expect, it } from "vitest";
import { wrapWords } from "./wrap-words";

describe("wrapWords", () => {
  it("fills each line up to the width, word by word", () => {
    expect(wrapWords("Productos y servicios centrados en el cliente", 18)).toEqual(["Productos y", "servicios", "centrados en el", "cliente"]);
    expect(wrapWords("Customer-focused products and services", 20)).toEqual(["Customer-focused", "products and", "services"]);
  });

  it("keeps a word longer than the width whole, and ignores extra spaces", () => {
    expect(wrapWords("  Infraestructura   de servicio ", 11)).toEqual(["Infraestructura", "de servicio"]);
    expect(wrapWords("", 10)).toEqual([]);
  });
});
