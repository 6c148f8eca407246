import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createTranslator, DEFAULT_LANG, isLang, type Messages } from "~/utils/i18n";
import { noJavaScript } from "~/utils/route-handle";

export const handle = noJavaScript;

/** The 404 page has a title in the visitor's language too (the root loader detected it). */
export const meta: MetaFunction = ({ matches }) => {
  const rootData = matches.find((match) => match.id === "root")?.data as { lang?: unknown; i18n?: Messages } | undefined;
  const t = createTranslator(isLang(rootData?.lang) ? rootData.lang : DEFAULT_LANG, (key) => rootData?.i18n?.[key]);
  return [{ title: `${t("error.notFound.title")} · Madura` }];
};

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
