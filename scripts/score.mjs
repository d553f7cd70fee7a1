#!/usr/bin/env node
// Score the extractor against a labelled set of forwarded emails.
//
//   node scripts/score.mjs <dir> [--min 0.95] [--cmd "<inspect command>"] [--verbose]
//
// <dir> holds emails/*.eml and labels.json (the layout of ../shared/corpus and test/heldout).
// Runs `npm run --silent inspect -- <all files>` once from the repository root (or --cmd, which
// gets the file paths appended), and scores per the corpus README:
//   isRejection, original.from (lower-case exact), original.date (within 60 s) on every file;
//   company (case-insensitive, punctuation and a trailing legal suffix removed), role
//   (case-insensitive, trimmed, exact) and contacts (a superset of the labelled addresses with no
//   forwarder, forwarding, ATS or no-reply address) on rejections only.
// original.subject and ats are reported for information and never fail the run.
// Exit code: 0 when every scored field is >= --min (default 0.95), 1 when one is below, 2 on errors.
// Plain Node ESM, no dependencies.

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { dir: null, min: 0.95, cmd: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--min") opts.min = Number(argv[++i]);
    else if (a.startsWith("--min=")) opts.min = Number(a.slice(6));
    else if (a === "--cmd") opts.cmd = argv[++i];
    else if (a.startsWith("--cmd=")) opts.cmd = a.slice(6);
    else if (a === "--verbose" || a === "-v") opts.verbose = true;
    else if (a === "--help" || a === "-h") opts.help = true;
    else if (!opts.dir) opts.dir = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!Number.isFinite(opts.min) || opts.min < 0 || opts.min > 1) throw new Error("--min takes a number between 0 and 1");
  return opts;
}

// ---------------------------------------------------------------- normalisation rules
// Trailing legal suffixes, compared after punctuation is removed and spaces are collapsed.
const LEGAL_SUFFIXES = [
  "inc", "incorporated", "llc", "ltd", "limited", "llp", "plc", "co", "corp", "corporation",
  "gmbh", "ag", "se", "sa", "sas", "ab", "lda", "ltda", "bv", "nv", "srl", "spa", "sl",
  "pty ltd", "pty", "sa de cv",
].sort((a, b) => b.length - a.length);

export function normCompany(s) {
  if (s == null) return "";
  let t = String(s).normalize("NFC").toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, (m) => (/[&+\/–—-]/.test(m) ? " " : "")) // S.A. -> sa, Foo & Bar -> foo bar
    .replace(/\s+/g, " ").trim();
  for (let i = 0; i < 2; i++) {
    const sfx = LEGAL_SUFFIXES.find((x) => t.endsWith(" " + x));
    if (!sfx) break;
    t = t.slice(0, -(sfx.length + 1)).trim();
  }
  return t;
}
export function normRole(s) {
  return s == null ? "" : String(s).normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}
const lc = (s) => (s == null ? "" : String(s).trim().toLowerCase());

export const ATS_DOMAINS = [
  "greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "workday.com", "myworkdayjobs.com",
  "ashbyhq.com", "smartrecruiters.com", "icims.com", "workablemail.com", "workable.com",
  "teamtailor.com", "teamtailor-mail.com", "applytojob.com", "jazzhr.com", "jazz.co", "bamboohr.com",
  "recruitee.com", "personio.de", "personio.com", "jobvite.com", "taleo.net", "breezy.hr",
  "successfactors.com", "successfactors.eu", "pinpointhq.com", "rippling.com", "ripplingats.com",
];
const NOREPLY = /(^|[._+-])(no[._-]?reply|do[._-]?not[._-]?reply|donotreply|mailer-daemon|postmaster)([._+-]|$)/i;
export function isSystemAddress(addr) {
  const a = lc(addr);
  const at = a.lastIndexOf("@");
  if (at < 0) return false;
  const local = a.slice(0, at), domain = a.slice(at + 1);
  if (NOREPLY.test(local) || /noreply/.test(local)) return true;
  return ATS_DOMAINS.some((d) => domain === d || domain.endsWith("." + d));
}

