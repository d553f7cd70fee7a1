// The cron: send what is due. `controller.scheduledTime` is now, so local runs
// and tests can travel in time.

import { readConfig, type Env } from "../config.ts";
import { sendDueFollowUps } from "../flows/followups.ts";

export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const report = await sendDueFollowUps(env.DB, env.SEND_EMAIL, readConfig(env), controller.scheduledTime);
  if (report.claimed) console.log("rebound: cron", JSON.stringify(report));
}
