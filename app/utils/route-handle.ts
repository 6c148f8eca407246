import type { UIMatch } from "@remix-run/react";

export type RouteHandle = {
  /**
   * `false` ships no JavaScript at all: the page is plain HTML and forms post natively. Used on the
   * phone-facing pages (quiz, join, rate), which need nothing a browser cannot do by itself.
   */
  hydrate?: boolean;
  /** A page without React that still shows copy buttons loads the 0.5 KB /copy-link.js. */
  copyLinks?: boolean;
  /** Small static scripts (from public/) a page without React enhances itself with. */
  scripts?: string[];
};

export const noJavaScript: RouteHandle = { hydrate: false };

const handles = (matches: Pick<UIMatch, "handle">[]) => matches.map((match) => (match.handle ?? {}) as RouteHandle);

/** Whether the page of these matches loads React; entry.server.tsx also asks, from route modules. */
export function pageHydrates(matches: Pick<UIMatch, "handle">[]): boolean {
  return !handles(matches).some((handle) => handle.hydrate === false);
}

/** React pages always get the copy script (their content changes without reloads); others ask for it. */
export function pageCopiesLinks(matches: UIMatch[]): boolean {
  return pageHydrates(matches) || handles(matches).some((handle) => handle.copyLinks);
}

export function pageScripts(matches: UIMatch[]): string[] {
  return handles(matches).flatMap((handle) => handle.scripts ?? []);
}
