/** @jsxImportSource hono/jsx */
// Settings: when follow-ups arrive, the playbook's rhythm, API tokens, the
// calendar feed, export, and deleting everything.

import type { OwnerRow } from "../../db/owners.ts";
import type { ApiTokenRow } from "../../db/tokens.ts";
import type { Cadence } from "../../pipeline/plan.ts";
import type { SendWindow } from "../../pipeline/schedule.ts";
import type { Flash } from "../flash.ts";
import { formatDateTime } from "../labels.ts";
import { Layout } from "./layout.tsx";

export const CADENCE_LABELS: Record<string, string> = {
  thankYouReminderDays: "Remind me of unsent thank-you notes after (days)",
  selfReviewDays: "Private self-review after (days)",
  connectDays: "Connection request after (days)",
  valueNoteEveryDays: "A note of value every (days)",
  valueNoteMax: "At most this many notes of value",
  quietGapDays: "Never two messages to one person within (days)",
  checkInDays: "Check in after (days)",
  consultingDays: "Offer of help after (days)",
  dreamWatchEveryDays: "Dream company: look at their news every (days)",
  dreamWatchMax: "Dream company: at most this many reminders",
};

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return [...new Set(["UTC", current, ...zones])].sort();
}

export interface SettingsView {
  owner: OwnerRow;
  window: SendWindow;
  cadence: Cadence;
  tokens: ApiTokenRow[];
  calendarUrl: string | null;
  newToken?: { name: string; token: string } | null;
  flash: Flash | null;
}

export function SettingsPage(props: SettingsView) {
  const { window: w, cadence, tokens } = props;
  const tz = w.timezone;
  return (
    <Layout title="Settings" section="settings" owner={props.owner.email} flash={props.flash}>
      <h1>Settings</h1>
      <p class="muted small">Signed in as {props.owner.email}.</p>

      <h2>When follow-ups arrive</h2>
      <form class="card" method="post" action="/settings">
        <div class="row">
          <label>
            Time zone
            <select name="timezone">
              {timeZones(tz).map((z) => (
                <option value={z} selected={z === tz}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          <label>
            Send hour
            <select name="sendHour">
              {Array.from({ length: 24 }, (_, h) => (
                <option value={String(h)} selected={h === w.hour}>
                  {`${String(h).padStart(2, "0")}:00`}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend class="small muted">Days</legend>
          {WEEKDAYS.map((d, i) => (
            <label class="check">
              <input type="checkbox" name="sendDays" value={String(i + 1)} checked={w.days.includes(i + 1)} /> {d}
            </label>
          ))}
        </fieldset>
        <h3>Default cadence</h3>
        <p class="small muted">How the playbook spaces follow-ups for new applications (and new steps on existing ones).</p>
        <div class="row">
          {Object.entries(cadence).map(([key, value]) => (
            <label>
              {CADENCE_LABELS[key] ?? key}
              <input type="number" name={`cadence.${key}`} value={String(value)} min={key.endsWith("Max") ? 0 : 1} max={key.endsWith("Max") ? 24 : 730} required />
            </label>
          ))}
        </div>
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>

      <h2 id="calendar">Calendar feed</h2>
      <div class="card">
        <p class="small">
          Subscribe from Google Calendar (Other calendars → From URL), Apple Calendar (File → New Calendar Subscription) or Outlook (Add calendar →
          Subscribe from web): every planned follow-up appears at its time, with the draft inside. Anyone with the link can read it; regenerate it to
          revoke the old one.
        </p>
        {props.calendarUrl ? (
          <p>
            <a class="token" href={props.calendarUrl}>
              {props.calendarUrl}
            </a>
          </p>
        ) : (
          <p class="muted">No calendar link yet.</p>
        )}
        <div class="actions">
          <form class="inline" method="post" action="/settings/calendar">
            <button type="submit">{props.calendarUrl ? "Regenerate link" : "Create calendar link"}</button>
          </form>
          {props.calendarUrl ? (
            <form class="inline" method="post" action="/settings/calendar/off">
              <button type="submit" class="secondary">
                Turn off
              </button>
            </form>
          ) : null}
        </div>
      </div>

      <h2 id="export">Export</h2>
      <div class="card actions">
        <a class="button secondary" href="/api/export?format=csv&table=applications" download>
          Applications (CSV)
        </a>
        <a class="button secondary" href="/api/export?format=csv&table=contacts" download>
          People (CSV)
        </a>
        <a class="button secondary" href="/api/export?format=csv&table=follow-ups" download>
          Follow-ups (CSV)
        </a>
        <a class="button secondary" href="/api/export?format=json" download>
          Everything (JSON)
        </a>
      </div>

      <h2 id="tokens">API tokens</h2>
      <div class="card">
        <p class="small">
          For scripts: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/…</code>. A token is shown once; rebound keeps only its hash.
        </p>
        {props.newToken ? (
          <div class="flash" role="status">
            New token “{props.newToken.name}” (copy it now, it won't be shown again):
            <code class="token" id="new-token">
              {props.newToken.token}
            </code>
          </div>
        ) : null}
        {tokens.length ? (
          <table class="stack">
            <thead>
              <tr>
                <th>Name</th>
                <th>Created</th>
                <th>Last used</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td data-label="Name">{t.name}</td>
                  <td data-label="Created">{formatDateTime(t.created_at, tz)}</td>
                  <td data-label="Last used">{formatDateTime(t.last_used_at, tz)}</td>
                  <td>
                    {t.revoked_at ? (
                      <span class="badge skipped">Revoked</span>
                    ) : (
                      <form class="inline" method="post" action={`/settings/tokens/${t.id}/revoke`}>
                        <button type="submit" class="secondary">
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <form class="row" method="post" action="/settings/tokens">
          <label>
            New token name
            <input type="text" name="name" required maxlength={100} placeholder="e.g. laptop script" />
          </label>
          <button type="submit">Create token</button>
        </form>
      </div>

      <h2 id="delete">Delete all my data</h2>
      <form class="card" method="post" action="/settings/delete">
        <p class="small">
          Deletes every application, person, original email, follow-up, outbox entry, token, calendar link and setting of yours, at once and for good.
          Export first if you want a copy.
        </p>
        <label>
          Type DELETE to confirm
          <input type="text" name="confirm" required pattern="DELETE" autocomplete="off" />
        </label>
        <div class="actions">
          <button type="submit" class="danger">
            Delete all my data
          </button>
        </div>
      </form>
    </Layout>
  );
}