// ---------------------------------------------------------------- minimal MIME reader
// Only what the scorer needs: the outer From/To, and the decoded text of every part, to find
// addresses the forwarder shows under their own display name (their other mailboxes).
function splitHead(raw) {
  const m = raw.match(/\r?\n\r?\n/);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : "";
  const headers = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) headers[headers.length - 1][1] += " " + line.trim();
    else {
      const i = line.indexOf(":");
      if (i > 0) headers.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    }
  }
  return { headers, body };
}
const header = (hs, k) => (hs.find(([n]) => n === k) || [])[1];
function param(v, name) {
  const m = (v || "").match(new RegExp(`;\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, "i"));
  return m ? (m[2] ?? m[1]) : null;
}
function decodeBytes(bytes, charset) {
  try { return new TextDecoder((charset || "utf-8").toLowerCase()).decode(bytes); } catch { return new TextDecoder("utf-8").decode(bytes); }
}
function qpDecode(s) {
  const src = s.replace(/=\r?\n/g, "");
  const out = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) { out.push(parseInt(src.slice(i + 1, i + 3), 16)); i += 2; }
    else out.push(src.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}
export function decodeWords(s) {
  if (!s) return "";
  return s.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, cs, enc, txt) => {
    const bytes = enc.toUpperCase() === "B" ? Buffer.from(txt, "base64") : qpDecode(txt.replace(/_/g, " "));
    return decodeBytes(bytes, cs.replace(/\*.*$/, ""));
  });
}
function decodeEntities(s) {
  return s.replace(/&(lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === "lt") return "<"; if (k === "gt") return ">"; if (k === "amp") return "&"; if (k === "quot") return '"'; if (k === "apos") return "'"; if (k === "nbsp") return " ";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}
function textOf(raw, depth = 0) {
  if (depth > 8) return "";
  const { headers, body } = splitHead(raw);
  const ct = header(headers, "content-type") || "text/plain";
  const type = ct.split(";")[0].trim().toLowerCase();
  const parts = [];
  if (depth > 0) for (const k of ["from", "reply-to", "to", "cc"]) { const v = header(headers, k); if (v) parts.push(`${k}: ${decodeWords(v)}`); }
  if (type.startsWith("multipart/")) {
    const b = param(ct, "boundary");
    if (b) {
      const esc = b.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const chunks = body.split(new RegExp(`^--${esc}(?:--)?[ \\t]*\\r?$\\n?`, "m")).slice(1);
      for (const c of chunks) parts.push(textOf(c, depth + 1));
    }
  } else if (type === "message/rfc822") {
    parts.push(textOf(body, depth + 1));
  } else if (type.startsWith("text/")) {
    const cte = (header(headers, "content-transfer-encoding") || "").toLowerCase();
    const bytes = cte === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64") : cte === "quoted-printable" ? qpDecode(body) : Buffer.from(body, "latin1");
    let t = decodeBytes(bytes, param(ct, "charset"));
    if (type === "text/html") t = decodeEntities(t.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|tr|li)>/gi, "\n").replace(/<[^>]+>/g, ""));
    parts.push(t);
  }
  return parts.join("\n");
}
const ADDR_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
function addressesIn(v) { return (decodeWords(v || "").match(ADDR_RE) || []).map(lc); }
function displayName(v) {
  const d = decodeWords(v || "");
  const m = d.match(/^\s*"?([^"<]*?)"?\s*<[^>]+>/);
  return m ? m[1].trim() : "";
}
// Addresses no extractor may report as contacts for this file.
export function forbiddenAddresses(raw) {
  const { headers } = splitHead(raw);
  const fromV = header(headers, "from") || "";
  const out = new Set([...addressesIn(fromV)]);
  for (const k of ["to", "delivered-to", "x-original-to", "envelope-to"]) for (const a of addressesIn(header(headers, k))) out.add(a);
  const name = displayName(fromV).toLowerCase().replace(/\s+/g, " ");
  if (name) {
    // the forwarder's other mailboxes: any "<their display name> <addr>" inside the message
    const text = textOf(raw);
    const re = /([^\n<>:;,]{2,80}?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/g;
    for (const m of text.matchAll(re)) {
      const n = m[1].replace(/^[\s>"'*]+|["'*\s]+$/g, "").replace(/^(from|von|de|da|van|to|an|para|cc|reply-to)\s*:\s*/i, "").toLowerCase().replace(/\s+/g, " ");
      if (n === name) out.add(lc(m[2]));
    }
  }
  return out;
}

// ---------------------------------------------------------------- running inspect
function shq(s) { return `'${String(s).replace(/'/g, `'\\''`)}'`; }
function runInspect(files, cmd) {
  const command = (cmd || "npm run --silent inspect --") + " " + files.map(shq).join(" ");
  const r = spawnSync(command, { cwd: REPO, shell: true, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.error) throw new Error(`could not run inspect: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`inspect exited with ${r.status}\n${(r.stderr || "").trim().slice(-4000)}`);
  const out = r.stdout.trim();
  let parsed;
  try { parsed = JSON.parse(out); } catch {
    const i = out.search(/^[[{]/m);
    try { parsed = JSON.parse(out.slice(i)); } catch (e) { throw new Error(`inspect did not print JSON: ${e.message}\n${out.slice(0, 2000)}`); }
  }
  if (!Array.isArray(parsed)) parsed = [parsed];
  if (parsed.length !== files.length) throw new Error(`inspect printed ${parsed.length} results for ${files.length} files`);
  return parsed;
}

// ---------------------------------------------------------------- scoring
const show = (v) => (v === undefined ? "(missing)" : JSON.stringify(v));
function contactEmails(got) {
  const list = Array.isArray(got?.contacts) ? got.contacts : [];
  return [...new Set(list.map((c) => lc(typeof c === "string" ? c : c?.email)).filter(Boolean))];
}

export function scoreOne(label, got, forbidden) {
  const r = {};
  const o = got?.original || {};
  r.isRejection = { scored: true, pass: got?.isRejection === label.isRejection, expected: label.isRejection, got: got?.isRejection };
  r["original.from"] = { scored: true, pass: lc(o.from) === lc(label.original.from) && lc(o.from) !== "", expected: label.original.from, got: o.from };
  const te = Date.parse(label.original.date), tg = o.date == null ? NaN : Date.parse(o.date);
  r["original.date"] = { scored: true, pass: Number.isFinite(tg) && Math.abs(tg - te) <= 60_000, expected: label.original.date, got: o.date };
  const rej = label.isRejection === true;
  r.company = { scored: rej, pass: normCompany(got?.company) === normCompany(label.company), expected: label.company, got: got?.company };
  r.role = { scored: rej, pass: normRole(got?.role) === normRole(label.role), expected: label.role, got: got?.role };
  const emails = contactEmails(got);
  const missing = label.contacts.map(lc).filter((c) => !emails.includes(c));
  const bad = emails.filter((c) => forbidden.has(c) || isSystemAddress(c));
  r.contacts = { scored: rej, pass: missing.length === 0 && bad.length === 0, expected: label.contacts, got: emails,
    detail: [missing.length ? `missing ${missing.join(", ")}` : "", bad.length ? `must not contain ${bad.join(", ")}` : ""].filter(Boolean).join("; ") };
  r["original.subject"] = { info: true, scored: true, pass: normRole(o.subject) === normRole(label.original.subject), expected: label.original.subject, got: o.subject };
  r.ats = { info: true, scored: true, pass: lc(got?.ats ?? null) === lc(label.ats ?? null), expected: label.ats ?? null, got: got?.ats ?? null };
  return r;
}

const FIELDS = ["isRejection", "original.from", "original.date", "company", "role", "contacts", "original.subject", "ats"];

function main() {
  let opts;
  try { opts = parseArgs(process.argv.slice(2)); } catch (e) { console.error(e.message); process.exit(2); }
  if (opts.help || !opts.dir) {
    console.error("usage: node scripts/score.mjs <dir with emails/ and labels.json> [--min 0.95] [--cmd \"<inspect command>\"] [--verbose]");
    process.exit(opts.help ? 0 : 2);
  }
  const dir = path.resolve(opts.dir);
  const emailDir = fs.existsSync(path.join(dir, "emails")) ? path.join(dir, "emails") : dir;
  let labels;
  try { labels = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8")); } catch (e) { console.error(`cannot read ${path.join(dir, "labels.json")}: ${e.message}`); process.exit(2); }
  const onDisk = fs.readdirSync(emailDir).filter((f) => f.endsWith(".eml")).sort();
  const unlabelled = onDisk.filter((f) => !(f in labels));
  const missingFiles = Object.keys(labels).filter((f) => !onDisk.includes(f));
  if (unlabelled.length) console.warn(`warning: ${unlabelled.length} .eml without a label, skipped: ${unlabelled.join(", ")}`);
  if (missingFiles.length) { console.error(`labels for missing files: ${missingFiles.join(", ")}`); process.exit(2); }
  const names = onDisk.filter((f) => f in labels);
  if (!names.length) { console.error("no labelled .eml files found"); process.exit(2); }
  const files = names.map((f) => path.join(emailDir, f));

  let results;
  try { results = runInspect(files, opts.cmd); } catch (e) { console.error(e.message); process.exit(2); }

  const tally = Object.fromEntries(FIELDS.map((f) => [f, { pass: 0, total: 0 }]));
  const failures = [];
  names.forEach((name, i) => {
    const raw = fs.readFileSync(files[i], "latin1");
    const r = scoreOne(labels[name], results[i], forbiddenAddresses(raw));
    const bad = [];
    for (const f of FIELDS) {
      if (!r[f].scored) continue;
      tally[f].total++;
      if (r[f].pass) tally[f].pass++;
      else if (!r[f].info || opts.verbose) bad.push([f, r[f]]);
    }
    if (bad.length) failures.push([name, bad]);
  });

  const pct = (t) => (t.total ? t.pass / t.total : 1);
  console.log(`\nScored ${names.length} files in ${path.relative(process.cwd(), dir) || "."} (${names.filter((n) => labels[n].isRejection).length} rejections)\n`);
  console.log(`${"field".padEnd(20)}${"pass".padStart(6)}${"total".padStart(7)}${"share".padStart(9)}`);
  console.log("-".repeat(42));
  for (const f of FIELDS) {
    const t = tally[f];
    const info = f === "original.subject" || f === "ats";
    const flag = !info && pct(t) < opts.min ? "  < min" : "";
    console.log(`${(info ? `(${f})` : f).padEnd(20)}${String(t.pass).padStart(6)}${String(t.total).padStart(7)}${(100 * pct(t)).toFixed(1).padStart(8)}%${flag}`);
  }
  console.log("(parenthesised fields are for information and do not count towards --min)");

  if (failures.length) {
    console.log(`\nFailures (${failures.length} files):`);
    for (const [name, bad] of failures) {
      console.log(`\n  ${name}`);
      for (const [f, r] of bad) {
        const tag = r.info ? `(${f})` : f;
        console.log(`    ${tag.padEnd(18)} expected ${show(r.expected)}  got ${show(r.got)}${r.detail ? `  [${r.detail}]` : ""}`);
      }
    }
  }
  const below = FIELDS.filter((f) => f !== "original.subject" && f !== "ats" && pct(tally[f]) < opts.min);
  console.log(below.length ? `\nFAIL: below --min ${opts.min}: ${below.join(", ")}` : `\nOK: every scored field >= ${opts.min}`);
  process.exit(below.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
