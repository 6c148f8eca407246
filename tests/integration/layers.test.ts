import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The house's arrows hold because `npm run lint` refuses a file that breaks them. */
// The layer rules need no types: the type-aware rules (and the type service, which knows nothing
// of these made-up files) are switched off for them.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off", "@typescript-eslint/await-thenable": "off" },
  },
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    ["app/domain/x.ts", `import { getDb } from "../../db/connection.server";\nexport const x = getDb;`],
    ["app/domain/x.ts", `import fs from "node:fs";\nexport const x = fs;`],
    ["app/components/x.tsx", `import { getUserByEmail } from "~/models/user.server";\nexport const x = getUserByEmail;`],
    ["app/components/x.tsx", `import { submitJoin } from "~/services/join.server";\nexport const x = submitJoin;`],
    ["app/models/x.server.ts", `import { submitJoin } from "~/services/join.server";\nexport const x = submitJoin;`],
    ["app/models/x.server.ts", `import { loader } from "~/routes/healthz";\nexport const x = loader;`],
    ["app/routes/x.tsx", `import { getDb } from "../../db/connection.server";\nexport const x = getDb;`],
    ["app/utils/x.server.ts", `import { slug } from "~/integrations/csv.server";\nexport const x = slug;`],
    ["db/x.ts", `import { getUserByEmail } from "~/models/user.server";\nexport const x = getUserByEmail;`],
  ])("refuses %s importing across the arrows: %s", async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    ["app/components/x.tsx", `import type { GapAnalysis } from "~/services/gap-analysis.server";\nexport type X = GapAnalysis;`],
    ["app/routes/x.tsx", `import { submitJoin } from "~/services/join.server";\nexport const x = submitJoin;`],
    ["app/services/x.server.ts", `import { getUserByEmail } from "~/models/user.server";\nexport const x = getUserByEmail;`],
    ["db/x.ts", `import { ROLES } from "../app/domain/roles";\nexport const x = ROLES;`],
  ])("allows %s: %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
