// Capturing capitalised names (companies, job titles, people) from running text.

import { startsUpper } from "./text.ts";

/** An elided article or preposition joined to the next word: "Responsable d’entrepôt", "Addetto all'accoglienza". */
export const ELIDED_CONNECTOR = /^(?:d|l|dell|dall|all|nell|sull)['’]\p{L}/iu;

/** Lower-case words allowed inside a name ("Bank of America", "Chef de projet"). */
const CONNECTORS = new Set(["&", "and", "of", "de", "du", "des", "la", "le", "der", "die", "das", "von", "van", "den", "y", "e", "do", "da", "dos", "das", "di", "del", "della", "for", "+", "-", "–", "und", "et"]);

export interface CaptureOptions {
  maxWords?: number;
  /** Allow lower-case words after the first (French/Spanish job titles: "Chef de projet digital"). */
  allowLower?: boolean;
  /** Words that end the capture ("at", "bei"). */
  stopWords?: string[];
  /** A comma does not end the phrase when a capitalised word follows ("Engineer, Payments"). */
  commaJoins?: boolean;
  /** With allowLower, a lower-case first word this accepts ("le poste de développeur mobile"). */
  lowerFirst?: (word: string) => boolean;
}

/** Abbreviations that end in a dot without ending the phrase ("Sr. Data Analyst", "Acme Co. Ltd"). */
export const ABBREVIATION = /^(inc|ltd|co|corp|s\.a|llc|sr|jr|snr|jnr|mgr|assoc|asst|dept|dir|st|mt|dr|ing|lic)\.?$/i;

/** Reads a capitalised phrase starting at `start` (skipping spaces), up to punctuation. */
export function captureCapitalised(text: string, start: number, opts: CaptureOptions = {}): string | null {
  const maxWords = opts.maxWords ?? 6;
  let i = start;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  const words: string[] = [];
  let pos = i;
  while (words.length < maxWords && pos < text.length) {
    let e = pos;
    while (e < text.length && e - pos < 60) {
      const c = text.charCodeAt(e);
      if (c === 32 || c === 9 || c === 10) break;
      e++;
    }
    let word = text.slice(pos, e);
    if (!word) break;
    // A word ending in punctuation ends the phrase after it; an inclusive ending does not ("Coordenador(a) de Enfermagem").
    const m = /\p{L}\((?:a|o|as|os|e|es|in|innen)\)$/u.test(word) ? null : /^(.*?)([.,;:!?)"”’\]|]+)$/.exec(word);
    const abbreviation = ABBREVIATION.test(word.replace(/,$/, ""));
    let stopAfter = !!m && !abbreviation;
    if (stopAfter && opts.commaJoins && m![2] === ",") {
      let n = e;
      while (n < text.length && text[n] === " ") n++;
      let ne = n;
      while (ne < text.length && ne - n < 60 && !" \t\n,.;:!?".includes(text[ne]!)) ne++;
      const next = text.slice(n, ne);
      if (startsUpper(next) && !(opts.stopWords ?? []).includes(next.toLowerCase())) {
        stopAfter = false;
      }
    }
    // An abbreviation keeps its dot, as written ("Analista de Datos Sr.").
    if (m) word = m[1]! + (abbreviation && m[2]!.startsWith(".") ? "." : "") + (m[2] === "," && !stopAfter ? "," : "");
    // "Globex's team": the possessive ends the name, unless an institution's name goes on ("St Brigid's University Hospital").
    if (/['’]s$/.test(word) && word.length > 3 && (stopAfter || !institutionFollows(text, e))) {
      word = word.slice(0, -2);
      stopAfter = true;
    }
    if (word.startsWith("(") || word.startsWith("[") || word.startsWith("<") || word.startsWith('"') || word.startsWith("“")) break;
    const lower = word.replace(/,$/, "").toLowerCase();
    if (opts.stopWords?.includes(lower)) break;
    // An elided stop word joined to the next one: "quest'inverno" stops at "quest'".
    const elided = /^\p{L}+['’]/u.exec(lower)?.[0].replace("’", "'");
    if (elided && opts.stopWords?.includes(elided)) break;
    const lowerOk = opts.allowLower === true && /^[\p{Ll}]/u.test(word);
    const ok = words.length === 0 ? startsUpper(word) || (lowerOk && !!opts.lowerFirst?.(lower)) : startsUpper(word) || CONNECTORS.has(lower) || ELIDED_CONNECTOR.test(word) || lowerOk;
    if (!ok || !word) break;
    words.push(word);
    if (stopAfter) break;
    pos = e;
    while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
  }
  while (words.length && CONNECTORS.has(words[words.length - 1]!.replace(/,$/, "").toLowerCase())) words.pop();
  if (!words.length) return null;
  return words.join(" ").replace(/,$/, "");
}

/** Nouns that end an institution's name after a possessive: "St Mary's Hospital", "King's College". */
const INSTITUTION_NOUNS = new Set(
  "hospital|hospitals|infirmary|hospice|clinic|university|college|school|academy|church|cathedral|institute|nursery|surgery|brewery|bakery|hotel|inn".split("|"),
);

/** Whether the next few words, all capitalised, reach an institution noun. */
function institutionFollows(text: string, from: number): boolean {
  let pos = from;
  for (let n = 0; n < 3; n++) {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
    let e = pos;
    while (e < text.length && e - pos < 40 && !" \t\n".includes(text[e]!)) e++;
    const word = text.slice(pos, e).replace(/[.,;:!?)"”’\]|]+$/, "");
    if (!startsUpper(word)) return false;
    if (INSTITUTION_NOUNS.has(word.toLowerCase())) return true;
    if (word.length < e - pos) return false; // punctuation ends the name
    pos = e;
  }
  return false;
}

/** The trailing run of capitalised words before `end` ("Interviewed with Priya Shah" -> "Priya Shah"). */
export function trailingCapitalised(text: string, maxWords = 4): string | null {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < maxWords; i--) {
    const w = words[i]!.replace(/[,:;]+$/, "");
    if (!w) break;
    if (startsUpper(w) && !/\d/.test(w)) out.unshift(w);
    else if (out.length > 0 && ["van", "de", "da", "von", "der", "del", "di", "bin", "al", "le", "la"].includes(w.toLowerCase())) out.unshift(w);
    else break;
  }
  while (out.length && !startsUpper(out[0]!)) out.shift();
  return out.length ? out.join(" ") : null;
}

/** Looks like a person's name: 2-4 capitalised words, letters only. */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || ["van", "de", "da", "von", "der", "del", "di", "bin", "al"].includes(w));
}
