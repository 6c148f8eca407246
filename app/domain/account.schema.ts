import { z } from "zod";
import { ROLES } from "./roles";
import { freeText, nameText } from "./text.schema";
import { honeypotField } from "~/utils/forms";
import { LANGUAGES } from "~/utils/i18n";


const email = z.string().trim().min(1, "auth.error.emailRequired").max(254, "auth.error.emailInvalid").pipe(z.email("auth.error.emailInvalid"));

export const SignupSchema = z.object({
  name: nameText({ max: 100, required: "auth.error.nameRequired" }),
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
  name: nameText({ max: 120, required: "org.error.nameRequired" }),
  industry: freeText({ max: 120 }).default(""),
  defaultLang: z.enum(LANGUAGES, { error: "form.error.invalidChoice" }).default("es"),
});

export const RoleSchema = z.enum(ROLES, { error: "form.error.invalidChoice" });
