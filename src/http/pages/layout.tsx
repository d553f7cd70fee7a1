/** @jsxImportSource hono/jsx */
// The frame of every page: header with navigation, a flash message, the content.

import type { Child } from "hono/jsx";
import type { Flash } from "../flash.ts";

export type Section = "applications" | "outbox" | "settings" | "login";

export function Layout(props: { title: string; section: Section; flash?: Flash | null; owner?: string | null; children?: Child }) {
  const link = (href: string, section: Section, label: string) => (
    <a href={href} aria-current={props.section === section ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · rebound`}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/copy.js" defer></script>
      </head>
      <body>
        <header class="top">
          <div class="inner">
            <a class="brand" href="/">
              rebound
            </a>
            {props.owner ? (
              <nav aria-label="Main">
                {link("/", "applications", "Applications")}
                {link("/outbox", "outbox", "Outbox")}
                {link("/settings", "settings", "Settings")}
                <span class="muted small">{props.owner}</span>
                <form class="inline" method="post" action="/logout">
                  <button class="secondary" type="submit">
                    Log out
                  </button>
                </form>
              </nav>
            ) : null}
          </div>
        </header>
        <main>
          {props.flash ? (
            <p class={props.flash.kind === "error" ? "flash error" : "flash"} role={props.flash.kind === "error" ? "alert" : "status"}>
              {props.flash.text}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function Badge(props: { status: string; label: string }) {
  return <span class={`badge ${props.status}`}>{props.label}</span>;
}
