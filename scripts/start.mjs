// `npm start`: run rebound locally with wrangler dev on a local D1 that has
// schema.sql applied. Offline, no Cloudflare account needed.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_ACCOUNT_ID: process.env.CLOUDFLARE_ACCOUNT_ID ?? "local" };
// Run wrangler with this Node (npm start runs Node 22 from node_modules/.bin).
const wranglerJs = new URL("../node_modules/wrangler/bin/wrangler.js", import.meta.url).pathname;
const wrangler = process.execPath;

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("Created .dev.vars from .dev.vars.example");
}

// REBOUND_STATE_DIR keeps the local D1 elsewhere than .wrangler/state (the black-box test uses a fresh one).
const persist = process.env.REBOUND_STATE_DIR ? ["--persist-to", process.env.REBOUND_STATE_DIR] : [];
const schema = spawnSync(wrangler, [wranglerJs, "d1", "execute", "DB", "--local", "--file=schema.sql", ...persist], { env, stdio: ["ignore", "ignore", "inherit"] });
if (schema.status !== 0) {
  console.error("Could not apply schema.sql to the local D1 database.");
  process.exit(schema.status ?? 1);
}

// Variables from the environment win over .dev.vars.
const port = process.env.PORT || "8787";
const overrides = ["OWNER_EMAILS", "API_TOKEN"].filter((k) => process.env[k]).flatMap((k) => ["--var", `${k}:${process.env[k]}`]);
const readVar = (name, fallback) => {
  if (process.env[name]) return process.env[name];
  const line = spawnSync("grep", [`^${name}=`, ".dev.vars"], { encoding: "utf8" }).stdout.trim();
  return line ? line.slice(name.length + 1).split(",")[0] : fallback;
};
const owner = readVar("OWNER_EMAILS", "you@example.com");
const token = readVar("API_TOKEN", "<API_TOKEN>");

console.log(`
rebound is starting on http://localhost:${port}

Try a forward (owner ${owner}):
  curl -X POST 'http://localhost:${port}/cdn-cgi/handler/email?format=json&from=${owner}&to=rejections@rebound.example.com' \\
    --data-binary @test/fixtures/corpus/emails/01-gmail-recruiter-subject-role.eml
See what was stored:
  curl -H 'Authorization: Bearer ${token}' http://localhost:${port}/api/applications
Fire the cron as if it were a given time (epoch ms):
  curl 'http://localhost:${port}/cdn-cgi/handler/scheduled?time=${Date.now() + 7 * 86400000}'
`);

const child = spawn(wrangler, [wranglerJs, "dev", "--port", port, "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...persist, ...overrides], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
