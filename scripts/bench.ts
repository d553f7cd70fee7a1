// npm run bench: rebound's performance budget, side by side in one run (issue 8).
//
//   1. Inbound CPU per email through the real pipeline code (readEmail -> identity ->
//      planFollowUps -> draftMessage -> composeDigest -> buildMime; D1 excluded), next to
//      postal-mime's own parse of the same bytes (the floor), on every fixture .eml.
//   2. The worst case: a generated 2 MB HTML-heavy forward and a 1 MB single-line body.
//   3. The cron's database cost: the real claimDue (src/db/followups.ts, called as is through a
//      D1-shaped adapter over node:sqlite) claiming 1,000 due follow-ups among 10,000 and among
//      1,000,000 stored rows, schema.sql applied as is, with EXPLAIN QUERY PLAN of every statement.
//   4. The bundle: gzipped size of `wrangler deploy --dry-run --outdir`.
//
// Timings are wall time of synchronous work in one warm process (tinybench, fixed iteration
// counts so every email weighs the same). Benchmarks are not tests: nothing here fails on a
// missed target; the last line of stdout is one JSON object with the figures.
//
// Options: --quick (fewer iterations), --only=inbound,worst,cron,bundle (a subset), --skip-<section>,
// --skip-1m (cron at 10k rows only), --analyze (ANALYZE the cron database first),
// --extra-sql=<file> (SQL run after schema.sql, to try an index), --dump-worst=<dir> (write the
// generated worst cases as .eml), --json-only; BENCH_CACHE_MB=n sets
// SQLite's page cache for the cron measurement (default: SQLite's 2 MB).

import { readFileSync, readdirSync, existsSync, statSync, mkdtempSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { tmpdir, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Bench } from "tinybench";
import PostalMime from "postal-mime";

import { readEmail } from "../src/pipeline/read.ts";
import { parseEmail, trimForParse } from "../src/pipeline/parse.ts";
import { unwrapForward } from "../src/pipeline/unwrap.ts";
import { classifyRejection } from "../src/pipeline/classify.ts";
import { extractApplication } from "../src/pipeline/extract.ts";
import { DEFAULT_CADENCE } from "../src/pipeline/plan.ts";
import { prepareForward } from "../src/pipeline/prepare.ts";
import { draftMessage } from "../src/pipeline/draft.ts";
import { composeDigest, applicationTag } from "../src/mail/digest.ts";
import { buildMime } from "../src/mail/mime.ts";
import { claimDue, MAX_FOLLOW_UPS_PER_RUN, MAX_OWNERS_PER_RUN } from "../src/db/followups.ts";
import type { Reading, ReadOptions } from "../src/pipeline/types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// crypto.subtle.digest (src/pipeline/identity.ts) computes synchronously in workerd and hands back
// a settled promise; Node's runs on the libuv thread pool, so its wall time counts a thread hop
// and, on a busy machine, the wait for a free thread. Emulate workerd: same SHA-256, computed inline.
{
  const subtle = crypto.subtle;
  const native = subtle.digest.bind(subtle);
  const bytesOf = (d: BufferSource): Uint8Array =>
    d instanceof Uint8Array ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);
  Object.defineProperty(subtle, "digest", {
    configurable: true,
    value: async (algorithm: string | { name: string }, data: BufferSource): Promise<ArrayBuffer> => {
      const name = typeof algorithm === "string" ? algorithm : algorithm.name;
      if (name.toUpperCase() !== "SHA-256") return native(algorithm, data);
      const h = createHash("sha256").update(bytesOf(data)).digest();
      return h.buffer.slice(h.byteOffset, h.byteOffset + h.byteLength) as ArrayBuffer;
    },
  });
}
const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const ONLY = (process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? "inbound,worst,cron,bundle").split(",");
const section = (name: string) => ONLY.includes(name) && !args.has(`--skip-${name}`);
const result = {
  inboundMedianMs: NaN,
  inboundP99Ms: NaN,
  parseFloorMedianMs: NaN,
  inboundRatio: NaN,
  worstCaseMs: NaN,
  cronClaim10kMs: NaN,
  cronClaim1MMs: NaN,
  cronScaleRatio: NaN,
  bundleGzipKB: NaN,
};
const log = args.has("--json-only") ? (..._: unknown[]) => {} : (...a: unknown[]) => console.log(...a);

const TARGETS = { inboundRatio: 1.3, inboundP99Ms: 5, worstCaseMs: 10, cronScaleRatio: 1.5, bundleGzipKB: 120 };
const started = performance.now();

// ------------------------------------------------------------------ helpers

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
const sortNum = (a: number[]) => [...a].sort((x, y) => x - y);
const median = (a: number[]) => quantile(sortNum(a), 0.5);
const kb = (bytes: number) => round(bytes / 1024, 1);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const mark = (ok: boolean) => (ok ? "met" : "MISSED");

function listEml(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (recursive) out.push(...listEml(p, true));
    } else if (name.endsWith(".eml")) out.push(p);
  }
  return out;
}

