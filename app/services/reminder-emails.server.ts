/**
 * The reminder emails' words, in the recipient's language: a plain-text body and an HTML one that
 * say the same, a link to the item, and (for reminders) the one-click opt-out. Built when the row is
 * queued, so what was decided is exactly what is sent, however late.
 */
import { daysBetween, fromIsoDate, type IsoDate } from "~/domain/dates";
import type { Role } from "~/domain/roles";
import { formatDate, type Lang, type MessageKey } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";

export type EmailContent = { subject: string; textBody: string; htmlBody: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const longDate = (lang: Lang, date: IsoDate) => formatDate(lang, fromIsoDate(date), { weekday: "long", day: "numeric", month: "long", year: "numeric" });

type Block = { kind: "p"; text: string } | { kind: "list"; items: string[] } | { kind: "action"; label: string; url: string };

/** One layout for every email: blocks of text, one action, and a footer. */
function compose(lang: Lang, subject: string, blocks: Block[], unsubscribeUrl: string | null): EmailContent {
  const footer: Block[] = unsubscribeUrl ? [{ kind: "p", text: translate(lang, "email.footer.why") }] : [];
  const text = [...blocks, ...footer]
    .map((block) => (block.kind === "p" ? block.text : block.kind === "list" ? block.items.map((item) => `- ${item}`).join("\n") : `${block.label}: ${block.url}`))
    .join("\n\n");
  const html = [...blocks, ...footer]
    .map((block) => {
      if (block.kind === "p") return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
      if (block.kind === "list") return `<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#0f5c5c;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(block.label)}</a></p>`;
    })
    .join("\n");
  const optOutText = unsubscribeUrl ? `\n\n${translate(lang, "email.footer.optOut", { url: unsubscribeUrl })}` : "";
  const optOutHtml = unsubscribeUrl
    ? `\n<p style="margin:24px 0 0;font-size:13px;color:#555"><a href="${escapeHtml(unsubscribeUrl)}" style="color:#555">${escapeHtml(translate(lang, "email.footer.optOutLink"))}</a></p>`
    : "";
  return {
    subject,
    textBody: `${text}${optOutText}\n`,
    htmlBody: `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1c2b33;line-height:1.5;max-width:600px;margin:0 auto;padding:24px">\n${html}${optOutHtml}\n</body></html>\n`,
  };
}

export function reviewEmail(input: {
  lang: Lang;
  kind: "review-before" | "review-due";
  title: string;
  organizationName: string;
  due: IsoDate;
  today: IsoDate;
  url: string;
  unsubscribeUrl: string;
}): EmailContent {
  const { lang } = input;
  const subject =
    input.kind === "review-due"
      ? translate(lang, "email.reviewDue.subject", { title: input.title })
      : translate(lang, "email.reviewBefore.subject", { count: daysBetween(input.today, input.due), title: input.title });
  return compose(
    lang,
    subject,
    [
      { kind: "p", text: translate(lang, "email.review.intro", { organization: input.organizationName, date: longDate(lang, input.due) }) },
      { kind: "p", text: input.title },
      { kind: "p", text: translate(lang, "email.review.ask") },
      { kind: "action", label: translate(lang, "email.review.action"), url: input.url },
    ],
    input.unsubscribeUrl,
  );
}

const DIGEST_LINE = {
  review: "email.digest.item.review",
  target: "email.digest.item.target",
  reassessment: "email.digest.item.reassessment",
} as const satisfies Record<DigestLine["kind"], MessageKey>;

const ROLE_NAME = {
  consultant: "email.role.consultant",
  "program-owner": "email.role.program-owner",
  viewer: "email.role.viewer",
} as const satisfies Record<Role, MessageKey>;

export type DigestLine = { kind: "review" | "target" | "reassessment"; organizationName: string; title: string; date: IsoDate };

export function digestEmail(input: { lang: Lang; items: readonly DigestLine[]; url: string; unsubscribeUrl: string }): EmailContent {
  const { lang } = input;
  const items = input.items.map((item) =>
    translate(lang, DIGEST_LINE[item.kind], { organization: item.organizationName, title: item.title, date: longDate(lang, item.date) }),
  );
  return compose(
    lang,
    translate(lang, "email.digest.subject", { count: items.length }),
    [
      { kind: "p", text: translate(lang, "email.digest.intro") },
      { kind: "list", items },
      { kind: "action", label: translate(lang, "email.digest.action"), url: input.url },
    ],
    input.unsubscribeUrl,
  );
}

export function inviteEmail(input: { lang: Lang; inviter: string; organizationName: string; role: Role; url: string; expiresAt: Date }): EmailContent {
  const { lang } = input;
  const names = { inviter: input.inviter, organization: input.organizationName };
  return compose(
    lang,
    translate(lang, "email.invite.subject", names),
    [
      { kind: "p", text: translate(lang, "email.invite.intro", { ...names, role: translate(lang, ROLE_NAME[input.role]) }) },
      { kind: "action", label: translate(lang, "email.invite.action"), url: input.url },
      { kind: "p", text: translate(lang, "email.invite.expires", { date: formatDate(lang, input.expiresAt) }) },
      { kind: "p", text: translate(lang, "email.invite.ignore") },
    ],
    null,
  );
}
