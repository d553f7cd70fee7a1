import { describe, expect, it } from "vitest";
import { parseEmail, textBelowGmailQuote } from "../../src/pipeline/parse.ts";
import { unwrapForward } from "../../src/pipeline/unwrap.ts";
import { findForwardBlock, latestMessage, splitRunTogether } from "../../src/pipeline/forward-block.ts";
import { corpus, email, extra, OWNER } from "../fixtures/load.ts";

const opts = { ownerEmails: [OWNER] };

function mail(body: string, date = "Wed, 14 Oct 2026 18:37:21 -0400", subject = "Fwd: x"): string {
  return `From: Alex Rivera <${OWNER}>\r\nTo: rejections@rebound.example.com\r\nSubject: ${subject}\r\nDate: ${date}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, "\r\n")}`;
}

describe("findForwardBlock", () => {
  it("splits Yahoo's run-together header line", () => {
    expect(splitRunTogether("From: A <a@x.test>To: B <b@y.test>Sent: Thu, 1 Oct 2026, 09:14 AM EDTSubject: Re: Agenda: kickoff")).toEqual([
      "From: A <a@x.test>", "To: B <b@y.test>", "Sent: Thu, 1 Oct 2026, 09:14 AM EDT", "Subject: Re: Agenda: kickoff",
    ]);
  });
  it("splits a run-together line where a bare address runs into the next label", () => {
    expect(splitRunTogether("From: Kim Ode <kim@fjord.test>To: sam.lee@example.orgSent: Monday, May 4, 2026, 10:00:00 AM MSTSubject: Hello")).toEqual([
      "From: Kim Ode <kim@fjord.test>", "To: sam.lee@example.org", "Sent: Monday, May 4, 2026, 10:00:00 AM MST", "Subject: Hello",
    ]);
    // a word that merely ends in lower case before a label is not cut
    expect(splitRunTogether("From: Kim Ode <kim@fjord.test> wrote aboutSubject: x")).toEqual(["From: Kim Ode <kim@fjord.test> wrote aboutSubject: x"]);
  });
  it.each([
    ["Von: A <a@x.test>\nGesendet: Dienstag, 6. Oktober 2026 10:47\nAn: B <b@y.test>\nBetreff: Hallo", "outlook-de"],
    ["De : A <a@x.test>\nEnvoyé : jeudi 15 octobre 2026 17:20\nÀ : B <b@y.test>\nObjet : Salut", "outlook-fr"],
    ["Da: A <a@x.test>\nInviato: martedì 13 ottobre 2026 16:45\nA: B <b@y.test>\nOggetto: Ciao", "outlook-it"],
    ["Van: A <a@x.test>\nVerzonden: dinsdag 3 november 2026 15:30\nAan: B <b@y.test>\nOnderwerp: Hoi", "outlook-nl"],
    ["De: A <a@x.test>\nEnviada em: quinta-feira, 22 de outubro de 2026 11:05\nPara: B <b@y.test>\nAssunto: Olá", "outlook-pt"],
    ["---------- Forwarded message ---------\nFrom: A <a@x.test>\nDate: Wed, Oct 14, 2026 at 12:02 PM\nSubject: Hi\nTo: B <b@y.test>", "gmail"],
    ["-------- Forwarded Message --------\nSubject: \tHi\nDate: \tTue, 8 Sep 2026 14:22:41 -0700\nFrom: \tA <a@x.test>", "thunderbird"],
    ["Begin forwarded message:\n\nFrom: A <a@x.test>\nSubject: Hi\nDate: September 3, 2026 at 4:12:09 PM EDT", "apple"],
    ["------- Forwarded Message -------\nFrom: A <a@x.test>\nDate: On Tuesday, October 20th, 2026 at 7:45 PM\nSubject: Hi", "proton"],
    ["----- Original message -----\nFrom: A <a@x.test>\nTo: b@y.test\nSubject: Hi\nDate: Friday, November 06, 2026 4:20 PM", "fastmail"],
  ])("recognises %#: %s", (text, client) => {
    const block = findForwardBlock("note above\n\n" + text + "\n\nBody text.");
    expect(block?.client).toBe(client);
    expect(block?.fields.from).toContain("a@x.test");
    expect(block?.before.trim()).toBe("note above");
    expect(block?.body.trim()).toBe("Body text.");
  });
  it("ignores prose that only mentions From:", () => {
    expect(findForwardBlock("From: the team, with love\n\nThanks!")).toBeNull();
  });
});

describe("latestMessage", () => {
  it("cuts quoted history below a reply", () => {
    expect(latestMessage("No thanks.\n\nOn Thu, Sep 24, 2026 at 6:05 PM Alex Rivera <a@b.test>\nwrote:\n\n> hi").trim()).toBe("No thanks.");
    expect(latestMessage("Newest.\n\n________________________________\nFrom: A <a@x.test>\nSent: Monday\nSubject: RE: x\n\nOlder").trim()).toBe("Newest.");
  });
});

