// Contacts: every human worth thanking. Senders, Reply-To and Cc'd people, addresses
// in the signature, and people the owner lists in the note. Never the owner, the
// forwarding address, or machine senders.

import type { Address, Contact } from "./types.ts";
import { cleanName, domainOf, findEmails, isPlausibleAddress, isRoleAddress, isSystemAddress, orgLabel } from "./addresses.ts";
import { looksLikePersonName, trailingCapitalised } from "./names.ts";
import { compact, stripLegalSuffix } from "./text.ts";
import { atsForDomain } from "./ats.ts";

export const MAX_CONTACTS = 25;

const DISCLAIMER_WORDS = [
  "confidential", "privileged", "disclaimer", "unsubscribe", "privacy", "intended recipient", "registered office",
  "datos personales", "datenschutz", "gdpr", "rgpd", "if you are not", "this e-mail", "this email and any", "vertraulich",
  "données personnelles", "dati personali", "persoonsgegevens", "dados pessoais", "legal notice", "aviso legal",
];

export interface ContactInput {
  from: Address | null;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  latest: string;
  note: string | null;
  excluded: Set<string>;
  company: string | null;
  /** The owner's display name (lower-case): a person by that name is the owner. */
  ownerName?: string | null;
}

/** "alex.rivera@elsewhere.test" or "Alex Rivera <...>": the owner's other mailbox, not a contact. */
function looksLikeOwner(email: string, name: string | null, ownerName: string | null | undefined): boolean {
  if (!ownerName) return false;
  const parts = ownerName.split(/\s+/).map(compact).filter((p) => p.length > 1);
  if (parts.length < 2) return false;
  if (name && compact(name) === compact(ownerName)) return true;
  const local = compact(email.split("@")[0] ?? "");
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return local.includes(first) && local.includes(last);
}

export function extractContacts(input: ContactInput): Contact[] {
  const out: Contact[] = [];
  const byEmail = new Map<string, Contact>();
  const add = (email: string, name: string | null, title: string | null): void => {
    const e = email.toLowerCase();
    if (!isPlausibleAddress(e) || input.excluded.has(e) || isSystemAddress(e)) return;
    if (looksLikeOwner(e, name, input.ownerName)) return;
    const prev = byEmail.get(e);
    if (prev) {
      if (!prev.name && name) prev.name = name;
      if (!prev.title && title) prev.title = title;
      return;
    }
    if (out.length >= MAX_CONTACTS) return;
    const c: Contact = { name: name || null, email: e, title: title || null };
    byEmail.set(e, c);
    out.push(c);
  };
  const personName = (a: Address): string | null => {
    const n = cleanName(a.name);
    if (!n || n.toLowerCase() === a.address) return null;
    if (input.company && compact(n) === compact(input.company)) return null;
    if (/\b(team|careers|recruiting|hiring|jobs|talent|hr|via|notifications?)\b/i.test(n)) return null;
    return firstNameFirst(n);
  };
  const orgLabels = new Set<string>();
  for (const a of [input.from, ...input.replyTo]) {
    if (a?.address && !atsForDomain(domainOf(a.address))) {
      const l = orgLabel(domainOf(a.address));
      if (l) orgLabels.add(compact(l));
    }
  }
  const companyKey = input.company ? compact(input.company) : "";

  if (input.from?.address) add(input.from.address, personName(input.from), null);
  for (const a of input.replyTo) add(a.address, personName(a), null);
  for (const a of input.cc) add(a.address, personName(a), null);
  for (const a of input.to) {
    const l = orgLabel(domainOf(a.address));
    if (l && orgLabels.has(compact(l))) add(a.address, personName(a), null);
  }

  // Addresses in the original's own words: in the signature, or on the employer's domain, outside legal boilerplate.
  const latest = input.latest.slice(0, 50_000);
  const paragraphs = splitParagraphs(latest);
  const lines = latest.split("\n");
  const signatureStart = Math.max(0, latest.length - 600);
  for (const p of paragraphs) {
    if (!p.text.includes("@")) continue; // no address to find: skip the lower-casing and boilerplate checks
    const lower = p.text.toLowerCase();
    if (DISCLAIMER_WORDS.some((w) => lower.includes(w))) continue;
    let invitedMemo: boolean | undefined;
    for (const f of findEmails(p.text, 20)) {
      if (isRoleAddress(f.address)) continue;
      const l = orgLabel(domainOf(f.address));
      const key = l ? compact(l) : "";
      const onEmployerDomain = !!key && (orgLabels.has(key) || (companyKey.length >= 4 && (key.startsWith(companyKey) || companyKey.startsWith(key))));
      const inSignature = p.start + f.start >= signatureStart;
      const invited = (invitedMemo ??= /reach out|contact me|email me|write to me|directly at|get in touch|reply to me|questions/.test(lower));
      if (onEmployerDomain || inSignature || invited) add(f.address, nameNearAddress(lines, f.address), null);
    }
  }

  // People the owner lists in the note, in any natural form.
  if (input.note) for (const c of contactsFromNote(input.note)) add(c.email, c.name, c.title);

  // Titles from signatures: the line under the person's name.
  for (const c of out) if (c.name && !c.title) c.title = titleUnderName(lines, c.name, input.company);
  return out;
}

