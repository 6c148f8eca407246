import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noJavaScript } from "~/utils/route-handle";

export const handle = noJavaScript;

export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