describe("unwrapForward", () => {

  it("gives an inline-forwarded original the attachments the forward carries (a calendar invite)", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:1@x.test\r\nDTSTART:20261119T143000Z\r\nSUMMARY:Panel\r\nEND:VEVENT\r\nEND:VCALENDAR";
    const raw = `From: Alex Rivera <${OWNER}>\r\nTo: rejections@rebound.example.com\r\nSubject: Fwd: Panel\r\nDate: Wed, 11 Nov 2026 15:00:00 -0500\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n---------- Forwarded message ---------\r\nFrom: Dana Kim <dana@harbor.test>\r\nDate: Wed, Nov 11, 2026 at 2:25 PM\r\nSubject: Panel\r\nTo: <${OWNER}>\r\n\r\nThe new time is in the attached invite.\r\n--b1\r\nContent-Type: text/calendar; method=REQUEST; name=invite.ics\r\nContent-Disposition: attachment; filename=invite.ics\r\n\r\n${ics}\r\n--b1--\r\n`;
    const u = unwrapForward(await parseEmail(raw), opts);
    expect(u.format).toBe("gmail");
    expect(u.original.from?.address).toBe("dana@harbor.test");
    expect(u.originalAttachmentTypes).toContain("text/calendar");
  });
  it("reads a zone-less forward time in the outer Date's offset", async () => {
    const u = unwrapForward(await parseEmail(mail("---------- Forwarded message ---------\nFrom: Megan Ford <megan@acme.test>\nDate: Wed, Oct 14, 2026 at 12:02 PM\nSubject: Update\nTo: <alex.rivera@example.com>\n\n\nHi")), opts);
    expect(u.original.from).toEqual({ name: "Megan Ford", address: "megan@acme.test" });
    expect(u.original.date).toBe("2026-10-14T16:02:00.000Z");
    expect(u.original.subject).toBe("Update");
    expect(u.format).toBe("gmail");
    expect(u.note).toBeNull();
  });

  it("reads a note typed below an unquoted Gmail forward as the note, not as the original's text", async () => {
    const u = unwrapForward(await parseEmail(email(extra, "e41-gmail-note-below-unquoted.eml")), opts);
    expect(u.original.from?.address).toBe("imogen.hale@harrowgate-foods.test");
    expect(u.note).toBe("Scroll up for the email itself. Owen Baptiste (the hiring manager) was the one I clicked with: owen.baptiste@harrowgate-foods.test");
    expect(u.latestText).not.toContain("Scroll up");
    expect(u.latestText.trim().endsWith("Talent Partner, Harrowgate Foods")).toBe(true);
  });

  it("finds the text after Gmail's quote block, and nothing when the forward ends the mail", () => {
    expect(textBelowGmailQuote('<div>Top</div><div class="gmail_quote"><div>From: x<div>inner</div></div></div><div>Below <b>it</b></div>')).toBe("Below it");
    expect(textBelowGmailQuote('<div>Top</div><div class="gmail_quote"><div>From: x</div></div><div><br></div>')).toBeNull();
    expect(textBelowGmailQuote("<div>no quote here</div>")).toBeNull();
    expect(textBelowGmailQuote('<div class="gmail_quote"><div>never closed')).toBeNull();
  });

  it("takes the innermost original of a forward of a forward and learns the forwarder's other address", async () => {
    const u = unwrapForward(await parseEmail(email(corpus, "14-nested-gmail-of-outlook.eml")), opts);
    expect(u.original.from?.address).toBe("nadia.petrova@kestrel-systems.test");
    expect(u.format).toBe("nested");
    expect(u.ownerAddresses).toContain("arivera@example.org");
    expect(u.note).toBe("This one went to my old work address, forwarding the chain.");
  });

  it("does not descend into quoted history of a reply that was forwarded", async () => {
    const body = "---------- Forwarded message ---------\nFrom: Laura <laura@k.test>\nDate: Thu, Nov 19, 2026 at 4:48 PM\nSubject: RE: Interview\nTo: <alex.rivera@example.com>\n\nWe went another way.\n\n________________________________\nFrom: Laura <laura@k.test>\nSent: Friday, November 6, 2026 3:30 PM\nTo: Alex Rivera <alex.rivera@example.com>\nSubject: Interview\n\nPick a time.";
    const u = unwrapForward(await parseEmail(mail(body)), opts);
    expect(u.original.subject).toBe("RE: Interview");
    expect(u.original.date).toBe("2026-11-19T20:48:00.000Z");
  });

  it("reads forward-as-attachment and keeps the owner's text as the note", async () => {
    const u = unwrapForward(await parseEmail(email(corpus, "08-attachment-outlook-cc-panel.eml")), opts);
    expect(u.format).toBe("attachment");
    expect(u.original.cc.map((a) => a.name)).toEqual(["Elena Park", "Zoë Müller"]);
    expect(u.original.date).toBe("2026-10-19T15:12:44.000Z");
  });

  it("reads a message that is no forward as the original itself", async () => {
    const u = unwrapForward(await parseEmail("From: HR <hr@acme.test>\r\nSubject: Hello\r\nDate: Mon, 5 Oct 2026 10:00:00 +0000\r\n\r\nJust text."), opts);
    expect(u.format).toBe("none");
    expect(u.forwarded).toBe(false);
    expect(u.original.from?.address).toBe("hr@acme.test");
  });
});

describe("findForwardBlock, date-first layouts", () => {
  it("reads GMX's block that starts with the date", () => {
    const block = findForwardBlock("Notiz\n\n-------- Original-Nachricht --------\nGesendet: Montag, 12. Oktober 2026 um 09:15 Uhr\nVon: \"Jan Albers\" <jan@x.test>\nAn: alex@example.com\nBetreff: Ihre Bewerbung\n\nText");
    expect(block?.fields.from).toContain("jan@x.test");
    expect(block?.fields.subject).toBe("Ihre Bewerbung");
    expect(block?.body.trim()).toBe("Text");
  });
});
