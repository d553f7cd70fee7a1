// Auth on every route: bearer tokens (the API_TOKEN secret and per-owner tokens),
// the login cookie, Cloudflare Access JWTs, and CSRF on forms.
import { env } from "cloudflare:workers";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/http/app.ts";
import { call, forward, json, login, OTHER, OWNER, ownerId, TOKEN } from "./helpers.ts";
import { createApiToken } from "../../src/db/tokens.ts";
import { ensureOwner } from "../../src/db/owners.ts";
import { verifyAccessJwt } from "../../src/http/access.ts";

const API_ROUTES: [string, string][] = [
  ["GET", "/api/applications"],
  ["GET", "/api/applications/1"],
  ["PATCH", "/api/applications/1"],
  ["DELETE", "/api/applications/1"],
  ["POST", "/api/applications/1/contacts"],
  ["PATCH", "/api/applications/1/contacts/1"],
  ["DELETE", "/api/applications/1/contacts/1"],
  ["GET", "/api/follow-ups/1"],
  ["PATCH", "/api/follow-ups/1"],
  ["POST", "/api/follow-ups/1/done"],
  ["POST", "/api/follow-ups/1/skip"],
  ["POST", "/api/follow-ups/1/snooze"],
  ["GET", "/api/outbox"],
  ["GET", "/api/settings"],
  ["PATCH", "/api/settings"],
  ["POST", "/api/calendar"],
  ["DELETE", "/api/calendar"],
  ["GET", "/api/tokens"],
  ["POST", "/api/tokens"],
  ["DELETE", "/api/tokens/1"],
  ["GET", "/api/export?format=json"],
  ["GET", "/api/export?format=csv"],
];

const PAGES = ["/", "/?status=active", "/applications/1", "/outbox", "/settings"];
const FORM_POSTS = [
  "/applications/1/edit",
  "/applications/1/status",
  "/applications/1/dream",
  "/applications/1/feedback",
  "/applications/1/delete",
  "/applications/1/contacts",
  "/applications/1/contacts/1",
  "/applications/1/contacts/1/remove",
  "/follow-ups/1/done",
  "/follow-ups/1/skip",
  "/follow-ups/1/snooze",
  "/follow-ups/1/draft",
  "/settings",
  "/settings/calendar",
  "/settings/calendar/off",
  "/settings/tokens",
  "/settings/tokens/1/revoke",
  "/settings/delete",
];

