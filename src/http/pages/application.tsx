/** @jsxImportSource hono/jsx */
// One application: correct it, steer it, and send its drafts.

import type { ApplicationDetail, FollowUpDetailRow } from "../../db/dashboard.ts";
import type { OwnerRow } from "../../db/owners.ts";
import { draftFor } from "../drafts.ts";
import type { Flash } from "../flash.ts";
import { formatDate, formatDateTime, statusLabel, stepLabel } from "../labels.ts";
import { Badge, Layout } from "./layout.tsx";

export const SNOOZE_CHOICES = [
  { days: 1, label: "1 day" },
  { days: 3, label: "3 days" },
  { days: 7, label: "1 week" },
  { days: 14, label: "2 weeks" },
  { days: 30, label: "1 month" },
] as const;

const OPEN = new Set(["pending", "failed", "sent"]);

function FollowUpItem(props: { f: FollowUpDetailRow; d: ApplicationDetail; owner: OwnerRow; timezone: string }) {
  const { f, d, owner, timezone } = props;
  const draft = draftFor(f, d.application, owner, d.messages[0]?.original_from ?? null);
  const who = f.contact_name ?? f.contact_email;
  const open = f.status === "pending" || f.status === "failed";
  const when = f.status === "sent" || f.status === "done" ? (f.sent_at ?? f.due_at) : f.due_at;
  return (
    <li id={`follow-up-${f.id}`} class={open ? "" : "past"}>
      <div class="actions">
        <strong>{stepLabel(f)}</strong>
        {who ? <span>to {who}</span> : null}
        <Badge status={f.status} label={statusLabel(f.status)} />
        <span class="muted small when">{formatDateTime(when, timezone)}</span>
      </div>
      {f.status === "failed" && f.last_error ? <p class="small">Sending failed ({f.attempts} attempts): {f.last_error}. rebound retries.</p> : null}
      {OPEN.has(f.status) ? (
        <>
          <details class="draft">
            <summary>Draft{draft.edited ? " (your edit)" : ""}</summary>
            <p class="small muted">{draft.tip}</p>
            <p class="small">
              To: {draft.toLabel}
              <br />
              Subject: {draft.subject}
            </p>
            <textarea id={`draft-${f.id}`} readonly rows={10} aria-label="Draft text">
              {draft.body}
            </textarea>
            <div class="actions">
              {draft.mailto ? (
                <a class="button" href={draft.mailto}>
                  Open in my mail app
                </a>
              ) : null}
              <button type="button" class="secondary" data-copy={`draft-${f.id}`} hidden>
                Copy text
              </button>
            </div>
            <details>
              <summary class="small">Edit this draft</summary>
              <form method="post" action={`/follow-ups/${f.id}/draft`}>
                <label>
                  Subject
                  <input type="text" name="subject" value={draft.subject} maxlength={1000} required />
                </label>
                <label>
                  Text
                  <textarea name="body" rows={10} maxlength={10000} required>
                    {draft.body}
                  </textarea>
                </label>
                <div class="actions">
                  <button type="submit">Save draft</button>
                  {draft.edited ? (
                    <button type="submit" class="secondary" name="reset" value="1" formnovalidate>
                      Put rebound's draft back
                    </button>
                  ) : null}
                </div>
              </form>
            </details>
          </details>
          <div class="actions">
            <form class="inline" method="post" action={`/follow-ups/${f.id}/done`}>
              <button type="submit">Mark done</button>
            </form>
            {open ? (
              <>
                <form class="inline" method="post" action={`/follow-ups/${f.id}/skip`}>
                  <button type="submit" class="secondary">
                    Skip
                  </button>
                </form>
                <form class="inline row" method="post" action={`/follow-ups/${f.id}/snooze`}>
                  <select name="days" aria-label="Snooze for">
                    {SNOOZE_CHOICES.map((s) => (
                      <option value={String(s.days)} selected={s.days === 7}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    Snooze
                  </button>
                </form>
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </li>
  );
}

export function ApplicationPage(props: { owner: OwnerRow; d: ApplicationDetail; timezone: string; flash: Flash | null }) {
  const { d, owner, timezone } = props;
  const a = d.application;
  const title = `${a.company ?? "(company unknown)"}${a.role ? ` — ${a.role}` : ""}`;
  const original = d.messages.find((m) => m.original_text) ?? d.messages[0];
  return (
    <Layout title={a.company ?? "Application"} section="applications" owner={owner.email} flash={props.flash}>
      <p class="small">
        <a href="/">← Applications</a>
      </p>
      <h1>{title}</h1>
      <p class="actions">
        <Badge status={a.status} label={statusLabel(a.status)} />
        <span class="muted small">Rejected on {formatDate(a.rejected_at ?? a.created_at, timezone)}</span>
        {a.dream ? <span class="badge">Dream company</span> : null}
      </p>
      {a.status === "needs_review" ? (
        <div class="flash error">
          <p>
            This forward didn't clearly read as a rejection, or its company wasn't found. If it is a rejection, set the company below (or confirm it) and
            rebound plans its follow-ups; if it isn't, delete it at the bottom of the page.
          </p>
          {a.company ? (
            <form method="post" action={`/applications/${a.id}/status`}>
              <input type="hidden" name="status" value="active" />
              <button type="submit">Confirm: it is a rejection</button>
            </form>
          ) : null}
        </div>
      ) : null}

      <h2>Company and role</h2>
      <form class="card row" method="post" action={`/applications/${a.id}/edit`}>
        <label>
          Company
          <input type="text" name="company" value={a.company ?? ""} maxlength={500} required />
        </label>
        <label>
          Role
          <input type="text" name="role" value={a.role ?? ""} maxlength={500} />
        </label>
        <button type="submit">Save</button>
      </form>

      <h2>Steer</h2>
      <div class="card">
        <div class="actions">
          {a.status === "active" ? (
            <form class="inline" method="post" action={`/applications/${a.id}/status`}>
              <input type="hidden" name="status" value="paused" />
              <button type="submit" class="secondary">
                Pause
              </button>
            </form>
          ) : null}
          {a.status === "paused" || a.status === "stopped" ? (
            <form class="inline" method="post" action={`/applications/${a.id}/status`}>
              <input type="hidden" name="status" value="active" />
              <button type="submit">Resume</button>
            </form>
          ) : null}
          {a.status !== "stopped" ? (
            <form class="inline" method="post" action={`/applications/${a.id}/status`}>
              <input type="hidden" name="status" value="stopped" />
              <button type="submit" class="secondary">
                Stop all follow-ups
              </button>
            </form>
          ) : null}
        </div>
        <div class="actions">
          <form class="inline" method="post" action={`/applications/${a.id}/dream`}>
            <input type="hidden" name="on" value={a.dream ? "0" : "1"} />
            <button type="submit" class="secondary">
              {a.dream ? "Not a dream company" : "Mark as dream company"}
            </button>
          </form>
          <form class="inline" method="post" action={`/applications/${a.id}/feedback`}>
            <input type="hidden" name="on" value={a.feedback_opt_in ? "0" : "1"} />
            <button type="submit" class="secondary">
              {a.feedback_opt_in ? "Turn feedback requests off" : "Ask for feedback (opt-in)"}
            </button>
          </form>
        </div>
        <p class="small muted">
          Feedback requests are optional and go only to people you mark as having rapport with. Some companies can't give feedback; advisers disagree on
          asking.
        </p>
      </div>

      <h2>People you met</h2>
      {d.contacts.length === 0 ? <p class="muted">No one yet. Add the people you met so rebound can draft notes to them.</p> : null}
      {d.contacts.map((c) => (
        <div class="card" id={`contact-${c.id}`}>
          <form class="row" method="post" action={`/applications/${a.id}/contacts/${c.id}`}>
            <label>
              Name
              <input type="text" name="name" value={c.name ?? ""} maxlength={200} />
            </label>
            <label>
              Title
              <input type="text" name="title" value={c.title ?? ""} maxlength={200} />
            </label>
            <label class="check">
              <input type="checkbox" name="rapport" value="1" checked={c.rapport === 1} /> Rapport
            </label>
            <button type="submit">Save</button>
          </form>
          <div class="actions">
            <span class="small muted">{c.email}</span>
            <form class="inline" method="post" action={`/applications/${a.id}/contacts/${c.id}/remove`}>
              <button type="submit" class="secondary">
                Remove
              </button>
            </form>
          </div>
        </div>
      ))}
      <details class="card">
        <summary>Add a person</summary>
        <form class="row" method="post" action={`/applications/${a.id}/contacts`}>
          <label>
            Email
            <input type="email" name="email" required maxlength={500} />
          </label>
          <label>
            Name
            <input type="text" name="name" maxlength={200} />
          </label>
          <label>
            Title
            <input type="text" name="title" maxlength={200} />
          </label>
          <label class="check">
            <input type="checkbox" name="rapport" value="1" /> Rapport
          </label>
          <button type="submit">Add</button>
        </form>
      </details>

      <h2 id="timeline">Timeline</h2>
      {d.followUps.length === 0 ? <p class="muted">Nothing planned{a.status === "needs_review" ? " until you confirm this application" : ""}.</p> : null}
      <ol class="timeline">
        {d.followUps.map((f) => (
          <FollowUpItem f={f} d={d} owner={owner} timezone={timezone} />
        ))}
      </ol>
      {d.outbox.length ? (
        <>
          <h3>Emails rebound sent you about it</h3>
          <ul>
            {d.outbox.map((o) => (
              <li>
                <span class="when">{formatDateTime(o.sent_at ?? o.created_at, timezone)}</span> · {o.subject} <Badge status={o.status} label={statusLabel(o.status)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>The original email</h2>
      {original ? (
        <div>
          <p class="small">
            From: {original.original_from ?? "—"}
            <br />
            Subject: {original.original_subject ?? original.subject ?? "—"}
            <br />
            Date: {formatDateTime(original.original_date, timezone)}
          </p>
          {original.note ? (
            <p class="small">
              Your note: <em>{original.note}</em>
            </p>
          ) : null}
          <pre class="original">{original.original_text ?? "(no text)"}</pre>
        </div>
      ) : (
        <p class="muted">Not stored.</p>
      )}

      <h2>Delete</h2>
      <form class="card" method="post" action={`/applications/${a.id}/delete`}>
        <label class="check">
          <input type="checkbox" name="confirm" value="yes" required /> Delete this application, its people, its original email and its follow-ups
        </label>
        <button type="submit" class="danger">
          Delete application
        </button>
      </form>
    </Layout>
  );
}
