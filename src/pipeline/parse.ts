// parseEmail: raw bytes -> a plain structure. The only module that imports
// postal-mime. Never throws: junk in gives a best-effort structure out.

import PostalMime, { decodeWords } from "postal-mime";
import type { Address as PmAddress, Email } from "postal-mime";
import type { Address } from "./types.ts";
import { htmlToText } from "./html-to-text.ts";
import { offsetOfDateHeader } from "./dates.ts";
import { normalizeText } from "./text.ts";
import { parseAddressList } from "./addresses.ts";

export interface ParsedEmail {
  /** Raw header values by lower-cased name (first occurrence wins). */
  headers: Record<string, string>;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  date: string | null; // ISO-8601 UTC
  /** Minutes east of UTC of the Date: header, when it states one. */
  dateOffset: number | null;
  /** The plain text body (or the HTML one converted), LF line endings. */
  text: string;
  html: string | null;
  /** Whether text came from converting HTML (no text/plain part). */
  textFromHtml: boolean;
  /** message/rfc822 parts (forward as attachment), parsed. */
  attachedMessages: ParsedEmail[];
  attachmentTypes: string[];
  /** Whether MIME parsing failed and the bytes were read as text. */
  fallback: boolean;
  /** Text the sender wrote below a Gmail forward or quote (after the HTML's gmail_quote block), if any. */
  belowQuote: string | null;
}

const MAX_NESTED = 4;
const MAX_BYTES = 25 * 1024 * 1024;

