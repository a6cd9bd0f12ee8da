// Decides, for one heartbeat tick, whether to run and where to deliver, or which upstream skip
// reason applies. Pure: the runner gathers the inputs (config, file text, in-flight count, last contact).
import type { JsonObject } from '../../config/load.js';
import { objectAt } from '../context.js';
import { parseDuration } from '../../system/duration.js';
import { withinActiveHours, type ActiveHours } from './active-hours.js';
import { dueTasks, parseHeartbeatFile, type HeartbeatTask } from './heartbeat-file.js';

export const SKIP_REASONS = [
  'disabled',
  'quiet-hours',
  'requests-in-flight',
  'target-none',
  'no-target',
  'unknown-account',
  'dm-blocked',
  'alerts-disabled',
  'empty-heartbeat-file',
  'no-tasks-due',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const DEFAULT_EVERY = '30m';

export interface HeartbeatSettings {
  everyMs: number;
  /** `last` (the last direct contact), `none`, or a channel id such as `webhook`. */
  target: string;
  to?: string;
  accountId?: string;
  directPolicy: 'allow' | 'block';
  activeHours?: ActiveHours;
  enabled: boolean;
}

export function heartbeatSettings(config: JsonObject): HeartbeatSettings {
  const hb = objectAt(objectAt(objectAt(config.agents).defaults).heartbeat);
  let everyMs: number;
  try {
    everyMs = parseDuration((hb.every as string | number | undefined) ?? DEFAULT_EVERY);
  } catch {
    everyMs = parseDuration(DEFAULT_EVERY);
  }
  return {
    everyMs,
    target: typeof hb.target === 'string' && hb.target ? hb.target : 'last',
    to: typeof hb.to === 'string' ? hb.to : undefined,
    accountId: typeof hb.accountId === 'string' ? hb.accountId : undefined,
    directPolicy: hb.directPolicy === 'block' ? 'block' : 'allow',
    activeHours: hb.activeHours as ActiveHours | undefined,
    enabled: hb.enabled !== false && everyMs > 0,
  };
}

/** The last person or group that wrote to the agent (what `target: "last"` resolves to). */
export interface LastContact {
  channel: string;
  accountId: string;
  to: string;
  chatType: 'direct' | 'group';
}

export interface HeartbeatInputs {
  config: JsonObject;
  nowMs: number;
  /** HEARTBEAT.md text, or undefined when the file does not exist (then the heartbeat runs as usual). */
  heartbeatFile?: string;
  requestsInFlight?: number;
  lastContact?: LastContact;
  /** When each tasks-block task last ran. */
  taskRuns?: Record<string, number>;
}

export interface Delivery {
  channel: string;
  accountId: string;
  to: string;
  chatType: 'direct' | 'group';
}

export type HeartbeatDecision =
  | { run: true; delivery: Delivery; dueTasks?: HeartbeatTask[]; notes: string[] }
  | { run: false; reason: SkipReason; detail?: string; delivery?: Partial<Delivery>; notes: string[] };

/** `user:`/`dm:`/`@` targets are direct messages; `group:`/`channel:`/`#` are groups. */
export function chatTypeOf(to: string): 'direct' | 'group' {
  return /^(group:|channel:|#)/i.test(to) ? 'group' : 'direct';
}

function accountExists(config: JsonObject, channel: string, accountId: string): boolean {
  const ch = objectAt(objectAt(config.channels)[channel]);
  const accounts = ch.accounts;
  if (accounts && typeof accounts === 'object') return Object.hasOwn(accounts, accountId);
  return accountId === 'default';
}

/** Without heartbeat.accountId: the channel's first configured account, or `default`. */
function defaultAccountOf(config: JsonObject, channel: string): string {
  const accounts = objectAt(objectAt(config.channels)[channel]).accounts;
  const ids = accounts && typeof accounts === 'object' ? Object.keys(accounts) : [];
  return ids[0] ?? 'default';
}

function alertsDisabled(config: JsonObject, channel: string): boolean {
  const channels = objectAt(config.channels);
  const vis = { ...objectAt(objectAt(channels.defaults).heartbeat), ...objectAt(objectAt(channels[channel]).heartbeat) };
  return vis.showOk === false && vis.showAlerts === false && vis.useIndicator === false;
}

export function evaluateHeartbeat(input: HeartbeatInputs): HeartbeatDecision {
  const s = heartbeatSettings(input.config);
  const notes: string[] = [];
  const skip = (reason: SkipReason, detail?: string, delivery?: Partial<Delivery>): HeartbeatDecision => ({ run: false, reason, detail, delivery, notes });
  if (!s.enabled) return skip('disabled');

  const hours = withinActiveHours(s.activeHours, input.nowMs);
  if (hours.problem) notes.push(hours.problem);
  if (!hours.active) return skip('quiet-hours', `outside ${s.activeHours?.start ?? '00:00'}–${s.activeHours?.end ?? '24:00'} ${s.activeHours?.timezone ?? 'local'}`);

  if ((input.requestsInFlight ?? 0) > 0) return skip('requests-in-flight', `${input.requestsInFlight} request(s) in flight`);

  if (s.target === 'none') return skip('target-none');
  let delivery: Delivery;
  if (s.target === 'last') {
    if (!input.lastContact) return skip('no-target', 'target "last" but nobody has written yet');
    delivery = { ...input.lastContact, accountId: s.accountId ?? input.lastContact.accountId };
  } else {
    if (!Object.hasOwn(objectAt(input.config.channels), s.target)) return skip('no-target', `channel "${s.target}" is not configured`);
    const to = s.to ?? (input.lastContact?.channel === s.target ? input.lastContact.to : undefined);
    if (!to) return skip('no-target', `no recipient: set agents.defaults.heartbeat.to`);
    delivery = { channel: s.target, accountId: s.accountId ?? defaultAccountOf(input.config, s.target), to, chatType: chatTypeOf(to) };
  }
  if (!accountExists(input.config, delivery.channel, delivery.accountId)) return skip('unknown-account', `accountId "${delivery.accountId}" is not in channels.${delivery.channel}.accounts`, delivery);
  if (s.directPolicy === 'block' && delivery.chatType === 'direct') return skip('dm-blocked', `target ${delivery.to} is a direct message`, delivery);
  if (alertsDisabled(input.config, delivery.channel)) return skip('alerts-disabled', 'showOk, showAlerts and useIndicator are all false', delivery);

  if (input.heartbeatFile !== undefined) {
    const file = parseHeartbeatFile(input.heartbeatFile);
    notes.push(...file.problems);
    if (file.empty) return skip('empty-heartbeat-file', 'HEARTBEAT.md has only blank lines and headers', delivery);
    if (file.tasks?.length) {
      const due = dueTasks(file.tasks, input.taskRuns ?? {}, input.nowMs);
      if (!due.length) return skip('no-tasks-due', `${file.tasks.length} task(s), none due`, delivery);
      return { run: true, delivery, dueTasks: due, notes };
    }
  }
  return { run: true, delivery, notes };
}
