import { getUsableInvite } from "~/models/invite.server";
import { countUsers } from "~/models/user.server";
import { getEnv } from "~/utils/env.server";

export type SignupPolicy = { allowed: boolean; firstRun: boolean };

/** The invite token when a path is an invite link (`/invite/<token>`). */
export function inviteTokenFromPath(path: string | undefined): string | undefined {
  return path?.match(/^\/invite\/([\w-]+)$/)?.[1];
}

/**
 * Who may create an account: anyone with SIGNUP=open; with invite-only, the very first person
 * (the server's first consultant) and people holding a usable invite link.
 */
export async function signupPolicy(redirectTo: string | undefined, mode = getEnv().SIGNUP): Promise<SignupPolicy> {
  const firstRun = (await countUsers()) === 0;
  if (firstRun || mode === "open") return { allowed: true, firstRun };
  const token = inviteTokenFromPath(redirectTo);
  return { allowed: Boolean(token && (await getUsableInvite(token))), firstRun };
}
