/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Layout } from "./layout.tsx";

export function errorPage(c: Context, status: ContentfulStatusCode, title: string, message: string) {
  return c.html(
    <Layout title={title} section="applications" owner={c.get("owner")?.email ?? null}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to your applications</a>
      </p>
    </Layout>,
    status,
  );
}
