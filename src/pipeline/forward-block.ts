// Recognising the header block a mail client writes when forwarding (or quoting
// in a reply): the marker line, the localised field labels and the layout quirks
// (Yahoo runs the fields together on one line, Apple and Proton quote with "> ").

import { unquoteLine, isQuotedLine } from "./text.ts";

export type FieldKey = "from" | "to" | "cc" | "date" | "subject" | "replyTo";

export interface HeaderFields {
  from?: string;
  to?: string;
  cc?: string;
  date?: string;
  subject?: string;
  replyTo?: string;
}

export interface ForwardBlock {
  /** The client that wrote it, as far as the layout tells: gmail, outlook, apple, thunderbird, ... */
  client: string;
  fields: HeaderFields;
  /** Label words used, lower-case (tell the client's language). */
  labels: string[];
  /** Text above the block (the forwarder's note). */
  before: string;
  /** The forwarded message's text. */
  body: string;
  /** Unquoted text below a quoted forward (a note written under it). */
  after: string;
  /** Line index where the block starts in the scanned text. */
  startLine: number;
}

// Localised labels: en, de, fr, es, it, nl, pt (plus a few Nordic ones clients share).
const LABELS: Record<string, FieldKey> = {};
function labels(key: FieldKey, names: string): void {
  for (const n of names.split("|")) LABELS[n] = key;
}
labels("from", "from|von|de|da|van|från|fra|od|remetente|mittente|expéditeur|absender|afzender|sender");
labels("date", "date|sent|datum|gesendet|envoyé|envoye|enviado|enviado el|enviada|enviada em|enviado em|inviato|data|fecha|verzonden|verstuurd|skickat|sendt|date d'envoi|envoyé le|sent at|sent on");
labels("to", "to|an|à|a|para|aan|till|til|do|destinatario|destinataire|empfänger|per|destinatari|pour");
labels("cc", "cc|kopie|copie|copia|kopie aan|cópia|cc.|c.c.|kopie (cc)|cc (kopie)|copie à|copia a|cc (copia)");
labels("subject", "subject|betreff|objet|asunto|oggetto|onderwerp|assunto|ämne|emne|temat|sujet|tema");
labels("replyTo", "reply-to|reply to|antwort an|répondre à|responder a|rispondi a|antwoord aan|responder para");

/** Labels as clients print them, for splitting Yahoo's run-together header line. */
const INLINE_LABELS = [
  "From", "To", "Cc", "CC", "Sent", "Date", "Subject", "Reply-To", "Von", "An", "Gesendet", "Datum", "Betreff", "De",
  "Envoyé", "Objet", "Para", "Enviado", "Asunto", "Da", "Inviato", "Oggetto", "Van", "Aan", "Verzonden", "Onderwerp",
  "Assunto", "Enviada em", "Data",
];

