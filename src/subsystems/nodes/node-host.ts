// A small real node: what a headless node host on this machine answers to `node.invoke`. It declares
// `system.run` and `system.which`, enforces its own exec approvals (as upstream node hosts do, in
// addition to the gateway's check) and runs commands as real processes with a timeout. The gateway
// connects it over WebSocket with role "node"; tests and the demo can also call it in-process.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { effectiveApprovals, evaluateSystemRun, readApprovalsFile } from './approvals.js';
import type { NodeInfo } from './registry.js';

export interface NodeHostOptions {
  nodeId: string;
  displayName?: string;
  /** This node's approvals file (its own exec-approvals.json). */
  approvalsFile: string;
  maxOutputBytes?: number;
}

export class NodeCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NodeCommandError';
  }
}

export interface SystemRunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function createNodeHost(opts: NodeHostOptions) {
  const info: Omit<NodeInfo, 'connected' | 'connectedAt' | 'lastSeenAt'> = {
    nodeId: opts.nodeId,
    displayName: opts.displayName ?? os.hostname(),
    platform: process.platform,
    caps: ['system'],
    commands: ['system.run', 'system.which'],
    permissions: {},
    foreground: true,
  };

  async function systemRun(params: { command?: unknown; cwd?: unknown; timeoutMs?: unknown; approval?: 'allow-once' | 'allow-always' }): Promise<SystemRunResult> {
    const argv = Array.isArray(params.command) ? params.command.map(String) : [];
    if (!argv.length) throw new NodeCommandError('INVALID_REQUEST', 'system.run needs command: string[]');
    const verdict = evaluateSystemRun(argv, effectiveApprovals(readApprovalsFile(opts.approvalsFile)), params.approval);
    if (!verdict.allowed) throw new NodeCommandError(verdict.code, verdict.message);
    const { execa } = await import('execa');
    const r = await execa(argv[0], argv.slice(1), {
      cwd: typeof params.cwd === 'string' ? params.cwd : undefined,
      timeout: typeof params.timeoutMs === 'number' ? params.timeoutMs : 30_000,
      reject: false,
      stdin: 'ignore',
      maxBuffer: opts.maxOutputBytes ?? 1024 * 1024,
    });
    return { exitCode: r.exitCode ?? null, stdout: r.stdout, stderr: r.stderr, timedOut: Boolean(r.timedOut) };
  }

  function systemWhich(params: { bins?: unknown }): { bins: Record<string, string | null> } {
    const bins = Array.isArray(params.bins) ? params.bins.map(String) : [];
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
    const out: Record<string, string | null> = {};
    for (const b of bins) {
      out[b] = null;
      for (const d of dirs) {
        const candidate = path.join(d, b);
        try {
          fs.accessSync(candidate, fs.constants.X_OK);
          out[b] = candidate;
          break;
        } catch {
          // not here
        }
      }
    }
    return { bins: out };
  }

  /** Handles one invoke; failures throw NodeCommandError carrying an upstream code. */
  async function handle(command: string, params: unknown): Promise<unknown> {
    const p = (params ?? {}) as Record<string, unknown>;
    if (command === 'system.run') return systemRun(p);
    if (command === 'system.which') return systemWhich(p);
    throw new NodeCommandError('COMMAND_NOT_ALLOWED', `unsupported command: ${command}`);
  }

  return { info, handle };
}
