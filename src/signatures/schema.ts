// The shape of the catalog files (signatures/*.yaml, signatures/causes.yaml), checked with zod when
// the YAML is loaded or compiled, so a bad entry names its file and id instead of misbehaving later.
import { z } from 'zod';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A prefilter literal. Printable ASCII without quotes or backslashes: the same bytes then appear in a
 * plain line, a JSON line and a JSON string quoted inside another JSON document.
 */
const anchor = z
  .string()
  .min(3, 'an anchor needs at least 3 characters')
  .regex(/^[\x20-\x7e]+$/, 'anchors are printable ASCII')
  .refine((s) => !/["\\]/.test(s), 'anchors contain no " or \\ (they would be escaped inside JSON)')
  .refine((s) => s.trim() === s, 'anchors have no leading or trailing spaces');

const fix = z
  .object({
    commands: z.array(z.string().min(1)).min(1),
    check: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a check id looks like area/name').optional(),
  })
  .strict();

export const signatureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'ids look like area.name'),
    cause: z.string().min(1),
    severity: z.enum(SEVERITIES),
    /** A generic signature (bare "unauthorized") yields to any specific one on the same line. */
    generic: z.boolean().optional(),
    match: z
      .object({
        any: z.array(anchor).min(1),
        all: z.array(anchor).optional(),
        not: z.array(anchor).optional(),
        /** Evidence only: named groups (port, pid, profile, deviceId, requestId, origin, code, …). */
        regex: z.string().optional(),
      })
      .strict(),
    explain: z.string().min(1),
    fix,
    examples: z
      .object({
        match: z.array(z.string().min(1)).min(1),
        noMatch: z.array(z.string().min(1)).default([]),
      })
      .strict(),
  })
  .strict();

export const causeSchema = z
  .object({
    area: z.string().min(1),
    title: z.string().min(1),
    explanation: z.string().min(1),
    fix,
  })
  .strict();

export const signatureFileSchema = z.array(signatureSchema);
export const causesFileSchema = z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), causeSchema);

export type Signature = z.infer<typeof signatureSchema>;
export type Cause = z.infer<typeof causeSchema> & { id: string };
export type Fix = z.infer<typeof fix>;

/** The whole catalog, as loaded from YAML or from its compiled JSON. */
export interface Catalog {
  signatures: (Signature & { file: string })[];
  causes: Record<string, Cause>;
}
