import { z } from "zod";

/** Bindings and vars as wrangler.toml and .dev.vars declare them. */
export interface Env {
  DB: D1Database;
  SEND_EMAIL: SendEmail;
  OWNER_EMAILS: string;
  FORWARD_ADDRESS?: string;
  TIMEZONE?: string;
  SEND_HOUR?: string;
  MAX_EMAIL_BYTES?: string;
  API_TOKEN?: string;
}

export interface Config {
  ownerEmails: string[]; // lower-cased
  forwardAddress: string; // lower-cased; rebound sends from it
  timezone: string;
  sendHour: number;
  maxEmailBytes: number;
  apiToken: string | null;
  maxContacts: number;
}

const emailList = z
  .string({ error: "OWNER_EMAILS is not set" })
  .transform((s) => s.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ error: "OWNER_EMAILS holds an invalid address" })).min(1, "OWNER_EMAILS is empty"));

const timezone = z
  .string()
  .default("UTC")
  .transform((s) => s.trim() || "UTC")
  .refine(isTimeZone, { error: "TIMEZONE must be an IANA time zone such as Europe/Berlin" });

const envSchema = z.object({
  OWNER_EMAILS: emailList,
  FORWARD_ADDRESS: z.email({ error: "FORWARD_ADDRESS must be an email address" }).optional(),
  TIMEZONE: timezone,
  SEND_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  MAX_EMAIL_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  API_TOKEN: z.string().min(16, "API_TOKEN must be at least 16 characters").optional(),
});

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const cache = new WeakMap<object, Config>();

/** Read and validate the environment once per isolate; throws a readable error on bad config. */
export function readConfig(env: Env): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = envSchema.safeParse({ ...env, API_TOKEN: env.API_TOKEN || undefined, FORWARD_ADDRESS: env.FORWARD_ADDRESS || undefined });
  if (!parsed.success) {
    throw new Error(`rebound is misconfigured: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  const v = parsed.data;
  const config: Config = {
    ownerEmails: v.OWNER_EMAILS,
    forwardAddress: (v.FORWARD_ADDRESS ?? "rejections@localhost").toLowerCase(),
    timezone: v.TIMEZONE,
    sendHour: v.SEND_HOUR,
    maxEmailBytes: v.MAX_EMAIL_BYTES,
    apiToken: v.API_TOKEN ?? null,
    maxContacts: 25,
  };
  cache.set(env, config);
  return config;
}
