// Drive the dashboard and API through the real worker's fetch, as a browser or a script would.
import { env, exports } from "cloudflare:workers";
import { deliver } from "../helpers/email.ts";
import { fixture } from "../helpers/fixtures.ts";

export const OWNER = "alex.rivera@example.com";
export const OTHER = "sam.owner@example.org";
export const TOKEN = env.API_TOKEN;
export const ORIGIN = "http://rebound.test";

export interface Call {
  method?: string;
  token?: string | null;
  cookie?: string | null;
  json?: unknown;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** Origin header for form posts; defaults to our own origin (a same-site form). */
  origin?: string | null;
}

export function call(path: string, o: Call = {}): Promise<Response> {
  const headers = new Headers(o.headers ?? {});
  const token = o.token === undefined && !o.cookie ? TOKEN : o.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (o.cookie) headers.set("cookie", o.cookie);
  let body: BodyInit | undefined;
  if (o.json !== undefined) {
    headers.set("content-type", "application/json");
    body = typeof o.json === "string" ? o.json : JSON.stringify(o.json);
  }
  if (o.form) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(o.form)) for (const x of ([] as string[]).concat(v)) p.append(k, x);
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = p.toString();
  }
  const method = o.method ?? (body !== undefined ? "POST" : "GET");
  if (method !== "GET" && o.origin !== null) headers.set("origin", o.origin ?? ORIGIN);
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body, redirect: "manual" }));
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Forward a corpus email as an owner; returns the new application's id. */
export async function forward(name = "02-gmail-note-greenhouse-final-round.eml", as = OWNER): Promise<number> {
  let raw = fixture(name);
  if (as !== OWNER) {
    raw = raw.replace(/^From: .*<alex\.rivera@example\.com>/m, `From: Sam Owner <${as}>`).replace(/alex\.rivera@example\.com/g, as);
  }
  const result = await deliver(raw, { from: as });
  if (result.rejected) throw new Error(`forward refused: ${result.rejected}`);
  const row = await env.DB.prepare(
    "SELECT a.id FROM applications a JOIN owners o ON o.id = a.owner_id WHERE o.email = ?1 ORDER BY a.id DESC LIMIT 1",
  )
    .bind(as)
    .first<{ id: number }>();
  return row!.id;
}

/** Log in through the form; returns the Cookie header to send back. */
export async function login(token = TOKEN): Promise<string> {
  const res = await call("/login", { form: { token, next: "/" }, token: null });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const set = res.headers.get("set-cookie")!;
  return set.split(";")[0]!;
}

export async function ownerId(email: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM owners WHERE email = ?1").bind(email).first<{ id: number }>();
  return row!.id;
}

export async function followUps(applicationId: number) {
  const { results } = await env.DB.prepare("SELECT * FROM follow_ups WHERE application_id = ?1 ORDER BY due_at, id").bind(applicationId).all<{
    id: number;
    kind: string;
    status: string;
    due_at: number;
    contact_id: number | null;
    draft_subject: string | null;
    draft_body: string | null;
  }>();
  return results;
}
