// Cloudflare Access: in production the dashboard sits behind an Access
// application, which sends a signed JWT in `Cf-Access-Jwt-Assertion`. We verify
// it against the team's published keys, issuer and the application's audience
// (AUD tag), then map its email to an owner on OWNER_EMAILS.

import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";

const keySets = new Map<string, JWTVerifyGetKey>();

/** The team's signing keys (jose caches and refreshes them; rotated keys are picked up). */
export function teamKeys(issuer: string): JWTVerifyGetKey {
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`));
    keySets.set(issuer, keys);
  }
  return keys;
}

/** The verified email of an Access JWT, lower-cased, or null if the token is invalid, expired or not for us. */
export async function verifyAccessJwt(
  token: string,
  access: { issuer: string; audience: string },
  keys: JWTVerifyGetKey = teamKeys(access.issuer),
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer: access.issuer, audience: access.audience, algorithms: ["RS256"] });
    return typeof payload.email === "string" && payload.email.includes("@") ? payload.email.toLowerCase() : null;
  } catch {
    return null;
  }
}
