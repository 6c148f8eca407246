/**
 * Member invitations: the link (INTERFACES: shown on the members page) and, when email is set up
 * and addresses are given, an invitation email to each, queued with the invite in one transaction.
 */
import { dedupeKey } from "~/domain/reminders";
import { toIsoDate } from "~/domain/dates";
import type { Role } from "~/domain/roles";
import { createInvite } from "~/models/invite.server";
import type { Organization } from "~/models/organization.server";
import { hashToken } from "~/utils/tokens.server";
import { inviteEmail } from "./reminder-emails.server";

export const inviteUrl = (baseUrl: string, token: string) => `${baseUrl}/invite/${token}`;

export async function inviteMembers(input: {
  organization: Organization;
  role: Role;
  inviter: { id: string; name: string };
  baseUrl: string;
  /** Addresses to email; ignored (nothing queued) when email is not set up. */
  emails: readonly string[];
  emailConfigured: boolean;
  now?: number;
}): Promise<{ link: string; emailed: number }> {
  const { organization, role, inviter, baseUrl } = input;
  const now = input.now ?? Date.now();
  const recipients = input.emailConfigured ? input.emails : [];
  const lang = organization.defaultLang;
  const { token } = await createInvite(organization.id, role, inviter.id, now, recipients.length === 0 ? undefined : (token, expiresAt) =>
    recipients.map((recipient) => ({
      organizationId: organization.id,
      kind: "invite" as const,
      dedupeKey: dedupeKey("invite", hashToken(token), toIsoDate(new Date(now)), recipient),
      recipient,
      lang,
      unsubscribeUrl: null,
      ...inviteEmail({ lang, inviter: inviter.name, organizationName: organization.name, role, url: inviteUrl(baseUrl, token), expiresAt }),
    })),
  );
  return { link: inviteUrl(baseUrl, token), emailed: recipients.length };
}
