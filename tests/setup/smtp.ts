/**
 * A real SMTP server in the test process (smtp-server), receiving what the app sends over SMTP.
 * `mode` decides how it answers each recipient: accept, refuse for now (451) or for good (550).
 * Received messages are kept raw and decoded enough to read: headers (encoded words undone) and
 * the plain-text and HTML parts (quoted-printable and base64 undone).
 */
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = { to: string[]; raw: string; headers: Map<string, string>; subject: string; text: string; html: string };

export type TestSmtp = {
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** `hold`: take the message and never answer it (a sender that dies mid-send). */
  mode: "accept" | "refuse-temporarily" | "refuse" | "hold";
  /** Messages received under `hold`, never answered. */
  held: number;
  /** How many deliveries were attempted (RCPT TO) in all. */
  attempts: number;
  close(): Promise<void>;
};

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: "",
    port: 0,
    received: [],
    mode: "accept",
    attempts: 0,
    held: 0,
    // Held connections never end by themselves: close() stops waiting for them after a moment.
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      setTimeout(resolve, 500).unref();
    }),
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      state.attempts += 1;
      if (state.mode === "accept" || state.mode === "hold") return callback();
      const error = Object.assign(new Error(state.mode === "refuse" ? "Mailbox unavailable" : "Try again later"), { responseCode: state.mode === "refuse" ? 550 : 451 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.mode === "hold") {
          state.held += 1;
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        state.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...parse(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  state.port = typeof address === "object" && address ? address.port : port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_all, encoding: string, text: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuoted(text.replace(/_/g, " ")),
  );
}

function decodeQuoted(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < joined.length; i += 1) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function parse(raw: string): Pick<ReceivedEmail, "headers" | "subject" | "text" | "html"> {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = headersOf(head);
  const body = rest.join("\n\n");
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const decode = (partHeaders: Map<string, string>, content: string) => {
    const encoding = (partHeaders.get("content-transfer-encoding") ?? "").toLowerCase();
    if (encoding === "base64") return Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8");
    if (encoding === "quoted-printable") return decodeQuoted(content);
    return content;
  };
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const [partHead = "", ...partBody] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
      const partHeaders = headersOf(partHead);
      const type = partHeaders.get("content-type") ?? "";
      if (type) parts.push({ type, content: decode(partHeaders, partBody.join("\n\n")) });
    }
  } else parts.push({ type: headers.get("content-type") ?? "text/plain", content: decode(headers, body) });
  return {
    headers,
    subject: headers.get("subject") ?? "",
    text: parts.find((p) => p.type.startsWith("text/plain"))?.content ?? "",
    html: parts.find((p) => p.type.startsWith("text/html"))?.content ?? "",
  };
}
