// The shapes the API and the dashboard's forms accept.

import * as z from "zod/mini";
import { isTimeZone } from "../config.ts";
import { cadenceSchema } from "../flows/owner-settings.ts";

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .check(
      z.trim(),
      z.minLength(1, `${what} can't be empty`),
      z.maxLength(max, `${what} is longer than ${max} characters`),
      z.refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${what} contains control characters`),
    );

export const companyField = text(500, "company");
export const roleField = text(500, "role");
export const nameField = text(200, "name");
export const titleField = text(200, "title");
export const emailField = z.pipe(
  z.email({ error: "email must be an email address" }).check(z.maxLength(500)),
  z.transform((s: string) => s.toLowerCase()),
);

export const applicationStatusFilter = z.enum(["active", "needs_review", "paused", "stopped", "landed"], {
  error: "status must be one of active, needs_review, paused, stopped, landed",
});

export const listQuery = z.object({
  status: z.optional(applicationStatusFilter),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, "q is longer than 200 characters"))),
});

export const applicationPatch = z
  .partial(
    z.strictObject({
      company: companyField,
      role: z.nullable(roleField),
      status: z.enum(["active", "paused", "stopped"], { error: "status must be one of active, paused, stopped" }),
      dream: z.boolean({ error: "dream must be true or false" }),
      feedbackOptIn: z.boolean({ error: "feedbackOptIn must be true or false" }),
    }),
  )
  .check(z.refine((p) => Object.keys(p).length > 0, "send at least one of company, role, status, dream, feedbackOptIn"));

export const contactCreate = z.strictObject({
  email: emailField,
  name: z.optional(z.nullable(nameField)),
  title: z.optional(z.nullable(titleField)),
  rapport: z.optional(z.boolean()),
});

export const contactPatch = z
  .partial(z.strictObject({ name: z.nullable(nameField), title: z.nullable(titleField), rapport: z.boolean({ error: "rapport must be true or false" }) }))
  .check(z.refine((p) => Object.keys(p).length > 0, "send at least one of name, title, rapport"));

export const snoozeBody = z.strictObject({
  days: z
    .coerce.number({ error: "days must be a number" })
    .check(z.int("days must be a whole number"), z.gte(1, "days must be at least 1"), z.lte(365, "days must be at most 365")),
});

export const draftPatch = z
  .partial(
    z.strictObject({
      subject: z.nullable(
        z.string().check(z.trim(), z.minLength(1, "subject can't be empty"), z.maxLength(1000, "subject is longer than 1000 characters")),
      ),
      body: z.nullable(z.string().check(z.minLength(1, "body can't be empty"), z.maxLength(10_000, "body is longer than 10000 characters"))),
    }),
  )
  .check(z.refine((p) => Object.keys(p).length > 0, "send subject and/or body (null puts rebound's draft back)"));

export const sendDaysField = z
  .array(z.number().check(z.int(), z.gte(1), z.lte(7)), { error: "sendDays must be a list of ISO weekdays (1 = Monday ... 7 = Sunday)" })
  .check(z.minLength(1, "choose at least one day to receive follow-ups"), z.maxLength(7));

export const settingsPatch = z
  .partial(
    z.strictObject({
      timezone: z.nullable(z.string().check(z.refine(isTimeZone, "timezone must be an IANA time zone such as Europe/Berlin"))),
      sendHour: z.nullable(z.number({ error: "sendHour must be a number" }).check(z.int(), z.gte(0, "sendHour must be 0-23"), z.lte(23, "sendHour must be 0-23"))),
      sendDays: sendDaysField,
      cadence: z.nullable(cadenceSchema),
    }),
  )
  .check(z.refine((p) => Object.keys(p).length > 0, "send at least one of timezone, sendHour, sendDays, cadence"));

export const tokenCreate = z.strictObject({ name: text(100, "name") });

export const exportQuery = z.object({
  format: z.enum(["csv", "json"], { error: "format must be csv or json" }),
  table: z._default(z.enum(["applications", "contacts", "follow-ups"], { error: "table must be applications, contacts or follow-ups" }), "applications"),
});
