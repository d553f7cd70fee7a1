// The dashboard's pages and forms, through the worker's fetch with a login cookie:
// escaping, security headers, owner scoping, and each button's effect.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, followUps, forward, login, OTHER, OWNER } from "./helpers.ts";

const XSS = "<script>alert(1)</script>";
let cookie: string;

beforeEach(async () => {
  cookie = await login();
});

const page = async (path: string) => {
  const res = await call(path, { cookie });
  return { res, html: await res.text() };
};
const post = (path: string, form: Record<string, string | string[]> = {}) => call(path, { cookie, form });

/** The flash message the next page shows after a post. */
async function flashAfter(res: Response): Promise<{ location: string; html: string }> {
  expect(res.status).toBe(303);
  const location = res.headers.get("location")!;
  const flash = res.headers.get("set-cookie")!.match(/rebound_flash=[^;]+/)![0];
  const next = await call(location.replace(/#.*$/, ""), { cookie: `${cookie}; ${flash}` });
  return { location, html: await next.text() };
}

describe("every page", () => {
  it("renders for the owner with strict security headers", async () => {
    const id = await forward();
    for (const path of ["/", "/?status=active&q=acme", `/applications/${id}`, "/outbox", "/settings"]) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(html).toMatch(/^<!DOCTYPE html>|^<html/);
      expect(html).toContain('<meta name="viewport"');
      // No inline script or style: everything comes from /assets.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
    }
  });

  it("escapes a company named <script>alert(1)</script> everywhere it appears", async () => {
    const id = await forward();
    await call(`/api/applications/${id}`, { method: "PATCH", json: { company: XSS, role: `"><img src=x onerror=alert(1)>` } });
    await env.DB.prepare("UPDATE outbox SET subject = ?1").bind(`Re: ${XSS}`).run();
    await env.DB.prepare("UPDATE contacts SET name = ?1 WHERE email = 'priya.shah@acme-robotics.test'").bind(XSS).run();
    for (const path of ["/", `/applications/${id}`, "/outbox", `/?q=${encodeURIComponent(XSS)}`]) {
      const { html } = await page(path);
      expect(html, path).not.toContain(XSS);
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("another owner's application is a 404 page, and so are their follow-ups' buttons", async () => {
    const theirs = await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    const { res, html } = await page(`/applications/${theirs}`);
    expect(res.status).toBe(404);
    expect(html).not.toContain("Halcyon");
    const f = (await followUps(theirs)).find((x) => x.status === "pending")!;
    for (const path of [`/follow-ups/${f.id}/done`, `/follow-ups/${f.id}/skip`, `/applications/${theirs}/edit`, `/applications/${theirs}/status`]) {
      expect((await post(path, { days: "7", company: "Mine", status: "stopped" })).status, path).toBe(404);
    }
    const row = await env.DB.prepare("SELECT company, status FROM applications WHERE id = ?1").bind(theirs).first();
    expect(row).toEqual({ company: "Halcyon Analytics", status: "active" });
    expect((await env.DB.prepare("SELECT status FROM follow_ups WHERE id = ?1").bind(f.id).first<{ status: string }>())!.status).toBe("pending");
  });
});

describe("the applications page", () => {
  it("lists company, role, rejected on, status and the next step; filters and searches", async () => {
    await forward();
    await forward("31-neg-gmail-interview-invite.eml");
    const all = (await page("/")).html;
    expect(all).toContain("Acme Robotics");
    expect(all).toContain("Controls Engineer");
    expect(all).toMatch(/Needs review/);
    expect(all).toMatch(/Thank-you note · Priya Shah|Self-review|Connection request/);
    const review = (await page("/?status=needs_review")).html;
    expect(review).not.toContain("Acme Robotics");
    const search = (await page("/?q=robotics")).html;
    expect(search).toContain("Acme Robotics");
    const none = (await page("/?q=zzz-nothing")).html;
    expect(none).toContain("No applications match");
  });
});

describe("the application page", () => {
  it("shows the original email, people, timeline and drafts with copy and mailto buttons", async () => {
    const id = await forward();
    const { html } = await page(`/applications/${id}`);
    expect(html).toContain("Your candidacy at Acme Robotics");
    expect(html).toContain("priya.shah@acme-robotics.test");
    expect(html).toMatch(/href="mailto:priya\.shah@acme-robotics\.test\?subject=Thank%20you%3A%20Controls%20Engineer%20at%20Acme%20Robotics&amp;body=Hi%20Priya%2C/);
    expect(html).toMatch(/<button[^>]*data-copy="draft-\d+"/);
    expect(html).toMatch(/<textarea id="draft-\d+" readonly/);
    expect(html).toContain("Thank-you note (reminder)");
    for (const action of ["done", "skip", "snooze"]) expect(html).toMatch(new RegExp(`action="/follow-ups/\\d+/${action}"`));
    for (const label of ["Pause", "Stop all follow-ups", "Mark as dream company", "Ask for feedback (opt-in)", "Add a person", "Delete application"]) {
      expect(html).toContain(label);
    }
  });

  it("corrects the company and role", async () => {
    const id = await forward();
    const { location, html } = await flashAfter(await post(`/applications/${id}/edit`, { company: "Acme Robotics GmbH", role: "" }));
    expect(location).toBe(`/applications/${id}`);
    expect(html).toContain("Company set to Acme Robotics GmbH");
    expect(html).toContain("Role cleared");
    const row = await env.DB.prepare("SELECT company, role FROM applications WHERE id = ?1").bind(id).first();
    expect(row).toEqual({ company: "Acme Robotics GmbH", role: null });
  });

  it("shows a clear error for an invalid form and changes nothing", async () => {
    const id = await forward();
    const { html } = await flashAfter(await post(`/applications/${id}/edit`, { company: "   " }));
    expect(html).toMatch(/class="flash error"[^>]*>company: company can(&#39;|')t be empty/);
    const bad = await flashAfter(await post(`/applications/${id}/contacts`, { email: "nope" }));
    expect(bad.html).toContain("email must be an email address");
    expect((await env.DB.prepare("SELECT company FROM applications WHERE id = ?1").bind(id).first<{ company: string }>())!.company).toBe("Acme Robotics");
  });

  it("marks a thank-you done, skips, snoozes, and edits a draft", async () => {
    const id = await forward();
    const steps = await followUps(id);
    const thankYou = steps.find((f) => f.kind === "thank-you" && f.status === "sent")!;
    const done = await flashAfter(await post(`/follow-ups/${thankYou.id}/done`));
    expect(done.location).toBe(`/applications/${id}#follow-up-${thankYou.id}`);
    expect(done.html).toMatch(/Marked \d follow-up\(s\) done/);
    expect((await followUps(id)).find((f) => f.id === thankYou.id)!.status).toBe("done");

    const connect = steps.find((f) => f.kind === "connect")!;
    await post(`/follow-ups/${connect.id}/snooze`, { days: "14" });
    expect((await followUps(id)).find((f) => f.id === connect.id)!.due_at).toBeGreaterThanOrEqual(connect.due_at + 13 * 86400_000);
    const badSnooze = await flashAfter(await post(`/follow-ups/${connect.id}/snooze`, { days: "0" }));
    expect(badSnooze.html).toMatch(/Snooze: days/);

    const selfReview = steps.find((f) => f.kind === "self-review")!;
    await post(`/follow-ups/${selfReview.id}/skip`);
    expect((await followUps(id)).find((f) => f.id === selfReview.id)!.status).toBe("skipped");

    await post(`/follow-ups/${connect.id}/draft`, { subject: "Let's connect", body: "Hi Priya,\r\nmy own words." });
    const edited = (await followUps(id)).find((f) => f.id === connect.id)!;
    expect(edited).toMatchObject({ draft_subject: "Let's connect", draft_body: "Hi Priya,\nmy own words." });
    const { html } = await page(`/applications/${id}`);
    expect(html).toContain("Draft (your edit)");
    expect(html).toContain(`mailto:priya.shah@acme-robotics.test?subject=Let%27s%20connect&amp;body=Hi%20Priya%2C%0D%0Amy%20own%20words.`);
    await post(`/follow-ups/${connect.id}/draft`, { reset: "1" });
    expect((await followUps(id)).find((f) => f.id === connect.id)!.draft_body).toBeNull();
  });

  it("pauses, resumes, stops; dream company and feedback opt-in", async () => {
    const id = await forward();
    const status = async () => (await env.DB.prepare("SELECT status, dream, feedback_opt_in FROM applications WHERE id = ?1").bind(id).first())!;
    await post(`/applications/${id}/status`, { status: "paused" });
    expect(await status()).toMatchObject({ status: "paused" });
    expect((await page(`/applications/${id}`)).html).toContain(">Resume<");
    await post(`/applications/${id}/status`, { status: "active" });
    expect(await status()).toMatchObject({ status: "active" });
    await post(`/applications/${id}/dream`, { on: "1" });
    await post(`/applications/${id}/feedback`, { on: "1" });
    expect(await status()).toMatchObject({ dream: 1, feedback_opt_in: 1 });
    await post(`/applications/${id}/status`, { status: "stopped" });
    expect(await status()).toMatchObject({ status: "stopped" });
    expect((await followUps(id)).filter((f) => f.status === "pending")).toEqual([]);
    const bad = await flashAfter(await post(`/applications/${id}/status`, { status: "deleted" }));
    expect(bad.html).toContain("flash error");
  });

  it("confirms a needs-review forward as a rejection, which plans its follow-ups", async () => {
    const id = await forward("31-neg-gmail-interview-invite.eml");
    await env.DB.prepare("UPDATE applications SET company = 'Northwind' WHERE id = ?1").bind(id).run();
    expect((await page(`/applications/${id}`)).html).toContain("Confirm: it is a rejection");
    const { html } = await flashAfter(await post(`/applications/${id}/status`, { status: "active" }));
    expect(html).toContain("confirmed as a rejection");
    expect((await env.DB.prepare("SELECT status FROM applications WHERE id = ?1").bind(id).first<{ status: string }>())!.status).toBe("active");
    expect((await followUps(id)).length).toBeGreaterThan(0);
  });

  it("adds, edits, marks rapport and removes a person", async () => {
    const id = await forward();
    await post(`/applications/${id}/contacts`, { email: "dana.cho@acme-robotics.test", name: "Dana Cho", title: "", rapport: "1" });
    const dana = await env.DB.prepare("SELECT * FROM contacts WHERE email = 'dana.cho@acme-robotics.test'").first<{ id: number; rapport: number; title: string | null }>();
    expect(dana).toMatchObject({ rapport: 1, title: null });
    await post(`/applications/${id}/contacts/${dana!.id}`, { name: "Dana Cho", title: "Recruiter" });
    const after = await env.DB.prepare("SELECT * FROM contacts WHERE id = ?1").bind(dana!.id).first();
    expect(after).toMatchObject({ title: "Recruiter", rapport: 0 });
    await post(`/applications/${id}/contacts/${dana!.id}/remove`);
    expect(await env.DB.prepare("SELECT * FROM contacts WHERE id = ?1").bind(dana!.id).first()).toBeNull();
  });

  it("deletes the application only when confirmed", async () => {
    const id = await forward();
    await post(`/applications/${id}/delete`, {});
    expect(await env.DB.prepare("SELECT id FROM applications WHERE id = ?1").bind(id).first()).not.toBeNull();
    const res = await post(`/applications/${id}/delete`, { confirm: "yes" });
    expect(res.headers.get("location")).toBe("/");
    expect(await env.DB.prepare("SELECT id FROM applications WHERE id = ?1").bind(id).first()).toBeNull();
  });
});

describe("the outbox page", () => {
  it("shows every email with its status, and why a send failed", async () => {
    await forward();
    await env.DB.prepare(
      `INSERT INTO outbox (owner_id, kind, to_addr, subject, message_id, status, error, attempts, created_at)
       SELECT id, 'reminder', email, 'Your follow-ups for Monday', '<x@rebound>', 'failed', 'destination address not verified', 3, 1 FROM owners WHERE email = ?1`,
    )
      .bind(OWNER)
      .run();
    const { html } = await page("/outbox");
    expect(html).toMatch(/Re: .*\[rebound #\d+\]/);
    expect(html).toContain("Your follow-ups for Monday");
    expect(html).toContain("Why: destination address not verified");
    expect(html).toContain("3 attempts");
  });
});

describe("the settings page", () => {
  it("saves time zone, hour, weekdays and cadence", async () => {
    const { html } = await page("/settings");
    expect(html).toContain('name="cadence.connectDays"');
    expect(html).toContain('<option value="Europe/Berlin"');
    const res = await post("/settings", {
      timezone: "Europe/Berlin",
      sendHour: "8",
      sendDays: ["1", "3", "5"],
      "cadence.connectDays": "5",
      "cadence.checkInDays": "150",
    });
    expect((await flashAfter(res)).html).toContain("Settings saved");
    const owner = await env.DB.prepare("SELECT timezone, send_hour, send_days, cadence FROM owners WHERE email = ?1").bind(OWNER).first<{ cadence: string }>();
    expect(owner).toMatchObject({ timezone: "Europe/Berlin", send_hour: 8, send_days: "1,3,5" });
    expect(JSON.parse(owner!.cadence)).toMatchObject({ connectDays: 5, checkInDays: 150 });
    const bad = await flashAfter(await post("/settings", { timezone: "Nowhere/Special", sendHour: "8", sendDays: ["1"] }));
    expect(bad.html).toContain("time zone must be an IANA zone");
    const noDays = await flashAfter(await post("/settings", { timezone: "UTC", sendHour: "8" }));
    expect(noDays.html).toContain("choose at least one day");
  });

  it("makes and regenerates the calendar link, creates and revokes a token shown once", async () => {
    await post("/settings/calendar");
    const first = (await page("/settings")).html.match(/http:\/\/rebound\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics/)![0];
    await post("/settings/calendar");
    const second = (await page("/settings")).html.match(/http:\/\/rebound\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics/)![0];
    expect(second).not.toBe(first);
    expect((await call(new URL(first).pathname, { token: null })).status).toBe(404);
    expect((await call(new URL(second).pathname, { token: null })).status).toBe(200);
    await post("/settings/calendar/off");
    expect((await call(new URL(second).pathname, { token: null })).status).toBe(404);
    expect((await page("/settings")).html).toContain("Create calendar link");

    const created = await post("/settings/tokens", { name: "my script" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const token = (await created.text()).match(/rbd_[A-Za-z0-9_-]{43}/)![0];
    expect((await call("/api/applications", { token })).status).toBe(200);
    expect((await page("/settings")).html).not.toContain(token);
    const tokenId = (await env.DB.prepare("SELECT id FROM api_tokens").first<{ id: number }>())!.id;
    await post(`/settings/tokens/${tokenId}/revoke`);
    expect((await call("/api/applications", { token })).status).toBe(401);
  });

  it("links the exports", async () => {
    const { html } = await page("/settings");
    for (const href of ["/api/export?format=csv&amp;table=applications", "/api/export?format=csv&amp;table=contacts", "/api/export?format=csv&amp;table=follow-ups", "/api/export?format=json"]) {
      expect(html).toContain(`href="${href}"`);
    }
    // The export links work with the login cookie.
    expect((await call("/api/export?format=csv&table=contacts", { cookie })).status).toBe(200);
  });

  it("deletes all my data only with the typed confirmation, and logs out", async () => {
    await forward();
    await post("/settings/delete", { confirm: "delete" });
    expect((await env.DB.prepare("SELECT count(*) AS n FROM applications").first<{ n: number }>())!.n).toBe(1);
    const res = await post("/settings/delete", { confirm: "DELETE" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?deleted=1");
    for (const table of ["applications", "contacts", "follow_ups", "messages", "outbox", "sessions", "owners"]) {
      expect((await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n, table).toBe(0);
    }
    expect((await call("/", { cookie })).status).toBe(302);
  });
});
