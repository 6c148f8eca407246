import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vite.config";

/**
 * `npm run test:faults`: the fault suite (crashes, signals, a busy database, property-based posts).
 * It shares the unit suite's aliases and base database; its tests may start the built server.
 */
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // Server processes and fsync-heavy bursts: one file at a time on two cores.
      fileParallelism: false,
    },
  }),
);
// mergeConfig concatenates arrays: the unit suite's projects and files would run here too. Only the fault suite's.
config.test!.projects = undefined;
config.test!.include = ["tests/faults/**/*.test.ts"];

export default config;