/** The worker's owner is the envelope sender; here, the outer From of each file (and the fixtures' owner). */
const FIXTURE_OWNER = "alex.rivera@example.com";
const FORWARD_ADDRESS = "rejections@rebound.example.com";
function outerFrom(raw: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(raw.subarray(0, 64 * 1024));
  const end = head.search(/\r?\n\r?\n/);
  const m = /^from:[^\n]*?([\w.+-]+@[\w.-]+)/im.exec(end > 0 ? head.slice(0, end) : head);
  return m ? m[1]!.toLowerCase() : null;
}
function optionsFor(raw: Uint8Array): ReadOptions {
  const from = outerFrom(raw);
  return { ownerEmails: [...new Set([FIXTURE_OWNER, ...(from ? [from] : [])])], forwardAddress: FORWARD_ADDRESS };
}

// ------------------------------------------------------------------ the inbound path, D1 excluded

const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);
const WINDOW = { timezone: "UTC", hour: 9, days: [1, 2, 3, 4, 5] };
const PM_OPTIONS = { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer" } as const;

/** What the worker computes for one forward, in the order src/flows/forward.ts does it, minus D1 and the send. */
async function planAndDraft(reading: Reading, raw: Uint8Array, now: number): Promise<string> {
  const p = await prepareForward(reading, raw, { maxContacts: 25, cadence: DEFAULT_CADENCE, window: WINDOW, now });
  const { messageId, contacts, steps, rejectedAt, ownerName } = p;
  const reason = p.reviewReason;
  const draftFor = (contact: (typeof contacts)[number] | null) =>
    draftMessage({ kind: "thank-you", company: reading.company, role: reading.role, contact, ownerName, rejectedAt });
  const upcoming = steps
    .filter((s) => s.status === "pending" && s.dueAt > now)
    .slice(0, 8)
    .map((s) => ({ kind: s.kind, dueAt: s.dueAt, who: s.contactEmail ? (contacts.find((c) => c.email === s.contactEmail)?.name ?? s.contactEmail) : "you" }));
  const mail = composeDigest({
    applicationId: 1,
    company: reading.company,
    role: reading.role,
    rejectedAt,
    contacts,
    drafts: reason ? [] : contacts.length ? contacts.map(draftFor) : [draftFor(null)],
    upcoming,
    reviewReason: reason,
    skippedContacts: p.skipped,
    fromNote: [],
    timezone: "UTC",
  });
  return buildMime({
    from: { name: "rebound", address: FORWARD_ADDRESS },
    to: reading.outer.from?.address ?? FIXTURE_OWNER,
    subject: `Re: ${(reading.outer.subject || "your forward").slice(0, 200)} ${applicationTag(1)}`,
    text: mail.text,
    html: mail.html,
    messageId: "<bench@rebound.example.com>",
    inReplyTo: messageId,
    references: [...reading.outer.references, messageId],
    date: new Date(now),
    autoSubmitted: true,
  });
}

async function inbound(raw: Uint8Array, opts: ReadOptions): Promise<string> {
  const reading = await readEmail(raw, opts);
  return planAndDraft(reading, raw, NOW);
}

const floor = (raw: Uint8Array) => PostalMime.parse(raw, PM_OPTIONS);

// ------------------------------------------------------------------ 1. corpus and fixtures

interface EmailCase {
  name: string;
  raw: Uint8Array;
  opts: ReadOptions;
}

const sources = [
  listEml(join(ROOT, "test/fixtures/corpus/emails"), false),
  listEml(join(ROOT, "test/fixtures/extra"), true),
  listEml(join(ROOT, "test/heldout/emails"), false),
].flat();
const emails: EmailCase[] = sources.map((p) => {
  const raw = new Uint8Array(readFileSync(p));
  return { name: relative(ROOT, p), raw, opts: optionsFor(raw) };
});

const ITER = QUICK ? 12 : 60;
const WARM = QUICK ? 4 : 15;

async function benchPairs(cases: EmailCase[], iterations: number, warmup: number) {
  const bench = new Bench({ name: "inbound", time: 0, iterations, warmup: true, warmupTime: 0, warmupIterations: warmup, retainSamples: true, throws: true });
  for (const c of cases) {
    bench.add(`floor ${c.name}`, async () => {
      await floor(c.raw);
    });
    bench.add(`pipeline ${c.name}`, async () => {
      await inbound(c.raw, c.opts);
    });
  }
  await bench.run();
  const samples = (name: string): number[] => {
    const t = bench.getTask(name);
    const s = (t?.result as { latency?: { samples?: number[] } } | undefined)?.latency?.samples;
    if (!s?.length) throw new Error(`no samples for ${name}`);
    return [...s];
  };
  return cases.map((c) => ({ ...c, floor: samples(`floor ${c.name}`), pipeline: samples(`pipeline ${c.name}`) }));
}

// Where the time goes: each stage timed on its own (same code readEmail runs, stage by stage).
async function stageBreakdown(cases: EmailCase[], rounds: number) {
  const names = ["postal-mime + parseEmail", "unwrapForward", "classifyRejection", "extractApplication", "plan+draft+digest+mime"] as const;
  const totals: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const sum: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
    for (const c of cases) {
      let t = performance.now();
      const parsed = await parseEmail(c.raw);
      let u = performance.now();
      sum["postal-mime + parseEmail"]! += u - t;
      t = u;
      const unwrapped = unwrapForward(parsed, c.opts);
      u = performance.now();
      sum["unwrapForward"]! += u - t;
      t = u;
      classifyRejection(unwrapped);
      u = performance.now();
      sum["classifyRejection"]! += u - t;
      t = u;
      extractApplication(unwrapped, c.opts);
      u = performance.now();
      sum["extractApplication"]! += u - t;
      const reading = await readEmail(c.raw, c.opts); // not timed: input for the next stage
      t = performance.now();
      await planAndDraft(reading, c.raw, NOW);
      sum["plan+draft+digest+mime"]! += performance.now() - t;
    }
    for (const n of names) totals[n]!.push(sum[n]! / cases.length);
  }
  return names.map((n) => ({ stage: n, ms: median(totals[n]!) }));
}
log(`rebound bench: node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? "?"})${QUICK ? ", --quick" : ""}`);
if (section("inbound")) {
log(`\n## Inbound: ${emails.length} emails (${sources.filter((s) => s.includes("corpus")).length} corpus, ${sources.filter((s) => s.includes("extra")).length} extra, ${sources.filter((s) => s.includes("heldout")).length} held-out), ${ITER} warm iterations each`);

// Warm-up of the whole set first (tinybench's per-task warm-up alone leaves the first files
// measured on colder code than the last).
for (let r = 0; r < (QUICK ? 3 : 10); r++) {
  for (const c of emails) {
    await floor(c.raw);
    await inbound(c.raw, c.opts);
  }
}

const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const measured = await benchPairs(emails, ITER, WARM);
const cpuMs = (() => {
  const u = process.cpuUsage(cpu0);
  return (u.user + u.system) / 1000;
})();
const wallMs = performance.now() - wall0;
const allPipeline = sortNum(measured.flatMap((m) => m.pipeline));
const allFloor = sortNum(measured.flatMap((m) => m.floor));
result.inboundMedianMs = quantile(allPipeline, 0.5);
result.inboundP99Ms = quantile(allPipeline, 0.99);
result.parseFloorMedianMs = quantile(allFloor, 0.5);
const parseFloorP99Ms = quantile(allFloor, 0.99);
result.inboundRatio = result.inboundMedianMs / result.parseFloorMedianMs;
const perEmail = measured.map((m) => ({ name: m.name, bytes: m.raw.byteLength, floor: median(m.floor), pipeline: median(m.pipeline) }));
const sumPipeline = perEmail.reduce((s, e) => s + e.pipeline, 0);
const sumFloor = perEmail.reduce((s, e) => s + e.floor, 0);

log(`pipeline per email: median ${result.inboundMedianMs.toFixed(3)} ms, p99 ${result.inboundP99Ms.toFixed(3)} ms, max ${allPipeline.at(-1)!.toFixed(3)} ms`);
log(`postal-mime parse (floor): median ${result.parseFloorMedianMs.toFixed(3)} ms, p99 ${parseFloorP99Ms.toFixed(3)} ms`);
log(`ratio of medians ${result.inboundRatio.toFixed(2)} (target <= ${TARGETS.inboundRatio}); total time ratio ${(sumPipeline / sumFloor).toFixed(2)}; per-email ratio median ${median(perEmail.map((e) => e.pipeline / e.floor)).toFixed(2)}`);
log(`cross-check: the process used ${(cpuMs / 1000).toFixed(1)} s of CPU (all threads, GC included) in ${(wallMs / 1000).toFixed(1)} s of wall time for this part; wall time is what is reported`);
log(`slowest emails (median of ${ITER} runs):`);
log(`  ${"pipeline ms".padStart(11)} ${"floor ms".padStart(9)} ${"ratio".padStart(6)} ${"KB".padStart(6)}  file`);
for (const e of [...perEmail].sort((a, b) => b.pipeline - a.pipeline).slice(0, 8)) {
  log(`  ${pad(e.pipeline.toFixed(3), 11)} ${pad(e.floor.toFixed(3), 9)} ${pad((e.pipeline / e.floor).toFixed(2), 6)} ${pad(kb(e.bytes), 6)}  ${e.name}`);
}

const stages = await stageBreakdown(emails, QUICK ? 5 : 15);
const stageTotal = stages.reduce((s, x) => s + x.ms, 0);
log(`where the time goes (mean per email, median of rounds; parse floor mean ${(sumFloor / perEmail.length).toFixed(3)} ms):`);
for (const s of stages) log(`  ${pad(s.ms.toFixed(3), 7)} ms ${pad(((100 * s.ms) / stageTotal).toFixed(0), 3)}%  ${s.stage}`);
}

