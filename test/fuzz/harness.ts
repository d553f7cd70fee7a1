// Run inputs through the real email handler with the real D1 and judge each:
// stored (possibly needs_review) and answered once, or refused with a reason,
// or (automatic mail only) dropped in silence. Never an uncaught exception,
// never a partial write, never an unsafe reply.

import { env } from "cloudflare:workers";
import { authorizeSender } from "../../src/pipeline/authorize.ts";
import { deliver, type Delivery } from "../helpers/email.ts";
import { FORWARD_ADDRESS, OWNER } from "./hostile.ts";
import { toBinary } from "./mutate.ts";

export const TABLES = ["outbox_follow_ups", "outbox", "follow_ups", "messages", "contacts", "applications", "api_tokens", "sessions", "owners"];

export async function clearDatabase(db: D1Database = env.DB): Promise<void> {
  await db.batch(TABLES.map((t) => db.prepare(`DELETE FROM ${t}`)));
}

/**
 * Rows that break the data model: each query lists offenders. A forward is
 * saved in one batch, so none of these may ever be non-empty, whatever came in.
 */
export const INVARIANTS: Record<string, string> = {
  "application without its source message": `SELECT a.id FROM applications a WHERE NOT EXISTS
     (SELECT 1 FROM messages m WHERE m.application_id = a.id AND m.owner_id = a.owner_id AND m.kind = 'forward')`,
  "forward message without its application": `SELECT m.id FROM messages m WHERE m.kind = 'forward' AND NOT EXISTS
     (SELECT 1 FROM applications a WHERE a.id = m.application_id AND a.owner_id = m.owner_id)`,
  "contact without its application (or another owner's)": `SELECT c.id FROM contacts c LEFT JOIN applications a ON a.id = c.application_id
     WHERE a.id IS NULL OR a.owner_id <> c.owner_id`,
  "follow-up without its application (or another owner's)": `SELECT f.id FROM follow_ups f LEFT JOIN applications a ON a.id = f.application_id
     WHERE f.application_id IS NOT NULL AND (a.id IS NULL OR a.owner_id <> f.owner_id)`,
  "follow-up for a person of another application": `SELECT f.id FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id
     WHERE f.contact_id IS NOT NULL AND (c.id IS NULL OR c.application_id IS NOT f.application_id)`,
  "sent follow-up without a send time": "SELECT id FROM follow_ups WHERE status = 'sent' AND sent_at IS NULL",
  "outbox link to a missing or foreign follow-up": `SELECT l.outbox_id FROM outbox_follow_ups l
     LEFT JOIN outbox o ON o.id = l.outbox_id LEFT JOIN follow_ups f ON f.id = l.follow_up_id
     WHERE o.id IS NULL OR f.id IS NULL OR o.owner_id <> f.owner_id`,
  "digest answering no stored forward": `SELECT o.id FROM outbox o WHERE o.kind = 'digest' AND NOT EXISTS
     (SELECT 1 FROM messages m WHERE m.owner_id = o.owner_id AND m.message_id = o.in_reply_to)`,
  "stored forward never answered": `SELECT m.id FROM messages m WHERE m.kind = 'forward' AND NOT EXISTS
     (SELECT 1 FROM outbox o WHERE o.owner_id = m.owner_id AND o.kind = 'digest' AND o.in_reply_to = m.message_id)`,
  "outbox entry to someone who is not its owner": `SELECT o.id FROM outbox o JOIN owners w ON w.id = o.owner_id
     WHERE lower(o.to_addr) <> lower(w.email)`,
};

/** Every invariant broken right now, with up to 5 offending ids each. */
export async function brokenInvariants(db: D1Database = env.DB): Promise<string[]> {
  const names = Object.keys(INVARIANTS);
  const results = await db.batch(names.map((n) => db.prepare(`${INVARIANTS[n]} LIMIT 5`)));
  return names.flatMap((n, i) => {
    const rows = results[i]!.results as Record<string, unknown>[];
    return rows.length ? [`${n}: ${rows.map((r) => Object.values(r)[0]).join(", ")}`] : [];
  });
}

export async function tableCounts(db: D1Database = env.DB): Promise<Record<string, number>> {
  const names = TABLES.filter((t) => t !== "api_tokens" && t !== "sessions");
  const row = await db.prepare(`SELECT ${names.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`).first<Record<string, number>>();
  return row!;
}

/**
 * Headers as the handler sees them (message.headers), built like the test
 * helper does, except that non-ASCII bytes become "?" so a thousand hostile
 * inputs don't fill the log with workerd's warnings about them.
 */
export function headersOf(bytes: Uint8Array): Headers {
  const text = new TextDecoder().decode(bytes);
  const headers = new Headers();
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? "";
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) {
      try {
        headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim().replace(/[^\x00-\x7f]/g, "?"));
      } catch {
        // Headers() refuses some bytes a hostile email may carry; the runtime would too.
      }
    }
  }
  return headers;
}

