// A mutation fuzzer over real emails (the corpus and the project's fixtures),
// driven by fast-check so every failure shrinks and replays from its seed.
// A plan names a seed email and a few mutations; `applyPlan` turns it into the
// bytes delivered to the worker. Text-level mutations work on a latin1 view of
// the bytes, so every byte survives the round trip.

import fc from "fast-check";

export type Mutation =
  | { op: "truncate"; at: number }
  | { op: "flip"; at: number[]; xor: number }
  | { op: "nul"; at: number[] }
  | { op: "removeBoundaries"; which: "all" | "one" | "param"; pick: number }
  | { op: "charset"; name: string }
  | { op: "breakBase64"; garbage: string; pick: number }
  | { op: "breakQp"; garbage: string; pick: number }
  | { op: "declareEncoding"; cte: string; pick: number }
  | { op: "lineEndings"; to: "lf" | "cr" | "mixed" }
  | { op: "dropHeader"; name: string }
  | { op: "splice"; from: number; at: number; start: number; length: number }
  | { op: "repeat"; at: number; length: number; times: number }
  | { op: "encodedSubject"; word: string }
  | { op: "longLine"; at: number; length: number }
  | { op: "insertText"; at: number; text: string }
  | { op: "nest"; depth: number };

export interface Plan {
  seed: number;
  /** Keep the outer From line intact, so the input reaches the parser instead of the sender check. */
  keepFrom: boolean;
  mutations: Mutation[];
}

const CHARSETS = ["x-unknown", "utf-7", "utf-16", "utf-16be", "iso-2022-jp", "shift_jis", "gb18030", "koi8-r", "windows-1252", '"', "utf-8\"; name=\"x", ""];
const CTES = ["base64", "quoted-printable", "8bit", "binary", "x-uuencode", "bAsE64", "7bit; charset=evil"];
const HEADERS = ["Content-Type", "Content-Transfer-Encoding", "MIME-Version", "Date", "Subject", "Message-ID", "To", "Cc"];
const WORDS = [
  "=?utf-8?B?!!!not-base64!!!?=",
  "=?utf-8?Q?=ZZ=?=",
  "=?x-unknown?Q?Caf=E9?=",
  "=?utf-8?B?RndkOiBoZWxsbw0KQmNjOiBldmlsQGV2aWwudGVzdA==?=", // "Fwd: hello\r\nBcc: evil@evil.test"
  "=?utf-8?Q?Fwd:_x=0D=0AX-Injected:_1?=",
  "=?utf-8?B?PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==?=", // <script>alert(1)</script>
  "=?iso-2022-jp?B?GyRCJUYlOSVIGyhC?=",
  "=?utf-16?B?//5IAGkA?=",
  "=?",
  "=?utf-8?B?",
];
const GARBAGE = ["!@#$%", "====", "=", "\u0000", "A", "é", "--", "\r\n\r\n", "=\r\n", "=Z", "=3", "=\u00ff\u00fe"];

// A position as a fraction of the length, uniform (fc.double leans towards tiny values).
const frac = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

export function mutationArb(seeds: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant("truncate" as const), at: frac }),
    fc.record({ op: fc.constant("flip" as const), at: fc.array(frac, { minLength: 1, maxLength: 40 }), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant("nul" as const), at: fc.array(frac, { minLength: 1, maxLength: 10 }) }),
    fc.record({ op: fc.constant("removeBoundaries" as const), which: fc.constantFrom("all" as const, "one" as const, "param" as const), pick: fc.nat() }),
    fc.record({ op: fc.constant("charset" as const), name: fc.constantFrom(...CHARSETS) }),
    fc.record({ op: fc.constant("breakBase64" as const), garbage: fc.constantFrom(...GARBAGE), pick: fc.nat() }),
    fc.record({ op: fc.constant("breakQp" as const), garbage: fc.constantFrom(...GARBAGE), pick: fc.nat() }),
    fc.record({ op: fc.constant("declareEncoding" as const), cte: fc.constantFrom(...CTES), pick: fc.nat() }),
    fc.record({ op: fc.constant("lineEndings" as const), to: fc.constantFrom("lf" as const, "cr" as const, "mixed" as const) }),
    fc.record({ op: fc.constant("dropHeader" as const), name: fc.constantFrom(...HEADERS) }),
    fc.record({ op: fc.constant("splice" as const), from: fc.nat({ max: seeds - 1 }), at: frac, start: frac, length: fc.integer({ min: 1, max: 4000 }) }),
    fc.record({ op: fc.constant("repeat" as const), at: frac, length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 20 }) }),
    fc.record({ op: fc.constant("encodedSubject" as const), word: fc.constantFrom(...WORDS) }),
    fc.record({ op: fc.constant("longLine" as const), at: frac, length: fc.integer({ min: 1000, max: 20_000 }) }),
    fc.record({ op: fc.constant("insertText" as const), at: frac, text: fc.string({ unit: "binary", maxLength: 60 }) }),
    fc.record({ op: fc.constant("nest" as const), depth: fc.integer({ min: 1, max: 12 }) }),
  );
}

export function planArb(seeds: number): fc.Arbitrary<Plan> {
  return fc.record({
    seed: fc.nat({ max: seeds - 1 }),
    keepFrom: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    mutations: fc.array(mutationArb(seeds), { minLength: 1, maxLength: 4 }),
  });
}

