import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DEFAULT_LANG, isLang, translate } from "~/utils/i18n";
import { noJavaScript } from "~/utils/route-handle";

export const handle = noJavaScript;

/** The 404 page has a title in the visitor's language too (the root loader detected it). */
export const meta: MetaFunction = ({ matches }) => {
  const rootData = matches.find((match) => match.id === "root")?.data as { lang?: unknown } | undefined;
  const lang = isLang(rootData?.lang) ? rootData.lang : DEFAULT_LANG;
  return [{ title: `${translate(lang, "error.notFound.title")} · Madura` }];
};

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
