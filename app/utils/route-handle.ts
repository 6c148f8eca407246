import type { UIMatch } from "@remix-run/react";

export type RouteHandle = {
  /**
   * `false` ships no JavaScript at all: the page is plain HTML and forms post natively. Used on the
   * phone-facing pages (quiz, join, rate), which need nothing a browser cannot do by itself.
   */
  hydrate?: boolean;
};

export const noJavaScript: RouteHandle = { hydrate: false };

export function pageHydrates(matches: UIMatch[]): boolean {
  return !matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false);
}
