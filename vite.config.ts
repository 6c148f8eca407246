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
    // Real scrypt hashing (~200 ms each) on a loaded 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["app/**/*.test.ts", "db/**/*.test.ts", "content/**/*.test.ts", "tests/integration/**/*.test.ts"] },
      },
      {
        // Every test that reaches the database through the models again, on a real PostgreSQL server
        // (tests/setup/test-db.ts reads MADURA_TEST_DIALECT).
        extends: true,
        test: {
          name: "postgres",
          include: POSTGRES_TESTS,
          exclude: ["tests/integration/layers.test.ts"],
          env: { MADURA_TEST_DIALECT: "postgres" },
        },
      },
    ],
  },
});
