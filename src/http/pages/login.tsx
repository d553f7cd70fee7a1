/** @jsxImportSource hono/jsx */
// Log in with a token: locally the API_TOKEN from .dev.vars; any owner's API token works too.

import { Layout } from "./layout.tsx";

export function LoginPage(props: { next: string; error?: string | null; notice?: string | null }) {
  return (
    <Layout title="Log in" section="login">
      <h1>Log in</h1>
      {props.notice ? (
        <p class="flash" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form class="card" method="post" action="/login">
        <input type="hidden" name="next" value={props.next} />
        <label>
          Token
          <input type="password" name="token" required autocomplete="current-password" autofocus maxlength={400} />
        </label>
        <p class="small muted">
          Running locally? It is <code>API_TOKEN</code> in <code>.dev.vars</code>. In production, Cloudflare Access signs you in and you won't see this page.
        </p>
        <button type="submit">Log in</button>
      </form>
    </Layout>
  );
}
