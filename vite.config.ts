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
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "content/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    // cheap-passwords: a fast password hash everywhere but the two files that test the real one.
    setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/cheap-passwords.ts"],
    pool: "threads",
    // Real scrypt hashing (~200 ms each) on a loaded 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
