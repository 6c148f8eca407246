import { z } from "zod";
import { freeText, nameText } from "./text.schema";
import { honeypotField } from "~/utils/forms";

/**
 * Form schemas of the assessment. Capability fields are named `<capabilityKey>.<field>`
 * (INTERFACES.md), so the schemas are built from the model's keys. Messages are i18n keys.
 */

export const NewAssessmentSchema = z.object({
  name: nameText({ max: 120, required: "assessment.error.nameRequired" }),
  mode: z.enum(["workshop", "solo"], { error: "assessment.error.mode" }),
});

export const JoinSchema = z.object({
  code: z.string().trim().min(1, "join.error.codeRequired").max(20, "join.error.codeUnknown"),
  name: nameText({ max: 60, required: "join.error.nameRequired" }),
  website: honeypotField,
});

const level = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^[1-4]?$/, message)
    .transform((v) => (v === "" ? undefined : Number(v)))
    .optional();

export type RatingInput = { capabilityKey: string; current: number | null; ideal: number | null; comment: string };

/** A participant's post: any subset of capabilities; a capability counts when any of its fields is filled. */
export function ratingPostSchema(capabilityKeys: readonly string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of capabilityKeys) {
    shape[`${key}.current`] = level("rating.error.level");
    shape[`${key}.ideal`] = level("rating.error.level");
    shape[`${key}.comment`] = freeText({ max: 1000, multiline: true }).optional();
    shape[`${key}.skip`] = z.string().optional();
  }
  return z.object(shape).transform((values) => {
    const ratings: RatingInput[] = [];
    for (const key of capabilityKeys) {
      const current = values[`${key}.current`] as number | undefined;
      const ideal = values[`${key}.ideal`] as number | undefined;
      const comment = (values[`${key}.comment`] as string | undefined) ?? "";
      const skip = Boolean(values[`${key}.skip`]);
      if (current === undefined && ideal === undefined && !comment && !skip) continue;
      ratings.push({ capabilityKey: key, current: skip ? null : (current ?? null), ideal: skip ? null : (ideal ?? null), comment });
    }
    return ratings;
  });
}

export type ConsensusInput = { capabilityKey: string; current: number; ideal: number; importance: number; rationale: string };

/** The facilitator's consensus: any subset of capabilities; current and ideal both needed for each. */
export function consensusPostSchema(capabilityKeys: readonly string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of capabilityKeys) {
    shape[`${key}.current`] = level("consensus.error.level");
    shape[`${key}.ideal`] = level("consensus.error.level");
    shape[`${key}.importance`] = z
      .string()
      .trim()
      .regex(/^[1-3]?$/, "consensus.error.importance")
      .transform((v) => (v === "" ? undefined : Number(v)))
      .optional();
    shape[`${key}.rationale`] = freeText({ max: 2000, multiline: true }).optional();
  }
  shape.intent = z.enum(["save", "review-lock", "lock"]).optional();
  return z
    .object(shape)
    .superRefine((values, ctx) => {
      for (const key of capabilityKeys) {
        const current = values[`${key}.current`];
        const ideal = values[`${key}.ideal`];
        // Importance always comes pre-filled, so it alone does not make a row count as set.
        const touched = current !== undefined || ideal !== undefined || Boolean(values[`${key}.rationale`]);
        if (!touched) continue;
        if (current === undefined) ctx.addIssue({ code: "custom", path: [`${key}.current`], message: "consensus.error.required" });
        if (ideal === undefined) ctx.addIssue({ code: "custom", path: [`${key}.ideal`], message: "consensus.error.required" });
      }
    })
    .transform((values) => {
      const entries: ConsensusInput[] = [];
      for (const key of capabilityKeys) {
        const current = values[`${key}.current`] as number | undefined;
        const ideal = values[`${key}.ideal`] as number | undefined;
        if (current === undefined || ideal === undefined) continue;
        entries.push({
          capabilityKey: key,
          current,
          ideal,
          importance: (values[`${key}.importance`] as number | undefined) ?? 2,
          rationale: (values[`${key}.rationale`] as string | undefined) ?? "",
        });
      }
      return { entries, intent: (values.intent as "save" | "review-lock" | "lock" | undefined) ?? "save" };
    });
}
