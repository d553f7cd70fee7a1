/** @jsxImportSource hono/jsx */
// Outbox: every email rebound sent you, and whether it arrived.

import type { OutboxRow } from "../../db/outbox.ts";
import type { Flash } from "../flash.ts";
import { formatDateTime, statusLabel } from "../labels.ts";
import { Badge, Layout } from "./layout.tsx";

const KINDS: Record<string, string> = { digest: "Reply to your forward", followups: "Follow-ups due", reminder: "Follow-ups due", confirmation: "Reply to your command", help: "Help", review: "Please review" };

export function OutboxPage(props: { owner: string; rows: OutboxRow[]; timezone: string; flash: Flash | null }) {
  return (
    <Layout title="Outbox" section="outbox" owner={props.owner} flash={props.flash}>
      <h1>Outbox</h1>
      <p class="muted small">Every email rebound sent you, newest first. rebound only ever writes to you; drafts go out from your own mailbox.</p>
      {props.rows.length === 0 ? (
        <p class="card">Nothing sent yet.</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Subject</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((o) => (
              <tr>
                <td data-label="When" class="when">
                  {formatDateTime(o.sent_at ?? o.created_at, props.timezone)}
                </td>
                <td data-label="What">{KINDS[o.kind] ?? o.kind}</td>
                <td data-label="Subject">
                  {o.application_id ? <a href={`/applications/${o.application_id}`}>{o.subject}</a> : o.subject}
                  <div class="small muted">to {o.to_addr}</div>
                </td>
                <td data-label="Status">
                  <Badge status={o.status} label={statusLabel(o.status)} />
                  {o.status === "failed" && o.error ? <div class="small">Why: {o.error}</div> : null}
                  {o.status === "retrying" ? <div class="small muted">attempt {o.attempts}</div> : null}
                  {o.status === "failed" && o.attempts > 1 ? <div class="small muted">{o.attempts} attempts</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
