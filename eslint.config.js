import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * The house's arrows (README, "The house"): routes → services → models → db, with domain beside
 * them and calling nothing. Each layer lists what it may not import; type-only imports are allowed
 * (a component may name a service's result type), value imports are not.
 */
const ROUTE = { group: ["**/routes/*", "~/routes/*"], message: "A route never imports another route." };
const layer = (message, ...group) => ({ group, message });
const DB = (who) => layer(`${who} never reach the database: go through a model.`, "**/db/*", "!**/db/schema", "better-sqlite3", "drizzle-orm", "drizzle-orm/*");
const MODELS = (who) => layer(`${who} never call a model.`, "~/models/*", "**/models/*");
const SERVICES = (who) => layer(`${who} never call a service.`, "~/services/*", "**/services/*");
const INTEGRATIONS = (who) => layer(`${who} never call an integration.`, "~/integrations/*", "**/integrations/*");
const JOBS = (who) => layer(`${who} never start jobs: server.ts does.`, "~/jobs/*", "**/jobs/*");
const COMPONENTS = (who) => layer(`${who} render nothing.`, "~/components/*", "**/components/*");
const UP = (who) => [COMPONENTS(who), JOBS(who), ROUTE];

/** One no-restricted-imports rule per folder; a test file next to the code is exempt (below). */
const layers = [
  {
    files: ["app/domain/**"],
    patterns: [
      DB("The domain is pure and"),
      MODELS("The domain is pure and"),
      SERVICES("The domain is pure and"),
      INTEGRATIONS("The domain is pure and"),
      layer("The domain is pure: no I/O, no server modules.", "node:*", "~/utils/*.server", "**/*.server"),
      ...UP("The domain"),
    ],
  },
  { files: ["app/components/**"], patterns: [DB("Components"), MODELS("Components"), SERVICES("Components"), INTEGRATIONS("Components"), JOBS("Components"), ROUTE] },
  { files: ["app/models/**"], patterns: [SERVICES("Models"), INTEGRATIONS("Models"), ...UP("Models")] },
  { files: ["app/services/**"], patterns: UP("Services") },
  { files: ["app/integrations/**"], patterns: [MODELS("Integrations"), SERVICES("Integrations"), DB("Integrations"), ...UP("Integrations")] },
  { files: ["app/utils/**"], patterns: [SERVICES("Utils"), INTEGRATIONS("Utils"), ...UP("Utils")] },
  { files: ["app/jobs/**"], patterns: [COMPONENTS("Jobs"), ROUTE] },
  // The HTTP edge started by server.ts (the app's start, the phone lane, the adapter): it wires the
  // layers together, so it may call any of them, but renders nothing and is no route.
  { files: ["app/server/**"], patterns: [COMPONENTS("The server edge"), ROUTE] },
  { files: ["app/routes/**", "app/root.tsx", "app/entry.*"], patterns: [DB("Routes"), JOBS("Routes"), ROUTE] },
  {
    files: ["db/**"],
    ignores: ["db/seed.ts"],
    patterns: [layer("db/ imports nothing from app/ but the domain's enums.", "~/*", "!~/domain", "**/app/*", "!**/app/domain")],
  },
];

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "test-results/", "playwright-report/", "tests/.artifacts/", "db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [ROUTE] }],
    },
  },
  ...layers.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns.map((pattern) => ({ ...pattern, allowTypeImports: true })) }],
    },
  })),
  {
    // The model API is async (issue 10): a query that is not awaited runs outside its transaction,
    // or after the response, or never reports its error. These rules need the types.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "server.ts", "tests/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  { files: ["public/**/*.js"], languageOptions: { globals: globals.browser } },
  { files: ["**/*.mjs"], languageOptions: { globals: globals.node } },
  {
    // Tests import route modules to call their loaders and actions, and use* helpers are not React hooks there.
    files: ["**/*.test.ts", "tests/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": "off", "react-hooks/rules-of-hooks": "off" },
  },
);
