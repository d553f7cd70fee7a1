// zod/mini: the functional API tree-shakes (the classic `zod` entry alone was over half the bundle).
// It ships no messages of its own. Most of rebound's schemas carry their own ("days must be at
// least 1"); for the rest, English is registered here, once per isolate, in classic zod's wording
// ("Too small: expected number to be >=1", "Unrecognized key: ..."). Only the issue kinds these
// schemas can raise are spelled out (zod's whole English locale, with formats rebound never checks,
// maps, files and unions, is 1 KB of the gzipped bundle); anything else reads "Invalid input".
// Every module that parses imports this one (or parses only after the worker's entry has).
import * as z from "zod/mini";

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v));

z.config({
  localeError: (issue) => {
    const { code, input } = issue;
    if (code === "invalid_type") {
      const got = input === null ? "null" : Array.isArray(input) ? "array" : typeof input === "number" && !Number.isFinite(input) ? input : typeof input;
      return `Invalid input: expected ${issue.expected}, received ${got}`;
    }
    if (code === "too_big" || code === "too_small") {
      const big = code === "too_big";
      const adj = issue.exact ? "exactly " : (big ? "<" : ">") + (issue.inclusive ? "=" : "");
      const unit = issue.origin === "string" ? "characters" : issue.origin === "array" ? "items" : "";
      const bound = `${adj}${big ? issue.maximum : issue.minimum}`;
      return `Too ${big ? "big" : "small"}: expected ${issue.origin} to ${unit ? `have ${bound} ${unit}` : `be ${bound}`}`;
    }
    if (code === "unrecognized_keys") return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map(show).join(", ")}`;
    if (code === "invalid_value") return `Invalid ${issue.values.length > 1 ? "option: expected one of" : "input: expected"} ${issue.values.map(show).join("|")}`;
    if (code === "invalid_format") return `Invalid ${issue.format === "email" ? "email address" : issue.format}`;
    return "Invalid input";
  },
});

/** Bindings and vars as wrangler.toml and .dev.vars declare them. */
export interface Env {
  DB: D1Database;
  SEND_EMAIL: SendEmail;
  OWNER_EMAILS: string;
  FORWARD_ADDRESS?: string;
  TIMEZONE?: string;
  SEND_HOUR?: string;
  MAX_EMAIL_BYTES?: string;
  MAX_INBOUND_PER_DAY?: string;
  MAX_OUTBOUND_PER_DAY?: string;
  API_TOKEN?: string;
  /** Cloudflare Access: the team domain (myteam.cloudflareaccess.com) and the application's AUD tag. */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
}

export interface Config {
  ownerEmails: string[]; // lower-cased
  forwardAddress: string; // lower-cased; rebound sends from it
  timezone: string;
  sendHour: number;
  maxEmailBytes: number;
  apiToken: string | null;
  maxContacts: number;
  /** Per owner per 24 hours: forwards and replies processed, emails sent. A mail loop stops here. */
  maxInboundPerDay: number;
  maxOutboundPerDay: number;
  /** Set when the dashboard sits behind Cloudflare Access: issuer (https://team.cloudflareaccess.com) and audience. */
  access: { issuer: string; audience: string } | null;
}

const emailList = z.pipe(
  z.pipe(
    z.string({ error: "OWNER_EMAILS is not set" }),
    z.transform((s: string) => s.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean)),
  ),
  z.array(z.email({ error: "OWNER_EMAILS holds an invalid address" })).check(z.minLength(1, "OWNER_EMAILS is empty")),
);

const timezone = z
  .pipe(
    z._default(z.string(), "UTC"),
    z.transform((s: string) => s.trim() || "UTC"),
  )
  .check(z.refine(isTimeZone, { error: "TIMEZONE must be an IANA time zone such as Europe/Berlin" }));

const positiveInt = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.positive()), fallback);

const envSchema = z
  .object({
    OWNER_EMAILS: emailList,
    FORWARD_ADDRESS: z.optional(z.email({ error: "FORWARD_ADDRESS must be an email address" })),
    TIMEZONE: timezone,
    SEND_HOUR: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(23)), 9),
    MAX_EMAIL_BYTES: positiveInt(10 * 1024 * 1024),
    MAX_INBOUND_PER_DAY: positiveInt(200),
    MAX_OUTBOUND_PER_DAY: positiveInt(100),
    API_TOKEN: z.optional(z.string().check(z.minLength(16, "API_TOKEN must be at least 16 characters"))),
    ACCESS_TEAM_DOMAIN: z.optional(
      z
        .pipe(
          z.pipe(
            z.string(),
            z.transform((s: string) => s.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")),
          ),
          z.transform((s: string) => (s.includes(".") ? s : `${s}.cloudflareaccess.com`)),
        )
        .check(z.refine((s) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s), { error: "ACCESS_TEAM_DOMAIN must look like myteam.cloudflareaccess.com" })),
    ),
    ACCESS_AUD: z.optional(z.string().check(z.trim(), z.minLength(16, "ACCESS_AUD must be the Access application's AUD tag"))),
  })
  .check(z.refine((v) => !v.ACCESS_TEAM_DOMAIN === !v.ACCESS_AUD, { error: "set both ACCESS_TEAM_DOMAIN and ACCESS_AUD, or neither" }));

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
  const parsed = envSchema.safeParse({
    ...env,
    API_TOKEN: env.API_TOKEN || undefined,
    FORWARD_ADDRESS: env.FORWARD_ADDRESS || undefined,
    ACCESS_TEAM_DOMAIN: env.ACCESS_TEAM_DOMAIN || undefined,
    ACCESS_AUD: env.ACCESS_AUD || undefined,
  });
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
    maxInboundPerDay: v.MAX_INBOUND_PER_DAY,
    maxOutboundPerDay: v.MAX_OUTBOUND_PER_DAY,
    access: v.ACCESS_TEAM_DOMAIN && v.ACCESS_AUD ? { issuer: `https://${v.ACCESS_TEAM_DOMAIN}`, audience: v.ACCESS_AUD } : null,
  };
  cache.set(env, config);
  return config;
}
