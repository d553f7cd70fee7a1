// parseEmail: raw bytes -> a plain structure. The only module that imports
// postal-mime. Never throws: junk in gives a best-effort structure out.

import PostalMime from "postal-mime";
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
  let input: Uint8Array | string;
  try {
    input = typeof raw === "string" ? raw : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  } catch {
    return emptyParsed();
  }
  if ((typeof input === "string" ? input.length : input.byteLength) > MAX_BYTES) {
    input = typeof input === "string" ? input.slice(0, MAX_BYTES) : input.subarray(0, MAX_BYTES);
  }
  let email: Email;
  try {
    email = await PostalMime.parse(input, { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer" });
  } catch {
    return parseAsText(typeof input === "string" ? input : new TextDecoder("utf-8").decode(input));
  }
  const looksLikeMail = email.headers.length > 0;
  if (!looksLikeMail) {
    const text = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
    return { ...parseAsText(text), fallback: false };
  }
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
