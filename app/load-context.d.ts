import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The peer address as Express sees it (a loopback proxy may set X-Forwarded-For). */
    clientIp: string;
  }
}
