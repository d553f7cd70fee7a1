// Cloudflare Access: in production the dashboard sits behind an Access
// application, which sends a signed JWT in `Cf-Access-Jwt-Assertion`. We verify
// it against the team's published keys, issuer and the application's audience
// (AUD tag), then map its email to an owner on OWNER_EMAILS. Verification is
// hono's (already our router), so no second JWT library ships in the bundle.

import { decode, verify } from "hono/jwt";

/** Keys are refetched after this long, so rotated keys are picked up... */
const KEYS_MAX_AGE_MS = 10 * 60 * 1000;
/** ...and early for an unknown key id, but not more often than this (a forged kid must not make us fetch each time). */
const KEYS_COOLDOWN_MS = 30 * 1000;

type Jwk = JsonWebKey & { kid?: string };
const keySets = new Map<string, { keys: Jwk[]; fetchedAt: number }>();

async function fetchKeys(issuer: string): Promise<Jwk[]> {
  const res = await fetch(`${issuer}/cdn-cgi/access/certs`);
  if (!res.ok) throw new Error(`Access keys: HTTP ${res.status}`);
  const body = (await res.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new Error("Access keys: no keys in the response");
  return body.keys as Jwk[];
}

/** The team's signing key with this id, from the per-isolate cache or freshly fetched. */
async function teamKey(issuer: string, kid: string, now: number): Promise<Jwk | undefined> {
  let set = keySets.get(issuer);
  let key = set && now - set.fetchedAt < KEYS_MAX_AGE_MS ? set.keys.find((k) => k.kid === kid) : undefined;
  if (!key && (!set || now - set.fetchedAt >= KEYS_COOLDOWN_MS)) {
    set = { keys: await fetchKeys(issuer), fetchedAt: now };
    keySets.set(issuer, set);
    key = set.keys.find((k) => k.kid === kid);
  }
  return key;
}

/** The verified email of an Access JWT, lower-cased, or null if the token is invalid, expired or not for us. */
export async function verifyAccessJwt(token: string, access: { issuer: string; audience: string }, now = Date.now()): Promise<string | null> {
  try {
    const kid = decode(token).header.kid;
    const key = typeof kid === "string" ? await teamKey(access.issuer, kid, now) : undefined;
    if (!key) return null;
    // RS256 only: the header's alg must match, so "none" or HS256 with the public key are refused.
    const payload = await verify(token, key, { alg: "RS256", iss: access.issuer, aud: access.audience });
    return typeof payload.email === "string" && payload.email.includes("@") ? payload.email.toLowerCase() : null;
  } catch {
    return null;
  }
}
