// The shapes the API and the dashboard's forms accept.

import { z } from "zod";
import { isTimeZone } from "../config.ts";
import { cadenceSchema } from "../flows/owner-settings.ts";

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} can't be empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${what} contains control characters`);

export const companyField = text(500, "company");
export const roleField = text(500, "role");
export const nameField = text(200, "name");
export const titleField = text(200, "title");
export const emailField = z.email({ error: "email must be an email address" }).max(500).transform((s) => s.toLowerCase());

export const applicationStatusFilter = z.enum(["active", "needs_review", "paused", "stopped", "landed"], {
  error: "status must be one of active, needs_review, paused, stopped, landed",
});

export const listQuery = z.object({
  status: applicationStatusFilter.optional(),
  q: z.string().trim().max(200, "q is longer than 200 characters").optional(),
});

export const applicationPatch = z
  .object({
    company: companyField,
    role: roleField.nullable(),
    status: z.enum(["active", "paused", "stopped"], { error: "status must be one of active, paused, stopped" }),
    dream: z.boolean({ error: "dream must be true or false" }),
    feedbackOptIn: z.boolean({ error: "feedbackOptIn must be true or false" }),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "send at least one of company, role, status, dream, feedbackOptIn");

export const contactCreate = z
  .object({ email: emailField, name: nameField.nullable().optional(), title: titleField.nullable().optional(), rapport: z.boolean().optional() })
  .strict();

export const contactPatch = z
  .object({ name: nameField.nullable(), title: titleField.nullable(), rapport: z.boolean({ error: "rapport must be true or false" }) })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "send at least one of name, title, rapport");

export const snoozeBody = z
  .object({ days: z.coerce.number({ error: "days must be a number" }).int("days must be a whole number").min(1, "days must be at least 1").max(365, "days must be at most 365") })
  .strict();

export const draftPatch = z
  .object({
    subject: z.string().trim().min(1, "subject can't be empty").max(1000, "subject is longer than 1000 characters").nullable(),
    body: z.string().min(1, "body can't be empty").max(10_000, "body is longer than 10000 characters").nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "send subject and/or body (null puts rebound's draft back)");

export const sendDaysField = z
  .array(z.number().int().min(1).max(7), { error: "sendDays must be a list of ISO weekdays (1 = Monday ... 7 = Sunday)" })
  .min(1, "choose at least one day to receive follow-ups")
  .max(7);

export const settingsPatch = z
  .object({
    timezone: z.string().refine(isTimeZone, "timezone must be an IANA time zone such as Europe/Berlin").nullable(),
    sendHour: z.number({ error: "sendHour must be a number" }).int().min(0, "sendHour must be 0-23").max(23, "sendHour must be 0-23").nullable(),
    sendDays: sendDaysField,
    cadence: cadenceSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "send at least one of timezone, sendHour, sendDays, cadence");

export const tokenCreate = z.object({ name: text(100, "name") }).strict();

export const exportQuery = z.object({
  format: z.enum(["csv", "json"], { error: "format must be csv or json" }),
  table: z.enum(["applications", "contacts", "follow-ups"], { error: "table must be applications, contacts or follow-ups" }).default("applications"),
});
