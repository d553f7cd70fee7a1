// The JSON API: shapes, filters, owner scoping (another owner's id is 404),
// validation (400 with a message naming the field), and every steering action.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/db/tokens.ts";
import { ensureOwner } from "../../src/db/owners.ts";
import { call, followUps, forward, json, OTHER, OWNER } from "./helpers.ts";

async function otherToken() {
  const other = await ensureOwner(env.DB, OTHER, Date.now());
  return (await createApiToken(env.DB, other.id, "sam", Date.now())).token;
}

async function expectInvalid(res: Response, field: RegExp) {
  expect(res.status).toBe(400);
  const body = await json(res);
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.message).toMatch(field);
}

describe("GET /api/applications", () => {
  it("keeps the DESIGN.md shape, newest first", async () => {
    const first = await forward("01-gmail-recruiter-subject-role.eml");
    const second = await forward();
    const body = await json(await call("/api/applications"));
    expect(Object.keys(body)).toEqual(["applications"]);
    expect(body.applications.map((a: { id: number }) => a.id)).toEqual([second, first]);
    const a = body.applications[0];
    expect(Object.keys(a)).toEqual(["id", "company", "role", "status", "rejectedAt", "contacts", "followUps"]);
    expect(a).toMatchObject({ company: "Acme Robotics", role: "Controls Engineer", status: "active" });
    expect(Object.keys(a.contacts[0])).toEqual(["id", "name", "email", "title"]);
    expect(Object.keys(a.followUps[0])).toEqual(["id", "kind", "dueAt", "status", "sentAt", "contactEmail"]);
  });

  it("filters by status, landed, and searches company and role", async () => {
    const acme = await forward();
    const halcyon = await forward("01-gmail-recruiter-subject-role.eml");
    const review = await forward("31-neg-gmail-interview-invite.eml");
    const ids = async (q: string) => (await json(await call(`/api/applications${q}`))).applications.map((a: { id: number }) => a.id);
    expect(await ids("?status=needs_review")).toEqual([review]);
    expect((await ids("?status=active")).sort()).toEqual([acme, halcyon].sort());
    expect(await ids("?q=acme")).toEqual([acme]);
    expect(await ids("?q=Data%20Analyst")).toEqual([halcyon]);
    expect(await ids("?q=%25")).toEqual([]);
    await call(`/api/applications/${halcyon}`, { method: "PATCH", json: { status: "paused" } });
    expect(await ids("?status=paused")).toEqual([halcyon]);
    expect(await ids("?status=landed")).toEqual([]);
    await env.DB.prepare(
      "INSERT INTO follow_ups (owner_id, application_id, step_key, kind, due_at, created_at) SELECT owner_id, id, 'landed/x', 'landed-update', 1, 1 FROM applications WHERE id = ?1",
    )
      .bind(acme)
      .run();
    expect(await ids("?status=landed")).toEqual([acme]);
    await expectInvalid(await call("/api/applications?status=everything"), /status must be one of/);
  });

  it("never lists another owner's applications", async () => {
    await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    expect((await json(await call("/api/applications"))).applications).toEqual([]);
  });
});

