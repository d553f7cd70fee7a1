// A minimal RFC 5322/2045 writer for the mail rebound sends: one text/plain and
// one text/html part, UTF-8, base64 bodies. Every header value passes through
// `headerSafe`, because names, subjects and ids can come from untrusted email.

export interface OutboundMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string; // with angle brackets
  inReplyTo?: string | null;
  references?: string[];
  date: Date;
  /** Marks our mail as automatic so well-behaved autoresponders stay quiet. */
  autoSubmitted?: boolean;
}

/** Strip CR, LF and other control characters that could end or fold a header. */
export function headerSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

// RFC 5322 caps a header line at 998 characters; ids and subjects come from untrusted mail.
const MAX_PLAIN_HEADER = 900;
const MAX_MESSAGE_ID = 500;
/** References keeps the newest ids only (RFC 5322 allows trimming the list). */
const MAX_REFERENCES = 20;

const encoder = new TextEncoder();

function base64(bytes: Uint8Array): string {
  // Small chunks: spreading tens of thousands of arguments is slow.
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x1000) {
    chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x1000) as unknown as number[]));
  }
  return btoa(chunks.join(""));
}

function wrap76(s: string): string {
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += 76) lines.push(s.slice(i, i + 76));
  return lines.join("\r\n");
}

/** RFC 2047 encoded-word for non-ASCII header text, split so no word exceeds 75 chars. */
export function encodeWord(value: string): string {
  const safe = headerSafe(value);
  // Plain ASCII goes as is, unless it would make a line longer than RFC 5322's 998 characters: then encoded words fold it.
  if (/^[\x20-\x7e]*$/.test(safe) && safe.length <= MAX_PLAIN_HEADER) return safe;
  const words: string[] = [];
  let chunk = "";
  for (const ch of safe) {
    // 45 UTF-8 bytes -> 60 base64 chars, + "=?UTF-8?B??=" stays under 75.
    if (encoder.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(encoder.encode(w))}?=`).join("\r\n ");
}

function mailbox(name: string, address: string): string {
  const cleanAddress = headerSafe(address).replace(/[<>\s",;]/g, "");
  const cleanName = headerSafe(name);
  if (!cleanName) return `<${cleanAddress}>`;
  const display = /^[\x20-\x7e]*$/.test(cleanName) ? `"${cleanName.replace(/["\\]/g, "")}"` : encodeWord(cleanName);
  return `${display} <${cleanAddress}>`;
}

/** A Message-ID is only ever angle-bracketed printable ASCII without spaces, short enough for one header line. */
export function cleanMessageId(id: string): string | null {
  const m = /<[\x21-\x3b\x3d\x3f-\x7e]+>/.exec(headerSafe(id));
  return m && m[0].length <= MAX_MESSAGE_ID ? m[0] : null;
}

export function buildMime(mail: OutboundMail): string {
  const boundary = `rebound-${crypto.randomUUID()}`;
  const references = (mail.references ?? []).map(cleanMessageId).filter((r): r is string => r !== null).slice(-MAX_REFERENCES);
  const inReplyTo = mail.inReplyTo ? cleanMessageId(mail.inReplyTo) : null;
  const headers = [
    `From: ${mailbox(mail.from.name, mail.from.address)}`,
    `To: ${mailbox("", mail.to)}`,
    `Subject: ${encodeWord(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: ${cleanMessageId(mail.messageId) ?? `<${crypto.randomUUID()}@rebound.invalid>`}`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
    ...(references.length ? [`References: ${references.join("\r\n ")}`] : []),
    ...(mail.autoSubmitted ? ["Auto-Submitted: auto-generated"] : []),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      "Content-Transfer-Encoding: base64",
      "",
      wrap76(base64(encoder.encode(body.replace(/\r?\n/g, "\r\n")))),
    ].join("\r\n");
  return [...headers, "", part("text/plain", mail.text), part("text/html", mail.html), `--${boundary}--`, ""].join("\r\n");
}