describe("without credentials", () => {
  it("every API route answers 401 with the error shape", async () => {
    await forward();
    for (const [method, path] of API_ROUTES) {
      const res = await call(path, { method, token: null, json: method === "GET" || method === "DELETE" ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const body = await json(res);
      expect(body.error.code).toBe("unauthorized");
      expect(body.error.message).toMatch(/Bearer/);
    }
  });

  it("every page redirects to the login page, remembering where it was going", async () => {
    for (const path of PAGES) {
      const res = await call(path, { token: null });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of FORM_POSTS) {
      const res = await call(path, { token: null, form: { x: "1" } });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe("/login?next=%2F");
    }
    // Nothing was changed by any of those posts.
    expect((await env.DB.prepare("SELECT count(*) AS n FROM applications").first<{ n: number }>())!.n).toBe(0);
  });

  it("a wrong bearer token is refused on pages and API alike", async () => {
    expect((await call("/api/applications", { token: "wrong-token-0123456789" })).status).toBe(401);
    expect((await call("/", { token: "wrong-token-0123456789" })).status).toBe(302);
  });

  it("the login page itself and the static files need no login", async () => {
    const page = await call("/login", { token: null });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form[^>]+action="\/login"/);
    for (const path of ["/assets/style.css", "/assets/copy.js", "/assets/favicon.svg"]) {
      expect((await call(path, { token: null })).status, path).toBe(200);
    }
  });
});

describe("the login form", () => {
  it("starts a session in an HttpOnly, Secure, SameSite cookie holding a random id stored only as a hash", async () => {
    const res = await call("/login", { form: { token: TOKEN, next: "/outbox" }, token: null });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/outbox");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^rebound_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const id = cookie.split(";")[0]!.split("=")[1]!;
    const rows = await env.DB.prepare("SELECT * FROM sessions").all<{ id_hash: string; expires_at: number }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.results[0]!.id_hash).not.toContain(id);
    expect(rows.results[0]!.expires_at).toBeGreaterThan(Date.now() + 29 * 86400_000);

    const page = await call("/outbox", { cookie: cookie.split(";")[0]! });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(OWNER);
    const api = await call("/api/applications", { cookie: cookie.split(";")[0]! });
    expect(api.status).toBe(200);
  });

  it("uses the __Host- prefix over https", async () => {
    const res = await app.request("https://rebound.example.com/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://rebound.example.com" },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    }, env);
    expect(res.headers.get("set-cookie")).toMatch(/^__Host-rebound_session=.+; Path=\/;.*Secure/);
  });

  it("refuses a wrong token with 401 and sets no cookie", async () => {
    const res = await call("/login", { form: { token: "not-the-token-at-all" }, token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toMatch(/isn(&#39;|')t right/);
  });

  it("never redirects off-site after login", async () => {
    for (const next of ["//evil.test/", "https://evil.test/", "/\\evil.test"]) {
      const res = await call("/login", { form: { token: TOKEN, next }, token: null });
      expect(res.headers.get("location"), next).toBe("/");
    }
  });

  it("log out ends the session on the server", async () => {
    const cookie = await login();
    expect((await call("/", { cookie })).status).toBe(200);
    const out = await call("/logout", { form: {}, cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/rebound_session=;/);
    expect((await call("/", { cookie })).status).toBe(302);
  });

  it("an expired or forged session is not a login", async () => {
    const cookie = await login();
    await env.DB.prepare("UPDATE sessions SET expires_at = ?1").bind(Date.now() - 1).run();
    expect((await call("/", { cookie })).status).toBe(302);
    expect((await call("/", { cookie: "rebound_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })).status).toBe(302);
  });

  it("refuses a form posted from another site (CSRF), even with a valid session", async () => {
    const id = await forward();
    const cookie = await login();
    const res = await call(`/applications/${id}/edit`, { cookie, form: { company: "Hijacked" }, origin: "https://evil.test" });
    expect(res.status).toBe(403);
    const fetchSite = await call(`/applications/${id}/edit`, { cookie, form: { company: "Hijacked" }, origin: null, headers: { "sec-fetch-site": "cross-site" } });
    expect(fetchSite.status).toBe(403);
    const app = await env.DB.prepare("SELECT company FROM applications WHERE id = ?1").bind(id).first<{ company: string }>();
    expect(app!.company).toBe("Acme Robotics");
    // The same form from our own origin goes through.
    expect((await call(`/applications/${id}/edit`, { cookie, form: { company: "Acme Robotics Inc" } })).status).toBe(303);
  });
});

describe("per-owner API tokens", () => {
  it("each owner's token sees only that owner's data, and a revoked token stops working", async () => {
    const mine = await forward();
    const theirs = await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    const other = await ensureOwner(env.DB, OTHER, Date.now());
    const { id, token } = await createApiToken(env.DB, other.id, "sam's script", Date.now());
    expect(token).toMatch(/^rbd_/);

    const list = await json(await call("/api/applications", { token }));
    expect(list.applications.map((a: { id: number }) => a.id)).toEqual([theirs]);
    expect((await call(`/api/applications/${mine}`, { token })).status).toBe(404);
    expect((await call(`/api/applications/${theirs}`, { token })).status).toBe(200);
    // The same token logs Sam in on the login form.
    const res = await call("/login", { form: { token }, token: null });
    expect(res.status).toBe(303);

    const stored = await env.DB.prepare("SELECT token_hash, last_used_at FROM api_tokens").first<{ token_hash: string; last_used_at: number }>();
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.last_used_at).toBeGreaterThan(0);

    expect((await call(`/api/tokens/${id}`, { method: "DELETE", token })).status).toBe(204);
    expect((await call("/api/applications", { token })).status).toBe(401);
  });

  it("are created once through the API, listed without the secret, and revocable only by their owner", async () => {
    const created = await call("/api/tokens", { json: { name: "laptop" } });
    expect(created.status).toBe(201);
    const { id, token } = await json(created);
    expect((await call("/api/outbox", { token })).status).toBe(200);
    const listed = await json(await call("/api/tokens"));
    expect(listed.tokens).toEqual([expect.objectContaining({ id, name: "laptop", revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const other = await ensureOwner(env.DB, OTHER, Date.now());
    const sam = await createApiToken(env.DB, other.id, "sam", Date.now());
    expect((await call(`/api/tokens/${id}`, { method: "DELETE", token: sam.token })).status).toBe(404);
    expect((await call("/api/outbox", { token })).status).toBe(200);
  });

  it("an owner no longer on OWNER_EMAILS loses access", async () => {
    const gone = await ensureOwner(env.DB, "former@example.net", Date.now());
    const { token } = await createApiToken(env.DB, gone.id, "old", Date.now());
    expect((await call("/api/applications", { token })).status).toBe(401);
  });
});

describe("Cloudflare Access", () => {
  const audience = "aud-0123456789abcdef0123456789abcdef";
  afterEach(() => vi.restoreAllMocks());

  // Each test uses its own team, so the worker's cache of a team's keys starts empty.
  async function team(name: string) {
    const issuer = `https://${name}.cloudflareaccess.com`;
    const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: `${name}.cloudflareaccess.com`, ACCESS_AUD: audience };
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url === `${issuer}/cdn-cgi/access/certs`) return Response.json({ keys: [jwk] });
      throw new Error(`unexpected fetch ${url}`);
    });
    const sign = (claims: Record<string, unknown>, opts: { aud?: string; iss?: string; exp?: string; key?: CryptoKey } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(opts.iss ?? issuer)
        .setAudience(opts.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? "5m")
        .sign(opts.key ?? privateKey);
    const get = (path: string, jwt: string) => app.request(`https://rebound.example.com${path}`, { headers: { "cf-access-jwt-assertion": jwt } }, accessEnv);
    return { sign, get, fetchSpy };
  }

  it("lets in an owner whose verified email is on OWNER_EMAILS, scoped to that owner", async () => {
    const { sign, get, fetchSpy } = await team("team-one");
    await forward();
    const res = await get("/api/applications", await sign({ email: "Sam.Owner@example.org" }));
    expect(res.status).toBe(200);
    expect((await json(res)).applications).toEqual([]);
    expect(fetchSpy).toHaveBeenCalled();
    expect(await ownerId(OTHER)).toBeGreaterThan(0);
    const page = await get("/settings", await sign({ email: OWNER }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(OWNER);
  });

  it("refuses a token for another audience or issuer, an expired, forged or malformed one, and a stranger", async () => {
    const { sign, get } = await team("team-two");
    expect((await get("/api/applications", await sign({ email: OWNER }))).status).toBe(200);
    const otherKey = (await generateKeyPair("RS256")).privateKey;
    const bad = {
      audience: await sign({ email: OWNER }, { aud: "some-other-app-audience-tag" }),
      issuer: await sign({ email: OWNER }, { iss: "https://evil.cloudflareaccess.com" }),
      expired: await sign({ email: OWNER }, { exp: "-1m" }),
      forged: await sign({ email: OWNER }, { key: otherKey }),
      stranger: await sign({ email: "stranger@example.net" }),
      service: await sign({ common_name: "service-token" }),
      malformed: "not.a.jwt",
    };
    for (const [why, jwt] of Object.entries(bad)) {
      expect((await get("/api/applications", jwt)).status, why).toBe(401);
      expect((await get("/", jwt)).status, why).toBe(302);
    }
  });

  it("caches the team's keys, picks up a rotated key after the cool-down, and refetches when the cache is old", async () => {
    const issuer = "https://team-keys.cloudflareaccess.com";
    const pairs = { k1: await generateKeyPair("RS256"), k2: await generateKeyPair("RS256") };
    let published: (keyof typeof pairs)[] = ["k1"];
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
      Response.json({ keys: await Promise.all(published.map(async (kid) => ({ ...(await exportJWK(pairs[kid].publicKey)), kid, alg: "RS256" }))) }),
    );
    const sign = (kid: keyof typeof pairs) =>
      new SignJWT({ email: OWNER }).setProtectedHeader({ alg: "RS256", kid }).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime("5m").sign(pairs[kid].privateKey);
    const access = { issuer, audience };
    const t0 = Date.now();
    expect(await verifyAccessJwt(await sign("k1"), access, t0)).toBe(OWNER);
    expect(await verifyAccessJwt(await sign("k1"), access, t0 + 1000)).toBe(OWNER);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    // Rotated: an unknown key id refetches, but not within 30 s of the last fetch.
    published = ["k1", "k2"];
    expect(await verifyAccessJwt(await sign("k2"), access, t0 + 10_000)).toBeNull();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(await verifyAccessJwt(await sign("k2"), access, t0 + 31_000)).toBe(OWNER);
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    // After ten minutes the keys are fetched again: a withdrawn key stops working.
    published = ["k2"];
    expect(await verifyAccessJwt(await sign("k1"), access, t0 + 31_000 + 10 * 60_000)).toBeNull();
    expect(fetchSpy).toHaveBeenCalledTimes(3);
  });

  it("is ignored when Access is not configured", async () => {
    const { sign } = await team("team-three");
    const jwt = await sign({ email: OWNER });
    expect((await app.request("https://rebound.example.com/api/applications", { headers: { "cf-access-jwt-assertion": jwt } }, env)).status).toBe(401);
  });
});
