/**
 * A graceful stop of the HTTP server: stop accepting connections, answer every request already
 * accepted with `Connection: close`, give keep-alive sockets a moment to bring what they were
 * sending, then close them. Node's own server.close() drops idle keep-alive sockets at once, and a
 * client that had just written a request onto one got a reset: about 100 per SIGTERM under load.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import net from "node:net";

export type ConnectionTracker = {
  /** Call first for every request (before anything may answer it). */
  track(req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once every connection is closed (forcing the last ones after `deadlineMs`). */
  drain(options?: { idleGraceMs?: number; deadlineMs?: number }): Promise<void>;
};

export function trackConnections(server: Server): ConnectionTracker {
  /** Every open socket: how many of its requests are not answered yet, and since when it has been idle. */
  const sockets = new Map<net.Socket, { requests: number; idleSince: number }>();
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on("connection", (socket: net.Socket) => {
    sockets.set(socket, { requests: 0, idleSince: Date.now() });
    socket.once("close", () => sockets.delete(socket));
  });
  return {
    track(req, res) {
      const state = sockets.get(req.socket);
      if (state) state.requests += 1;
      inFlight.add(res);
      // Once stopping, every answer tells the client to open no further request on this socket.
      if (closing) res.shouldKeepAlive = false;
      res.once("close", () => {
        inFlight.delete(res);
        if (state) {
          state.requests -= 1;
          state.idleSince = Date.now();
        }
      });
    },
    async drain({ idleGraceMs = 1_000, deadlineMs = 4_000 } = {}) {
      closing = true;
      const started = Date.now();
      // net.Server's close, not http.Server's: stop listening without dropping idle keep-alive sockets yet.
      net.Server.prototype.close.call(server);
      for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      while (sockets.size > 0 && Date.now() - started < deadlineMs) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        // setImmediate runs after the poll phase: requests that arrived while the loop was busy are
        // read (and counted) before a socket is judged idle. Closing a socket with a request unread
        // in it would reset that request.
        await new Promise((resolve) => setImmediate(resolve));
        const now = Date.now();
        for (const [socket, { requests, idleSince }] of sockets) {
          // Idle for a whole grace since the signal: the client is not about to send on it.
          if (requests === 0 && now - Math.max(idleSince, started) >= idleGraceMs) socket.destroy();
        }
      }
      for (const socket of sockets.keys()) socket.destroy();
    },
  };
}
