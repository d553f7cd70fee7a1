import { describe, expect, it } from "vitest";
import { findEmails, isPlausibleAddress, isSystemAddress, orgLabel, parseAddressList } from "../../src/pipeline/addresses.ts";
import { readEmail } from "../../src/pipeline/read.ts";

describe("parseAddressList", () => {
  it("reads the forms mail clients print", () => {
    expect(parseAddressList('Daniel Kim <daniel.kim@meridian-bio.test>, <sam.patel@meridian-bio.test>')).toEqual([
      { name: "Daniel Kim", address: "daniel.kim@meridian-bio.test" },
      { name: "", address: "sam.patel@meridian-bio.test" },
    ]);
    expect(parseAddressList('"Grant, Olivia" <OGrant@SterlingHart.test>; Tom Lee [mailto:tom@acme.test]')).toEqual([
      { name: "Grant, Olivia", address: "ogrant@sterlinghart.test" },
      { name: "Tom Lee", address: "tom@acme.test" },
    ]);
    expect(parseAddressList("alex.rivera@example.com <mailto:alex.rivera@example.com>")).toEqual([
      { name: "", address: "alex.rivera@example.com" },
    ]);
  });
});

describe("findEmails", () => {
  it("finds addresses in prose and drops sentence punctuation", () => {
    expect(findEmails("Reach me at maria.gomez@cobaltpay.test. Or not.").map((f) => f.address)).toEqual(["maria.gomez@cobaltpay.test"]);
    expect(findEmails("no address @ here, nor user@localhost")).toEqual([]);
  });
});

describe("isSystemAddress", () => {
  it("knows ATS domains and no-reply mailboxes", () => {
    expect(isSystemAddress("no-reply@us.greenhouse-mail.io")).toBe(true);
    expect(isSystemAddress("northwind@myworkday.com")).toBe(true);
    expect(isSystemAddress("jobalerts-noreply@jobnest.example.net")).toBe(true);
    expect(isSystemAddress("donotreply@acme.test")).toBe(true);
    // and "do not reply" in the other languages
    for (const local of ["naoresponda", "nao-responda.vagas", "nonrispondere", "niet-beantwoorden", "keine-antwort"]) expect(isSystemAddress(`${local}@acme.test`), local).toBe(true);
    expect(isSystemAddress("priya.shah@acme-robotics.test")).toBe(false);
    expect(isSystemAddress("nao.silva@acme.test")).toBe(false);
  });
});

describe("orgLabel", () => {
  it("names the organisation of a domain", () => {
    expect(orgLabel("mail.acme-robotics.co.uk")).toBe("acme-robotics");
    expect(orgLabel("sparkbox.example.net")).toBe("sparkbox");
    // A country label between the name and the top level is nobody's name.
    expect(orgLabel("hallstadt.example.de.test")).toBe("hallstadt");
    expect(orgLabel("example.fr.test")).toBeNull();
    expect(orgLabel("hp.com")).toBe("hp");
    expect(orgLabel("gmail.com")).toBeNull();
  });
});

describe("parseAddressList with Outlook's 'Last, First' names", () => {
  it("keeps the comma inside names when entries are separated by semicolons", () => {
    expect(parseAddressList("Rivera, Alex <alex@x.test>; Kim, Dan <dan@y.test>")).toEqual([
      { name: "Rivera, Alex", address: "alex@x.test" },
      { name: "Kim, Dan", address: "dan@y.test" },
    ]);
  });
});

describe("a damaged address in the original's headers", () => {
  it("is no address", () => {
    expect(isPlausibleAddress("elena.park@harrow-freight.test")).toBe(true);
    expect(isPlausibleAddress("elena.park@harrow-frei@example.com")).toBe(false);
    expect(isPlausibleAddress("elena park@harrow-freight.test")).toBe(false);
    expect(isPlausibleAddress("@harrow-freight.test")).toBe(false);
  });
  it("is never a contact (fuzz find: a repeated Cc line ran into the next address)", async () => {
    const raw = [
      "From: Alex Rivera <alex.rivera@example.com>",
      "To: r@rebound.test",
      "Subject: Fwd: Your application",
      "Date: Mon, 5 Oct 2026 10:00:00 +0000",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Forwarding this one.",
      "",
      "--b1",
      "Content-Type: message/rfc822",
      "",
      "From: Marcus Webb <marcus.webb@harrow-freight.test>",
      "To: Alex Rivera <alex.rivera@example.com>",
      "Cc: Elena Park <elena.park@harrow-frei@example.com>, Zoe Marsh <zoe.marsh@harrow-freight.test>",
      "Subject: Your application",
      "Date: Mon, 5 Oct 2026 09:00:00 +0000",
      "Content-Type: text/plain",
      "",
      "We have decided to move forward with other candidates.",
      "",
      "--b1--",
      "",
    ].join("\r\n");
    const r = await readEmail(new TextEncoder().encode(raw), { ownerEmails: ["alex.rivera@example.com"] });
    const emails = r.contacts.map((c) => c.email);
    expect(emails).toContain("zoe.marsh@harrow-freight.test");
    expect(emails.every(isPlausibleAddress)).toBe(true);
  });
});
