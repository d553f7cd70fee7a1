// fast-check arbitraries for whole forwards built from hostile parts: every
// field a forward carries (subject, names, company, role, addresses, note,
// body) drawn from arbitrary Unicode, control characters and known attack
// strings, in plain text or HTML, declared in encodings that may or may not
// match the bytes.

import fc from "fast-check";
import { FORWARD_ADDRESS, OWNER } from "./hostile.ts";
import { fromBinary } from "./mutate.ts";

export const ATTACKS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<a href=\"javascript:alert(1)\">click</a>",
  "<style>body{display:none}</style><iframe src=//evil.test>",
  "x\r\nBcc: evil@evil.test",
  "x\nX-Injected: 1",
  "x\rTo: evil@evil.test",
  "'); DROP TABLE applications; --",
  "\" OR 1=1 --",
  "a@b.test?cc=evil@evil.test&bcc=x@evil.test",
  "%0d%0aBcc:%20evil@evil.test",
  "&cc=evil@evil.test",
  "\u202e\u2028\u2029\u0085\u0000",
  "=?utf-8?B?PHNjcmlwdD4=?=",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
];

const text = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: max }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: max }) },
    { weight: 3, arbitrary: fc.constantFrom(...ATTACKS) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\r", "\n", "\u0000", "<", ">", "\"", "'", "&", "=", "?", ";", ",", "@", " "), maxLength: max }) },
  );

const localPart = fc.stringMatching(/^[a-z][a-z0-9._+-]{0,24}$/);
const domain = fc.constantFrom("acme-robotics.test", "globex.test", "xn--80ak6aa92e.test", "example.com.evil.test", "evil.test");

export interface GeneratedEmail {
  fromName: string;
  subject: string;
  note: string;
  senderName: string;
  sender: string;
  ccName: string;
  cc: string;
  company: string;
  role: string;
  title: string;
  html: boolean;
  encoding: "base64" | "quoted-printable" | "8bit";
  charset: string;
}

export const generatedEmailArb: fc.Arbitrary<GeneratedEmail> = fc.record({
  fromName: text(40),
  subject: text(120),
  note: text(200),
  senderName: text(40),
  sender: fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`),
  ccName: text(40),
  cc: fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`),
  company: text(60),
  role: text(60),
  title: text(40),
  html: fc.boolean(),
  encoding: fc.constantFrom("base64" as const, "quoted-printable" as const, "8bit" as const),
  charset: fc.constantFrom("utf-8", "utf-8", "iso-8859-1", "x-unknown", "utf-16"),
});

const enc = new TextEncoder();

function b64(s: string): string {
  const bytes = enc.encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return (btoa(bin).match(/.{1,76}/g) ?? []).join("\r\n");
}

/** RFC 2047 B-word: how a real client would carry arbitrary text (CR/LF included) in a header. */
const word = (s: string) => `=?utf-8?B?${b64(s).replace(/\r\n/g, "")}?=`;

function qp(s: string): string {
  const bytes = enc.encode(s);
  let out = "";
  let line = 0;
  for (const b of bytes) {
    const ch = b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line + ch.length > 73) {
      out += "=\r\n";
      line = 0;
    }
    out += ch;
    line += ch.length;
  }
  return out;
}

export function buildEmail(g: GeneratedEmail, id: string): Uint8Array {
  const plain = [
    g.note,
    "",
    "---------- Forwarded message ---------",
    `From: ${g.senderName} <${g.sender}>`,
    "Date: Mon, 16 Nov 2026 at 14:02",
    `Subject: Your application: ${g.role} at ${g.company}`,
    `To: Alex Rivera <${OWNER}>`,
    `Cc: ${g.ccName} <${g.cc}>`,
    "",
    "Hi Alex,",
    "",
    `Thank you for interviewing for the ${g.role} role at ${g.company}. Unfortunately, after careful consideration, we have decided to move forward with other candidates.`,
    "",
    "Best,",
    g.senderName,
    `${g.title}, ${g.company}`,
  ].join("\r\n");
  // HTML as a careless sender writes it: the fields pasted in raw, unescaped.
  const body = g.html ? `<html><body><p>${plain.replace(/\r\n/g, "<br>\r\n")}</p><script>alert("from the email")</script><img src=x onerror=alert(2)></body></html>` : plain;
  const encoded = g.encoding === "base64" ? b64(body) : g.encoding === "quoted-printable" ? qp(body) : body;
  const head = [
    `From: ${word(g.fromName)} <${OWNER}>`,
    `To: ${FORWARD_ADDRESS}`,
    `Subject: ${word(`Fwd: ${g.subject}`)}`,
    `Message-ID: <${id}@fuzz.test>`,
    "Date: Mon, 23 Nov 2026 10:00:00 +0100",
    "MIME-Version: 1.0",
    `Content-Type: ${g.html ? "text/html" : "text/plain"}; charset=${g.charset}`,
    `Content-Transfer-Encoding: ${g.encoding}`,
  ].join("\r\n");
  const all = `${head}\r\n\r\n${encoded}\r\n`;
  // 8bit: the UTF-8 bytes as they are.
  return g.encoding === "8bit" ? enc.encode(all) : fromBinary(all);
}
