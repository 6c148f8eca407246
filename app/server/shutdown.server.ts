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
  /** Every open socket and how many of its requests are not answered yet. */
  const sockets = new Map<net.Socket, number>();
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on("connection", (socket: net.Socket) => {
    sockets.set(socket, 0);
    socket.once("close", () => sockets.delete(socket));
  });
  return {
    track(req, res) {
      const socket = req.socket;
      sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
      inFlight.add(res);
      // Once stopping, every answer tells the client to open no further request on this socket.
      if (closing) res.shouldKeepAlive = false;
      res.once("close", () => {
        inFlight.delete(res);
        if (sockets.has(socket)) sockets.set(socket, Math.max(0, sockets.get(socket)! - 1));
      });
    },
    async drain({ idleGraceMs = 1_000, deadlineMs = 4_000 } = {}) {
      closing = true;
      // net.Server's close, not http.Server's: stop listening without dropping idle keep-alive sockets yet.
      net.Server.prototype.close.call(server);
      for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      const started = Date.now();
      while (sockets.size > 0 && Date.now() - started < deadlineMs) {
        // Idle sockets get their grace: a request already on its way arrives and is answered, with close.
        if (Date.now() - started >= idleGraceMs) for (const [socket, requests] of sockets) if (requests === 0) socket.destroy();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      for (const socket of sockets.keys()) socket.destroy();
    },
  };
}
