// Finding and judging e-mail addresses in free text. A linear scan instead of a
// regular expression: bodies can be megabytes of junk.

import type { Address } from "./types.ts";
import { atsForDomain } from "./ats.ts";

export interface FoundEmail {
  address: string; // lower-cased
  start: number; // index of the first character in the text
  end: number; // index after the last character
}

function isLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 46 || c === 95 || c === 45 || c === 43 || c === 37 || c === 39
  );
}

function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** Every plausible address in the text, in order. Each '@' extends only to its neighbours, so the scan is linear. */
export function findEmails(text: string, limit = 500): FoundEmail[] {
  const out: FoundEmail[] = [];
  let at = text.indexOf("@");
  while (at >= 0 && out.length < limit) {
    let s = at;
    while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
    // Trim punctuation that ends sentences rather than addresses.
    while (s < at && (text[s] === "." || text[s] === "'")) s++;
    while (e > at + 1 && (text[e - 1] === "." || text[e - 1] === "-")) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (local.length > 0 && isValidDomain(domain)) {
      out.push({ address: (local + "@" + domain).toLowerCase(), start: s, end: e });
    }
    at = text.indexOf("@", Math.max(e, at + 1));
  }
  return out;
}

/** One local part, one "@", one domain: a header parser may hand over "a@b@c" from a damaged Cc line. */
export function isPlausibleAddress(address: string): boolean {
  const at = address.indexOf("@");
  if (at <= 0 || at !== address.lastIndexOf("@") || at > 64) return false;
  for (let i = 0; i < at; i++) if (!isLocalChar(address.charCodeAt(i))) return false;
  const domain = address.slice(at + 1);
  for (let i = 0; i < domain.length; i++) if (!isDomainChar(domain.charCodeAt(i))) return false;
  return isValidDomain(domain);
}

function isValidDomain(domain: string): boolean {
  const dot = domain.lastIndexOf(".");
  if (dot <= 0 || dot === domain.length - 1) return false;
  const tld = domain.slice(dot + 1);
  return /^[a-z]{2,24}$/i.test(tld) && !domain.includes("..");
}

/** Cleans a display name: quotes, brackets, mailto remains, stray separators. */
export function cleanName(raw: string): string {
  let name = raw
    .replace(/\[mailto:[^\]]*\]/gi, "")
    .replace(/<mailto:[^>]*>/gi, "")
    .replace(/mailto:/gi, "")
    .replace(/[<>"\[\]*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  name = name.replace(/^[,;:\-–—\s]+|[,;:\-–—\s]+$/g, "");
  if (name.startsWith("'") && name.endsWith("'") && name.length > 1) name = name.slice(1, -1).trim();
  if (name.includes("@")) return "";
  return name;
}

/**
 * Parses a header-like address list written by a mail client into a forward block:
 * `Name <a@b>`, `"Last, First" <a@b>`, `<a@b>`, `a@b`, `Name [mailto:a@b]`, separated by , or ;.
 */
export function parseAddressList(value: string): Address[] {
  const found = findEmails(value, 100);
  const out: Address[] = [];
  let prevEnd = 0;
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    let segment = value.slice(prevEnd, f.start);
    // Skip the separator that ended the previous entry (a closing ">" or "]" then , or ;).
    // Outlook separates with ";" and writes "Last, First": then a comma is part of the name.
    const sep = value.includes(";") ? segment.lastIndexOf(";") : lastSeparatorComma(segment);
    if (i > 0 && sep >= 0) segment = segment.slice(sep + 1);
    const name = cleanName(segment);
    // "a@b <mailto:a@b>" and "Name <a@b> [mailto:a@b]": the second sighting is the same entry.
    if (out.length > 0 && out[out.length - 1]!.address === f.address && !name) {
      prevEnd = skipClosers(value, f.end);
      continue;
    }
    out.push({ name, address: f.address });
    prevEnd = skipClosers(value, f.end);
  }
  return out;
}

/** A comma that separates entries, not the one inside "Last, First". */
function lastSeparatorComma(segment: string): number {
  let inQuote = false;
  let last = -1;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === "," && !inQuote) last = i;
  }
  return last;
}

function skipClosers(value: string, pos: number): number {
  let p = pos;
  while (p < value.length && (value[p] === ">" || value[p] === "]" || value[p] === ")" || value[p] === '"')) p++;
  return p;
}

