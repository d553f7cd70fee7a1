import { readFileSync } from "node:fs";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// schema.sql is the single source of the schema: tests apply the same statements.
const schema = readFileSync(new URL("./schema.sql", import.meta.url), "utf8");

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_SCHEMA: schema,
          OWNER_EMAILS: "alex.rivera@example.com,sam.owner@example.org",
          API_TOKEN: "test-token-0123456789abcdef",
          FORWARD_ADDRESS: "rejections@rebound.example.com",
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
  },
});
