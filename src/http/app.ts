// The HTTP side of the worker: the owner's dashboard (server-rendered pages),
// the JSON API, the calendar feed, login, and the few static files.
// Every response carries strict security headers; every form post from a
// browser must come from this origin (hono/csrf).

import { Hono, type Context, type MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { NotFoundError } from "../flows/steer.ts";
import { api } from "./api.ts";
import type { AppEnv } from "./auth.ts";
import { calendar } from "./calendar.ts";
import { dashboard } from "./dashboard.tsx";
import { apiError } from "./errors.ts";
import { login } from "./login.tsx";
import { errorPage } from "./pages/error.tsx";
import { COPY_SCRIPT, FAVICON, STYLE } from "./static.ts";

export const app = new Hono<AppEnv>();

app.use(
  "*",
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      imgSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: "same-origin",
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
  }),
);

// A bearer token is never sent by a browser on its own, so only cookie-borne
// requests need the cross-site check.
const sameOriginForms: MiddlewareHandler<AppEnv> = csrf();
app.use("*", async (c, next) => (c.req.header("authorization") ? next() : sameOriginForms(c, next)));

const asset = (body: string, type: string) => (c: Context) =>
  c.body(body, 200, { "Content-Type": type, "Cache-Control": "public, max-age=3600" });
app.get("/assets/style.css", asset(STYLE, "text/css; charset=utf-8"));
app.get("/assets/copy.js", asset(COPY_SCRIPT, "text/javascript; charset=utf-8"));
app.get("/assets/favicon.svg", asset(FAVICON, "image/svg+xml"));
app.get("/favicon.ico", (c) => c.redirect("/assets/favicon.svg", 301));

app.route("/", login);
app.route("/calendar", calendar);
app.route("/api", api);
app.route("/", dashboard);

const isApi = (c: Context) => c.req.path === "/api" || c.req.path.startsWith("/api/");

app.notFound((c) =>
  isApi(c) ? apiError(c, 404, "not_found", `No route for ${c.req.method} ${c.req.path}.`) : errorPage(c, 404, "Not found", "There is nothing here, or it isn't yours."),
);

app.onError((err, c) => {
  if (err instanceof NotFoundError) {
    return isApi(c) ? apiError(c, 404, "not_found", err.message) : errorPage(c, 404, "Not found", err.message);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 403) {
      const message = "This form was sent from another site, so it was refused. Reload the page and try again.";
      return isApi(c) ? apiError(c, 403, "forbidden", message) : errorPage(c, 403, "Refused", message);
    }
    if (status === 400) {
      return isApi(c) ? apiError(c, 400, "invalid_request", err.message || "The request could not be read.") : errorPage(c, 400, "Bad request", err.message);
    }
  }
  console.error("rebound: request failed", err);
  return isApi(c)
    ? apiError(c, 500, "internal", "Something went wrong on our side; nothing was changed.")
    : errorPage(c, 500, "Something went wrong", "Something went wrong on our side. Please try again.");
});