// ------------------------------------------------------------------ 2. worst cases

function qpEncode(s: string): string {
  // Quoted-printable as mail clients write HTML: soft line breaks every 76 characters, '=' escaped.
  const out: string[] = [];
  for (const line of s.split("\n")) {
    const esc = line.replace(/=/g, "=3D");
    for (let i = 0; i < esc.length; i += 75) {
      let end = Math.min(esc.length, i + 75);
      // Don't split an escape sequence.
      const cut = esc.lastIndexOf("=", end - 1);
      if (cut > end - 3 && cut >= i) end = cut;
      out.push(esc.slice(i, end) + (end < esc.length ? "=" : ""));
      i = end - 75;
    }
  }
  return out.join("\r\n");
}

function worstHtmlForward(targetBytes: number): Uint8Array {
  // An Outlook-style HTML-only forward of a long HTML newsletter-like rejection with an
  // enormous quoted thread: nested tables, inline styles, entities, links, images.
  const row = (i: number) =>
    `<tr><td style="padding:4px 8px;font-family:Segoe UI,Arial,sans-serif;font-size:11pt;color:#1f1f1f;border-bottom:1px solid #e0e0e0" class="x_cell"><div><span style="mso-fareast-font-family:Calibri">Item&nbsp;${i}: Thank you for your interest in the Data Analyst position &amp; the time you spent with our team. <a href="https://careers.northwind.test/jobs/${i}?utm_source=mail&amp;utm_medium=email" target="_blank" rel="noopener">View role</a> <img src="https://cdn.northwind.test/px/${i}.gif" width="1" height="1" alt=""></span></div></td><td style="text-align:right"><b>&#8212;</b><i>&quot;note&quot;</i></td></tr>\n`;
  const head = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!-- p.MsoNormal{margin:0cm;font-size:11pt} .x_cell{color:#333} --></style></head><body lang="EN-US" link="#0563C1">
<div class="WordSection1"><p class="MsoNormal">Sharing this one, sadly.</p><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Priya Shah &lt;priya.shah@northwind-traders.test&gt;<br><b>Sent:</b> Tuesday, October 13, 2026 4:02 PM<br><b>To:</b> Alex Rivera &lt;alex.rivera@example.com&gt;<br><b>Subject:</b> Your application for Senior Data Analyst</font><div>&nbsp;</div></div>
<div><p>Dear Alex,</p><p>Thank you for taking the time to interview for the Senior Data Analyst role at Northwind Traders. After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.</p><p>Best regards,<br>Priya Shah<br>Hiring Manager, Northwind Traders</p></div>
<table width="100%" cellpadding="0" cellspacing="0" border="0" role="presentation"><tbody>\n`;
  const tail = `</tbody></table></div></body></html>\n`;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < targetBytes * 0.92; i++) {
    const r = row(i);
    parts.push(r);
    size += r.length;
  }
  parts.push(tail);
  const body = qpEncode(parts.join(""));
  const headers = [
    "MIME-Version: 1.0",
    "Date: Wed, 14 Oct 2026 09:12:00 +0200",
    "Message-ID: <worst-html@example.com>",
    "Subject: FW: Your application for Senior Data Analyst",
    "From: Alex Rivera <alex.rivera@example.com>",
    "To: rejections@rebound.example.com",
    'Content-Type: text/html; charset="utf-8"',
    "Content-Transfer-Encoding: quoted-printable",
  ].join("\r\n");
  const raw = headers + "\r\n\r\n" + body + "\r\n";
  // Pad with more rows until the encoded message reaches the target.
  const bytes = new TextEncoder().encode(raw);
  return bytes;
}

function worstSingleLine(targetBytes: number): Uint8Array {
  // A Gmail-style plain-text forward whose original body is one 1 MB line (no line breaks at all).
  const sentence = "Thank you for your interest in the Senior Data Analyst role at Northwind Traders, unfortunately we have decided to move forward with other candidates; contact priya.shah@northwind-traders.test or visit https://careers.northwind.test/jobs?id=42 for more. ";
  const head = [
    "MIME-Version: 1.0",
    "Date: Wed, 14 Oct 2026 09:12:00 +0200",
    "Message-ID: <worst-line@example.com>",
    "Subject: Fwd: Your application for Senior Data Analyst",
    "From: Alex Rivera <alex.rivera@example.com>",
    "To: rejections@rebound.example.com",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    "FYI",
    "",
    "---------- Forwarded message ---------",
    "From: Priya Shah <priya.shah@northwind-traders.test>",
    "Date: Tue, Oct 13, 2026 at 4:02 PM",
    "Subject: Your application for Senior Data Analyst",
    "To: Alex Rivera <alex.rivera@example.com>",
    "",
    "",
  ].join("\r\n");
  const n = Math.max(0, Math.ceil((targetBytes - head.length) / sentence.length));
  const line = sentence.repeat(n).slice(0, Math.max(0, targetBytes - head.length - 2));
  return new TextEncoder().encode(head + line + "\r\n");
}

function forwardWithPdf(targetBytes: number): Uint8Array {
  // Not one of the issue's two worst cases, shown for information: a plain forward carrying a PDF
  // (base64), the commonest way a real forward gets big.
  const pdf = new Uint8Array(Math.floor(((targetBytes - 4096) * 3) / 4));
  for (let i = 0, x = 2463534242; i < pdf.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pdf[i] = x & 0xff;
  }
  const b64 = Buffer.from(pdf).toString("base64").replace(/.{76}/g, "$&\r\n");
  const text = worstSingleLine(0);
  const head = new TextDecoder().decode(text).replace('Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n', "");
  const [headers, body] = [head.slice(0, head.indexOf("\r\nFYI")), head.slice(head.indexOf("FYI"))];
  const raw = `${headers}\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\n${body}Dear Alex, thank you for your interest in the Senior Data Analyst role at Northwind Traders. Unfortunately we have decided to move forward with other candidates.\r\n\r\n--b1\r\nContent-Type: application/pdf; name="feedback.pdf"\r\nContent-Disposition: attachment; filename="feedback.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--b1--\r\n`;
  return new TextEncoder().encode(raw);
}

const worstCases: EmailCase[] = [
  { name: "2 MB HTML-heavy forward (HTML only, quoted-printable)", raw: worstHtmlForward(2 * 1024 * 1024), opts: { ownerEmails: [FIXTURE_OWNER], forwardAddress: FORWARD_ADDRESS } },
  { name: "1 MB single-line body (text/plain, 8bit, no line breaks)", raw: worstSingleLine(1024 * 1024), opts: { ownerEmails: [FIXTURE_OWNER], forwardAddress: FORWARD_ADDRESS } },
  { name: "(for information) 2 MB forward with a PDF attachment", raw: forwardWithPdf(2 * 1024 * 1024), opts: { ownerEmails: [FIXTURE_OWNER], forwardAddress: FORWARD_ADDRESS } },
];
const dumpDir = process.argv.find((a) => a.startsWith("--dump-worst="))?.slice(13);
if (dumpDir) {
  // The generated worst cases as .eml files, e.g. for `npm run inspect` or a profiler.
  mkdirSync(dumpDir, { recursive: true });
  worstCases.forEach((c, i) => writeFileSync(join(dumpDir, `worst-${i + 1}.eml`), c.raw));
  log(`wrote ${worstCases.length} worst-case emails to ${dumpDir}`);
}

if (section("worst")) {
log(`\n## Worst case (${QUICK ? 4 : 20} warm iterations each)`);
for (const c of worstCases) {
  const r = await readEmail(c.raw, c.opts);
  log(`  ${c.name}: ${kb(c.raw.byteLength)} KB, ${kb(trimForParse(c.raw).byteLength)} KB of it given to postal-mime; read as company=${JSON.stringify(r.company)} role=${JSON.stringify(r.role)} rejection=${r.isRejection}`);
}
const worstMeasured = await benchPairs(worstCases, QUICK ? 4 : 20, 3);
const worst = worstMeasured.map((m) => ({ name: m.name, floor: median(m.floor), pipeline: median(m.pipeline), pipelineMax: Math.max(...m.pipeline) }));
const worstStages: { stage: string; ms: number }[][] = [];
for (const c of worstCases) worstStages.push(await stageBreakdown([c], QUICK ? 2 : 5));
for (const [i, w] of worst.entries()) {
  log(`  ${w.name}: pipeline median ${w.pipeline.toFixed(2)} ms (max ${w.pipelineMax.toFixed(2)}), postal-mime floor ${w.floor.toFixed(2)} ms, ratio ${(w.pipeline / w.floor).toFixed(2)}`);
  log(`    stages: ${worstStages[i]!.map((s) => `${s.stage} ${s.ms.toFixed(2)}`).join(", ")}`);
}
result.worstCaseMs = Math.max(...worst.slice(0, 2).map((w) => w.pipeline));
}

// ------------------------------------------------------------------ 3. the cron's claim, on SQLite

/** A D1Database-shaped adapter over node:sqlite: prepare/bind/all/run/first and batch (one transaction, as D1). */
function d1(db: DatabaseSync, seen: string[], spent: Map<string, number> = new Map()) {
  const cache = new Map<string, StatementSync>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
      seen.push(sql);
    }
    return s;
  };
  class Prepared {
    sql: string;
    params: unknown[];
    constructor(sql: string, params: unknown[] = []) {
      this.sql = sql;
      this.params = params;
    }
    bind(...params: unknown[]) {
      return new Prepared(this.sql, params);
    }
    exec() {
      const t0 = performance.now();
      try {
        return this.execUntimed();
      } finally {
        spent.set(this.sql, (spent.get(this.sql) ?? 0) + performance.now() - t0);
      }
    }
    execUntimed() {
      const s = stmt(this.sql);
      const p = this.params as (string | number | null)[];
      if (/^\s*(select|with)/i.test(this.sql) || /\breturning\b/i.test(this.sql)) return { results: s.all(...p), success: true, meta: {} };
      const r = s.run(...p);
      return { results: [], success: true, meta: { changes: Number(r.changes), last_row_id: Number(r.lastInsertRowid) } };
    }
    async all() {
      return this.exec();
    }
    async run() {
      return this.exec();
    }
    async first(col?: string) {
      const row = (this.exec().results[0] ?? null) as Record<string, unknown> | null;
      return col && row ? row[col] : row;
    }
  }
  return {
    prepare: (sql: string) => new Prepared(sql),
    async batch(list: Prepared[]) {
      db.exec("BEGIN");
      try {
        const out = list.map((p) => p.exec());
        db.exec("COMMIT");
        return out;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
    },
    async exec(sql: string) {
      db.exec(sql);
    },
  };
}

