// One-shot messages after a form post (post, redirect, get): kept in a short-lived
// HttpOnly cookie rather than the URL, so no link can make the page say anything.

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export interface Flash {
  kind: "ok" | "error";
  text: string;
}

const NAME = "rebound_flash";

export function setFlash(c: Context, flash: Flash): void {
  const value = encodeURIComponent(JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, 600) }));
  setCookie(c, NAME, value, { httpOnly: true, secure: true, sameSite: "Lax", path: "/", maxAge: 120 });
}

export function takeFlash(c: Context): Flash | null {
  const raw = getCookie(c, NAME);
  if (!raw) return null;
  deleteCookie(c, NAME, { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as Partial<Flash>;
    return (v.kind === "ok" || v.kind === "error") && typeof v.text === "string" ? { kind: v.kind, text: v.text } : null;
  } catch {
    return null;
  }
}
