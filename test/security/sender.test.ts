// Sender authenticity (issue 7), end to end through the email handler with D1:
// only the owner's own mail gets in; lookalikes, failed authentication, our
// own mail coming back, auto-replies and bounces are refused or dropped
// without a reply, so two auto-responders can't ping-pong.
// (The basic stranger / spoofed From / DMARC cases are in test/worker/inbound.test.ts.)

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deliver, type Delivery } from "../helpers/email.ts";
import { ownerReply } from "../helpers/reply.ts";
import { count, FORWARD_ADDRESS, forwardWith, OTHER, OWNER } from "./helpers.ts";

async function nothingStored() {
  for (const t of ["applications", "messages", "outbox", "follow_ups", "contacts"]) expect(await count(t), t).toBe(0);
}

/** Refused with a reason, or dropped in silence: either way no reply and nothing stored. */
async function keptOut(result: Delivery) {
  expect(result.replies).toEqual([]);
  await nothingStored();
}

async function refused(result: Delivery, reason?: RegExp) {
  expect(result.rejected).not.toBeNull();
  if (reason) expect(result.rejected).toMatch(reason);
  await keptOut(result);
}

async function ignored(result: Delivery) {
  expect(result.rejected).toBeNull();
  await keptOut(result);
}

const withFrom = (from: string, raw = forwardWith()) => raw.replace(/^From: .*$/m, `From: ${from}`);

describe("envelope and header From", () => {
  it("accepts the owner in any letter case (the control case)", async () => {
    const result = await deliver(withFrom("Alex Rivera <Alex.Rivera@EXAMPLE.com>"), { from: "ALEX.RIVERA@example.com" });
    expect(result.rejected).toBeNull();
    expect(result.replies).toHaveLength(1);
  });

  it("refuses a header From of the owner sent by a stranger's envelope", async () => {
    await refused(await deliver(forwardWith(), { from: "mallory@evil.test" }), /only from its owner/);
  });

  it("refuses one owner's envelope with another owner's From", async () => {
    await refused(await deliver(withFrom(`Sam <${OTHER}>`)), /does not match/);
  });

  it("refuses a From with a second mailbox, or none at all", async () => {
    await refused(await deliver(withFrom(`Alex <${OWNER}>, Mallory <mallory@evil.test>`)));
    await refused(await deliver(withFrom(`Mallory <mallory@evil.test>, Alex <${OWNER}>`)));
    await refused(await deliver(forwardWith().replace(/^From: .*\r\n/m, "")));
  });
});

describe("Authentication-Results", () => {
  const withAr = (...values: string[]) => values.map((v) => `Authentication-Results: ${v}\r\n`).join("") + forwardWith();

  it("refuses SPF, DKIM or DMARC failures for the owner's domain", async () => {
    for (const ar of [
      "mx.cloudflare.net; spf=fail smtp.mailfrom=alex.rivera@example.com",
      "mx.cloudflare.net; dkim=fail (signature did not verify) header.d=example.com header.s=google",
      "mx.cloudflare.net; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.com; dmarc=fail (p=REJECT) header.from=example.com",
      "mx.cloudflare.net; spf=permerror smtp.mailfrom=example.com",
    ]) {
      await refused(await deliver(withAr(ar)), /SPF|DKIM|DMARC/);
    }
  });

  it("refuses a failure reported in a second Authentication-Results header", async () => {
    await refused(await deliver(withAr("mx.cloudflare.net; spf=pass smtp.mailfrom=example.com", "mx.cloudflare.net; dmarc=fail header.from=example.com")));
  });

  it("does not refuse a failed signature of some other domain when the owner's domain passes", async () => {
    const result = await deliver(withAr("mx.cloudflare.net; dkim=fail header.d=lists.other.test; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com"));
    expect(result.rejected).toBeNull();
    expect(result.replies).toHaveLength(1);
  });
});

describe("lookalike addresses", () => {
  const LOOKALIKES = [
    "alex.rivera@example.com.evil.test",
    "alex.rivera@example.com.",
    "alex.rivera@exampIe.com", // capital I for l
    "\u0430lex.rivera@example.com", // Cyrillic a
    "alex.rivera@ex\u0430mple.com",
    "\uff41lex.rivera@example.com", // fullwidth a
    "alex.rivera@xn--exmple-cua.com",
    "alex.rivera\u200b@example.com", // zero-width space
    "alex.rivera@example.com\u0000",
    "alex.rivera+rebound@example.com",
    '"alex.rivera@example.com"@evil.test',
  ];

  it("refuses each as the envelope sender", async () => {
    for (const address of LOOKALIKES) {
      const result = await deliver(withFrom(`Alex Rivera <${address}>`), { from: address });
      expect(result.rejected, address).not.toBeNull();
      expect(result.replies, address).toEqual([]);
    }
    await nothingStored();
  });

  it("refuses each as the header From under the owner's envelope", async () => {
    for (const address of LOOKALIKES) {
      const result = await deliver(withFrom(`Alex Rivera <${address}>`));
      expect(result.rejected, address).not.toBeNull();
    }
    await nothingStored();
  });

  it("refuses display-name tricks", async () => {
    for (const from of [
      `"${OWNER}" <x@evil.test>`,
      `${OWNER} <x@evil.test>`,
      `"Alex Rivera <${OWNER}>" <x@evil.test>`,
      `x@evil.test (${OWNER})`,
      `<x@evil.test> ${OWNER}`,
    ]) {
      const result = await deliver(withFrom(from));
      expect(result.rejected, from).not.toBeNull();
      const asEnvelope = await deliver(withFrom(from), { from: "x@evil.test" });
      expect(asEnvelope.rejected, from).not.toBeNull();
    }
    await nothingStored();
  });
});