export function labelOf(line: string): { key: FieldKey; label: string; value: string } | null {
  // Index scanning, not regular expressions: this runs on every line of big bodies.
  let s = 0;
  while (s < line.length && s < 40 && (line[s] === " " || line[s] === "\t" || line[s] === "*" || line[s] === "\u00a0")) s++;
  let colon = -1;
  for (let i = s + 1; i < line.length && i <= s + 28; i++) {
    if (line[i] === ":") {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const label = line.slice(s, colon).replace(/[\s*]+$/, "").toLowerCase();
  const key = LABELS[label];
  if (!key) return null;
  const value = line.slice(colon + 1).replace(/^[\s*]+/, "").trim();
  return { key, label, value };
}

/** Whether a bare address ends at `end` ("To: grace@example.comSent: ..."): a label may follow it directly. */
function endsWithAddress(line: string, end: number): boolean {
  let s = end;
  while (s > 0 && end - s < 100 && !" \t<>,;:".includes(line[s - 1]!)) s--;
  const token = line.slice(s, end);
  const at = token.indexOf("@");
  return at > 0 && token.indexOf(".", at) > at + 1;
}

/** Yahoo's text part runs "From: A <a@x>To: B <b@y>Sent: ...EDTSubject: ..." together. */
export function splitRunTogether(line: string): string[] {
  if (line.length > 2000) return [line];
  const cuts: number[] = [];
  for (const label of INLINE_LABELS) {
    const needle = label + ":";
    let p = line.indexOf(needle, 1);
    while (p > 0) {
      const prev = line[p - 1]!;
      if (/[>)\]A-Z0-9"]/.test(prev) || (/[a-z]/.test(prev) && endsWithAddress(line, p))) cuts.push(p);
      p = line.indexOf(needle, p + needle.length);
    }
  }
  if (cuts.length === 0) return [line];
  cuts.sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const c of cuts) {
    parts.push(line.slice(from, c));
    from = c;
  }
  parts.push(line.slice(from));
  return parts;
}

const BEGIN_FORWARDED = [
  "begin forwarded message", "anfang der weitergeleiteten nachricht", "début du message réexpédié",
  "début du message transféré", "inicio del mensaje reenviado", "comienzo del mensaje reenviado",
  "inizio messaggio inoltrato", "begin doorgestuurd bericht", "início da mensagem reencaminhada",
  "início da mensagem encaminhada", "inicio da mensagem encaminhada",
];

const DASH_PHRASES = [
  "forwarded message", "forwarded e-mail", "weitergeleitete nachricht", "message transféré", "message transfere",
  "mensaje reenviado", "messaggio inoltrato", "doorgestuurd bericht", "mensagem encaminhada", "mensagem reencaminhada",
  "original message", "ursprüngliche nachricht", "originalnachricht", "original-nachricht", "original-mitteilung", "message d'origine", "message original",
  "mensaje original", "messaggio originale", "oorspronkelijk bericht", "origineel bericht", "mensagem original",
];

export interface Marker {
  client: string;
  /** Header text written on the marker line itself (Yahoo). */
  rest: string;
}

/** Whether a line is a forward/quote marker; which client wrote it. */
export function markerOf(rawLine: string): Marker | null {
  const t = unquoteLine(rawLine).trim();
  if (t.length < 5) return null;
  if (t.startsWith("____") && /^_{10,}$/.test(t)) return { client: "outlook", rest: "" };
  const lower = t.toLowerCase();
  for (const p of BEGIN_FORWARDED) if (lower.startsWith(p)) return { client: "apple", rest: "" };
  // Dashes (most clients) or equals signs (Zoho) around the phrase.
  const rule = t[0];
  if ((rule !== "-" && rule !== "=") || t[1] !== rule) return null;
  let lead = 0;
  while (lead < t.length && t[lead] === rule) lead++;
  let end = lead;
  while (end < t.length && end - lead < 60 && t[end] !== rule) end++;
  const phrase = t.slice(lead, end).trim().toLowerCase();
  if (!DASH_PHRASES.includes(phrase)) return null;
  let after = end;
  while (after < t.length && t[after] === rule) after++;
  const rest = t.slice(after).trim();
  const original = phrase.includes("orig") || phrase.includes("ursprüng");
  let client = "forward";
  if (rule === "=") client = "zoho";
  else if (original) client = lead === 5 && t[lead] !== " " ? "outlook" : "fastmail";
  else if (lead >= 9) client = "gmail";
  else if (lead === 8) client = "thunderbird";
  else if (lead === 7) client = "proton";
  else if (lead <= 6) client = "yahoo";
  return { client, rest };
}

type LabelCache = (ReturnType<typeof labelOf> | undefined)[];

function cachedLabel(lines: string[], k: number, cache: LabelCache): ReturnType<typeof labelOf> {
  let lab = cache[k];
  if (lab === undefined) {
    lab = labelOf(unquoteLine(lines[k]!));
    cache[k] = lab;
  }
  return lab;
}

/** A header block with no marker line (classic Outlook, Outlook for Mac): From then Sent/Date and Subject. */
function headerOnlyStart(lines: string[], i: number, cache: LabelCache): boolean {
  const first = cachedLabel(lines, i, cache);
  // Most clients start with From; GMX and some Outlook layouts start with the date.
  if (!first || (first.key !== "from" && first.key !== "date") || !first.value) return false;
  let hasDate = first.key === "date";
  let hasSubject = false;
  let hasTo = false;
  let hasFrom = first.key === "from";
  for (let k = i + 1; k < Math.min(lines.length, i + 8); k++) {
    if (!lines[k]!.trim() || lines[k]!.trim() === ">") break;
    const lab = cachedLabel(lines, k, cache);
    if (!lab) continue;
    if (lab.key === "date") hasDate = true;
    if (lab.key === "subject") hasSubject = true;
    if (lab.key === "to") hasTo = true;
    if (lab.key === "from") hasFrom = true;
  }
  return hasFrom && hasSubject && (hasDate || hasTo);
}

/** The first line where a forwarded or quoted message's header starts, or -1. */
export function findBlockStart(lines: string[], from = 0, cache: LabelCache = []): number {
  for (let i = from; i < lines.length; i++) {
    if (markerOf(lines[i]!) || headerOnlyStart(lines, i, cache)) return i;
  }
  return -1;
}

/** Finds the first forward block in a text and splits the text around it. */
export function findForwardBlock(text: string): ForwardBlock | null {
  const lines = text.split("\n");
  const cache: LabelCache = [];
  let i = findBlockStart(lines, 0, cache);
  while (i >= 0) {
    const block = readBlockAt(lines, i);
    if (block) return block;
    i = findBlockStart(lines, i + 1, cache);
  }
  return null;
}

function readBlockAt(lines: string[], i: number): ForwardBlock | null {
  const marker = markerOf(lines[i]!);
  let client = marker?.client ?? "outlook";
  const headerLines: string[] = [];
  let k = i;
  let quoted = isQuotedLine(lines[i]!.trimStart());
  if (marker) {
    if (marker.rest) headerLines.push(marker.rest);
    k = i + 1;
  }
  const fields: HeaderFields = {};
  const used: string[] = [];
  let count = 0;
  let blanks = 0;
  const state: { lastKey: FieldKey | null } = { lastKey: null };
  const take = (l: string): boolean => {
    let recognised = false;
    for (const part of splitRunTogether(l)) {
      const lab = labelOf(part);
      if (!lab) continue;
      if (fields[lab.key] === undefined) fields[lab.key] = lab.value;
      used.push(lab.label);
      state.lastKey = lab.key;
      count++;
      recognised = true;
    }
    return recognised;
  };
  for (const h of headerLines) take(h);
  for (; k < lines.length; k++) {
    const rawLine = lines[k]!;
    if (count === 0 && isQuotedLine(rawLine.trimStart())) quoted = true;
    const l = quoted ? unquoteLine(rawLine.trimStart()) : rawLine;
    if (!l.trim()) {
      if (count > 0) {
        // HTML-converted blocks may put a blank line between fields: go on only if a new field follows.
        const next = lines[k + 1];
        const lab = next === undefined ? null : labelOf(quoted ? unquoteLine(next.trimStart()) : next);
        if (lab && fields[lab.key] === undefined && count < 6) continue;
        break;
      }
      if (++blanks > 3) break;
      continue;
    }
    if (take(l)) continue;
    const last = state.lastKey;
    if (count > 0 && (last === "to" || last === "cc") && l.includes("@") && !l.includes(":")) {
      fields[last] = (fields[last] ?? "") + ", " + l.trim();
      continue;
    }
    break;
  }
  if (!fields.from || count < 2) return null;
  if (!marker) client = used.includes("date") && !used.includes("sent") ? "outlook-mac" : "outlook";
  client = localise(client, used);

  // Body: what follows the header; a quoted forward ends where the quoting ends.
  let b = k;
  while (b < lines.length && !unquoteLine(lines[b]!.trimStart()).trim()) b++;
  const bodyQuoted = quoted || (b < lines.length && isQuotedLine(lines[b]!.trimStart()));
  let body: string;
  let after = "";
  if (bodyQuoted) {
    const out: string[] = [];
    let e = b;
    for (; e < lines.length; e++) {
      const l = lines[e]!.trimStart();
      if (isQuotedLine(l)) out.push(unquoteLine(l));
      else if (!l.trim()) out.push("");
      else break;
    }
    body = out.join("\n");
    after = lines.slice(e).join("\n");
  } else {
    body = lines.slice(b).join("\n");
  }
  return { client, fields, labels: used, before: lines.slice(0, i).join("\n"), body, after, startLine: i };
}

function localise(client: string, used: string[]): string {
  if (!client.startsWith("outlook")) return client;
  if (used.includes("von") || used.includes("gesendet") || used.includes("betreff")) return "outlook-de";
  if (used.includes("objet") || used.includes("envoyé")) return "outlook-fr";
  if (used.includes("asunto") || used.includes("enviado el")) return "outlook-es";
  if (used.includes("oggetto") || used.includes("inviato")) return "outlook-it";
  if (used.includes("onderwerp") || used.includes("verzonden")) return "outlook-nl";
  if (used.includes("assunto") || used.includes("enviada em")) return "outlook-pt";
  return client;
}

const REPLY_INTRO_START = ["on ", "am ", "le ", "el ", "il ", "op ", "em ", "den ", "w dniu "];
const REPLY_INTRO_END = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "schreef:", "escreveu:", "skrev:", "napisał(a):"];

