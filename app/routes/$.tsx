import type { MetaFunction } from "@remix-run/node";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { noJavaScript } from "~/utils/route-handle";

export const handle = noJavaScript;

/** The 404 page has a title in the visitor's language too (the root loader detected it). */
export const meta: MetaFunction = ({ error, matches }) => [{ title: errorTitle(error, matches) }];

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