// latin1 view: one char per byte, so text edits never lose or re-encode a byte.
export function toBinary(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

export function fromBinary(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const utf8 = (s: string) => toBinary(new TextEncoder().encode(s));
const pos = (s: string, f: number) => Math.floor(f * (s.length + 1));

function replaceNth(s: string, re: RegExp, pick: number, f: (m: string) => string): string {
  const hits = [...s.matchAll(re)];
  if (!hits.length) return s;
  const m = hits[pick % hits.length]!;
  return s.slice(0, m.index) + f(m[0]) + s.slice(m.index! + m[0].length);
}

function mutate(s: string, m: Mutation, seeds: string[]): string {
  switch (m.op) {
    case "truncate":
      return s.slice(0, pos(s, m.at));
    case "flip": {
      const chars = s.split("");
      for (const f of m.at) {
        const i = Math.min(chars.length - 1, pos(s, f));
        if (i >= 0) chars[i] = String.fromCharCode((chars[i]!.charCodeAt(0) ^ m.xor) & 0xff);
      }
      return chars.join("");
    }
    case "nul": {
      let out = s;
      for (const f of m.at) {
        const i = pos(out, f);
        out = out.slice(0, i) + "\u0000" + out.slice(i);
      }
      return out;
    }
    case "removeBoundaries":
      if (m.which === "all") return s.replace(/^--[^\r\n]*\r?\n?/gm, "");
      if (m.which === "one") return replaceNth(s, /^--[^\r\n]*\r?\n?/gm, m.pick, () => "");
      return s.replace(/boundary\s*=\s*("[^"]*"|[^\s;]+)/gi, "");
    case "charset":
      return /charset\s*=/i.test(s)
        ? s.replace(/charset\s*=\s*("[^"]*"|[^\s;]+)/gi, `charset=${m.name}`)
        : s.replace(/^Content-Type:[^\r\n]*/im, (h) => `${h}; charset=${m.name}`);
    case "breakBase64":
      return replaceNth(s, /^[A-Za-z0-9+/]{20,}={0,2}$/gm, m.pick, (line) => {
        const i = Math.floor(line.length / 2);
        return line.slice(0, i) + m.garbage + line.slice(i + 1);
      });
    case "breakQp":
      return replaceNth(s, /=(?:[0-9A-F]{2}|\r?\n)/g, m.pick, () => m.garbage);
    case "declareEncoding":
      return /^Content-Transfer-Encoding:/im.test(s)
        ? replaceNth(s, /^Content-Transfer-Encoding:[^\r\n]*/gim, m.pick, () => `Content-Transfer-Encoding: ${m.cte}`)
        : s.replace(/^Content-Type:[^\r\n]*/im, (h) => `${h}\r\nContent-Transfer-Encoding: ${m.cte}`);
    case "lineEndings":
      if (m.to === "lf") return s.replace(/\r\n/g, "\n");
      if (m.to === "cr") return s.replace(/\r?\n/g, "\r");
      return s.replace(/\r?\n/g, (_, i: number) => (i % 3 === 0 ? "\n" : i % 3 === 1 ? "\r\n" : "\r"));
    case "dropHeader":
      return s.replace(new RegExp(`^${m.name}:[^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*\\r?\\n`, "im"), "");
    case "splice": {
      const other = seeds[m.from] ?? "";
      const start = pos(other, m.start);
      const i = pos(s, m.at);
      return s.slice(0, i) + other.slice(start, start + m.length) + s.slice(i);
    }
    case "repeat": {
      const i = pos(s, m.at);
      const chunk = s.slice(i, i + m.length);
      return s.slice(0, i) + chunk.repeat(m.times) + s.slice(i + chunk.length);
    }
    case "encodedSubject":
      return /^Subject:/im.test(s) ? s.replace(/^Subject:[^\r\n]*/im, `Subject: ${m.word}`) : `Subject: ${m.word}\r\n${s}`;
    case "longLine": {
      const i = pos(s, m.at);
      return s.slice(0, i) + "x".repeat(m.length) + s.slice(i);
    }
    case "insertText": {
      const i = pos(s, m.at);
      return s.slice(0, i) + utf8(m.text) + s.slice(i);
    }
    case "nest": {
      // Wrap the message as a forward-as-attachment, `depth` times.
      let inner = s;
      for (let d = 0; d < m.depth; d++) {
        inner = [`Subject: Fwd: nested ${d}`, `Content-Type: multipart/mixed; boundary="nest${d}"`, "", `--nest${d}`, "Content-Type: message/rfc822", "", inner, `--nest${d}--`, ""].join("\r\n");
      }
      return inner;
    }
  }
}

const OUTER_FROM = /^From:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n/im;

/**
 * The bytes a plan describes. Each input gets its own Message-ID first (so
 * mutations of one seed are distinct deliveries, not duplicates of each other).
 */
export function applyPlan(plan: Plan, seeds: string[], uniqueId: string): Uint8Array {
  let s = seeds[plan.seed % seeds.length]!;
  const id = `Message-ID: <${uniqueId}@fuzz.test>`;
  s = /^Message-ID:/im.test(s) ? s.replace(/^Message-ID:[^\r\n]*/im, id) : `${id}\r\n${s}`;
  let from = "";
  if (plan.keepFrom) {
    const m = OUTER_FROM.exec(s);
    if (m) {
      from = m[0];
      s = s.slice(0, m.index) + s.slice(m.index + m[0].length);
    }
  }
  for (const m of plan.mutations) s = mutate(s, m, seeds);
  return fromBinary(from + s);
}

/** Seed emails as latin1 strings (their exact bytes). */
export function seedStrings(emails: string[]): string[] {
  return emails.map((e) => toBinary(new TextEncoder().encode(e)));
}
