// The shape of the catalog files (signatures/*.yaml, signatures/causes.yaml), checked with zod when
// the YAML is loaded or compiled, so a bad entry names its file and id instead of misbehaving later.
import * as z from '../zod.js';
import { SEVERITIES } from './severity.js';

export { SEVERITIES, SEVERITY_RANK, type Severity } from './severity.js';

/**
 * A prefilter literal. Printable ASCII without quotes or backslashes: the same bytes then appear in a
 * plain line, a JSON line and a JSON string quoted inside another JSON document.
 */
const anchor = z.string().check(
  z.minLength(3, 'an anchor needs at least 3 characters'),
  z.regex(/^[\x20-\x7e]+$/, 'anchors are printable ASCII'),
  z.refine((s) => !/["\\]/.test(s), 'anchors contain no " or \\ (they would be escaped inside JSON)'),
  z.refine((s) => s.trim() === s, 'anchors have no leading or trailing spaces'),
);

const text = z.string().check(z.minLength(1));
/** A non-empty list. */
const some = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));

const checkId = z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a check id looks like area/name'));

const fix = z.strictObject({
  commands: some(text),
  check: z.optional(checkId),
});

/** One line of a fact the cause's text lacks; `{group}` is replaced by that evidence group. */
const detail = z.string().check(
  z.minLength(1),
  z.maxLength(160, 'a detail is one short line; the explanation belongs to the cause'),
  z.refine((s) => !s.includes('\n'), 'a detail is one line'),
);

export const signatureSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'ids look like area.name')),
  cause: text,
  severity: z.enum(SEVERITIES),
  /** A generic signature (bare "unauthorized") yields to any specific one on the same line. */
  generic: z.optional(z.boolean()),
  match: z.strictObject({
    any: some(anchor),
    all: z.optional(z.array(anchor)),
    not: z.optional(z.array(anchor)),
    /** Evidence only: named groups (port, pid, profile, deviceId, requestId, origin, code, …). */
    regex: z.optional(z.string()),
  }),
  /**
   * A signature has no text of its own: `logs scan`, `explain` and the doctor print its cause's title,
   * explanation and fix (one text per cause, in causes.yaml). `detail` adds a narrower fact only.
   */
  detail: z.optional(detail),
  /** A check narrower than the cause's `fix.check` that confirms this signature's case. */
  check: z.optional(checkId),
  examples: z.strictObject({
    match: some(text),
    noMatch: z._default(z.array(text), []),
  }),
});

/** One fact of a combination: a line holding any of `any` (and all of `all`, none of `not`). */
const factSchema = z.strictObject({
  /** What the line says, named in the evidence ("service-running", "port-not-listening"). */
  name: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'fact names look like words-with-dashes')),
  any: some(anchor),
  all: z.optional(z.array(anchor)),
  not: z.optional(z.array(anchor)),
});

/**
 * A cause that takes two or more facts from one paste or log (issue 15 item 7): each fact is a line of
 * its own, and the answer names every one of them. Examples are whole pastes (lines joined by \n).
 */
export const combinationSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, 'ids look like area.name')),
  cause: text,
  severity: z.enum(SEVERITIES),
  facts: z.array(factSchema).check(z.minLength(2, 'a combination needs at least two facts')),
  examples: z.strictObject({
    match: some(text),
    noMatch: some(text),
  }),
});

export const causeSchema = z.strictObject({
  area: text,
  title: text,
  explanation: text,
  fix,
});

export const signatureFileSchema = z.array(signatureSchema);
export const combinationFileSchema = z.array(combinationSchema);
export const causesFileSchema = z.record(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)), causeSchema);

export type Signature = z.infer<typeof signatureSchema>;
export type Combination = z.infer<typeof combinationSchema>;
export type Cause = z.infer<typeof causeSchema> & { id: string };
export type Fix = z.infer<typeof fix>;

/** The whole catalog, as loaded from YAML or from its compiled JSON. */
export interface Catalog {
  signatures: (Signature & { file: string })[];
  causes: Record<string, Cause>;
  /** Rules over several lines (signatures/combinations.yaml). */
  combinations: (Combination & { file: string })[];
}
