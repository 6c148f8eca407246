/**
 * Email over SMTP (nodemailer), from SMTP_URL. The outbox decides what to send and when; this only
 * talks to the server. Timeouts are short so a hung server cannot hold a claimed row anywhere near
 * the outbox's lease (domain/reminders CLAIM_LEASE_MS).
 */
import nodemailer from "nodemailer";

export type OutgoingEmail = {
  /** The outbox row's id: the Message-ID is derived from it, the same on every attempt. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** One-click opt-out URL (RFC 8058); null for mail that is not a reminder. */
  unsubscribeUrl: string | null;
};

export type Mailer = { send(email: OutgoingEmail): Promise<void>; close(): void };

/** The sender: SMTP_FROM, else madura@ the SMTP server's host (a local part is better than none). */
export function senderFor(smtpUrl: string, from: string | undefined): string {
  if (from) return from;
  const host = new URL(smtpUrl).hostname || "localhost";
  return `Madura <madura@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

export function createMailer(smtpUrl: string, from?: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  } as never);
  const sender = senderFor(smtpUrl, from);
  const domain = sender.replace(/^.*@/, "").replace(/>$/, "");
  return {
    async send(email) {
      await transport.sendMail({
        from: sender,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.id}@${domain}>`,
        headers: email.unsubscribeUrl
          ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {},
      });
    },
    close: () => transport.close(),
  };
}