/** "On Thu, ... Alex <a@b> wrote:" (possibly wrapped onto two lines) at line i. */
/** First letters of the intro words above (o, a, l, e, i, d, w), either case: most lines are ruled out at once. */
const INTRO_FIRST = new Set(["o", "a", "l", "e", "i", "d", "w", "O", "A", "L", "E", "I", "D", "W"]);

export function isReplyIntro(lines: string[], i: number): boolean {
  const raw = lines[i]!;
  let s = 0;
  while (s < raw.length && (raw[s] === " " || raw[s] === "\t")) s++;
  if (!INTRO_FIRST.has(raw[s] ?? "")) return false;
  const l = raw.trim().toLowerCase();
  if (!REPLY_INTRO_START.some((s) => l.startsWith(s))) return false;
  if (REPLY_INTRO_END.some((e) => l.endsWith(e))) return true;
  const next = (lines[i + 1] ?? "").trim().toLowerCase();
  return l.length < 200 && REPLY_INTRO_END.some((e) => next.endsWith(e)) && next.length < 200;
}

/** The newest message of a thread: text above the first quoted-history header. */
export function latestMessage(text: string): string {
  const lines = text.split("\n");
  const cache: LabelCache = [];
  for (let i = 0; i < lines.length; i++) {
    if (isReplyIntro(lines, i) || markerOf(lines[i]!) || headerOnlyStart(lines, i, cache)) {
      const head = lines.slice(0, i).join("\n");
      if (head.trim()) return head;
    }
  }
  return text;
}