const DUE_ROWS = 1000;
const OWNERS = 100;


function buildDb(rows: number, file: string, opts: { analyze: boolean; extraSql: string | null }): DatabaseSync {
  // Build fast (no journal, no fsync, big cache), then reopen with D1-like settings for the measurement.
  let db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA foreign_keys = OFF;");
  db.exec(readFileSync(join(ROOT, "schema.sql"), "utf8"));
  if (opts.extraSql) db.exec(opts.extraSql);
  const apps = rows / 10;
  const perOwner = apps / OWNERS;
  const step = rows / DUE_ROWS;
  const day = 86_400_000;
  db.exec("BEGIN");
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${OWNERS})
    INSERT INTO owners (id, email, name, created_at) SELECT i, 'owner' || i || '@example.com', 'Owner ' || i, ${NOW - 900 * day} FROM n`);
  // Ten follow-ups per application, each owner a contiguous block of applications; 1 in 10
  // applications stopped or paused.
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${apps})
    INSERT INTO applications (id, owner_id, original_key, company, role, status, rejected_at, created_at, updated_at)
    SELECT i, (i - 1) / ${perOwner} + 1, 'key' || i, 'Company ' || i, 'Role ' || i,
      CASE i % 20 WHEN 7 THEN 'stopped' WHEN 13 THEN 'paused' ELSE 'active' END,
      ${NOW} - (i * 7919 % 1000) * ${day}, ${NOW} - (i * 7919 % 1000) * ${day}, ${NOW} FROM n`);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${apps})
    INSERT INTO contacts (id, owner_id, application_id, email, name, title, created_at)
    SELECT i, (i - 1) / ${perOwner} + 1, i, 'person' || i || '@company' || i || '.test', 'Person ' || i, 'Hiring Manager', ${NOW} FROM n`);
  // History: sent/done/skipped in the past (85%), pending in the future (14%), failed and
  // retried within the day (1%); nothing claimed.
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
    INSERT INTO follow_ups (id, owner_id, application_id, contact_id, step_key, kind, due_at, status, attempts, sent_at, created_at)
    SELECT i, ((i - 1) / 10) / ${perOwner} + 1, (i - 1) / 10 + 1, CASE WHEN i % 10 = 3 THEN NULL ELSE (i - 1) / 10 + 1 END,
      'step/' || i, CASE i % 10 WHEN 0 THEN 'thank-you' WHEN 1 THEN 'thank-you' WHEN 3 THEN 'self-review' WHEN 4 THEN 'connect' WHEN 9 THEN 'check-in' ELSE 'value-note' END,
      CASE WHEN i % 100 < 85 THEN ${NOW} - (1 + i * 104729 % 1000) * ${day}
           WHEN i % 100 < 99 THEN ${NOW} + (1 + i * 104729 % 300) * ${day}
           ELSE ${NOW} + 60000 + (i * 104729 % 1440) * 60000 END,
      CASE WHEN i % 100 < 60 THEN 'sent' WHEN i % 100 < 75 THEN 'done' WHEN i % 100 < 85 THEN 'skipped' WHEN i % 100 < 99 THEN 'pending' ELSE 'failed' END,
      CASE WHEN i % 100 = 99 THEN 5 ELSE 0 END,
      CASE WHEN i % 100 < 60 THEN ${NOW} - (1 + i * 104729 % 1000) * ${day} END, ${NOW} - 1000 * ${day} FROM n`);
  // Exactly DUE_ROWS due now, the same shape at every size: row k*step+5 for k < DUE_ROWS,
  // ten per owner, due 1 to 72 hours ago, on active applications.
  db.exec(`UPDATE follow_ups SET status = 'pending', attempts = 0, sent_at = NULL, due_at = ${NOW} - 1 - (((id - 5) / ${step}) % 72) * 3600000
    WHERE id % ${step} = ${5 % step}`);
  db.exec(`UPDATE applications SET status = 'active' WHERE id IN (SELECT (id - 1) / 10 + 1 FROM follow_ups WHERE id % ${step} = ${5 % step})`);
  // Due-looking rows that must not be claimed: 100 on stopped applications.
  db.exec(`UPDATE follow_ups SET status = 'pending', due_at = ${NOW} - 3600000, sent_at = NULL
    WHERE id IN (SELECT f.id FROM follow_ups f JOIN applications a ON a.id = f.application_id
                 WHERE a.status = 'stopped' AND f.status <> 'pending' ORDER BY f.id LIMIT 100)`);
  db.exec("COMMIT");
  if (opts.analyze) db.exec("ANALYZE");
  db.close();
  db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  if (process.env.BENCH_CACHE_MB) db.exec(`PRAGMA cache_size = -${Number(process.env.BENCH_CACHE_MB) * 1024}`);
  return db;
}

