// The calendar feed (RFC 5545, parsed back with ical.js) and the exports.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/http/csv.ts";
import { call, followUps, forward, json, OTHER } from "./helpers.ts";

async function calendarPath(token?: string): Promise<string> {
  const { calendarUrl } = await json(await call("/api/calendar", { method: "POST", token }));
  return new URL(calendarUrl).pathname;
}

/** RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += ch;
  }
  return rows;
}

describe("the calendar feed", () => {
  it("is valid iCalendar with every pending follow-up at its due time, the draft and links inside", async () => {
    const id = await forward();
    // A company name that needs escaping in iCalendar (comma, semicolon, backslash) and non-ASCII text to fold.
    await call(`/api/applications/${id}`, { method: "PATCH", json: { company: "Ácme; Robotics, Inc. \\ Zürich", role: "Controls Engineer — Über-long role title for folding tests" } });
    const path = await calendarPath();
    const res = await call(path, { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();

    // Line discipline: CRLF everywhere, no line over 75 octets, continuation lines start with a space.
    expect(text.endsWith("\r\n") || text.endsWith("END:VCALENDAR")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of text.split("\r\n")) expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);

    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();
    // What subscribing clients look for: a name, PUBLISH, and a refresh hint.
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("rebound follow-ups");
    expect(text).toMatch(/\r\n(X-PUBLISHED-TTL|REFRESH-INTERVAL)[;:]/);
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const pending = (await followUps(id)).filter((f) => f.status === "pending");
    expect(events).toHaveLength(pending.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const f of pending) {
      const e = events.find((x) => x.uid.startsWith(`followup-${f.id}@`))!;
      expect(e, `follow-up ${f.id}`).toBeTruthy();
      expect(e.startDate.toJSDate().getTime()).toBe(f.due_at);
      expect(e.endDate.toJSDate().getTime()).toBeGreaterThan(f.due_at);
      expect(e.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
      expect(e.summary).toContain("Ácme; Robotics, Inc. \\ Zürich");
      expect(e.description).toContain(`http://rebound.test/applications/${id}`);
      expect(e.component.getFirstPropertyValue("url")).toBe(`http://rebound.test/applications/${id}`);
    }
    const connect = events.find((e) => e.summary.startsWith("Connection request to Priya"))!;
    expect(connect.description).toContain("Subject: Connecting");
    expect(connect.description).toContain("Hi Priya, thank you again");
    expect(connect.description).toMatch(/Write it now: mailto:priya\.shah@acme-robotics\.test\?subject=Connecting&body=/);
    expect(connect.description.split("\n").length).toBeGreaterThan(5);
  });

  it("leaves out done, skipped and paused follow-ups, and another owner's", async () => {
    const id = await forward();
    await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    const path = await calendarPath();
    const count = async () => new ICAL.Component(ICAL.parse(await (await call(path, { token: null })).text())).getAllSubcomponents("vevent").length;
    const pending = (await followUps(id)).filter((f) => f.status === "pending");
    expect(await count()).toBe(pending.length);
    await call(`/api/follow-ups/${pending[0]!.id}/skip`, { method: "POST" });
    expect(await count()).toBe(pending.length - 1);
    await call(`/api/applications/${id}`, { method: "PATCH", json: { status: "paused" } });
    expect(await count()).toBe(0);
  });

  it("an unknown or malformed token is 404, and needs no other credential", async () => {
    expect((await call("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", { token: null })).status).toBe(404);
    expect((await call("/calendar/short.ics", { token: null })).status).toBe(404);
    // A real token on the wrong route is not a login.
    const path = await calendarPath();
    const token = path.slice("/calendar/".length, -".ics".length);
    expect((await call("/api/applications", { token })).status).toBe(401);
  });
});

describe("export", () => {
  it("CSV: applications, contacts and follow-ups, downloadable, RFC 4180", async () => {
    const id = await forward();
    await call(`/api/applications/${id}`, { method: "PATCH", json: { company: 'Acme "Robotics", Inc.', role: "=HYPERLINK(\"http://evil.test\")" } });
    const res = await call("/api/export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rebound-applications-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["id", "company", "role", "status", "rejected_at", "dream_company", "feedback_opt_in", "ats", "contacts", "next_step", "next_due_at", "created_at", "updated_at"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(String(id));
    expect(rows[1]![1]).toBe('Acme "Robotics", Inc.');
    // A formula is defused so a spreadsheet shows it as text.
    expect(rows[1]![2]).toBe("'=HYPERLINK(\"http://evil.test\")");
    expect(rows[1]![8]).toBe("2");

    const contacts = parseCsv(await (await call("/api/export?format=csv&table=contacts")).text());
    expect(contacts[0]).toEqual(["id", "application_id", "company", "name", "email", "title", "rapport", "source"]);
    expect(contacts.slice(1).map((r) => r[4]).sort()).toEqual(["priya.shah@acme-robotics.test", "tom.lee@acme-robotics.test"]);

    const steps = parseCsv(await (await call("/api/export?format=csv&table=follow-ups")).text());
    expect(steps[0]!.slice(0, 5)).toEqual(["id", "application_id", "company", "kind", "status"]);
    expect(steps.length - 1).toBe((await followUps(id)).length);
  });

  it("JSON: one document with everything, only the caller's", async () => {
    const id = await forward();
    await forward("01-gmail-recruiter-subject-role.eml", OTHER);
    const res = await call("/api/export?format=json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rebound-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = await json(res);
    expect(doc.owner.email).toBe("alex.rivera@example.com");
    expect(doc.applications).toHaveLength(1);
    const a = doc.applications[0];
    expect(a).toMatchObject({ id, company: "Acme Robotics" });
    expect(a.contacts).toHaveLength(2);
    expect(a.followUps.length).toBe((await followUps(id)).length);
    expect(a.messages[0].original.text).toMatch(/Acme Robotics/);
    expect(doc.outbox).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toMatch(/Halcyon/);
  });

  it("validates the format and table", async () => {
    const bad = await call("/api/export?format=xml");
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toMatch(/format must be csv or json/);
    expect((await call("/api/export?format=csv&table=owners")).status).toBe(400);
    expect((await call("/api/export")).status).toBe(400);
  });

  it("csv fields: quotes, newlines, formulas, empties", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe("-3");
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
