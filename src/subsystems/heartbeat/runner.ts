// The heartbeat runner: every `agents.defaults.heartbeat.every` it evaluates the tick, logs upstream's
// skip line (`heartbeat skipped reason=<r>`, plus `heartbeat: unknown accountId`), delivers when it
// should, and records the last event in `<stateDir>/heartbeat/last.json` for `last-heartbeat`.
import fs from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../../config/load.js';
import { objectAt } from '../context.js';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import type { SubsystemLog } from '../log.js';
import { evaluateHeartbeat, heartbeatSettings, type Delivery, type LastContact, type SkipReason } from './evaluate.js';

export interface HeartbeatEvent {
  ts: number;
  status: 'sent' | 'skipped' | 'failed';
  reason?: SkipReason;
  detail?: string;
  channel?: string;
  accountId?: string;
  to?: string;
  durationMs?: number;
  error?: string;
  dueTasks?: string[];
  notes?: string[];
}

export const HEARTBEAT_UNKNOWN_ACCOUNT_LINE = 'heartbeat: unknown accountId';

export function heartbeatPaths(stateDir: string, config: JsonObject = {}) {
  const workspace = objectAt(objectAt(config.agents).defaults).workspace;
  const ws = typeof workspace === 'string' && workspace ? path.resolve(stateDir, workspace) : path.join(stateDir, 'workspace');
  return {
    heartbeatFile: path.join(ws, 'HEARTBEAT.md'),
    lastEvent: path.join(stateDir, 'heartbeat', 'last.json'),
    taskRuns: path.join(stateDir, 'heartbeat', 'tasks.json'),
  };
}

export function readLastHeartbeat(stateDir: string): HeartbeatEvent | null {
  return readJsonFile<HeartbeatEvent>(heartbeatPaths(stateDir).lastEvent) ?? null;
}

export interface HeartbeatRunnerOptions {
  stateDir: string;
  /** Read at every tick, so a hot-reloaded config applies at the next beat. */
  getConfig: () => JsonObject;
  log: SubsystemLog;
  /** Delivers the heartbeat prompt (the gateway wires the channel outbound here). */
  deliver: (delivery: Delivery, prompt: string) => Promise<void>;
  requestsInFlight?: () => number;
  lastContact?: () => LastContact | undefined;
  now?: () => number;
}

export class HeartbeatRunner {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly opts: HeartbeatRunnerOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (!this.running) return;
    const { everyMs, enabled } = heartbeatSettings(this.opts.getConfig());
    // A disabled heartbeat re-reads the config once a minute so enabling it by reload takes effect.
    this.timer = setTimeout(() => void this.beat().finally(() => this.arm()), enabled ? everyMs : 60_000);
    this.timer.unref();
  }

  /** One heartbeat: evaluate, log, deliver or skip, record. Never throws. */
  async beat(): Promise<HeartbeatEvent> {
    const config = this.opts.getConfig();
    const paths = heartbeatPaths(this.opts.stateDir, config);
    const ts = this.now();
    let heartbeatFile: string | undefined;
    try {
      heartbeatFile = fs.readFileSync(paths.heartbeatFile, 'utf8');
    } catch {
      heartbeatFile = undefined;
    }
    let taskRuns: Record<string, number> = {};
    try {
      taskRuns = readJsonFile<Record<string, number>>(paths.taskRuns) ?? {};
    } catch {
      taskRuns = {};
    }
    const decision = evaluateHeartbeat({
      config,
      nowMs: ts,
      heartbeatFile,
      requestsInFlight: this.opts.requestsInFlight?.(),
      lastContact: this.opts.lastContact?.(),
      taskRuns,
    });
    let event: HeartbeatEvent;
    if (!decision.run) {
      if (decision.reason === 'unknown-account') this.opts.log.warn(HEARTBEAT_UNKNOWN_ACCOUNT_LINE, { accountId: decision.delivery?.accountId, channel: decision.delivery?.channel });
      if (decision.reason !== 'disabled') this.opts.log.info(`heartbeat skipped reason=${decision.reason}`, { reason: decision.reason, detail: decision.detail });
      event = { ts, status: 'skipped', reason: decision.reason, detail: decision.detail, ...decision.delivery };
    } else {
      const { delivery } = decision;
      const prompt = decision.dueTasks?.length ? `Heartbeat: due tasks: ${decision.dueTasks.map((t) => t.name).join(', ')}` : 'Heartbeat';
      try {
        await this.opts.deliver(delivery, prompt);
        event = { ts, status: 'sent', ...delivery, durationMs: this.now() - ts, dueTasks: decision.dueTasks?.map((t) => t.name) };
        if (decision.dueTasks?.length) {
          for (const t of decision.dueTasks) taskRuns[t.name] = ts;
          writeJsonFile(paths.taskRuns, taskRuns);
        }
      } catch (err) {
        event = { ts, status: 'failed', ...delivery, error: (err as Error).message, durationMs: this.now() - ts };
        this.opts.log.warn(`heartbeat failed: ${(err as Error).message}`, { channel: delivery.channel, accountId: delivery.accountId });
      }
    }
    if (decision.notes.length) event.notes = decision.notes;
    try {
      writeJsonFile(paths.lastEvent, event);
    } catch (err) {
      this.opts.log.error(`heartbeat: cannot record the last event: ${(err as Error).message}`);
    }
    return event;
  }
}
