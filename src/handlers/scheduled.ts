// The cron: send what is due. `controller.scheduledTime` is now, so local runs
// and tests can travel in time.

import { readConfig, type Env } from "../config.ts";

export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  readConfig(env);
  void controller.scheduledTime;
}
