// Hand-built hostile emails: the shapes a mutation fuzzer rarely reaches by
// chance (deep nesting, enormous bodies and headers, huge address lists) and
// the degenerate ones (empty, NUL bytes). Each comes from the owner, so it
// gets past the sender check and reaches the parser, the pipeline and D1.

export const OWNER = "alex.rivera@example.com";
export const FORWARD_ADDRESS = "rejections@rebound.example.com";

const enc = new TextEncoder();

function head(id: string, extra: string[] = [], subject = "Fwd: Your application at Acme Robotics"): string[] {
  return [
    `From: Alex Rivera <${OWNER}>`,
    `To: ${FORWARD_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@fuzz.test>`,
    "Date: Mon, 23 Nov 2026 10:00:00 +0000",
    "MIME-Version: 1.0",
    ...extra,
  ];
}

const REJECTION = [
  "---------- Forwarded message ---------",
  "From: Priya Shah <priya.shah@acme-robotics.test>",
  "Date: Mon, 16 Nov 2026 at 14:02",
  "Subject: Your application at Acme Robotics",
  "To: Alex Rivera <alex.rivera@example.com>",
  "",
  "Hi Alex,",
  "",
  "Thank you for interviewing with us. Unfortunately we have decided to move forward with other candidates.",
  "",
  "Best,",
  "Priya Shah",
  "Hiring Manager, Acme Robotics",
];

/** multipart/mixed inside multipart/mixed ... `depth` levels, the rejection at the bottom. */
export function nestedMultipart(depth: number): string {
  const lines = head(`nest-mp-${depth}`, [`Content-Type: multipart/mixed; boundary="b0"`], "Fwd: nested");
  lines.push("");
  for (let i = 0; i < depth; i++) lines.push(`--b${i}`, `Content-Type: multipart/mixed; boundary="b${i + 1}"`, "");
  lines.push(`--b${depth}`, "Content-Type: text/plain; charset=utf-8", "", ...REJECTION, "");
  for (let i = depth; i >= 0; i--) lines.push(`--b${i}--`, "");
  return lines.join("\r\n");
}

/** A message/rfc822 attachment inside a message/rfc822 attachment ... `depth` levels (forward of a forward of ...). */
export function nestedMessages(depth: number): string {
  let inner = [
    "From: Priya Shah <priya.shah@acme-robotics.test>",
    "To: Alex Rivera <alex.rivera@example.com>",
    "Subject: Your application at Acme Robotics",
    "Date: Mon, 16 Nov 2026 14:02:00 +0000",
    "Content-Type: text/plain; charset=utf-8",
    "",
    ...REJECTION.slice(6),
  ].join("\r\n");
  for (let i = 0; i < depth; i++) {
    inner = [
      `From: Alex Rivera <${OWNER}>`,
      `Subject: Fwd: level ${i}`,
      `Content-Type: multipart/mixed; boundary="m${i}"`,
      "",
      `--m${i}`,
      "Content-Type: message/rfc822",
      "",
      inner,
      `--m${i}--`,
    ].join("\r\n");
  }
  return [...head(`nest-msg-${depth}`), inner.replace(/^[\s\S]*?\r\n(?=Content-Type)/, "")].join("\r\n");
}

/** A plain-text forward with `lines` lines of body. */
export function longBody(lines: number): string {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(i % 7 === 0 ? "" : `line ${i}: unfortunately we have decided, thank you for your interest at Acme`);
  return [...head(`long-${lines}`, ["Content-Type: text/plain; charset=utf-8"]), "", ...REJECTION, ...body, ""].join("\r\n");
}

/** The original carried `count` Cc addresses (in the forward block, as mail clients print them). */
export function manyCc(count: number): string {
  const cc: string[] = [];
  for (let i = 0; i < count; i++) cc.push(`Person ${i} <person.${i}@acme-robotics.test>`);
  const block = [...REJECTION.slice(0, 5), `Cc: ${cc.join(", ")}`, ...REJECTION.slice(5)];
  return [...head(`cc-${count}`, ["Content-Type: text/plain; charset=utf-8", `Cc: ${cc.slice(0, count).join(", ")}`]), "", ...block, ""].join("\r\n");
}

/** One header line of `bytes` bytes (a Subject, unfolded). */
export function hugeHeader(bytes: number, name = "Subject"): string {
  const value = "Fwd: " + "A".repeat(bytes);
  const lines = head(`huge-${name}-${bytes}`, ["Content-Type: text/plain; charset=utf-8"]).filter((l) => !l.startsWith(`${name}:`));
  return [...lines, `${name}: ${value}`, "", ...REJECTION, ""].join("\r\n");
}

/** NUL bytes sprinkled through headers and body. */
export function withNuls(): Uint8Array {
  const text = [...head("nul", ["Content-Type: text/plain; charset=utf-8"], "Fwd: Your\u0000 application"), "", ...REJECTION, ""].join("\r\n");
  const bytes = enc.encode(text);
  const out: number[] = [];
  bytes.forEach((b, i) => {
    out.push(b);
    if (i > 200 && i % 37 === 0) out.push(0);
  });
  return new Uint8Array(out);
}

/** The cases the issue names, each a (name, bytes) pair. */
export function hostileCases(): [string, string | Uint8Array][] {
  return [
    ["empty message", ""],
    ["only a blank line", "\r\n"],
    ["headers only, no body", head("headers-only").join("\r\n")],
    ["NUL bytes", withNuls()],
    ["NUL bytes only", new Uint8Array(4096)],
    ["500-level multipart nesting", nestedMultipart(500)],
    ["500-level message/rfc822 nesting", nestedMessages(500)],
    ["100k-line body", longBody(100_000)],
    ["10k Cc addresses", manyCc(10_000)],
    ["1 MB Subject line", hugeHeader(1024 * 1024)],
    ["1 MB References line", hugeHeader(1024 * 1024, "References")],
    ["1 MB From display name", [`From: "${"A".repeat(1024 * 1024)}" <${OWNER}>`, ...head("huge-from").slice(1), "", ...REJECTION].join("\r\n")],
  ];
}