describe("one application", () => {
  it("GET returns the full application with drafts and the original email", async () => {
    const id = await forward();
    const res = await call(`/api/applications/${id}`);
    expect(res.status).toBe(200);
    const { application: a } = await json(res);
    expect(a).toMatchObject({ id, company: "Acme Robotics", dream: false, feedbackOptIn: false });
    expect(a.contacts.map((c: { email: string }) => c.email)).toContain("priya.shah@acme-robotics.test");
    expect(a.messages[0].original.subject).toBe("Your candidacy at Acme Robotics");
    expect(a.messages[0].original.text).toMatch(/Acme Robotics/);
    const thankYou = a.followUps.find((f: { kind: string; contactEmail: string }) => f.kind === "thank-you" && f.contactEmail === "priya.shah@acme-robotics.test");
    expect(thankYou.draft.body).toMatch(/^Hi Priya,/);
    expect(thankYou.draft.mailto).toMatch(/^mailto:priya\.shah@acme-robotics\.test\?subject=/);
  });

  it("another owner's id, a missing id and a non-number are all 404", async () => {
    const theirs = await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    for (const path of [`/api/applications/${theirs}`, "/api/applications/999999", "/api/applications/abc"]) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect((await json(res)).error.code).toBe("not_found");
    }
    for (const [method, body] of [
      ["PATCH", { company: "Mine now" }],
      ["DELETE", undefined],
    ] as const) {
      expect((await call(`/api/applications/${theirs}`, { method, json: body })).status).toBe(404);
    }
    expect((await call(`/api/applications/${theirs}/contacts`, { json: { email: "x@y.test" } })).status).toBe(404);
    const row = await env.DB.prepare("SELECT company FROM applications WHERE id = ?1").bind(theirs).first<{ company: string }>();
    expect(row!.company).toBe("Halcyon Analytics");
    expect((await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE application_id = ?1 AND email = 'x@y.test'").bind(theirs).first<{ n: number }>())!.n).toBe(0);
  });

  it("PATCH corrects company and role and steers status", async () => {
    const id = await forward();
    const res = await call(`/api/applications/${id}`, { method: "PATCH", json: { company: "Acme Robotics GmbH", role: "Senior Controls Engineer" } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.application).toMatchObject({ company: "Acme Robotics GmbH", role: "Senior Controls Engineer" });
    expect(body.changes.join(" ")).toMatch(/Company set to Acme Robotics GmbH/);

    expect((await json(await call(`/api/applications/${id}`, { method: "PATCH", json: { status: "paused" } }))).application.status).toBe("paused");
    expect((await json(await call(`/api/applications/${id}`, { method: "PATCH", json: { status: "active" } }))).application.status).toBe("active");
    const stopped = (await json(await call(`/api/applications/${id}`, { method: "PATCH", json: { status: "stopped" } }))).application;
    expect(stopped.status).toBe("stopped");
    expect(stopped.followUps.filter((f: { status: string }) => f.status === "pending")).toEqual([]);

    const flags = (await json(await call(`/api/applications/${id}`, { method: "PATCH", json: { dream: true, feedbackOptIn: true } }))).application;
    expect(flags).toMatchObject({ dream: true, feedbackOptIn: true });
  });

  it("confirming a needs_review application by setting its company plans its follow-ups", async () => {
    const id = await forward("31-neg-gmail-interview-invite.eml");
    expect(await followUps(id)).toEqual([]);
    const { application } = await json(await call(`/api/applications/${id}`, { method: "PATCH", json: { company: "Northwind" } }));
    expect(application.status).toBe("active");
    expect((await followUps(id)).length).toBeGreaterThan(0);
  });

  it("PATCH validation: 400 naming the field, and nothing changes", async () => {
    const id = await forward();
    const patch = (body: unknown) => call(`/api/applications/${id}`, { method: "PATCH", json: body });
    await expectInvalid(await patch({ company: "" }), /company: company can't be empty/);
    await expectInvalid(await patch({ company: "x".repeat(501) }), /company is longer than 500/);
    await expectInvalid(await patch({ status: "needs_review" }), /status must be one of active, paused, stopped/);
    await expectInvalid(await patch({ owner_id: 2 }), /owner_id/);
    await expectInvalid(await patch({}), /at least one of company, role, status/);
    await expectInvalid(await patch({ dream: "yes" }), /dream must be true or false/);
    await expectInvalid(await patch("{not json"), /JSON/i);
    const row = await env.DB.prepare("SELECT company, status FROM applications WHERE id = ?1").bind(id).first();
    expect(row).toEqual({ company: "Acme Robotics", status: "active" });
  });

  it("DELETE removes the application with its people and follow-ups", async () => {
    const id = await forward();
    expect((await call(`/api/applications/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/applications/${id}`)).status).toBe(404);
    expect(await followUps(id)).toEqual([]);
  });
});

describe("contacts", () => {
  it("add, edit (name, title, rapport) and remove", async () => {
    const id = await forward();
    const added = await call(`/api/applications/${id}/contacts`, { json: { email: "Dana.Cho@Acme-Robotics.test", name: "Dana Cho", title: "Recruiter" } });
    expect(added.status).toBe(201);
    const { contact } = await json(added);
    expect(contact).toMatchObject({ email: "dana.cho@acme-robotics.test", name: "Dana Cho", title: "Recruiter", rapport: false, source: "manual" });
    expect((await followUps(id)).some((f) => f.contact_id === contact.id && f.kind === "thank-you")).toBe(true);

    const edited = await json(await call(`/api/applications/${id}/contacts/${contact.id}`, { method: "PATCH", json: { title: "Senior Recruiter", rapport: true } }));
    expect(edited.contact).toMatchObject({ name: "Dana Cho", title: "Senior Recruiter", rapport: true });
    const cleared = await json(await call(`/api/applications/${id}/contacts/${contact.id}`, { method: "PATCH", json: { name: null } }));
    expect(cleared.contact.name).toBeNull();

    expect((await call(`/api/applications/${id}/contacts/${contact.id}`, { method: "DELETE" })).status).toBe(204);
    const after = (await json(await call(`/api/applications/${id}`))).application;
    expect(after.contacts.map((c: { email: string }) => c.email)).not.toContain("dana.cho@acme-robotics.test");
    expect((await followUps(id)).some((f) => f.contact_id === contact.id)).toBe(false);
  });

  it("validates and scopes", async () => {
    const id = await forward();
    const theirs = await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    await expectInvalid(await call(`/api/applications/${id}/contacts`, { json: { email: "not-an-email" } }), /email must be an email address/);
    await expectInvalid(await call(`/api/applications/${id}/contacts`, { json: { name: "No Email" } }), /email/);
    const mine = (await json(await call(`/api/applications/${id}`))).application.contacts[0];
    await expectInvalid(await call(`/api/applications/${id}/contacts/${mine.id}`, { method: "PATCH", json: { rapport: "very" } }), /rapport must be true or false/);
    const theirContact = await env.DB.prepare("SELECT id FROM contacts WHERE application_id = ?1").bind(theirs).first<{ id: number }>();
    // Their contact, through my application or theirs: 404 either way.
    expect((await call(`/api/applications/${id}/contacts/${theirContact!.id}`, { method: "PATCH", json: { name: "X" } })).status).toBe(404);
    expect((await call(`/api/applications/${theirs}/contacts/${theirContact!.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE id = ?1").bind(theirContact!.id).first<{ n: number }>())!.n).toBe(1);
  });
});

describe("follow-ups", () => {
  it("done (also closes the thank-you reminder), skip, snooze, and edit the draft", async () => {
    const id = await forward();
    const steps = await followUps(id);
    const thankYou = steps.find((f) => f.kind === "thank-you" && f.status === "sent")!;
    const done = await json(await call(`/api/follow-ups/${thankYou.id}/done`, { method: "POST" }));
    expect(done.followUp.status).toBe("done");
    const reminders = (await followUps(id)).filter((f) => f.kind === "thank-you" && f.contact_id === thankYou.contact_id);
    expect(reminders.every((f) => f.status === "done")).toBe(true);

    const connect = steps.find((f) => f.kind === "connect")!;
    const snoozed = await json(await call(`/api/follow-ups/${connect.id}/snooze`, { json: { days: 14 } }));
    expect(Date.parse(snoozed.followUp.dueAt)).toBeGreaterThanOrEqual(connect.due_at + 14 * 86400_000 - 3600_000);
    expect(snoozed.summary).toMatch(/Snoozed 1/);

    const selfReview = steps.find((f) => f.kind === "self-review")!;
    expect((await json(await call(`/api/follow-ups/${selfReview.id}/skip`, { method: "POST" }))).followUp.status).toBe("skipped");

    const edited = await json(await call(`/api/follow-ups/${connect.id}`, { method: "PATCH", json: { body: "Hi Priya, let's stay in touch." } }));
    expect(edited.followUp.draft).toMatchObject({ body: "Hi Priya, let's stay in touch.", edited: true });
    expect(new URL(edited.followUp.draft.mailto).searchParams.get("body")).toBe("Hi Priya, let's stay in touch.");
    const reset = await json(await call(`/api/follow-ups/${connect.id}`, { method: "PATCH", json: { body: null } }));
    expect(reset.followUp.draft.edited).toBe(false);
  });

  it("validates and scopes", async () => {
    const id = await forward();
    await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    const connect = (await followUps(id)).find((f) => f.kind === "connect")!;
    await expectInvalid(await call(`/api/follow-ups/${connect.id}/snooze`, { json: { days: 0 } }), /days must be at least 1/);
    await expectInvalid(await call(`/api/follow-ups/${connect.id}/snooze`, { json: { days: 1000 } }), /days must be at most 365/);
    await expectInvalid(await call(`/api/follow-ups/${connect.id}/snooze`, { json: {} }), /days/);
    await expectInvalid(await call(`/api/follow-ups/${connect.id}`, { method: "PATCH", json: { subject: "" } }), /subject can't be empty/);
    const theirs = await env.DB.prepare(
      "SELECT f.id FROM follow_ups f JOIN owners o ON o.id = f.owner_id WHERE o.email = ?1 AND f.status = 'pending' LIMIT 1",
    )
      .bind(OTHER)
      .first<{ id: number }>();
    for (const [path, method, body] of [
      [`/api/follow-ups/${theirs!.id}`, "GET", undefined],
      [`/api/follow-ups/${theirs!.id}`, "PATCH", { body: "x" }],
      [`/api/follow-ups/${theirs!.id}/done`, "POST", undefined],
      [`/api/follow-ups/${theirs!.id}/skip`, "POST", undefined],
      [`/api/follow-ups/${theirs!.id}/snooze`, "POST", { days: 3 }],
    ] as const) {
      expect((await call(path, { method, json: body })).status, `${method} ${path}`).toBe(404);
    }
    const after = await env.DB.prepare("SELECT status, draft_body FROM follow_ups WHERE id = ?1").bind(theirs!.id).first();
    expect(after).toEqual({ status: "pending", draft_body: null });
  });
});

describe("outbox, settings, calendar link", () => {
  it("GET /api/outbox keeps its shape", async () => {
    await forward();
    const { outbox } = await json(await call("/api/outbox"));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: "digest", to: OWNER, status: "sent" });
    for (const key of ["id", "kind", "to", "subject", "sentAt", "status", "followUpIds"]) expect(outbox[0]).toHaveProperty(key);
  });

  it("settings read and update, with validation", async () => {
    const before = (await json(await call("/api/settings"))).settings;
    expect(before).toMatchObject({ email: OWNER, timezone: "UTC", sendHour: 9, sendDays: [1, 2, 3, 4, 5], calendarUrl: null });
    const res = await call("/api/settings", { method: "PATCH", json: { timezone: "Europe/Berlin", sendHour: 8, sendDays: [1, 3, 5], cadence: { connectDays: 5 } } });
    expect(res.status).toBe(200);
    expect((await json(res)).settings).toMatchObject({ timezone: "Europe/Berlin", sendHour: 8, sendDays: [1, 3, 5], cadence: { connectDays: 5 } });
    await expectInvalid(await call("/api/settings", { method: "PATCH", json: { timezone: "Mars/Olympus" } }), /timezone must be an IANA time zone/);
    await expectInvalid(await call("/api/settings", { method: "PATCH", json: { sendHour: 24 } }), /sendHour must be 0-23/);
    await expectInvalid(await call("/api/settings", { method: "PATCH", json: { sendDays: [] } }), /at least one day/);
    await expectInvalid(await call("/api/settings", { method: "PATCH", json: { cadence: { connectDays: -1 } } }), /cadence\.connectDays/);
    await expectInvalid(await call("/api/settings", { method: "PATCH", json: { cadence: { everyMinute: 1 } } }), /everyMinute/);
  });

  it("calendar link: create, regenerate (old one dies), turn off", async () => {
    const first = (await json(await call("/api/calendar", { method: "POST" }))).calendarUrl as string;
    expect(first).toMatch(/^http:\/\/rebound\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await call(new URL(first).pathname, { token: null })).status).toBe(200);
    const second = (await json(await call("/api/calendar", { method: "POST" }))).calendarUrl as string;
    expect(second).not.toBe(first);
    expect((await call(new URL(first).pathname, { token: null })).status).toBe(404);
    expect((await json(await call("/api/settings"))).settings.calendarUrl).toBe(second);
    expect((await call("/api/calendar", { method: "DELETE" })).status).toBe(204);
    expect((await call(new URL(second).pathname, { token: null })).status).toBe(404);
  });
});

describe("tokens", () => {
  it("validates the name", async () => {
    await expectInvalid(await call("/api/tokens", { json: { name: "" } }), /name: name can't be empty/);
    await expectInvalid(await call("/api/tokens", { json: { name: "x".repeat(101) } }), /name is longer than 100/);
    expect((await call("/api/tokens/999", { method: "DELETE" })).status).toBe(404);
  });
});

describe("errors", () => {
  it("an unknown API route is a 404 in the error shape", async () => {
    const res = await call("/api/nothing-here");
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ code: "not_found" });
  });

  it("a bearer client needs no Origin header (no CSRF on bearer requests)", async () => {
    const id = await forward();
    const res = await call(`/api/applications/${id}`, { method: "DELETE", origin: null });
    expect(res.status).toBe(204);
  });

  it("other owners' tokens see their own data only", async () => {
    await forward();
    const token = await otherToken();
    expect((await json(await call("/api/applications", { token }))).applications).toEqual([]);
    expect((await json(await call("/api/outbox", { token }))).outbox).toEqual([]);
  });
});

describe("drafts", () => {
  it("word the thank-you as the digest did: the rejection's writer is thanked for letting you know", async () => {
    const id = await forward("01-gmail-recruiter-subject-role.eml");
    const { application } = await json(await call(`/api/applications/${id}`));
    const from = application.messages[0].original.from;
    const thankYous = application.followUps.filter((f: { kind: string; status: string }) => f.kind === "thank-you" && f.status === "sent");
    expect(thankYous.length).toBeGreaterThan(0);
    for (const f of thankYous) {
      const wrote = f.contactEmail === from;
      expect(f.draft.body, f.contactEmail).toContain(wrote ? "Thank you for letting me know" : "Thank you for the time you took");
    }
    expect(thankYous.some((f: { contactEmail: string }) => f.contactEmail === from)).toBe(true);
  });
});
