// zod at the edge: request bodies and queries are validated before any handler
// runs, and a failure answers 400 with the API's one error shape and a message
// that names the field.

import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { z } from "zod";
import { apiError } from "./errors.ts";

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

export function validate<Target extends keyof ValidationTargets, T extends z.ZodType>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) return apiError(c, 400, "invalid_request", describeIssues(result.error.issues));
  });
}