/** The test helper's `deliver`, with the quieter headers above; `replyFails` makes message.reply() throw. */
export function deliverQuietly(
  bytes: Uint8Array,
  opts: { from?: string; bindings?: Cloudflare.Env; replyFails?: boolean; onReply?: (raw: string) => void } = {},
): Promise<Delivery> {
  return deliver(bytes, { ...opts, from: opts.from ?? OWNER, to: FORWARD_ADDRESS, headers: headersOf(bytes) });
}

/** Would the sender check drop this input in silence (automatic mail)? */
export function silentlyDropped(bytes: Uint8Array, envelope = OWNER): boolean {
  const h = headersOf(bytes);
  // The same evidence the handler passes (src/handlers/email.ts).
  const v = authorizeSender(
    {
      envelopeFrom: envelope,
      headerFrom: h.get("from"),
      authenticationResults: h.get("authentication-results"),
      autoSubmitted: h.get("auto-submitted"),
      precedence: h.get("precedence"),
      autoReply: h.get("x-autoreply") ?? h.get("x-autorespond"),
      returnPath: h.get("return-path"),
      contentType: h.get("content-type"),
    },
    [OWNER, "sam.owner@example.org"],
    [FORWARD_ADDRESS],
  );
  return !v.ok && v.silent === true;
}

// The elements rebound's own templates use; anything else came from an email.
const ALLOWED_TAGS = new Set(["html", "body", "p", "h2", "h3", "table", "tr", "th", "td", "ul", "li", "code", "strong", "em", "br", "div", "pre", "a"]);

const REPLY_HEADERS = new Set(["from", "to", "subject", "date", "message-id", "in-reply-to", "references", "auto-submitted", "mime-version", "content-type"]);

/** What is wrong with one reply rebound sent: injected headers, extra recipients, live HTML from the email, smuggled mailto fields. */
export function unsafeReply(raw: string, html: string | undefined, owner = OWNER): string[] {
  const problems: string[] = [];
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  if (/(?<!\r)\n|\r(?!\n)/.test(head)) problems.push("bare CR or LF in the header block");
  const lines = head.split("\r\n");
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue; // folded continuation
    const name = line.slice(0, line.indexOf(":")).toLowerCase();
    if (!REPLY_HEADERS.has(name)) problems.push(`unexpected header ${JSON.stringify(line.slice(0, 80))}`);
  }
  const names = lines.filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(":")).toLowerCase());
  for (const n of REPLY_HEADERS) if (names.filter((x) => x === n).length > 1) problems.push(`header ${n} twice`);
  const to = lines.find((l) => /^To:/i.test(l));
  if (to !== `To: <${owner}>`) problems.push(`To is ${JSON.stringify(to)}`);
  for (const l of lines) if (l.length > 998) problems.push("header line over 998 characters");
  if (html !== undefined) {
    // Only real tags count: text from the email shows up escaped (&lt;img ...&gt;), which is the point.
    for (const tag of html.matchAll(/<\/?([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
      if (!ALLOWED_TAGS.has(tag[1]!.toLowerCase())) problems.push(`unexpected <${tag[1]}> element in the reply`);
      if (/\son[a-z]+\s*=/i.test(tag[2]!)) problems.push(`event handler attribute in <${tag[1]}>`);
    }
    for (const href of html.matchAll(/href\s*=\s*"([^"]*)"/gi)) {
      const value = href[1]!.replace(/&amp;/g, "&");
      if (!value.startsWith("mailto:")) {
        problems.push(`link that is not mailto: ${value.slice(0, 80)}`);
        continue;
      }
      const url = new URL(value);
      const keys = [...url.searchParams.keys()];
      if (keys.join(",") !== "subject,body") problems.push(`mailto fields ${keys.join(",")}`);
      if (/[,?;&\s]|%2C/i.test(decodeURIComponent(url.pathname)) || (url.pathname.match(/@/g) ?? []).length > 1)
        problems.push(`mailto to more than one recipient: ${url.pathname.slice(0, 80)}`);
    }
  }
  return problems;
}

export type Outcome = "stored" | "refused" | "ignored";

export interface Judged {
  outcome: Outcome;
  problems: string[];
}

/** Deliver, catching what the handler throws: a throw is a crash. */
export async function tryDeliver(bytes: Uint8Array): Promise<{ delivery: Delivery | null; crash: string | null }> {
  try {
    return { delivery: await deliverQuietly(bytes), crash: null };
  } catch (error) {
    return { delivery: null, crash: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error) };
  }
}

