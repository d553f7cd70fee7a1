// Small text helpers shared by the reading stages. All are linear in the input.

/** Normalise line endings and the invisible spaces mail clients like to insert. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f\u2007\u2009\u200a]/g, " ")
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, "");
}

/** Lower-cased, with typographic quotes, dashes and runs of whitespace folded: for phrase matching. */
export function foldForMatch(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ");
}

/** Removes one level of "> " quoting from a line. */
export function unquoteLine(line: string): string {
  if (!line.startsWith(">")) return line;
  return line.charCodeAt(1) === 32 ? line.slice(2) : line.slice(1);
}

export function isQuotedLine(line: string): boolean {
  return line.startsWith(">");
}

/** Collapses blank-line runs and trims: the way a person would read a note. */
export function tidyBlock(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const LEGAL_SUFFIXES = [
  "inc", "incorporated", "llc", "l.l.c", "ltd", "limited", "llp", "gmbh", "ag", "kg", "ug", "sa", "s.a", "sas", "s.a.s",
  "sarl", "s.a.r.l", "ab", "lda", "ltda", "co", "corp", "corporation", "plc", "bv", "b.v", "nv", "n.v", "spa", "s.p.a",
  "srl", "s.r.l", "sl", "s.l", "oy", "as", "a/s", "aps", "pty", "pty ltd", "se", "kft", "gmbh & co. kg", "s.l.u", "sau",
  // Latin American, Belgian, Italian and German forms
  "s.a. de c.v", "sa de cv", "s. de r.l. de c.v", "s de rl de cv", "s.a.p.i. de c.v", "sapi de cv", "s.a.b. de c.v", "sab de cv",
  "s/a", "eireli", "bvba", "sprl", "srls", "s.r.l.s", "ohg", "kgaa", "e.k", "s.c.a", "scarl",
  // Nordic, Japanese, Polish, Swiss and other forms
  // German associations, co-operatives and non-profit companies ("Kinderhaus Sonnenberg e.V.", "Volksbank Lahn eG")
  "e.v", "e. v", "eg", "e.g", "ggmbh", "gug", "mbh", "vvag",
  // Belgian and French non-profits, Portuguese professional partnerships ("Sociedade de Advogados, SP, RL")
  "vzw", "v.z.w", "asbl", "a.s.b.l", "sp, rl", "sp rl", "rl", "s.a.s.u", "sasu", "eurl", "scop",
  "asa", "oyj", "k.k", "kk", "g.k", "sp. z o.o", "sp. z o. o", "s.a.u", "gmbh & co kg", "sagl", "s.e", "pte ltd", "pte. ltd", "bhd", "sdn bhd", "private limited", "pvt ltd", "pvt. ltd",
];

/** The last words of the suffixes: a name whose last word is none of them has no suffix (the common case, decided at once). */
const SUFFIX_LAST_WORDS = new Set(LEGAL_SUFFIXES.map((x) => x.slice(x.lastIndexOf(" ") + 1)));

function lastWord(lower: string): string {
  const cut = Math.max(lower.lastIndexOf(" "), lower.lastIndexOf(","));
  return lower.slice(cut + 1).replace(/\.$/, "");
}

/** "Northwind Traders, Inc." -> "Northwind Traders"; a company as a person would write it. */
export function stripLegalSuffix(name: string): string {
  let out = name.trim().replace(/[\s,.;:]+$/g, "");
  for (let guard = 0; guard < 3; guard++) {
    const lower = out.toLowerCase();
    if (!SUFFIX_LAST_WORDS.has(lastWord(lower))) break;
    let cut = -1;
    for (const suffix of LEGAL_SUFFIXES) {
      for (const sep of [" ", ", "]) {
        const tail = sep + suffix;
        if (lower.endsWith(tail) || lower.endsWith(tail + ".")) {
          const at = lower.lastIndexOf(tail);
          if (at > 0 && (cut < 0 || at < cut)) cut = at;
        }
      }
    }
    if (cut < 0) break;
    const rest = out.slice(0, cut).replace(/[\s,]+$/g, "");
    // "Bramble & Co": the suffix is part of the name.
    if (/(&|\band)$/i.test(rest)) break;
    out = rest;
  }
  return out;
}

/** Letters and digits only, lower-case: to compare names with domains ("Harbor Health" ~ harborhealth). */
export function compact(text: string): string {
  // ASCII needs no accent folding.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Whether a word starts with an upper-case letter (any script) or a digit. */
export function startsUpper(word: string): boolean {
  const ch = word.charAt(0);
  if (!ch) return false;
  if (ch >= "0" && ch <= "9") return true;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Patterns indexed by their first three characters, for finding many of them in one pass. */
export interface PatternSet {
  patterns: string[];
  /** By the low bytes of a pattern's first two characters: the bucket's number, or -1. */
  slots: Int32Array;
  /** Per bucket: pattern indices by their third character (-1: two-character patterns). */
  buckets: Map<number, number[]>[];
}

function slotAt(text: string, i: number): number {
  return ((text.charCodeAt(i) & 0xff) << 8) | (text.charCodeAt(i + 1) & 0xff);
}

export function patternSet(patterns: string[]): PatternSet {
  const slots = new Int32Array(65536).fill(-1);
  const buckets: Map<number, number[]>[] = [];
  patterns.forEach((p, i) => {
    if (p.length < 2) throw new Error(`pattern too short: ${JSON.stringify(p)}`);
    const slot = slotAt(p, 0);
    if (slots[slot]! < 0) {
      slots[slot] = buckets.length;
      buckets.push(new Map());
    }
    const byThird = buckets[slots[slot]!]!;
    const third = p.length > 2 ? p.charCodeAt(2) : -1;
    const list = byThird.get(third);
    if (list) list.push(i);
    else byThird.set(third, [i]);
  });
  return { patterns, slots, buckets };
}

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/**
 * Where each pattern occurs in `text`: the first `cap` occurrences of each, not overlapping
 * themselves (as a loop of indexOf calls would find them), in one pass over the text instead of
 * one per pattern. `result[i]` holds the positions of `set.patterns[i]`, in order (undefined when it
 * does not occur). With
 * `wordStart`, only occurrences that do not follow a letter or digit count.
 */
export function findPatterns(text: string, set: PatternSet, cap = 10, wordStart = false): (number[] | undefined)[] {
  // Sparse: most patterns never occur, and an empty list apiece would cost more than the scan.
  const out: (number[] | undefined)[] = new Array(set.patterns.length);
  const { patterns, slots, buckets } = set;
  const n = text.length;
  const check = (candidates: number[] | undefined, i: number): void => {
    if (!candidates) return;
    for (const k of candidates) {
      const list = out[k];
      const p = patterns[k]!;
      if (list) {
        if (list.length >= cap || i < list[list.length - 1]! + p.length) continue;
        if (text.startsWith(p, i)) list.push(i);
      } else if (text.startsWith(p, i)) out[k] = [i];
    }
  };
  for (let i = 0; i + 1 < n; i++) {
    const b = slots[((text.charCodeAt(i) & 0xff) << 8) | (text.charCodeAt(i + 1) & 0xff)]!;
    if (b < 0) continue;
    if (wordStart && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    const byThird = buckets[b]!;
    if (i + 2 < n) check(byThird.get(text.charCodeAt(i + 2)), i);
    check(byThird.get(-1), i);
  }
  return out;
}
