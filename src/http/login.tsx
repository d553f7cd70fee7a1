/** @jsxImportSource hono/jsx */
// /login and /logout. A token (the API_TOKEN secret, or an owner's API token)
// starts a session: a random id in an HttpOnly, Secure, SameSite=Lax cookie,
// stored hashed in D1 with a 30-day expiry (see db/sessions.ts for why).

import { Hono } from "hono";
import { readConfig } from "../config.ts";
import { createSession, deleteSession } from "../db/sessions.ts";
import { ownerForToken, safeNext, type AppEnv } from "./auth.ts";
import { LoginPage } from "./pages/login.tsx";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session.ts";

export const login = new Hono<AppEnv>();

login.get("/login", (c) => {
  const notice = c.req.query("deleted") ? "All your data was deleted." : c.req.query("out") ? "You are logged out." : null;
  return c.html(<LoginPage next={safeNext(c.req.query("next"))} notice={notice} />);
});

login.post("/login", async (c) => {
  const body = await c.req.parseBody();
  const token = typeof body.token === "string" ? body.token.trim() : "";
  const next = safeNext(typeof body.next === "string" ? body.next : null);
  const now = Date.now();
  const owner = token ? await ownerForToken(c.env.DB, readConfig(c.env), token, now) : null;
  if (!owner) return c.html(<LoginPage next={next} error="That token isn't right. Locally it is API_TOKEN in .dev.vars." />, 401);
  const session = await createSession(c.env.DB, owner.id, now);
  writeSessionCookie(c, session.id);
  return c.redirect(next, 303);
});

login.post("/logout", async (c) => {
  const id = readSessionCookie(c);
  if (id) await deleteSession(c.env.DB, id);
  clearSessionCookie(c);
  return c.redirect("/login?out=1", 303);
});
