/**
 * Every page route exports the one GeneralErrorBoundary, and each status it names has its own
 * message in both languages (a 403 once showed the "server error" text).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GeneralErrorBoundary, messagesFor } from "~/components/error-boundary";
import { LANGUAGES } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";

const ROUTES = path.resolve("app/routes");
const files = readdirSync(ROUTES).filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."));

describe("route modules", () => {
  it("are all found (the list is not empty by a wrong path)", async () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)("%s exports the shared ErrorBoundary when it renders a page", async (file) => {
    const module = (await import(/* @vite-ignore */ path.join(ROUTES, file))) as { default?: unknown; ErrorBoundary?: unknown };
    // Resource routes (files, JSON, redirects) render nothing, so they have no boundary to show.
    if (module.default === undefined) return;
    expect(module.ErrorBoundary, `${file} must export ErrorBoundary = GeneralErrorBoundary`).toBe(GeneralErrorBoundary);
  });
});

describe("messagesFor", () => {
  const statuses = [400, 403, 404, 405, 409, 410, 413, 429, 500, 503];

  it.each(LANGUAGES)("gives each status its own title and text in %s", async (lang) => {
    const titles = statuses.map((status) => translate(lang, messagesFor(status).title));
    const texts = statuses.map((status) => translate(lang, messagesFor(status).text));
    expect(new Set(titles).size).toBe(statuses.length);
    expect(new Set(texts).size).toBe(statuses.length);
  });

  it("never shows the server-error text for a client error", async () => {
    for (const status of [400, 401, 403, 404, 405, 409, 410, 413, 418, 422, 429]) {
      expect(messagesFor(status).text, String(status)).not.toBe("error.server.text");
    }
    for (const status of [500, 502, 504]) expect(messagesFor(status)).toEqual({ title: "error.server.title", text: "error.server.text" });
  });
});
