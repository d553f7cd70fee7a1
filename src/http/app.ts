// The HTTP side of the worker: JSON API now; dashboard, calendar and export next.

import { Hono } from "hono";
import { api } from "./api.ts";
import type { AppEnv } from "./auth.ts";
import { apiError } from "./errors.ts";

export const app = new Hono<AppEnv>();

app.get("/", (c) => c.text("rebound is running. The API is under /api (Authorization: Bearer <API_TOKEN>).\n"));
app.route("/api", api);

app.notFound((c) => apiError(c, 404, "not_found", `No route for ${c.req.method} ${c.req.path}.`));
app.onError((err, c) => {
  console.error("rebound: request failed", err);
  return apiError(c, 500, "internal", "Something went wrong on our side; nothing was changed.");
});