function splitParagraphs(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("\n\n", start);
    const stop = end < 0 ? text.length : end;
    out.push({ text: text.slice(start, stop), start });
    if (end < 0) break;
    start = end + 2;
  }
  return out;
}

/** "Maria Gomez" on a line near "maria.gomez@...": the local part's words match the name. */
function nameNearAddress(lines: string[], address: string): string | null {
  const local = address.split("@")[0] ?? "";
  const tokens = local.split(/[._-]+/).filter((t) => t.length > 1);
  if (!tokens.length) return null;
  for (const line of lines) {
    const t = line.trim();
    if (t.length > 60 || t.includes("@")) continue;
    const words = t.split(/[\s,]+/).filter(Boolean);
    if (words.length < 2 || words.length > 4) continue;
    const folded = words.map((w) => compact(w));
    if (tokens.every((tok) => folded.some((w) => w === compact(tok) || (tok.length === 1 && w.startsWith(tok))))) return words.slice(0, 4).join(" ").replace(/,$/, "");
  }
  return null;
}

function titleUnderName(lines: string[], name: string, company: string | null): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (t === name || t.startsWith(name + ",")) {
      for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
        const next = lines[k]!.trim();
        if (!next) continue;
        if (/@|https?:|\d{3}/.test(next) || next.length > 80) return null;
        const parts = next.split(/\s\|\s|,\s/);
        if (parts.length > 1 && company && compact(parts[parts.length - 1]!).startsWith(compact(company).slice(0, 5))) {
          return parts.slice(0, -1).join(", ");
        }
        if (company && compact(next).startsWith(compact(company))) return null;
        return next;
      }
    }
  }
  return null;
}

