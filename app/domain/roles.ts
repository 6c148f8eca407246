/** Roles in an organization, most powerful first. */
export const ROLES = ["consultant", "program-owner", "viewer"] as const;
export type Role = (typeof ROLES)[number];
