/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** The model, service, edge and integration tests: what runs on SQLite runs on PostgreSQL too. */
const POSTGRES_TESTS = [
  "app/models/**/*.test.ts",
  "app/services/**/*.test.ts",
  "app/server/**/*.test.ts",
  "app/utils/rate-limit.server.test.ts",
  "tests/integration/**/*.test.ts",
];

/**
 * The files that need a fresh module state of their own: the other files share one per worker
 * (`isolate: false`, see Decisions). These put the real password module back over the cheap one
 * (vi.unmock) or spy on a module's export that the routes must see.
 */
const ISOLATED_POSTGRES_TESTS = ["app/models/user.server.test.ts", "tests/integration/signup-enumeration.test.ts"];
const ISOLATED_TESTS = [...ISOLATED_POSTGRES_TESTS, "app/utils/password.server.test.ts"];

const SQLITE_TESTS = ["app/**/*.test.ts", "db/**/*.test.ts", "content/**/*.test.ts", "tests/integration/**/*.test.ts"];
const POSTGRES_ONLY_EXCLUDED = ["tests/integration/layers.test.ts"];
const POSTGRES_ENV = { MADURA_TEST_DIALECT: "postgres" };

export default defineConfig({
  plugins: [
    tailwindcss(),
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  optimizeDeps: {
    include: ["zod", "react-hook-form", "@hookform/resolvers/zod"],
    exclude: ["better-sqlite3", "drizzle-orm", "@remix-run/node"],
  },
  build: { target: "es2022" },
  test: {
    globalSetup: ["tests/setup/global-setup.ts"],
    // cheap-passwords: a fast password hash everywhere but the two files that test the real one.
    setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/cheap-passwords.ts"],
    pool: "threads",
    // One module graph per worker for all its files instead of one per file: importing the app's
    // modules again for each of ~80 files was most of the run's time (see Decisions). The files
    // that cannot share run in the *-isolated projects.
    isolate: false,
    maxWorkers: 2,
    // Real scrypt hashing (~200 ms each) on a loaded 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "sqlite", include: SQLITE_TESTS, exclude: ISOLATED_TESTS } },
      { extends: true, test: { name: "sqlite-isolated", include: ISOLATED_TESTS, isolate: true } },
      {
        // Every test that reaches the database through the models again, on a real PostgreSQL server
        // (tests/setup/test-db.ts reads MADURA_TEST_DIALECT).
        extends: true,
        test: { name: "postgres", include: POSTGRES_TESTS, exclude: [...POSTGRES_ONLY_EXCLUDED, ...ISOLATED_TESTS], env: POSTGRES_ENV },
      },
      {
        extends: true,
        test: {
          name: "postgres-isolated",
          include: ISOLATED_POSTGRES_TESTS,
          isolate: true,
          env: POSTGRES_ENV,
        },
      },
    ],
  },
});
