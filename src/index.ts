import type { Env } from "./config.ts";
import { handleEmail } from "./handlers/email.ts";
import { handleScheduled } from "./handlers/scheduled.ts";
import { app } from "./http/app.ts";

export default {
  fetch: app.fetch,
  email: handleEmail,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