/** Judge one delivery by what it did: a reason, or one reply for a stored message, or (automatic mail) nothing. */
export async function judge(bytes: Uint8Array, d: Delivery): Promise<Judged> {
  const problems: string[] = [];
  if (d.rejected !== null) {
    if (!d.rejected.trim()) problems.push("refused without a reason");
    if (d.replies.length) problems.push("refused and answered");
    return { outcome: "refused", problems };
  }
  if (d.replies.length === 0) {
    if (!silentlyDropped(bytes)) problems.push("neither stored and answered nor refused");
    return { outcome: "ignored", problems };
  }
  if (d.replies.length > 1) problems.push(`${d.replies.length} replies to one forward`);
  const reply = d.replies[0]!;
  problems.push(...unsafeReply(d.rawReplies[0]!, reply.html));
  // The reply is in the outbox, answering a stored forward that has its application.
  const row = await env.DB.prepare(
    `SELECT o.status, m.id AS message, a.status AS app FROM outbox o
     LEFT JOIN messages m ON m.owner_id = o.owner_id AND m.message_id = o.in_reply_to
     LEFT JOIN applications a ON a.id = m.application_id
     WHERE o.message_id = ?1`,
  )
    .bind(reply.messageId ?? "")
    .first<{ status: string; message: number | null; app: string | null }>();
  if (!row) problems.push("reply not recorded in the outbox");
  else {
    if (row.status !== "sent") problems.push(`outbox status ${row.status}`);
    if (row.message === null) problems.push("answered, but no stored message");
    if (row.app === null) problems.push("stored message without application");
  }
  return { outcome: "stored", problems };
}

export interface Tally {
  inputs: number;
  stored: number;
  needsReview: number;
  refused: number;
  ignored: number;
  crashes: number;
  partialWrites: number;
  unsafe: number;
  ms: number;
}

export const emptyTally = (): Tally => ({ inputs: 0, stored: 0, needsReview: 0, refused: 0, ignored: 0, crashes: 0, partialWrites: 0, unsafe: 0, ms: 0 });

export interface BatchResult {
  failures: string[];
}

/**
 * Deliver a batch concurrently on an empty database, judge each input, then
 * check the invariants and that the counts add up: one forward message and one
 * digest per stored input, nothing for the refused ones.
 */
export async function runBatch(inputs: { name: string; bytes: Uint8Array }[], tally: Tally): Promise<BatchResult> {
  const started = performance.now();
  await clearDatabase();
  const failures: string[] = [];
  // Identical bytes are one delivery delivered twice (covered elsewhere): keep the first.
  const seen = new Set<string>();
  inputs = inputs.filter((i) => {
    const key = toBinary(i.bytes);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const delivered = await Promise.all(inputs.map(async (input) => ({ input, ...(await tryDeliver(input.bytes)) })));
  let stored = 0;
  const judged = await Promise.all(delivered.map((d) => (d.delivery ? judge(d.input.bytes, d.delivery) : null)));
  for (const [i, { input, delivery, crash }] of delivered.entries()) {
    tally.inputs++;
    if (crash || !delivery) {
      tally.crashes++;
      failures.push(`${input.name}: uncaught ${crash}`);
      continue;
    }
    const j = judged[i]!;
    tally[j.outcome]++;
    if (j.outcome === "stored") stored++;
    if (j.problems.length) {
      tally.unsafe++;
      failures.push(`${input.name}: ${j.problems.join("; ")}`);
    }
  }
  const broken = await brokenInvariants();
  const counts = await tableCounts();
  const forwards = (await env.DB.prepare("SELECT count(*) AS n FROM messages WHERE kind = 'forward'").first<{ n: number }>())!.n;
  const digests = (await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'digest'").first<{ n: number }>())!.n;
  if (forwards !== stored) broken.push(`counts: ${forwards} forward messages for ${stored} stored inputs`);
  if (digests !== stored) broken.push(`counts: ${digests} digests for ${stored} stored inputs`);
  if (counts.applications! > stored) broken.push(`counts: ${counts.applications} applications for ${stored} stored inputs`);
  if (broken.length) {
    tally.partialWrites += broken.length;
    failures.push(`${broken.join("; ")} (after a batch of ${inputs.length}: ${inputs.map((i) => i.name.slice(0, 300)).join(" | ")})`);
  }
  tally.needsReview += (await env.DB.prepare("SELECT count(*) AS n FROM applications WHERE status = 'needs_review'").first<{ n: number }>())!.n;
  tally.ms += performance.now() - started;
  return { failures };
}

export function describeTally(label: string, t: Tally): string {
  return `${label}: ${t.inputs} inputs in ${(t.ms / 1000).toFixed(1)} s: ${t.stored} stored (${t.needsReview} needs_review), ${t.refused} refused, ${t.ignored} ignored; ${t.crashes} crashes, ${t.partialWrites} partial writes, ${t.unsafe} unsafe`;
}
