// Inbound mail: check the sender, cap the size, read the forward, act on it.

import { readConfig, type Env } from "../config.ts";
import { findCommandTarget, handleCommandReply } from "../flows/commands.ts";
import { acceptForward } from "../flows/forward.ts";
import { inboundToday } from "../db/messages.ts";
import { ensureOwner } from "../db/owners.ts";
import { deliveryId } from "../pipeline/identity.ts";
import { authorizeSender, isOwnMail } from "../pipeline/authorize.ts";
import { readEmail } from "../pipeline/read.ts";
import { concatBytes } from "../pipeline/parse.ts";

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Read the raw stream, stopping as soon as it exceeds the cap (rawSize can't be trusted to be exact). */
export async function readRaw(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** Release the unread body of a refused message so the runtime doesn't wait on it. */
async function discard(message: ForwardableEmailMessage): Promise<void> {
  await message.raw.cancel().catch(() => {});
}

export async function handleEmail(message: ForwardableEmailMessage, env: Env, _ctx: ExecutionContext): Promise<void> {
  const config = readConfig(env);
  const now = Date.now();

  const verdict = authorizeSender(
    {
      envelopeFrom: message.from,
      headerFrom: message.headers.get("from"),
      authenticationResults: message.headers.get("authentication-results"),
      autoSubmitted: message.headers.get("auto-submitted"),
      precedence: message.headers.get("precedence"),
      autoReply: message.headers.get("x-autoreply") ?? message.headers.get("x-autorespond"),
      returnPath: message.headers.get("return-path"),
      contentType: message.headers.get("content-type"),
    },
    config.ownerEmails,
    [config.forwardAddress, message.to.toLowerCase()],
  );
  if (!verdict.ok) {
    if (!verdict.silent) message.setReject(verdict.reason);
    return discard(message);
  }

  const tooLarge = `Message too large (${megabytes(message.rawSize)}): rebound accepts forwards up to ${megabytes(config.maxEmailBytes)} (MAX_EMAIL_BYTES). Forward the text without attachments.`;
  if (message.rawSize > config.maxEmailBytes) {
    message.setReject(tooLarge);
    return discard(message);
  }
  if ((await inboundToday(env.DB, verdict.owner, now)) >= config.maxInboundPerDay) {
    message.setReject(`Daily limit reached: rebound reads up to ${config.maxInboundPerDay} emails a day per owner (MAX_INBOUND_PER_DAY). Please send it again tomorrow.`);
    return discard(message);
  }
  const raw = await readRaw(message.raw, config.maxEmailBytes);
  if (raw === null) return message.setReject(tooLarge);

  const reading = await readEmail(raw, { ownerEmails: config.ownerEmails, forwardAddress: message.to.toLowerCase() });
  // A reply to one of our emails carries commands; anything else is a forward.
  const owner = await ensureOwner(env.DB, verdict.owner, now, reading.outer.from?.name || null);
  const target = await findCommandTarget(env.DB, owner, reading);
  if (target) {
    const messageId = await deliveryId(reading, raw);
    return handleCommandReply({ message, db: env.DB, config, owner, reading, target, messageId, now });
  }
  // A forward of rebound's own email (a mail rule sending everything on) would be answered, forwarded again, answered...: drop it.
  if (isOwnMail(reading, [config.forwardAddress, message.to.toLowerCase()])) {
    console.log("rebound: ignored a forward of rebound's own email (mail loop)");
    return;
  }
  await acceptForward({ message, db: env.DB, config, owner, reading, raw, now });
}
