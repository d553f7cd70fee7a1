// Every test file starts from schema.sql, applied to the real local D1.
import { env } from "cloudflare:workers";
import { applyD1Migrations } from "cloudflare:test";
import { beforeEach } from "vitest";

export function schemaStatements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

await applyD1Migrations(env.DB, [{ name: "schema.sql", queries: schemaStatements(env.TEST_SCHEMA) }]);

// Each test starts from an empty database (the schema stays).
const TABLES = ["outbox_follow_ups", "outbox", "follow_ups", "messages", "contacts", "applications", "api_tokens", "owners"];
beforeEach(async () => {
  await env.DB.batch(TABLES.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
});
