// HTML to readable text for mails that only have an HTML part. A single forward
// scan with indexOf (no regular expression over the whole document), so it stays
// linear on hostile input.

const BLOCK_TAGS = new Set([
  "p", "div", "tr", "table", "tbody", "thead", "tfoot", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
  "blockquote", "section", "article", "header", "footer", "center", "pre", "address", "dl", "dt", "dd", "form", "hr",
]);
/** Paragraph-like blocks keep a blank line between them, as text/plain parts do. */
const PARAGRAPH_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre"]);
const CELL_TAGS = new Set(["td", "th"]);
const SKIP_TAGS = new Set(["script", "style", "head", "title", "noscript", "template", "xml", "svg"]);

const NAMED: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’",
  ldquo: "“", rdquo: "”", sbquo: "‚", bdquo: "„", hellip: "…", bull: "•", middot: "·", copy: "©", reg: "®",
  trade: "™", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§", para: "¶", deg: "°", laquo: "«", raquo: "»",
  shy: "", zwnj: "", zwj: "", ensp: " ", emsp: " ", thinsp: " ", times: "×", iexcl: "¡", iquest: "¿", ordf: "ª",
  ordm: "º", szlig: "ß", aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å", ccedil: "ç",
  Ccedil: "Ç", ntilde: "ñ", Ntilde: "Ñ", eth: "ð", thorn: "þ",
};
const ACCENTS: Record<string, string> = { acute: "\u0301", grave: "\u0300", circ: "\u0302", uml: "\u0308", tilde: "\u0303" };

function decodeEntity(name: string): string | null {
  if (name.startsWith("#x") || name.startsWith("#X")) {
    const cp = parseInt(name.slice(2), 16);
    return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : null;
  }
  if (name.startsWith("#")) {
    const cp = parseInt(name.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : null;
  }
  const named = NAMED[name];
  if (named !== undefined) return named;
  // &eacute; &Uuml; ... : letter + accent name.
  const accent = ACCENTS[name.slice(1)];
  if (accent && name.length > 1) return (name[0]! + accent).normalize("NFC");
  return null;
}

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (all, name: string) => decodeEntity(name) ?? all);
}

/** The tag's name (lower-case) and whether it closes, read from `html` at `start` (just after "<"); at most 40 characters. */
function tagName(html: string, start: number): { name: string; closing: boolean } {
  let i = start;
  let closing = false;
  if (html.charCodeAt(i) === 47) {
    closing = true;
    i++;
  }
  const limit = Math.min(html.length, start + 39);
  let j = i;
  while (j < limit) {
    const c = html.charCodeAt(j);
    const isName = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 45;
    if (!isName) break;
    j++;
  }
  return { name: html.slice(i, j).toLowerCase(), closing };
}

/** Finds `</name` case-insensitively from `from`; -1 if absent. */
function findClose(html: string, name: string, from: number): number {
  let p = html.indexOf("</", from);
  while (p >= 0) {
    if (html.slice(p + 2, p + 2 + name.length).toLowerCase() === name) return p;
    p = html.indexOf("</", p + 2);
  }
  return -1;
}

/** A two-cell table row is a labelled field ("Position | Video Producer" -> "Position: Video Producer"). */
function cellsToLine(line: string): string {
  if (!line.includes("\t")) return line.replace(/[ \u00a0]+/g, " ").trim();
  const cells = line.split("\t").map((c) => c.replace(/[ \u00a0]+/g, " ").trim()).filter(Boolean);
  if (cells.length === 2 && cells[0]!.length <= 30 && !/[:.!?]$/.test(cells[0]!)) return `${cells[0]}: ${cells[1]}`;
  return cells.join(" ");
}

/**
 * Text beyond this many characters is never read: the reading stages look at the forward header
 * and the newest message near the top (the classifier at 20,000 characters, company and contacts at
 * 50,000). Converting the rest of a multi-megabyte HTML thread would only cost CPU time.
 */
export const MAX_HTML_TEXT = 120_000;

export function htmlToText(html: string, maxChars = MAX_HTML_TEXT): string {
  const out: string[] = [];
  const n = html.length;
  let i = 0;
  let size = 0;
  // Whether the text so far ends a line, ignoring trailing spaces and tabs (nested blocks add no
  // blank lines): the last piece that is not blank, looked for among the last 20 pieces.
  let lastEndsNewline = false;
  let blankRun = 0;
  let seenNonBlank = false;
  const push = (piece: string) => {
    out.push(piece);
    size += piece.length;
    let e = piece.length;
    while (e > 0 && (piece.charCodeAt(e - 1) === 32 || piece.charCodeAt(e - 1) === 9)) e--;
    if (e === 0) blankRun++;
    else {
      blankRun = 0;
      seenNonBlank = true;
      lastEndsNewline = piece.charCodeAt(e - 1) === 10;
    }
  };
  const endsWithNewline = (): boolean => (seenNonBlank && blankRun < 20 ? lastEndsNewline : out.length === 0);
  const pushText = (raw: string) => {
    if (!raw) return;
    push(decodeEntities(raw.replace(/[\s]+/g, " ")));
  };
  while (i < n && size < maxChars) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const { name, closing } = tagName(html, lt + 1);
    if (!name && html[lt + 1] !== "!" && html[lt + 1] !== "?") {
      // A "<" that opens no tag ("a < b"): it is text.
      pushText("<");
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) break;
    i = gt + 1;
    if (!name) continue; // <!DOCTYPE>, <?xml?>
    if (!closing && SKIP_TAGS.has(name)) {
      const close = findClose(html, name, i);
      if (close < 0) {
        i = n;
      } else {
        const end = html.indexOf(">", close);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (name === "br") push("\n");
    else if (name === "hr") push("\n\n");
    else if (name === "li" && !closing) push("\n- ");
    else if (PARAGRAPH_TAGS.has(name)) push("\n\n");
    else if (BLOCK_TAGS.has(name) && !endsWithNewline()) push("\n");
    else if (CELL_TAGS.has(name) && closing) push("\t");
  }
  return out
    .join("")
    .split("\n")
    .map(cellsToLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
