// unwrapForward: from the owner's forward to the employer's original message.
// Handles forward blocks of every common client, forward-as-attachment, and
// forwards of forwards (the innermost original counts).

import type { Address, OriginalMessage, OuterMessage, ReadOptions } from "./types.ts";
import type { ParsedEmail } from "./parse.ts";
import { findForwardBlock, latestMessage, type ForwardBlock } from "./forward-block.ts";
import { parseAddressList, cleanName, findEmails } from "./addresses.ts";
import { parseLooseDate } from "./dates.ts";
import { compact, tidyBlock } from "./text.ts";

export interface Unwrapped {
  outer: OuterMessage;
  original: OriginalMessage;
  /** What the owner wrote above (or below) the forward. */
  note: string | null;
  format: string;
  /** Addresses that belong to the owner: options, outer From, and forwarders of nested forwards. */
  ownerAddresses: string[];
  /** The owner's display name as the outer From shows it (lower-case), if any. */
  ownerName: string | null;
  /** Whether an original was found inside the forward (false: the outer message is read as is). */
  forwarded: boolean;
  /** MIME types of the original's attachments (a calendar invite tells a lot). */
  originalAttachmentTypes: string[];
  /** How many forward levels were unwrapped. */
  depth: number;
  /** The original's newest message: its text above any quoted history. */
  latestText: string;
}

interface Level extends OriginalMessage {
  /** The zone offset a zone-less time in a block below this level is read in. */
  offset: number | null;
  attached: ParsedEmail[];
  attachmentTypes: string[];
}

const FORWARD_PREFIX = /^\s*(?:\[[^\]]{0,40}\]\s*)?(?:fwd?|fw|wg|tr|rv|enc|i|doorst|vs|vb|fwd?\s*\(\d+\))\s*:/i;

export function hasForwardPrefix(subject: string): boolean {
  return FORWARD_PREFIX.test(subject);
}

const BOILERPLATE_LINES = [
  /^sent from my (iphone|ipad|android|galaxy|mobile|phone|blackberry)/i,
  /^sent with proton ?mail/i,
  /^sent from (outlook|mail|yahoo mail|my samsung)/i,
  /^get outlook for (ios|android)/i,
  /^von meinem (iphone|ipad|smartphone) gesendet/i,
  /^envoyé de mon (iphone|ipad)/i,
  /^enviado desde mi (iphone|ipad)/i,
  /^inviato da (iphone|ipad)/i,
  /^verzonden (vanaf|met) mijn (iphone|ipad)/i,
  /^enviado do meu (iphone|ipad)/i,
];

function cleanNote(text: string): string | null {
  const lines = text
    .split("\n")
    .filter((l) => !BOILERPLATE_LINES.some((re) => re.test(l.trim())));
  const out = tidyBlock(lines.join("\n"));
  return out ? out : null;
}

function levelFromParsed(p: ParsedEmail): Level {
  return {
    messageId: p.messageId,
    from: p.from,
    replyTo: p.replyTo,
    to: p.to,
    cc: p.cc,
    subject: p.subject,
    date: p.date,
    offset: p.dateOffset,
    text: p.text,
    attached: p.attachedMessages,
    attachmentTypes: p.attachmentTypes,
  };
}

function firstAddress(value: string | undefined): Address | null {
  if (!value) return null;
  return parseAddressList(value)[0] ?? null;
}

// US-English clients print numeric dates month first; the others day first.
const ENGLISH_LABELS = ["from", "sent", "date", "subject"];

/** Forwarded inline, the original's attachments (a calendar invite) ride on the forward itself: `attachmentTypes` are the forward's. */
function levelFromBlock(block: ForwardBlock, enclosingOffset: number | null, attachmentTypes: string[]): Level {
  const f = block.fields;
  const date = f.date ? parseLooseDate(f.date, enclosingOffset, !block.labels.some((l) => ENGLISH_LABELS.includes(l))) : null;
  let from = firstAddress(f.from);
  if (!from && f.from) {
    // Outlook may print only a display name; the signature may still give the address.
    const name = cleanName(f.from);
    from = name ? { name, address: addressForName(name, block.body) ?? "" } : null;
  }
  return {
    messageId: null,
    from,
    replyTo: f.replyTo ? parseAddressList(f.replyTo) : [],
    to: f.to ? parseAddressList(f.to) : [],
    cc: f.cc ? parseAddressList(f.cc) : [],
    subject: (f.subject ?? "").trim(),
    date: date?.iso ?? null,
    offset: date ? date.offset : enclosingOffset,
    text: block.body,
    attached: [],
    attachmentTypes,
  };
}

