// Drive the real worker's email handler with a ForwardableEmailMessage-shaped object
// and capture what it does: the reject reason and the replies (parsed back with postal-mime).
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import PostalMime, { type Email } from "postal-mime";
import worker from "../../src/index.ts";

export interface Delivery {
  rejected: string | null;
  replies: Email[];
  rawReplies: string[];
}

function headersOf(raw: string): Headers {
  const headers = new Headers();
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) {
      try {
        headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      } catch {
        // Headers() refuses some bytes a hostile email may carry; the runtime would too.
      }
    }
  }
  return headers;
}

export interface DeliverOptions {
  from?: string;
  to?: string;
  rawSize?: number;
  bindings?: Cloudflare.Env;
  /** message.headers; by default read from the raw header block. */
  headers?: Headers;
  /** Make message.reply() throw, as a failing send would. */
  replyFails?: boolean;
  onReply?: (raw: string) => void;
}

export async function deliver(raw: string | Uint8Array, opts: DeliverOptions = {}): Promise<Delivery> {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  const text = new TextDecoder().decode(bytes);
  const result: Delivery = { rejected: null, replies: [], rawReplies: [] };
  const message = {
    from: opts.from ?? "alex.rivera@example.com",
    to: opts.to ?? "rejections@rebound.example.com",
    headers: opts.headers ?? headersOf(text),
    raw: new Blob([bytes]).stream(),
    rawSize: opts.rawSize ?? bytes.byteLength,
    canBeForwarded: true,
    setReject(reason: string) {
      result.rejected = reason;
    },
    async forward() {
      throw new Error("rebound never forwards");
    },
    async reply(reply: { raw?: ReadableStream | string }) {
      if (opts.replyFails) throw new Error("reply: injected failure");
      const rawReply = await replyRaw(reply);
      result.rawReplies.push(rawReply);
      opts.onReply?.(rawReply);
      result.replies.push(await PostalMime.parse(rawReply));
      return { messageId: "<reply@test>" };
    },
  };
  const ctx = createExecutionContext();
  await worker.email(message as unknown as ForwardableEmailMessage, opts.bindings ?? env, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}

// workerd's EmailMessage keeps its bytes under "EmailMessage::raw"; a plain object would use `raw`.
async function replyRaw(reply: unknown): Promise<string> {
  const r = reply as Record<string, unknown>;
  const raw = r["EmailMessage::raw"] ?? r.raw;
  if (typeof raw === "string") return raw;
  if (raw instanceof ReadableStream) return new Response(raw).text();
  throw new Error(`cannot read the reply's raw bytes: ${Object.keys(reply as object).join(",")}`);
}
