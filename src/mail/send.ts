// Delivering mail to an owner: a threaded reply to their forward, or a new
// message through the send_email binding. Both are recorded in the outbox by
// the caller, claimed before sending.

import { EmailMessage } from "cloudflare:email";
import { buildMime, type OutboundMail } from "./mime.ts";

/** A fresh Message-ID on our own domain, so the owner's replies can be matched to what we sent. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1) || "rebound.invalid";
  return `<${crypto.randomUUID()}@${domain}>`;
}

export async function replyTo(message: ForwardableEmailMessage, mail: OutboundMail): Promise<void> {
  await message.reply(new EmailMessage(mail.from.address, message.from, buildMime(mail)));
}

export async function sendMail(binding: SendEmail, mail: OutboundMail): Promise<void> {
  await binding.send(new EmailMessage(mail.from.address, mail.to, buildMime(mail)));
}
