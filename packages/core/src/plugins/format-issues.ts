import type { z } from 'zod';

/** zod issues on one line, for error messages and logs: `entry: must be …; baselineVersion: must be …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`)).join('; ');
}
