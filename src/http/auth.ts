// Who is calling. Every page and API route belongs to exactly one owner, found by
// (in order): `Authorization: Bearer` with the API_TOKEN secret (the first owner
// on OWNER_EMAILS) or a per-owner API token; a Cloudflare Access JWT (production);
// the login cookie (a session started with a token on /login).
// An owner removed from OWNER_EMAILS loses access even with a live token or session.

import type { Context, MiddlewareHandler } from "hono";
import { readConfig, type Config, type Env } from "../config.ts";
import { ensureOwner, type OwnerRow } from "../db/owners.ts";
import { findSessionOwner } from "../db/sessions.ts";
import { findApiTokenOwner } from "../db/tokens.ts";
import { verifyAccessJwt } from "./access.ts";
import { apiError } from "./errors.ts";
import { readSessionCookie } from "./session.ts";

export type AppEnv = { Bindings: Env; Variables: { owner: OwnerRow; config: Config } };

const encoder = new TextEncoder();

/** Compare secrets in constant time: hash both to a fixed length, then compare every byte. */
export async function safeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map((s) => crypto.subtle.digest("SHA-256", encoder.encode(s))));
  const ax = new Uint8Array(x!);
  const ay = new Uint8Array(y!);
  let diff = 0;
  for (let i = 0; i < ax.length; i++) diff |= ax[i]! ^ ay[i]!;
  return diff === 0;
}

function bearer(c: Context): string | null {
  const header = c.req.header("authorization");
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

const allowed = (config: Config, owner: OwnerRow | null) => (owner && config.ownerEmails.includes(owner.email.toLowerCase()) ? owner : null);

/** A token typed on /login or sent as a bearer: the API_TOKEN secret or a per-owner API token. */
export async function ownerForToken(db: D1Database, config: Config, token: string, now: number): Promise<OwnerRow | null> {
  if (config.apiToken && (await safeEqual(token, config.apiToken))) return ensureOwner(db, config.ownerEmails[0]!, now);
  return allowed(config, await findApiTokenOwner(db, token, now));
}

/** Resolve the caller to an owner, or null. */
export async function authenticate(c: Context<AppEnv>): Promise<OwnerRow | null> {
  const config = readConfig(c.env);
  const now = Date.now();
  const token = bearer(c);
  if (token) return ownerForToken(c.env.DB, config, token, now);
  const assertion = c.req.header("cf-access-jwt-assertion");
  if (config.access && assertion) {
    const email = await verifyAccessJwt(assertion, config.access);
    if (email && config.ownerEmails.includes(email)) return ensureOwner(c.env.DB, email, now);
  }
  const session = readSessionCookie(c);
  if (session) return allowed(config, await findSessionOwner(c.env.DB, session, now));
  return null;
}

async function identify(c: Context<AppEnv>): Promise<boolean> {
  const owner = await authenticate(c);
  if (!owner) return false;
  c.set("owner", owner);
  c.set("config", readConfig(c.env));
  return true;
}

export const requireApiAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await identify(c))) {
    c.header("WWW-Authenticate", 'Bearer realm="rebound"');
    return apiError(c, 401, "unauthorized", "Send Authorization: Bearer <API_TOKEN> (or log in on /login).");
  }
  await next();
};

/** Only same-site paths may be a post-login destination (no open redirect). */
export function safeNext(next: string | undefined | null): string {
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

export const requirePageAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await identify(c))) {
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? url.pathname + url.search : "/";
    return c.redirect(`/login?next=${encodeURIComponent(back)}`, 302);
  }
  await next();
};
