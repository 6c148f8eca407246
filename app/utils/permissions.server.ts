import type { Role } from "../../db/schema";
import { getMembership, type Organization } from "~/models/organization.server";
import type { SessionUser } from "~/models/session.server";
import { requireUser } from "./session.server";

/** What each role may do; checked on the server for every action, not only hidden in the UI. */
export const PERMISSIONS = {
  read: ["consultant", "program-owner", "viewer"],
  "manage-organization": ["consultant"],
  "manage-members": ["consultant"],
  "run-assessments": ["consultant"],
  "manage-initiatives": ["consultant", "program-owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export type OrgAccess = { user: SessionUser; organization: Organization; role: Role };

/**
 * The one guard of every /orgs/:orgId route: signed-out → login; not a member → 404 (never a hint
 * that the organization exists); a member without the permission → 403.
 */
export async function requireOrgAccess(request: Request, orgId: string | undefined, permission: Permission = "read"): Promise<OrgAccess> {
  const user = await requireUser(request);
  const membership = orgId ? await getMembership(orgId, user.id) : null;
  if (!membership) throw new Response("Not found", { status: 404 });
  if (!can(membership.role, permission)) throw new Response("Forbidden", { status: 403 });
  return { user, organization: membership.organization, role: membership.role };
}

/**
 * For routes under /orgs/:orgId that take no posts (layouts, files, JSON): the guard still runs
 * first, so a stranger gets the same 404 as everywhere else and only a member learns it is a 405.
 */
export async function orgRouteWithoutPosts({ request, params }: { request: Request; params: { orgId?: string } }): Promise<never> {
  await requireOrgAccess(request, params.orgId);
  throw new Response("Method not allowed", { status: 405, headers: { Allow: "GET" } });
}