/** "Schreiber, Markus" (Outlook's directory order) -> "Markus Schreiber", as a letter would address them. */
export function firstNameFirst(name: string): string {
  const m = /^([\p{Lu}][\p{L}'’-]+), ([\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’.-]*)?)$/u.exec(name);
  return m && stripLegalSuffix(name) === name ? `${m[2]} ${m[1]}` : name;
}

/** Words that start a note's sentence or label a person, never part of the name: "Also Sam Ortiz". */
const NOT_NAME = new Set("also|please|pls|and|thanks|thank|cc|plus|interviewers|interviewer|recruiter|bitte|auch|und|merci|aussi|gracias|también|grazie|anche|bedankt|ook|obrigado|obrigada|também".split("|"));

/** The person in a phrase of the note: the capitalised words at its end, or else the last full name in it ("Jo Park from product"). */
function nameInNote(text: string): string | null {
  const trim = (name: string | null): string | null => {
    const words = (name ?? "").split(" ").filter(Boolean);
    while (words.length && NOT_NAME.has(words[0]!.toLowerCase())) words.shift();
    return words.length ? words.join(" ") : null;
  };
  const tail = trim(trailingCapitalised(text));
  if (tail) return tail;
  const runs = text.match(/(?:[\p{Lu}][\p{L}'’-]+ ){1,3}[\p{Lu}][\p{L}'’-]+/gu) ?? [];
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = trim(runs[i]!);
    if (run && looksLikePersonName(run)) return run;
  }
  return null;
}

/**
 * "Priya Shah (hiring manager) priya@...", "Tom Lee <tom@...>", "- Dana Whitfield, VP Eng, dana@...",
 * "tom@... (Tom Lee, recruiter)".
 */
export function contactsFromNote(note: string): Contact[] {
  const out: Contact[] = [];
  const found = findEmails(note, 50);
  let prevEnd = 0;
  for (const f of found) {
    let seg = note.slice(prevEnd, f.start);
    const nl = seg.lastIndexOf("\n");
    if (nl >= 0) seg = seg.slice(nl + 1);
    for (const sep of [";", " and ", " und ", " et ", " y ", " e ", " en "]) {
      const i = seg.lastIndexOf(sep);
      if (i >= 0 && i < seg.length - sep.length - 1) seg = seg.slice(i + sep.length);
    }
    seg = seg.replace(/[<\[(:]\s*(mailto:)?\s*$/i, "").replace(/^[\s\-*•·>),;:]+/, "");
    // Only the sentence that names this person: "Agency one, for Northgate. Please thank Dana Whitfield <...>".
    const sentenceEnd = /[.!?]\s+(?=[^.!?]*$)/.exec(seg);
    if (sentenceEnd && seg.slice(sentenceEnd.index + sentenceEnd[0].length).trim()) seg = seg.slice(sentenceEnd.index + sentenceEnd[0].length);
    // "Interviewers: Ana Gomez": a label before the person.
    const colon = seg.lastIndexOf(": ");
    if (colon >= 0 && seg.slice(colon + 2).trim()) seg = seg.slice(colon + 2);
    let title: string | null = null;
    const paren = /\(([^)]{2,60})\)/.exec(seg);
    if (paren) {
      title = paren[1]!.trim();
      seg = seg.slice(0, paren.index) + " " + seg.slice(paren.index + paren[0].length);
    }
    let name: string | null = null;
    const parts = seg.split(/,\s*|\s[-–—]\s/).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 2) {
      name = nameInNote(parts[0]!);
      if (!title) title = parts.slice(1).join(", ").replace(/[:,]$/, "").trim() || null;
    } else if (parts.length === 1) {
      name = nameInNote(parts[0]!);
    }
    // "tom@x.test (Tom Lee, recruiter)" after the address.
    let end = f.end;
    const tail = note.slice(f.end, f.end + 80);
    const after = /^\s*[>\]]?\s*\(([^)]{2,60})\)/.exec(tail);
    if (after) {
      const inner = after[1]!.split(/,\s*/);
      if (!name && inner[0] && /^[\p{Lu}]/u.test(inner[0])) name = inner[0].trim();
      else if (!title) title = after[1]!.trim();
      if (!title && inner.length > 1) title = inner.slice(1).join(", ").trim();
      end = f.end + after[0].length;
    }
    if (title) title = title.replace(/^(?:the|our|their|my|his|her)\s+/i, "") || null;
    // "(hiring manager)" -> "Hiring Manager": titles as a signature would print them.
    if (title && title === title.toLowerCase()) title = title.replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toUpperCase()).replace(/\s(Of|And|For|The|De|Du|Der|Von)\b/g, (w) => w.toLowerCase());
    else if (title) title = title.charAt(0).toUpperCase() + title.slice(1);
    out.push({ email: f.address, name, title });
    prevEnd = end;
  }
  return out;
}