export async function parseEmail(raw: Uint8Array | ArrayBuffer | string, depth = 0): Promise<ParsedEmail> {
  let input: Uint8Array;
  try {
    input = typeof raw === "string" ? new TextEncoder().encode(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  } catch {
    return emptyParsed();
  }
  if (input.byteLength > MAX_BYTES) input = input.subarray(0, MAX_BYTES);
  try {
    input = trimForParse(input);
  } catch {
    // A bug in the trimming must not lose the email: postal-mime gets all of it.
  }
  let email: Email;
  try {
    email = await PostalMime.parse(input, { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer" });
  } catch {
    return parseAsText(new TextDecoder("utf-8").decode(input));
  }
  const looksLikeMail = email.headers.length > 0;
  if (!looksLikeMail) return { ...parseAsText(new TextDecoder("utf-8").decode(input)), fallback: false };
  return await fromPostalMime(email, depth);
}

async function fromPostalMime(email: Email, depth: number): Promise<ParsedEmail> {
  const headers: Record<string, string> = {};
  for (const h of email.headers) if (!(h.key in headers)) headers[h.key] = h.value;
  const html = email.html ?? null;
  let text = email.text ?? "";
  let textFromHtml = false;
  if (!text.trim() && html) {
    text = htmlToText(html);
    textFromHtml = true;
  }
  const attachedMessages: ParsedEmail[] = [];
  const attachmentTypes: string[] = [];
  for (const a of email.attachments) {
    attachmentTypes.push(a.mimeType);
    const emlFile = (a.filename ?? "").toLowerCase().endsWith(".eml");
    if (depth < MAX_NESTED && (a.mimeType === "message/rfc822" || a.mimeType === "message/global" || emlFile)) {
      const content = typeof a.content === "string" ? a.content : new Uint8Array(a.content as ArrayBuffer);
      const inner = await parseEmail(content, depth + 1);
      if (inner.from || inner.subject) attachedMessages.push(inner);
    }
  }
  return {
    headers,
    messageId: email.messageId?.trim() || null,
    inReplyTo: email.inReplyTo?.trim() || null,
    references: (email.references ?? "").split(/\s+/).filter(Boolean),
    from: toAddress(email.from),
    replyTo: toAddresses(email.replyTo),
    to: toAddresses(email.to),
    cc: toAddresses(email.cc),
    subject: normalizeText(email.subject ?? "").trim(),
    date: toIso(email.date),
    dateOffset: offsetOfDateHeader(headers["date"]),
    text: normalizeText(text),
    html,
    textFromHtml,
    attachedMessages,
    attachmentTypes,
    fallback: false,
    belowQuote: html ? textBelowGmailQuote(html) : null,
  };
}

/** "div" (any case) at i, not followed by a letter or digit. */
function isDivAt(html: string, i: number): boolean {
  if ((html.charCodeAt(i) | 32) !== 100 || (html.charCodeAt(i + 1) | 32) !== 105 || (html.charCodeAt(i + 2) | 32) !== 118) return false;
  const c = html.charCodeAt(i + 3);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/**
 * Gmail wraps a forwarded or quoted message in <div class="gmail_quote">; what the sender typed
 * below the forward comes after that div closes. Its text, or null. Linear: one scan of the tags.
 */
export function textBelowGmailQuote(html: string): string | null {
  const mark = html.indexOf('class="gmail_quote');
  if (mark < 0) return null;
  const open = html.lastIndexOf("<div", mark);
  if (open < 0 || mark - open > 200) return null;
  let depth = 0;
  let at = open;
  while (at >= 0 && at < html.length) {
    if (html.charCodeAt(at + 1) === 47 /* / */) {
      if (isDivAt(html, at + 2)) {
        depth--;
        if (depth === 0) {
          const end = html.indexOf(">", at);
          if (end < 0) return null;
          const text = normalizeText(htmlToText(html.slice(end + 1))).trim();
          return text || null;
        }
      }
    } else if (isDivAt(html, at + 1)) {
      depth++;
    }
    at = html.indexOf("<", at + 1);
  }
  return null;
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function toAddress(a: PmAddress | undefined): Address | null {
  const list = toAddresses(a ? [a] : []);
  return list[0] ?? null;
}

function toAddresses(list: PmAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const a of list ?? []) {
    if (a.group) {
      for (const m of a.group) if (m.address) out.push({ name: (m.name ?? "").trim(), address: m.address.toLowerCase() });
    } else if (a.address && a.address.includes("@")) {
      out.push({ name: (a.name ?? "").trim(), address: a.address.toLowerCase() });
    }
  }
  return out;
}

export function emptyParsed(): ParsedEmail {
  return {
    headers: {}, messageId: null, inReplyTo: null, references: [], from: null, replyTo: [], to: [], cc: [], subject: "",
    date: null, dateOffset: null, text: "", html: null, textFromHtml: false, attachedMessages: [], attachmentTypes: [],
    fallback: true, belowQuote: null,
  };
}

/** When MIME parsing fails: a header block if one is recognisable, the rest as body text. */
function parseAsText(raw: string): ParsedEmail {
  const out = emptyParsed();
  const text = normalizeText(raw.replace(/\u0000/g, ""));
  const blank = text.indexOf("\n\n");
  const head = blank >= 0 ? text.slice(0, blank) : "";
  const looksLikeHeaders = /^[A-Za-z][A-Za-z0-9-]{0,40}:/.test(head);
  if (!looksLikeHeaders) {
    out.text = text;
    return out;
  }
  const unfolded = head.replace(/\n[ \t]+/g, " ");
  for (const line of unfolded.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0 || colon > 60) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!(key in out.headers)) out.headers[key] = line.slice(colon + 1).trim();
  }
  const h = out.headers;
  out.from = h["from"] ? parseAddressList(h["from"])[0] ?? null : null;
  out.to = h["to"] ? parseAddressList(h["to"]) : [];
  out.cc = h["cc"] ? parseAddressList(h["cc"]) : [];
  out.replyTo = h["reply-to"] ? parseAddressList(h["reply-to"]) : [];
  out.subject = h["subject"] ?? "";
  out.date = toIso(h["date"]);
  out.dateOffset = offsetOfDateHeader(h["date"]);
  out.messageId = h["message-id"] ?? null;
  out.text = text.slice(blank + 2);
  return out;
}

// ------------------------------------------------------------------ trimming before postal-mime

/**
 * How much of a text part's body, still transfer-encoded, postal-mime is given. The reading
 * stages only look at the top of an email (the forward header and the newest message: the
 * classifier reads 20,000 characters, company and contacts 50,000, htmlToText stops at 120,000),
 * and postal-mime costs 15 to 30 ms per MB (every line is awaited and decoded), so the rest of a
 * multi-megabyte thread is never worth parsing. 128 KB of text is more than rebound stores
 * (100,000 characters); 128 KB of Outlook-style HTML, the most markup-heavy there is, still gives
 * 24,000 characters of text, more than the classifier reads. What is lost: a note the owner
 * writes below a forwarded message of more than 128 KB.
 */
export const MAX_TEXT_PART_BYTES = 128 * 1024;
export const MAX_HTML_PART_BYTES = 128 * 1024;
/** All kept bodies of one message together (text parts, preambles, forwarded .eml files). */
export const MAX_KEPT_BODY_BYTES = 1024 * 1024;

const MAX_MULTIPART_DEPTH = 32;
const MAX_CONTENT_HEADER = 16 * 1024;

/** What happens to a part's body: kept whole, kept up to `cap` bytes, or left out. */
type BodyPolicy = "keep" | "cap" | "drop";

interface Multipart {
  boundary: Uint8Array;
  digest: boolean;
  /** "--" + boundary, and its Horspool shift table: made when a dropped body is first skipped. */
  search?: { pattern: Uint8Array; skip: Int32Array };
}

function searchFor(m: Multipart): { pattern: Uint8Array; skip: Int32Array } {
  if (m.search) return m.search;
  const pattern = new Uint8Array(m.boundary.length + 2);
  pattern[0] = pattern[1] = 45;
  pattern.set(m.boundary, 2);
  const len = pattern.length;
  const skip = new Int32Array(256).fill(len);
  for (let k = 0; k < len - 1; k++) skip[pattern[k]!] = len - 1 - k;
  return (m.search = { pattern, skip });
}

interface PartHeaders {
  type: string | null;
  cte: string | null;
  disposition: string | null;
}

/**
 * The raw message with the bodies rebound never reads left out, for postal-mime. Attachments
 * that are neither text nor a message (images, PDFs, archives, calendars, octet-streams) keep
 * their headers, so they are still listed with their type, but lose their body; text/plain and
 * text/html parts are cut after MAX_TEXT_PART_BYTES / MAX_HTML_PART_BYTES (on a line end when
 * there is one, else where the transfer encoding allows: never inside a quoted-printable escape,
 * a base64 quartet or a UTF-8 sequence); attached messages (message/rfc822, message/global) are
 * walked into, so their own attachments go too; a part whose name says .eml is kept whole.
 * Headers, boundaries and line ends are left as they are. One pass over the lines, the way
 * postal-mime splits them (on LF, trailing CRs dropped) and finds boundaries (every line starting
 * with "--" is tried against the open multiparts, innermost first). Where a header can't be read
 * the way postal-mime would read it (a boundary in RFC 2231 sections, non-ASCII, a quote inside a
 * bare value, a content header over 16 KB, nesting past 32 multiparts), the message is returned
 * untouched. Returns `raw` itself when nothing was left out.
 */
export function trimForParse(raw: Uint8Array): Uint8Array {
  const n = raw.length;
  const open: Multipart[] = [];
  const pieces: Uint8Array[] = [];
  let changed = false;
  let runStart = 0; // start of the bytes being copied as they are
  let skipping = false; // whether bytes are being left out from the last skipFrom on
  const skipFrom = (at: number) => {
    if (skipping) return;
    if (at > runStart) pieces.push(raw.subarray(runStart, at));
    skipping = true;
    changed = true;
  };
  const keepFrom = (at: number) => {
    if (!skipping) return;
    runStart = at;
    skipping = false;
  };
  let crlf = true; // the line ends the message uses, for the one written after a cut

  // The part being read: its headers until the blank line, then its body.
  let inHeader = true;
  let inDigest = false; // a part of multipart/digest is a message unless it says otherwise
  let headers: PartHeaders = { type: null, cte: null, disposition: null };
  let field: keyof PartHeaders | null = null; // the content header being unfolded
  let headerLines = 0;
  let policy = "keep" as BodyPolicy;
  let cap = 0;
  let cte = "";
  let used = 0; // body bytes kept of this part
  let total = 0; // body bytes kept of the whole message

  const startPart = (digest: boolean) => {
    inHeader = true;
    inDigest = digest;
    headers = { type: null, cte: null, disposition: null };
    field = null;
    headerLines = 0;
  };
  const startBody = (p: BodyPolicy, limit: number, encoding: string) => {
    inHeader = false;
    policy = p;
    cap = limit;
    cte = encoding;
    used = 0;
  };

  /** Keeps what fits of the body line at `at`, cut where the encoding allows; the rest of the part goes. */
  const cutLine = (at: number, room: number): number => {
    const cut = room > 0 ? safeCut(raw, at, at + room, cte) : at;
    if (cut > at) {
      keepFrom(at);
      pieces.push(raw.subarray(runStart, cut), crlf ? CRLF : LF);
      runStart = cut;
      skipping = true;
      changed = true;
      total += cut - at;
    } else {
      skipFrom(at);
    }
    policy = "drop";
    return cut + 1; // mid-line: nextBoundaryLine only stops at line starts
  };

  let pos = 0;
  while (pos < n) {
    if (!inHeader && policy === "drop") {
      // Nothing of this body is kept: on to the next line that closes it, found without
      // walking every line (a single-part message has nothing after it).
      const at = open.length ? nextBoundaryLine(raw, pos, open) : n;
      if (at > pos) skipFrom(pos);
      pos = at;
      if (pos >= n) break;
    }
    const startsDashes = raw[pos] === 45 && raw[pos + 1] === 45;
    const room = inHeader || policy !== "cap" ? n : Math.min(cap - used, MAX_KEPT_BODY_BYTES - total);
    // A long line of a capped body is not searched to its end: only whether it fits matters.
    const window = !startsDashes && room < n - pos - 3 ? pos + Math.max(0, room) + 3 : n;
    const lf = window === n ? raw.indexOf(10, pos) : indexOfLf(raw, pos, window);
    if (lf < 0 && window < n) {
      pos = cutLine(pos, room);
      continue;
    }
    const lineEnd = lf < 0 ? n : lf;
    const next = lf < 0 ? n : lf + 1;
    let end = lineEnd;
    while (end > pos && raw[end - 1] === 13) end--;
    if (lf >= 0) crlf = end < lineEnd;

    // A boundary of an open multipart, innermost first (as postal-mime looks for them).
    if (startsDashes && open.length && end - pos > 2) {
      const hit = boundaryAt(raw, pos, end, open);
      if (hit) {
        keepFrom(pos);
        if (hit.closing) {
          open.length = hit.index;
          startBody("cap", MAX_TEXT_PART_BYTES, ""); // the epilogue: postal-mime ignores it
        } else {
          open.length = hit.index + 1;
          startPart(open[hit.index]!.digest);
        }
        pos = next;
        continue;
      }
    }

    if (inHeader) {
      keepFrom(pos);
      if (end === pos) {
        // The blank line: what the body is decides what becomes of it.
        const decided = decideBody(headers, inDigest);
        if (decided === null) return raw;
        if (decided.kind === "multipart") {
          if (decided.boundary) {
            if (open.length >= MAX_MULTIPART_DEPTH) return raw;
            open.push(decided.boundary);
          }
          startBody("cap", MAX_TEXT_PART_BYTES, ""); // the preamble: postal-mime ignores it
        } else if (decided.kind === "message") {
          startPart(false); // the attached message's own header block follows
        } else {
          startBody(decided.policy, decided.cap, decided.cte);
        }
      } else if (headerLines++ > 0 && (raw[pos] === 32 || raw[pos] === 9)) {
        if (field) {
          const value = headers[field]! + latin1(raw, pos, end);
          if (value.length > MAX_CONTENT_HEADER) return raw;
          headers[field] = value;
        }
      } else {
        field = null;
        const hit = contentHeaderAt(raw, pos, end);
        if (hit && headers[hit.field] === null) {
          if (end - hit.value > MAX_CONTENT_HEADER) return raw;
          headers[hit.field] = latin1(raw, hit.value, end);
          field = hit.field;
        }
      }
      pos = next;
      continue;
    }

    // A body line: kept whole, or cut if it does not fit.
    const size = next - pos;
    if (policy === "keep" || end - pos <= room) {
      keepFrom(pos);
      used += size;
      total += size;
      if (policy === "cap" && size > room) policy = "drop"; // only its line end did not fit
    } else {
      pos = cutLine(pos, room);
      continue;
    }
    pos = next;
  }
  if (!changed) return raw;
  if (!skipping && runStart < n) pieces.push(raw.subarray(runStart, n));
  return concatBytes(pieces);
}

/** The chunks one after another, in one array. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The first LF in raw[from, to), or -1. */
function indexOfLf(raw: Uint8Array, from: number, to: number): number {
  const i = raw.subarray(from, to).indexOf(10);
  return i < 0 ? -1 : from + i;
}

/**
 * The start of the first line at or after `from` that is a boundary line of an open multipart,
 * or raw.length. Each boundary is looked for with Boyer-Moore-Horspool, so a dropped attachment is
 * skipped without reading most of its bytes.
 */
function nextBoundaryLine(raw: Uint8Array, from: number, open: Multipart[]): number {
  let best = raw.length;
  for (const m of open) {
    const { pattern: pat, skip } = searchFor(m);
    const len = pat.length;
    const last = pat[len - 1]!;
    let i = from;
    while (i < best && i + len <= raw.length) {
      const c = raw[i + len - 1]!;
      // Only at a line start, and left to right: the pattern holds no LF, so a comparison never
      // reads past the line it starts on, which keeps the search linear.
      if (c === last && (i === 0 || raw[i - 1] === 10)) {
        let j = 0;
        while (j < len && raw[i + j] === pat[j]) j++;
        if (j === len) {
          const lf = raw.indexOf(10, i);
          let end = lf < 0 ? raw.length : lf;
          while (end > i && raw[end - 1] === 13) end--;
          if (boundaryAt(raw, i, end, open)) {
            best = i;
            break;
          }
        }
      }
      i += skip[c]!;
    }
  }
  return best;
}

const EMPTY = new Uint8Array(0);
const CRLF = new Uint8Array([13, 10]);
const LF = new Uint8Array([10]);

/** Bytes as one character each; at most MAX_CONTENT_HEADER of them. */
function latin1(raw: Uint8Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, raw.subarray(from, to) as unknown as number[]);
}

const CONTENT_FIELDS: [string, keyof PartHeaders][] = [["type", "type"], ["transfer-encoding", "cte"], ["disposition", "disposition"]];

/** Whether the header line at raw[pos, end) is Content-Type, -Transfer-Encoding or -Disposition (any case, blanks around the name), and where its value starts. */
function contentHeaderAt(raw: Uint8Array, pos: number, end: number): { field: keyof PartHeaders; value: number } | null {
  let i = pos;
  while (i < end && (raw[i] === 32 || raw[i] === 9)) i++;
  i = matchName(raw, i, end, "content-");
  if (i < 0) return null;
  for (const [name, field] of CONTENT_FIELDS) {
    let j = matchName(raw, i, end, name);
    if (j < 0) continue;
    while (j < end && (raw[j] === 32 || raw[j] === 9)) j++;
    return raw[j] === 58 && j < end ? { field, value: j + 1 } : null;
  }
  return null;
}

/** The position after `name` (lower-case ASCII) if raw[at...] spells it in any case, else -1. */
function matchName(raw: Uint8Array, at: number, end: number, name: string): number {
  if (end - at < name.length) return -1;
  for (let k = 0; k < name.length; k++) {
    const want = name.charCodeAt(k);
    const got = raw[at + k]!;
    if (want >= 97 && want <= 122 ? (got | 32) !== want : got !== want) return -1;
  }
  return at + name.length;
}

/** postal-mime's test: "--" + boundary, optionally "--", then only spaces and tabs. */
function boundaryAt(raw: Uint8Array, pos: number, end: number, open: Multipart[]): { index: number; closing: boolean } | null {
  for (let k = open.length - 1; k >= 0; k--) {
    const b = open[k]!.boundary;
    if (end - pos < b.length + 2) continue;
    let same = true;
    for (let j = 0; j < b.length; j++) {
      if (raw[pos + 2 + j] !== b[j]) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    let after = pos + 2 + b.length;
    const closing = end - after >= 2 && raw[after] === 45 && raw[after + 1] === 45;
    if (closing) after += 2;
    let blank = true;
    for (let j = after; j < end; j++) {
      if (raw[j] !== 32 && raw[j] !== 9) {
        blank = false;
        break;
      }
    }
    if (blank) return { index: k, closing };
  }
  return null;
}

type Decision =
  | { kind: "multipart"; boundary: Multipart | null }
  | { kind: "message" }
  | { kind: "body"; policy: BodyPolicy; cap: number; cte: string };

/** What to do with a part's body, from its content headers; null when they can't be read safely. */
function decideBody(h: PartHeaders, inDigest: boolean): Decision | null {
  const type = h.type === null ? (inDigest ? "message/rfc822" : "text/plain") : stripComments(h.type).split(";")[0]!.replace(/"/g, "").trim().toLowerCase();
  const cte = h.cte === null ? "" : (/[\w-]+/.exec(stripComments(h.cte).toLowerCase())?.[0] ?? "");
  if (type.startsWith("multipart/")) {
    const boundary = boundaryParam(h.type ?? "");
    if (boundary === undefined) return null;
    return { kind: "multipart", boundary: boundary && { boundary, digest: type === "multipart/digest" } };
  }
  const plainBody = cte === "" || cte === "7bit" || cte === "8bit" || cte === "binary";
  if ((type === "message/rfc822" || type === "message/global") && plainBody) return { kind: "message" };
  if (type.startsWith("message/") || mayBeEml(h)) return { kind: "body", policy: "keep", cap: 0, cte };
  if (type === "text/plain") return { kind: "body", policy: "cap", cap: MAX_TEXT_PART_BYTES, cte };
  if (type === "text/html") return { kind: "body", policy: "cap", cap: MAX_HTML_PART_BYTES, cte };
  return { kind: "body", policy: "drop", cap: 0, cte };
}

/** Whether a part's name (plain, RFC 2047 or RFC 2231 encoded) might end in .eml: parseEmail reads those as messages. */
function mayBeEml(h: PartHeaders): boolean {
  const names = `${h.type ?? ""} ${h.disposition ?? ""}`;
  if (/eml/i.test(names)) return true;
  try {
    if (names.includes("=?") && /eml/i.test(decodeWords(names))) return true;
  } catch {
    return true;
  }
  return names.includes("%") && /eml/i.test(names.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/**
 * The boundary parameter as postal-mime reads it: null when there is none (the multipart has no
 * parts), undefined when this reading might differ from postal-mime's.
 */
function boundaryParam(contentType: string): Uint8Array | null | undefined {
  const value = stripComments(contentType);
  let found: string | null = null;
  let i = value.indexOf(";");
  while (i >= 0 && i < value.length) {
    const eq = value.indexOf("=", i + 1);
    const semi = value.indexOf(";", i + 1);
    if (eq < 0) break;
    if (semi >= 0 && semi < eq) {
      i = semi;
      continue;
    }
    const key = value.slice(i + 1, eq).trim().toLowerCase();
    let j = eq + 1;
    while (value[j] === " " || value[j] === "\t") j++;
    let param = "";
    if (value[j] === '"') {
      j++;
      while (j < value.length && value[j] !== '"') {
        if (value[j] === "\\") j++;
        if (j < value.length) param += value[j];
        j++;
      }
      const stop = value.indexOf(";", j);
      i = stop;
    } else {
      const stop = value.indexOf(";", j);
      param = value.slice(j, stop < 0 ? value.length : stop).replace(/[ \t]+$/, "");
      if (param.includes('"') && key.startsWith("boundary")) return undefined;
      i = stop;
    }
    if (key.startsWith("boundary*")) return undefined;
    if (key === "boundary" && found === null) found = param;
  }
  if (!found) return null;
  if (!/^[\x20-\x7e]*$/.test(found)) return undefined;
  const bytes = new Uint8Array(found.length);
  for (let k = 0; k < found.length; k++) bytes[k] = found.charCodeAt(k);
  return bytes;
}

/** RFC 822 comments out of a structured header, as postal-mime's MimeNode.stripComments removes them. */
function stripComments(str: string): string {
  if (!str.includes("(")) return str;
  let result = "";
  let depth = 0;
  let escaped = false;
  let inQuote = false;
  let commentStart = -1;
  let inValue = false;
  for (let i = 0; i < str.length; i++) {
    const c = str[i]!;
    if (escaped) {
      if (depth === 0) result += c;
      escaped = false;
      continue;
    }
    if (c === "\\") {
      escaped = true;
      if (depth === 0) result += c;
      continue;
    }
    if (c === '"' && depth === 0) {
      inQuote = !inQuote;
      result += c;
      continue;
    }
    if (!inQuote) {
      if (c === "(" && (!inValue || !result.length || result.endsWith(" ") || result.endsWith("\t"))) {
        if (depth === 0) commentStart = i;
        depth++;
        continue;
      }
      if (c === ")" && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0) {
        if (c === "=") inValue = true;
        else if (c === ";") inValue = false;
      }
    }
    if (depth === 0) result += c;
  }
  if (depth === 0) return result;
  return str.indexOf(";", commentStart) < 0 ? result : str;
}

/**
 * Where to cut a body line of `cte` encoding at or before `limit` so the kept bytes still decode:
 * not inside a quoted-printable "=XX", on a whole base64 quartet, not inside a UTF-8 sequence.
 */
function safeCut(raw: Uint8Array, from: number, limit: number, cte: string): number {
  let cut = limit;
  if (cte === "base64") {
    cut = from + Math.floor((limit - from) / 4) * 4;
  } else if (cte === "quoted-printable") {
    if (raw[cut - 1] === 61) cut -= 1;
    else if (raw[cut - 2] === 61) cut -= 2;
  } else {
    let back = 0;
    while (cut > from && back < 4 && (raw[cut]! & 0xc0) === 0x80) {
      cut--;
      back++;
    }
  }
  return Math.max(from, cut);
}
