// Exec approvals (`exec-approvals.json`): who may run what through `system.run`. The file holds
// `security` (deny | allowlist | full), `ask` (off | on-miss | always) and an `allowlist` of glob
// patterns matched against the executable (its path or bare name), at the top level, under
// `defaults`, and per agent under `agents.<id>` (or "*"); the most specific setting wins.
import path from 'node:path';
import * as z from '../../zod.js';
import { readJsonFile, StateFileError } from '../json-file.js';

export type Security = 'deny' | 'allowlist' | 'full';
export type Ask = 'off' | 'on-miss' | 'always';

// Built on first use, like the cron store's: most machines have no approvals file to read.
function makeFileSchema() {
  const entry = z.union([z.string(), z.looseObject({ pattern: z.string(), lastUsedAt: z.optional(z.number()) })]);
  const policy = z.looseObject({
    security: z.optional(z.enum(['deny', 'allowlist', 'full'])),
    ask: z.optional(z.enum(['off', 'on-miss', 'always'])),
    allowlist: z.optional(z.array(entry)),
  });
  return z.extend(policy, { version: z.optional(z.number()), defaults: z.optional(policy), agents: z.optional(z.record(z.string(), policy)) });
}
let fileSchema: ReturnType<typeof makeFileSchema> | undefined;
export type ExecApprovalsFile = z.infer<ReturnType<typeof makeFileSchema>>;
/** One layer of the file: the top level, `defaults`, or an agent's. */
type Policy = NonNullable<ExecApprovalsFile['defaults']>;

export interface EffectiveApprovals {
  security: Security;
  ask: Ask;
  allowlist: string[];
}

export const DEFAULT_APPROVALS: EffectiveApprovals = { security: 'allowlist', ask: 'on-miss', allowlist: [] };

export function hostApprovalsPath(stateDir: string): string {
  return path.join(stateDir, 'exec-approvals.json');
}

/** A node's own approvals (as reported by the node) live under nodes/<id>/; otherwise the host file governs. */
export function nodeApprovalsPath(stateDir: string, nodeId: string): string {
  return path.join(stateDir, 'nodes', nodeId.replace(/[^A-Za-z0-9_.-]/g, '_'), 'exec-approvals.json');
}

export function readApprovalsFile(file: string): ExecApprovalsFile | undefined {
  const raw = readJsonFile(file);
  if (raw === undefined) return undefined;
  const parsed = (fileSchema ??= makeFileSchema()).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new StateFileError(file, `is not a valid exec-approvals file: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return parsed.data;
}

export function effectiveApprovals(file: ExecApprovalsFile | undefined, agentId = 'main'): EffectiveApprovals {
  if (!file) return { ...DEFAULT_APPROVALS };
  const layers = [file, file.defaults, file.agents?.['*'], file.agents?.[agentId]].filter(Boolean) as Policy[];
  const out: EffectiveApprovals = { ...DEFAULT_APPROVALS, allowlist: [] };
  for (const l of layers) {
    if (l.security) out.security = l.security;
    if (l.ask) out.ask = l.ask;
    for (const e of l.allowlist ?? []) out.allowlist.push(typeof e === 'string' ? e : e.pattern);
  }
  return out;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when the executable (argv[0], as a path or a bare name) matches an allowlist pattern. */
export function allowlistMatches(allowlist: string[], executable: string): string | undefined {
  const base = path.basename(executable);
  return allowlist.find((p) => {
    const re = globToRegExp(p);
    return re.test(executable) || (!p.includes('/') && re.test(base));
  });
}

export type RunVerdict =
  | { allowed: true; matched?: string }
  | { allowed: false; code: 'SYSTEM_RUN_DENIED'; reason: 'approval required' | 'allowlist miss' | 'security deny'; message: string };

/**
 * Decides one `system.run`. `approved` is an operator's decision already given for this request
 * (allow-once / allow-always); without it, anything that needs asking is denied as `approval required`.
 */
export function evaluateSystemRun(argv: string[], approvals: EffectiveApprovals, approved?: 'allow-once' | 'allow-always'): RunVerdict {
  const deny = (reason: 'approval required' | 'allowlist miss' | 'security deny'): RunVerdict => ({ allowed: false, code: 'SYSTEM_RUN_DENIED', reason, message: `SYSTEM_RUN_DENIED: ${reason}` });
  if (!argv.length || !argv[0]) return deny('allowlist miss');
  if (approvals.security === 'deny') return deny('security deny');
  const matched = approvals.security === 'full' ? undefined : allowlistMatches(approvals.allowlist, argv[0]);
  const listed = approvals.security === 'full' || matched !== undefined;
  const mustAsk = approvals.ask === 'always' || (!listed && approvals.ask === 'on-miss');
  if (mustAsk) return approved ? { allowed: true, matched } : deny('approval required');
  return listed ? { allowed: true, matched } : deny('allowlist miss');
}
