// Shared by the security tests: forwards with chosen (hostile) fields, a
// send_email binding that records what the cron sends, and a D1 binding that
// fails on purpose (fault injection: the real database, failing on the Nth call).

import { env, exports } from "cloudflare:workers";
import PostalMime, { type Email } from "postal-mime";

export const OWNER = "alex.rivera@example.com";
export const OTHER = "sam.owner@example.org";
export const FORWARD_ADDRESS = "rejections@rebound.example.com";

/** RFC 2047 B-word: how a mail client carries any text (CR/LF included) in a header. */
export function word(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return `=?utf-8?B?${btoa(bin)}?=`;
}

export interface ForwardFields {
  owner?: string;
  id?: string;
  subject?: string;
  fromName?: string;
  company?: string;
  role?: string;
  senderName?: string;
  sender?: string;
  ccName?: string;
  cc?: string;
  note?: string;
  extraHeaders?: string[];
  html?: string;
  /** The original was sent this long ago (ms), or at `sentAt`. */
  age?: number;
  sentAt?: number;
}

/** A Gmail-style forward of a clear rejection, with every field chosen by the test (headers RFC 2047-encoded). */
export function forwardWith(f: ForwardFields = {}): string {
  const owner = f.owner ?? OWNER;
  const company = f.company ?? "Acme Robotics";
  const role = f.role ?? "Controls Engineer";
  const sent = new Date(f.sentAt ?? Date.now() - (f.age ?? 3600_000));
  const when = `${sent.toUTCString().slice(0, 16)} at ${sent.toISOString().slice(11, 16)}`;
  const body = [
    f.note ?? "Another one.",
    "",
    "---------- Forwarded message ---------",
    `From: ${f.senderName ?? "Priya Shah"} <${f.sender ?? "priya.shah@acme-robotics.test"}>`,
    `Date: ${when}`,
    `Subject: Your application for ${role} at ${company}`,
    `To: Alex Rivera <${owner}>`,
    ...(f.cc ? [`Cc: ${f.ccName ?? ""} <${f.cc}>`] : []),
    "",
    "Hi Alex,",
    "",
    `Thank you for interviewing for the ${role} role at ${company}. Unfortunately, after careful consideration, we have decided to move forward with other candidates.`,
    "",
    "Best,",
    f.senderName ?? "Priya Shah",
    `Hiring Manager, ${company}`,
    "",
  ].join("\r\n");
  const headers = [
    `From: ${f.fromName === undefined ? "Alex Rivera" : word(f.fromName)} <${owner}>`,
    `To: ${FORWARD_ADDRESS}`,
    `Subject: ${word(f.subject ?? `Fwd: Your application for ${role} at ${company}`)}`,
    `Message-ID: <${f.id ?? crypto.randomUUID()}@mail.example.com>`,
    `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
    "MIME-Version: 1.0",
    ...(f.extraHeaders ?? []),
  ];
  if (f.html !== undefined) {
    return [...headers, 'Content-Type: multipart/alternative; boundary="alt"', "", "--alt", "Content-Type: text/html; charset=utf-8", "", f.html, "--alt--", ""].join("\r\n");
  }
  return [...headers, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body].join("\r\n");
}

export interface Sent {
  from: string;
  to: string;
  raw: string;
  parsed: Email;
}

/** A send_email binding that records every message (and can be told to fail). */
export function recordingMailer(opts: { fail?: () => boolean } = {}) {
  const sent: Sent[] = [];
  const binding = {
    async send(message: unknown) {
      if (opts.fail?.()) throw new Error("send_email: injected failure");
      const m = message as Record<string, unknown>;
      const raw = m["EmailMessage::raw"] ?? m.raw;
      const text = typeof raw === "string" ? raw : await new Response(raw as ReadableStream).text();
      sent.push({ from: String(m.from), to: String(m.to), raw: text, parsed: await PostalMime.parse(text) });
    },
  };
  return { sent, binding: binding as unknown as SendEmail };
}

export function withBindings(over: Partial<Cloudflare.Env>): Cloudflare.Env {
  return { ...env, ...over } as Cloudflare.Env;
}

export class InjectedFault extends Error {
  constructor(n: number) {
    super(`D1_ERROR: injected fault on call ${n}`);
  }
}

/**
 * The real D1, except that its Nth round trip (a batch, or a statement's
 * run/all/first/raw) throws before reaching the database. `failAt: Infinity`
 * counts calls without failing.
 */
export function faultyD1(real: D1Database, failAt: number) {
  const state = { calls: 0, failed: false };
  const gate = () => {
    state.calls++;
    if (state.calls === failAt) {
      state.failed = true;
      throw new InjectedFault(state.calls);
    }
  };
  const wrapStatement = (s: D1PreparedStatement): D1PreparedStatement => {
    const bind = s.bind.bind(s);
    const run = s.run.bind(s);
    const all = s.all.bind(s);
    const first = s.first.bind(s);
    const raw = s.raw.bind(s);
    // Own properties shadow the prototype's methods; batch() still sees the real statement.
    return Object.assign(s, {
      bind: (...values: unknown[]) => wrapStatement(bind(...values)),
      run: async () => (gate(), run()),
      all: async () => (gate(), all()),
      first: async (column?: string) => (gate(), column === undefined ? first() : first(column)),
      raw: async (o?: { columnNames?: boolean }) => (gate(), raw(o as { columnNames: true })),
    }) as D1PreparedStatement;
  };
  const db = {
    prepare: (sql: string) => wrapStatement(real.prepare(sql)),
    batch: async (statements: D1PreparedStatement[]) => (gate(), real.batch(statements)),
    exec: async (sql: string) => (gate(), real.exec(sql)),
    withSession: () => db,
    dump: () => real.dump(),
  };
  return { db: db as unknown as D1Database, state };
}

export function api(path: string, token: string = env.API_TOKEN, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return exports.default.fetch(new Request(`http://rebound.test${path}`, { ...init, headers }));
}

export async function count(table: string, where = "1"): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).first<{ n: number }>())!.n;
}
