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
];

/** "Northwind Traders, Inc." -> "Northwind Traders"; a company as a person would write it. */
export function stripLegalSuffix(name: string): string {
  let out = name.trim().replace(/[\s,.;:]+$/g, "");
  for (let guard = 0; guard < 3; guard++) {
    const lower = out.toLowerCase();
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
