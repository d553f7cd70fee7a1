// Start `npm start` (wrangler dev on a fresh local D1) for black-box tests, and stop it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalWorker({ owner = "alex.rivera@example.com", token = "blackbox-token-0123456789", timeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "rebound-state-"));
  const log = [];
  // Run start.mjs with this Node (Node 22 under npm), in its own process group so it can be stopped whole.
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), OWNER_EMAILS: owner, API_TOKEN: token, REBOUND_STATE_DIR: state },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`npm start exited (${child.exitCode}):\n${log.join("")}`);
    }
    try {
      const res = await fetch(`${base}/`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      stop();
      throw new Error(`npm start did not answer on ${base} within ${timeoutMs} ms:\n${log.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { base, port, owner, token, log, stop };
}
