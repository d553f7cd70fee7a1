// zod at the edge: request bodies and queries are validated before any handler
// runs, and a failure answers 400 with the API's one error shape and a message
// that names the field. The schemas are zod/mini ones (src/http/schemas.ts);
// @hono/zod-validator takes any zod v4 core schema and calls its safeParseAsync.

import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type * as z from "zod/mini";
import { apiError } from "./errors.ts";

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

export function validate<Target extends keyof ValidationTargets, T extends z.ZodMiniType>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) return apiError(c, 400, "invalid_request", describeIssues(result.error.issues));
  });
}
