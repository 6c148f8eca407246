import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { CapabilityModelSchema, QuizContentSchema, type CapabilityModel, type QuizContent } from "./content.schema";

/** Content ships beside the build as data, so a variant model needs no code change. */
export const contentFolder = path.resolve(process.cwd(), "content");

function load<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const full = path.join(contentFolder, file);
  const result = schema.safeParse(JSON.parse(fs.readFileSync(full, "utf8")));
  if (!result.success) {
    throw new Error(`Invalid content in ${full}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return result.data;
}

let quiz: QuizContent | undefined;
let model: CapabilityModel | undefined;

export function getQuizContent(): QuizContent {
  quiz ??= load("quiz.json", QuizContentSchema);
  return quiz;
}

export function getCapabilityModel(): CapabilityModel {
  model ??= load("capability-model.json", CapabilityModelSchema);
  return model;
}
