// npm run --silent inspect -- a.eml [b.eml ...] [--explain]
// Prints what rebound reads from forwarded emails: one JSON object for one file,
// a JSON array for several (same order). Owners come from OWNER_EMAILS; the
// forwarding address from FORWARD_ADDRESS, else the outer To.

import { readFile } from "node:fs/promises";
import { readEmail, toInspectJson } from "../src/pipeline/read.ts";

const args = process.argv.slice(2);
const explain = args.includes("--explain");
const files = args.filter((a) => a !== "--explain" && a !== "--");

if (files.length === 0) {
  process.stderr.write("usage: npm run --silent inspect -- [--explain] a.eml [b.eml ...]\n");
  process.exit(2);
}

const ownerEmails = (process.env.OWNER_EMAILS ?? "")
  .split(",")
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const forwardAddress = process.env.FORWARD_ADDRESS?.trim().toLowerCase() || undefined;

const results: Record<string, unknown>[] = [];
for (const file of files) {
  let raw: Uint8Array;
  try {
    raw = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`inspect: cannot read ${file}: ${code === "ENOENT" ? "no such file" : String(err)}\n`);
    process.exit(1);
  }
  const reading = await readEmail(raw, { ownerEmails, forwardAddress });
  results.push(toInspectJson(reading, explain));
}
process.stdout.write(JSON.stringify(files.length === 1 ? results[0] : results, null, 2) + "\n");