const DUE_SQL = `status IN ('pending', 'failed') AND due_at <= ${NOW} AND claimed_at IS NULL
  AND (application_id IS NULL OR EXISTS (SELECT 1 FROM applications a WHERE a.id = application_id AND a.status = 'active'))`;

async function cronAt(rows: number, opts: { analyze: boolean; extraSql: string | null }) {
  const dir = mkdtempSync(join(tmpdir(), "rebound-bench-"));
  try {
    let t = performance.now();
    const db = buildDb(rows, join(dir, "bench.sqlite"), opts);
    const buildMs = performance.now() - t;
    const due = (db.prepare(`SELECT count(*) AS n FROM follow_ups WHERE ${DUE_SQL}`).get() as { n: number }).n;
    const seen: string[] = [];
    const spent = new Map<string, number>();
    const adapter = d1(db, seen, spent) as unknown as D1Database;
    const reset = () => db.exec("UPDATE follow_ups SET claimed_at = NULL, claim_id = NULL WHERE claim_id IS NOT NULL");
    const runs: number[] = [];
    const totals: number[] = [];
    let claimedPerRound = 0;
    let runsPerRound = 0;
    const rounds = QUICK ? 3 : 7;
    for (let r = 0; r < rounds + 1; r++) {
      reset();
      let claimed = 0;
      let n = 0;
      const roundRuns: number[] = [];
      t = performance.now();
      for (;;) {
        const s = performance.now();
        const got = await claimDue(adapter, NOW, `bench-${r}-${n}`);
        roundRuns.push(performance.now() - s);
        n++;
        claimed += got.length;
        if (got.length === 0 || n > 100) break;
      }
      const total = performance.now() - t;
      if (r === 0) spent.clear();
      if (r > 0) {
        // Round 0 warms the page cache and the statement cache.
        totals.push(total);
        runs.push(...roundRuns.slice(0, -1));
      }
      claimedPerRound = claimed;
      runsPerRound = n - 1;
    }
    const plans = seen.map((sql) => {
      const params = sql.includes("?2") ? [NOW, "bench"] : [NOW];
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
      return { sql: sql.replace(/\s+/g, " ").trim(), plan, msPerRun: (spent.get(sql) ?? 0) / rounds / (runsPerRound + 1) };
    });
    const stats = { rows, buildMs, due, claimed: claimedPerRound, runs: runsPerRound, totalMs: median(totals), perRunMs: median(runs), plans };
    db.close();
    return stats;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printPlan(plan: { id: number; parent: number; detail: string }[]): string[] {
  const depth = new Map<number, number>([[0, 0]]);
  return plan.map((p) => {
    const d = (depth.get(p.parent) ?? 0) + 1;
    depth.set(p.id, d);
    return `${"  ".repeat(d + 1)}${p.detail}`;
  });
}

const extraSqlFile = process.argv.find((a) => a.startsWith("--extra-sql="))?.slice(12) ?? null;
const CRON_OPTS = { analyze: args.has("--analyze"), extraSql: extraSqlFile ? readFileSync(extraSqlFile, "utf8") : null };
if (section("cron")) {
log(`\n## Cron: claimDue (src/db/followups.ts, called as is) claiming ${DUE_ROWS} due follow-ups, ${MAX_FOLLOW_UPS_PER_RUN} per run, ${MAX_OWNERS_PER_RUN} owners per run, ${OWNERS} owners; node:sqlite ${(new DatabaseSync(":memory:").prepare("select sqlite_version() AS v").get() as { v: string }).v}, schema.sql as is${extraSqlFile ? ` + ${extraSqlFile}` : ""}${CRON_OPTS.analyze ? ", ANALYZEd" : ""}`);
const cron10k = await cronAt(10_000, CRON_OPTS);
const cron100k = args.has("--skip-1m") ? null : await cronAt(100_000, CRON_OPTS);
const cron1M = args.has("--skip-1m") ? null : await cronAt(1_000_000, CRON_OPTS);
for (const c of [cron10k, cron100k, cron1M]) {
  if (!c) continue;
  log(`  ${c.rows.toLocaleString("en-US")} rows (built in ${(c.buildMs / 1000).toFixed(1)} s): ${c.due} due, claimed ${c.claimed} in ${c.runs} runs: ${c.totalMs.toFixed(2)} ms in all, ${c.perRunMs.toFixed(3)} ms per run (median)`);
}
log(`  EXPLAIN QUERY PLAN at ${(cron1M ?? cron10k).rows.toLocaleString("en-US")} rows:`);
for (const p of (cron1M ?? cron10k).plans) {
  log(`  [${p.msPerRun.toFixed(3)} ms per run at ${(cron1M ?? cron10k).rows.toLocaleString("en-US")} rows, ${(cron10k.plans.find((q) => q.sql === p.sql)?.msPerRun ?? NaN).toFixed(3)} ms at 10,000] ${p.sql.length > 140 ? p.sql.slice(0, 140) + "..." : p.sql}`);
  for (const line of printPlan(p.plan)) log(line);
}
const scans = (cron1M ?? cron10k).plans.flatMap((p) => p.plan.filter((x) => /^SCAN (f|follow_ups|p)\b/.test(x.detail) || /^SCAN follow_ups$/.test(x.detail)).map((x) => x.detail));
if (scans.length) log(`  full scans of follow_ups: ${scans.join("; ")}`);
result.cronClaim10kMs = cron10k.totalMs;
result.cronClaim1MMs = cron1M ? cron1M.totalMs : NaN;
result.cronScaleRatio = result.cronClaim1MMs / result.cronClaim10kMs;
}

// ------------------------------------------------------------------ 4. the bundle

interface BundleResult {
  files: { name: string; bytes: number; gzip: number }[];
  /** esbuild's bytes in the output per package (node_modules/<name>) or src/ folder. */
  byPackage: [string, number][];
  ms: number;
}
function bundle(extra: string[] = []): BundleResult | null {
  const out = mkdtempSync(join(tmpdir(), "rebound-bundle-"));
  const meta = join(mkdtempSync(join(tmpdir(), "rebound-meta-")), "meta.json");
  const t = performance.now();
  try {
    const wrangler = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
    const r = spawnSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", out, "--metafile", meta, ...extra], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      timeout: 120_000,
    });
    if (r.status !== 0) {
      log(`  wrangler deploy --dry-run failed (${r.status}):\n${(r.stderr || r.stdout).slice(-2000)}`);
      return null;
    }
    const files = listAll(out)
      .filter((f) => !f.endsWith(".map") && !f.endsWith(".md") && f !== meta)
      .map((f) => {
        const bytes = readFileSync(f);
        return { name: relative(out, f), bytes: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
      });
    const byPackage = new Map<string, number>();
    if (existsSync(meta)) {
      const m = JSON.parse(readFileSync(meta, "utf8")) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
      for (const o of Object.values(m.outputs)) {
        for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
          const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? (/^src\/([^/]+)/.exec(input)?.[1] ? `src/${/^src\/([^/]+)/.exec(input)![1]}` : input);
          byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
        }
      }
    }
    return { files, byPackage: [...byPackage].sort((x, y) => y[1] - x[1]), ms: performance.now() - t };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(dirname(meta), { recursive: true, force: true });
  }
}
function listAll(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listAll(p) : [p];
  });
}

