import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index.ts";

/** Fire the real scheduled handler as if the cron ran at `time`. */
export async function cron(time: number, bindings: Cloudflare.Env = env): Promise<void> {
  const controller = createScheduledController({ scheduledTime: time, cron: "0 * * * *" });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, bindings, ctx);
  await waitOnExecutionContext(ctx);
}

export const DAY = 24 * 60 * 60 * 1000;

/** Noon UTC of the day after `ms`. */
export function nextNoon(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 12);
}
