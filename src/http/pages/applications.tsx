/** @jsxImportSource hono/jsx */
// Applications: every rejection forwarded, with its next step; filters and search.

import type { ApplicationRow, ContactRow, FollowUpRow } from "../../db/applications.ts";
import type { Flash } from "../flash.ts";
import { formatDate, formatDateTime, statusLabel, stepLabel } from "../labels.ts";
import { Badge, Layout } from "./layout.tsx";

export const FILTERS = [
  { value: "", label: "All" },
  { value: "active", label: "Active" },
  { value: "paused", label: "Paused" },
  { value: "needs_review", label: "Needs review" },
  { value: "landed", label: "Landed" },
  { value: "stopped", label: "Stopped" },
] as const;

export interface ListItem {
  application: ApplicationRow;
  contacts: ContactRow[];
  followUps: FollowUpRow[];
}

export function nextStep(item: ListItem): FollowUpRow | null {
  return item.followUps.filter((f) => f.status === "pending" || f.status === "failed").sort((a, b) => a.due_at - b.due_at)[0] ?? null;
}

function filterHref(status: string, q: string): string {
  const p = new URLSearchParams();
  if (status) p.set("status", status);
  if (q) p.set("q", q);
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

export function ApplicationsPage(props: { owner: string; items: ListItem[]; status: string; q: string; timezone: string; flash: Flash | null }) {
  const { items, status, q, timezone } = props;
  return (
    <Layout title="Applications" section="applications" owner={props.owner} flash={props.flash}>
      <h1>Applications</h1>
      <p class="muted small">Every rejection you forwarded, and what comes next. Times are in {timezone}.</p>
      <nav class="filters" aria-label="Filter by status">
        {FILTERS.map((f) => (
          <a href={filterHref(f.value, q)} aria-current={f.value === status ? "true" : undefined}>
            {f.label}
          </a>
        ))}
      </nav>
      <form class="row" method="get" action="/" role="search">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label>
          Search company or role
          <input type="search" name="q" value={q} maxlength={200} />
        </label>
        <button type="submit">Search</button>
        {q ? (
          <a class="button secondary" href={filterHref(status, "")}>
            Clear
          </a>
        ) : null}
      </form>
      {items.length === 0 ? (
        <div class="card">
          {q || status ? (
            <p>No applications match.</p>
          ) : (
            <p>
              Nothing here yet. Forward a rejection email to rebound's address and it appears here within seconds, with thank-you drafts for everyone you
              met.
            </p>
          )}
        </div>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th>Company</th>
              <th>Role</th>
              <th>Rejected on</th>
              <th>Status</th>
              <th>Next step</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const a = item.application;
              const next = nextStep(item);
              const who = next?.contact_id ? (item.contacts.find((c) => c.id === next.contact_id)?.name ?? next.contact_email) : null;
              return (
                <tr>
                  <td data-label="Company">
                    <a href={`/applications/${a.id}`}>{a.company ?? "(company unknown)"}</a>
                  </td>
                  <td data-label="Role">{a.role ?? "—"}</td>
                  <td data-label="Rejected on" class="when">
                    {formatDate(a.rejected_at ?? a.created_at, timezone)}
                  </td>
                  <td data-label="Status">
                    <Badge status={a.status} label={statusLabel(a.status)} />
                  </td>
                  <td data-label="Next step">{next ? `${stepLabel(next)}${who ? ` · ${who}` : ""}` : "—"}</td>
                  <td data-label="When" class="when">
                    {next ? formatDateTime(next.due_at, timezone) : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
