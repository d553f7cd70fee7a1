// Who is calling: every page and API route belongs to one owner.
// Today: `Authorization: Bearer <API_TOKEN>` (the first address on OWNER_EMAILS).

import type { Context, MiddlewareHandler } from "hono";
import { readConfig, type Env } from "../config.ts";
import { ensureOwner, type OwnerRow } from "../db/owners.ts";
import { apiError } from "./errors.ts";

export type AppEnv = { Bindings: Env; Variables: { owner: OwnerRow } };

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

/** Resolve the caller to an owner, or null. */
export async function authenticate(c: Context<AppEnv>): Promise<OwnerRow | null> {
  const config = readConfig(c.env);
  const token = bearer(c);
  if (token && config.apiToken && (await safeEqual(token, config.apiToken))) {
    return ensureOwner(c.env.DB, config.ownerEmails[0]!, Date.now());
  }
  return null;
}

export const requireApiAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const owner = await authenticate(c);
  if (!owner) {
    c.header("WWW-Authenticate", 'Bearer realm="rebound"');
    return apiError(c, 401, "unauthorized", "Send Authorization: Bearer <API_TOKEN>.");
  }
  c.set("owner", owner);
  await next();
};
