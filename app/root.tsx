import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "./components/app-shell";
import { GeneralErrorBoundary } from "./components/error-boundary";
import stylesUrl from "./styles/app.css?url";
import { createTranslator, DEFAULT_LANG, detectLang } from "./utils/i18n";
import { messagesFor } from "./utils/i18n.server";
import { useNonce } from "./utils/nonce";
import { pageCopiesLinks, pageHydrates, pageScripts } from "./utils/route-handle";
import { getUser } from "./utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const lang = detectLang(request);
  // Every page gets the frame's strings; routes add their own namespaces (see use-i18n.ts).
  return { lang, user: user ? { name: user.name } : null, i18n: messagesFor(lang, ["common"]) };
}

/**
 * An error page has a title too (a 404 or 500 thrown by a route without its own meta): the same
 * words as its heading, in the visitor's language. Pages without an error set their own titles.
 */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "error.notFound.title" : status >= 500 ? "error.server.title" : "error.other.title";
  // meta also runs in the browser: translate from the strings the root loader sent, not the catalogs.
  const t = createTranslator(data?.lang ?? DEFAULT_LANG, (k) => data?.i18n[k]);
  return [{ title: `${t(key)} · Madura` }];
};

export function Layout({ children }: { children: ReactNode }) {
  const lang = useRouteLoaderData<typeof loader>("root")?.lang ?? DEFAULT_LANG;
  const matches = useMatches();
  const hydrate = pageHydrates(matches);
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b6e69" />
        <Meta />
        <Links />
      </head>
      <body className="font-sans antialiased">
        {children}
        {pageCopiesLinks(matches) ? <script src="/copy-link.js" defer nonce={nonce} /> : null}
        {pageScripts(matches).map((src) => (
          <script key={src} src={src} defer nonce={nonce} />
        ))}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