if (section("bundle")) {
  log(`\n## Bundle: wrangler deploy --dry-run --outdir (gzip level 6, as Cloudflare reports it)`);
  const b = bundle();
  if (b) {
    for (const f of b.files) log(`  ${f.name}: ${kb(f.bytes)} KB, gzip ${kb(f.gzip)} KB`);
    result.bundleGzipKB = kb(b.files.reduce((s, f) => s + f.gzip, 0));
    const total = b.byPackage.reduce((s, [, n]) => s + n, 0);
    log(`  total gzip ${result.bundleGzipKB} KB (built in ${(b.ms / 1000).toFixed(1)} s); what is in it (esbuild bytes in output, before gzip):`);
    for (const [pkg, n] of b.byPackage.slice(0, 12)) log(`    ${pad(kb(n), 7)} KB ${pad(((100 * n) / total).toFixed(0), 3)}%  ${pkg}`);
  }
}

// ------------------------------------------------------------------ summary

const out = {
  inboundMedianMs: round(result.inboundMedianMs),
  inboundP99Ms: round(result.inboundP99Ms),
  parseFloorMedianMs: round(result.parseFloorMedianMs),
  inboundRatio: round(result.inboundRatio, 2),
  worstCaseMs: round(result.worstCaseMs, 2),
  cronClaim10kMs: round(result.cronClaim10kMs),
  cronClaim1MMs: round(result.cronClaim1MMs),
  cronScaleRatio: round(result.cronScaleRatio, 2),
  bundleGzipKB: round(result.bundleGzipKB, 1),
};
log(`\n## Targets (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
log(`  inboundRatio   ${pad(out.inboundRatio, 9)}  <= ${TARGETS.inboundRatio}  ${mark(out.inboundRatio <= TARGETS.inboundRatio)}`);
log(`  inboundP99Ms   ${pad(out.inboundP99Ms, 9)}  <  ${TARGETS.inboundP99Ms}    ${mark(out.inboundP99Ms < TARGETS.inboundP99Ms)}`);
log(`  worstCaseMs    ${pad(out.worstCaseMs, 9)}  <  ${TARGETS.worstCaseMs}   ${mark(out.worstCaseMs < TARGETS.worstCaseMs)}`);
log(`  cronScaleRatio ${pad(out.cronScaleRatio, 9)}  <= ${TARGETS.cronScaleRatio}  ${mark(out.cronScaleRatio <= TARGETS.cronScaleRatio)}`);
log(`  bundleGzipKB   ${pad(out.bundleGzipKB, 9)}  <= ${TARGETS.bundleGzipKB}  ${mark(out.bundleGzipKB <= TARGETS.bundleGzipKB)}`);
// NaN (a section skipped) prints as null.
console.log(JSON.stringify(out));
