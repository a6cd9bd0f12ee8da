// Severities of the catalog, apart from its zod schema so the scanner and matcher load without zod.
export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