describe("forward loops", () => {
  it("drops mail from rebound's own address without a reply", async () => {
    const raw = withFrom(`rebound <${FORWARD_ADDRESS}>`);
    await keptOut(await deliver(raw, { from: FORWARD_ADDRESS }));
  });

  it("drops rebound's own digest when it comes back, however it is wrapped", async () => {
    const first = await deliver(forwardWith({ id: "loop-1" }));
    const digest = first.rawReplies[0]!;
    expect(digest).toMatch(/^Auto-Submitted: auto-generated$/m); // so well-behaved responders stay quiet
    const before = { applications: await count("applications"), outbox: await count("outbox") };

    // 1. Redirected back as is (the owner's server resends it).
    const redirected = await deliver(digest);
    expect(redirected.replies).toEqual([]);
    // 2. Forwarded back by a mail rule, as an attachment, without the Auto-Submitted header.
    const attached = [
      `From: Alex Rivera <${OWNER}>`,
      `To: ${FORWARD_ADDRESS}`,
      `Subject: Fwd: ${first.replies[0]!.subject}`,
      "Message-ID: <loop-2@mail.example.com>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="fw"',
      "",
      "--fw",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Forwarded automatically by a rule.",
      "--fw",
      "Content-Type: message/rfc822",
      "",
      digest.replace(/^Auto-Submitted:.*\r\n/m, ""),
      "--fw--",
      "",
    ].join("\r\n");
    const forwarded = await deliver(attached);
    expect(forwarded.replies).toEqual([]);
    // 3. Forwarded back inline, as a mail client quotes it.
    const inline = forwardWith({ id: "loop-3" }).replace(/---------- Forwarded message ---------[\s\S]*$/, [
      "---------- Forwarded message ---------",
      `From: rebound <${FORWARD_ADDRESS}>`,
      "Date: Mon, 23 Nov 2026 at 10:00",
      `Subject: ${first.replies[0]!.subject}`,
      `To: <${OWNER}>`,
      "",
      first.replies[0]!.text!,
    ].join("\r\n"));
    const quoted = await deliver(inline);
    expect(quoted.replies).toEqual([]);

    expect(await count("applications")).toBe(before.applications);
    expect(await count("outbox")).toBe(before.outbox);
  });
});

describe("not a loop", () => {
  it("stores a forward whose damaged block runs the sender into rebound's address (nothing is lost)", async () => {
    const raw = forwardWith({ id: "damaged", senderName: "Talent Team", sender: `talent@kaveri-systemsTo: ${FORWARD_ADDRESS}` });
    const result = await deliver(raw);
    expect(result.rejected).toBeNull();
    expect(result.replies).toHaveLength(1);
    expect(await count("applications")).toBe(1);
  });
});

describe("auto-replies and bounces", () => {
  it("drops an auto-reply to a digest without answering, so two responders can't ping-pong", async () => {
    const first = await deliver(forwardWith({ id: "pp" }));
    const digest = first.replies[0]!;
    const vacation = (extra: string[], id: string) =>
      ownerReply({ inReplyTo: digest.messageId!, subject: `Re: ${digest.subject}`, body: "I am out of the office until Monday.", id }).replace(
        "MIME-Version: 1.0",
        [...extra, "MIME-Version: 1.0"].join("\r\n"),
      );
    for (const [i, headers] of [
      ["Auto-Submitted: auto-replied"],
      ["X-Autoreply: yes"],
      ["X-Autorespond: Out of office"],
      ["Precedence: auto_reply"],
      ["Precedence: bulk"],
      ["Precedence: junk"],
    ].entries()) {
      const result = await deliver(vacation(headers, `vacation-${i}`));
      expect(result.replies, headers[0]).toEqual([]);
      expect(result.rejected, headers[0]).toBeNull();
    }
    // Only the digest was ever sent; no command reply was recorded.
    expect(await count("outbox")).toBe(1);
    expect(await count("messages", "kind = 'command'")).toBe(0);
  });

  it("drops a bounce (null Return-Path, delivery status report) without answering", async () => {
    const dsn = (lines: string[]) =>
      [
        ...lines,
        `To: ${FORWARD_ADDRESS}`,
        "Subject: Undelivered Mail Returned to Sender",
        `Message-ID: <bounce-${crypto.randomUUID()}@mail.example.com>`,
        "MIME-Version: 1.0",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        "",
        "--r",
        "Content-Type: text/plain",
        "",
        "Delivery to the following recipient failed permanently: priya.shah@acme-robotics.test",
        "--r",
        "Content-Type: message/delivery-status",
        "",
        "Final-Recipient: rfc822; priya.shah@acme-robotics.test",
        "Action: failed",
        "Status: 5.1.1",
        "--r--",
        "",
      ].join("\r\n");
    // A DSN in the owner's name (a mail server reporting on their behalf).
    await ignored(await deliver(dsn([`From: Alex Rivera <${OWNER}>`])));
    await ignored(await deliver(dsn(["Return-Path: <>", `From: Alex Rivera <${OWNER}>`]).replace("multipart/report; report-type=delivery-status", "multipart/mixed")));
    // The usual shape: null envelope sender, from the mailer daemon.
    await keptOut(await deliver(dsn(["Return-Path: <>", "From: Mail Delivery Subsystem <mailer-daemon@example.com>"]), { from: "" }));
    await keptOut(await deliver(dsn(["From: MAILER-DAEMON <mailer-daemon@example.com>"]), { from: "<>" }));
  });
});
