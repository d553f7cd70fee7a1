// The dashboard's login cookie: HttpOnly (no script can read it), Secure,
// SameSite=Lax (sent on a top-level link from your mail, never on a cross-site
// form post; forms also pass hono/csrf's origin check), Path=/.
// Over https it carries the __Host- prefix, which pins it to this exact host.
// `npm start` serves http://localhost: browsers accept Secure cookies there, but
// some refuse the __Host- prefix on http, so locally the name is plain.

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_TTL_MS } from "../db/sessions.ts";

function cookieName(c: Context): string {
  return new URL(c.req.url).protocol === "https:" ? "__Host-rebound_session" : "rebound_session";
}

export function readSessionCookie(c: Context): string | null {
  return getCookie(c, cookieName(c)) ?? null;
}

export function writeSessionCookie(c: Context, id: string): void {
  setCookie(c, cookieName(c), id, { httpOnly: true, secure: true, sameSite: "Lax", path: "/", maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c), { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}
