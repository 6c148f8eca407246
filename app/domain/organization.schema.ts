import { z } from "zod";
import { RoleSchema } from "./account.schema";

/**
 * Deleting an organization is irreversible: the name typed back must match it exactly (spaces
 * around it aside), not merely be present. Built per organization, on the server and in the form.
 */
export function organizationDeleteSchema(organizationName: string) {
  return z.object({
    intent: z.literal("delete"),
    confirm: z
      .string({ error: "settings.delete.mismatch" })
      .trim()
      .refine((typed) => typed === organizationName, "settings.delete.mismatch"),
  });
}

/**
 * Addresses to email an invite link to: optional, separated by commas, semicolons or spaces; each a
 * real address (at most 20 at once).
 */
export const InviteEmailsSchema = z
  .string({ error: "members.invite.emailInvalid" })
  .trim()
  .max(2000, "members.invite.emailInvalid")
  .transform((value) => [...new Set(value.split(/[\s,;]+/).filter(Boolean).map((email) => email.toLowerCase()))])
  .refine((list) => list.length <= 20 && list.every((email) => z.email().safeParse(email).success), "members.invite.emailInvalid")
  .optional();

/** The members page's four forms, told apart by their `intent`. */
export const MemberActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite"), role: RoleSchema, emails: InviteEmailsSchema }),
    z.object({ intent: z.literal("revoke"), inviteId: z.string().min(1) }),
    z.object({ intent: z.literal("role"), userId: z.string().min(1), role: RoleSchema }),
    z.object({ intent: z.literal("remove"), userId: z.string().min(1) }),
  ],
  { error: "form.error.invalidChoice" },
);

/** Settings: in or out of the consultant's anonymous peer benchmark (`intent=peer-benchmark`). */
export const PeerBenchmarkSchema = z.object({
  intent: z.literal("peer-benchmark"),
  peer_benchmark: z.enum(["in", "out"], { error: "form.error.invalidChoice" }),
});