const SYSTEM_LOCAL_PARTS = [
  "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "dontreply", "nepasrepondre",
  "ne-pas-repondre", "noresponder", "no-responder", "naoresponda", "nao-responda", "nao_responda", "nonrispondere",
  "non-rispondere", "nietbeantwoorden", "niet-beantwoorden", "antwortnicht", "keine-antwort", "mailer-daemon", "postmaster", "bounce", "bounces", "notifications",
  "notification", "notify", "alerts", "jobalerts", "newsletter", "news", "digest", "unsubscribe", "automated", "system",
  "auto-confirm", "autoreply", "auto-reply", "calendar-notification", "invitations", "messages-noreply", "receipts", "receipt", "orders", "billing", "invoice", "invoices",
];

/** Role mailboxes: real inboxes, but not people worth thanking when they only appear in boilerplate. */
const ROLE_LOCAL_PARTS = [
  "privacy", "dataprotection", "data-protection", "datenschutz", "dpo", "gdpr", "rgpd", "compliance", "legal", "info",
  "support", "help", "hello", "contact", "office", "admin", "webmaster", "abuse", "security", "press", "media",
  "marketing", "sales", "billing", "accounts", "careers", "jobs", "recruiting", "recruitment", "talent", "hr", "hiring",
  "people", "team", "apply", "applications", "candidates", "karriere", "bewerbung", "emploi", "empleo", "lavoro",
  "vacatures", "vagas", "rh", "rrhh",
];

/** no-reply and other machine senders: never a contact. */
const SYSTEM_PREFIXES = SYSTEM_LOCAL_PARTS.flatMap((p) => [p + "-", p + ".", p + "+"]);
const SYSTEM_SUFFIXES = SYSTEM_LOCAL_PARTS.flatMap((p) => ["-" + p, "." + p, "_" + p]);
const SYSTEM_EXACT = new Set(SYSTEM_LOCAL_PARTS);
/** Addresses recur within one email (From, Reply-To, signature, Cc): remember the answers. */
const systemCache = new Map<string, boolean>();

export function isSystemAddress(address: string): boolean {
  const cached = systemCache.get(address);
  if (cached !== undefined) return cached;
  const [local = "", domain = ""] = address.toLowerCase().split("@");
  const answer =
    !!atsForDomain(domain) ||
    SYSTEM_EXACT.has(local) ||
    SYSTEM_PREFIXES.some((p) => local.startsWith(p)) ||
    SYSTEM_SUFFIXES.some((p) => local.endsWith(p)) ||
    local.includes("noreply") || local.includes("no-reply") || local.includes("donotreply") || local.includes("do-not-reply");
  if (systemCache.size >= 2000) systemCache.clear();
  systemCache.set(address, answer);
  return answer;
}

export function isRoleAddress(address: string): boolean {
  const local = address.toLowerCase().split("@")[0] ?? "";
  const base = local.split("+")[0] ?? local;
  return ROLE_LOCAL_PARTS.includes(base);
}

const FREEMAIL = [
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.de", "gmx.net", "gmx.com",
  "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "libero.it", "hey.com", "fastmail.com", "zoho.com",
  "mail.com", "yandex.com", "qq.com", "163.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.de", "hotmail.fr", "hotmail.es",
];

export function isFreemailDomain(domain: string): boolean {
  return FREEMAIL.includes(domain.toLowerCase());
}

const SECOND_LEVEL = ["co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "gob", "gouv"];
const RESERVED = ["example", "localhost", "invalid"];

/** The organisation's label of a domain: "mail.acme-robotics.co.uk" -> "acme-robotics"; null for free mail. */
export function orgLabel(domain: string): string | null {
  const d = domain.toLowerCase();
  if (isFreemailDomain(d)) return null;
  const parts = d.split(".").filter(Boolean);
  if (parts.length < 2) return null;
  parts.pop(); // top-level domain
  // "acme.co.uk", "rotenbach.example.de.test": second-level, reserved and country labels are nobody's name.
  while (parts.length > 1 && (SECOND_LEVEL.includes(parts[parts.length - 1]!) || RESERVED.includes(parts[parts.length - 1]!) || /^[a-z]{2}$/.test(parts[parts.length - 1]!))) parts.pop();
  const label = parts[parts.length - 1];
  if (!label || RESERVED.includes(label)) return null;
  return label;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}
