import { z } from "zod";
import { ROLES } from "./roles";
import { honeypotField } from "~/utils/forms";
import { LANGUAGES } from "~/utils/i18n";


const email = z.string().trim().min(1, "auth.error.emailRequired").max(254, "auth.error.emailInvalid").pipe(z.email("auth.error.emailInvalid"));

export const SignupSchema = z.object({
  name: z.string().trim().min(1, "auth.error.nameRequired").max(100, "form.error.tooLong"),
  email,
  password: z.string().min(10, "auth.error.passwordShort").max(200, "form.error.tooLong"),
  redirectTo: z.string().optional(),
  website: honeypotField,
});

export const LoginSchema = z.object({
  email,
  password: z.string().min(1, "auth.error.passwordRequired").max(200, "form.error.tooLong"),
  redirectTo: z.string().optional(),
  website: honeypotField,
});

export const OrganizationSchema = z.object({
  name: z.string().trim().min(1, "org.error.nameRequired").max(120, "form.error.tooLong"),
  industry: z.string().trim().max(120, "form.error.tooLong").default(""),
  defaultLang: z.enum(LANGUAGES, { error: "form.error.invalidChoice" }).default("es"),
});

export const RoleSchema = z.enum(ROLES, { error: "form.error.invalidChoice" });