export function unwrapForward(parsed: ParsedEmail, opts: ReadOptions): Unwrapped {
  const outer: OuterMessage = {
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    from: parsed.from,
    subject: parsed.subject,
    date: parsed.date,
    headers: parsed.headers,
    text: parsed.text,
  };
  const owners = new Set(opts.ownerEmails.map((e) => e.toLowerCase()));
  if (parsed.from?.address) owners.add(parsed.from.address);
  const ownerName = normName(parsed.from?.name ?? "");
  const isOwnerish = (a: Address | null): boolean =>
    !!a && ((!!a.address && owners.has(a.address)) || (!!ownerName && ownerName.length > 3 && normName(a.name) === ownerName));

  let cur = levelFromParsed(parsed);
  let format = "none";
  let note: string | null = null;
  let depth = 0;
  for (; depth < 8; depth++) {
    const descend = depth === 0 || isOwnerish(cur.from) || hasForwardPrefix(cur.subject);
    if (!descend) break;
    let next: Level | null = null;
    let client = "";
    let levelNote: string | null = null;
    const attached = cur.attached[0];
    if (attached) {
      next = levelFromParsed(attached);
      client = "attachment";
      levelNote = cleanNote(cur.text);
    } else {
      const block = findForwardBlock(cur.text);
      if (block) {
        // A note typed below an unquoted Gmail forward: the HTML shows where the forward ends.
        const below = depth === 0 && !block.after.trim() ? parsed.belowQuote : null;
        if (below) block.body = cutTail(block.body, below);
        next = levelFromBlock(block, cur.offset, cur.attachmentTypes);
        client = block.client;
        levelNote = cleanNote([block.before, block.after, below ?? ""].filter((t) => t.trim()).join("\n\n"));
      }
    }
    if (!next) break;
    if (depth === 0) {
      format = client;
      note = levelNote;
    } else {
      format = "nested";
      if (cur.from?.address) owners.add(cur.from.address);
    }
    cur = next;
  }

  const original: OriginalMessage = {
    messageId: cur.messageId,
    from: cur.from,
    replyTo: cur.replyTo,
    to: cur.to,
    cc: cur.cc,
    subject: cur.subject,
    date: cur.date,
    text: cur.text,
  };
  // Addresses the owner's other mailboxes received the original at count as the owner's too,
  // when they carry the owner's name.
  for (const a of [...cur.to, ...cur.cc]) if (isOwnerish(a) && a.address) owners.add(a.address);
  return {
    outer,
    original,
    note,
    format,
    ownerAddresses: [...owners],
    ownerName: ownerName || null,
    forwarded: depth > 0 && format !== "none",
    originalAttachmentTypes: cur.attachmentTypes,
    depth,
    latestText: latestMessage(cur.text),
  };
}

/** The body without a tail the HTML says was written below it (found by its first line; the text part may wrap differently). */
function cutTail(body: string, tail: string): string {
  const firstLine = tail.split("\n")[0]!.trim().slice(0, 60);
  if (firstLine.length < 3) return body;
  const at = body.lastIndexOf(firstLine);
  return at > 0 ? body.slice(0, at).replace(/\s+$/, "") : body;
}

/** An address in the text that belongs to a name: "Olivia Grant" -> ogrant@..., olivia.grant@..., olivia@... */
export function addressForName(name: string, text: string): string | null {
  const parts = name.split(/\s+/).map(compact).filter((p) => p.length > 1);
  if (!parts.length) return null;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  for (const f of findEmails(text, 100)) {
    const local = compact(f.address.split("@")[0] ?? "");
    if (local === first + last || local === first || local === first[0] + last || local === first + last[0] || local === last + first || local === first + "." + last) return f.address;
  }
  return null;
}

function normName(name: string): string {
  return name
    .replace(/["'<>]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
