// The `browser` fact: the plugin gate, config problems (exact upstream messages), whether the
// configured Chromium exists and, per profile, a live CDP probe (attach/remote/existing-session) or
// the state of the browser we launched.
import fs from 'node:fs';
import type { JsonObject } from '../config/load.js';
import type { Fact } from './fact.js';
import { silentLog } from '../subsystems/log.js';
import { browserSettings, configProblems, pluginGate, resolveProfiles } from '../subsystems/browser/config.js';
import { profileStatus, type ProfileStatus } from '../subsystems/browser/service.js';

export interface BrowserFact {
  enabled: boolean;
  plugin: { allowed: boolean; why?: string };
  configProblems: Array<{ code: string; message: string }>;
  profiles: ProfileStatus[];
  /** browser.executablePath as configured, and whether it is an executable file. */
  executablePath?: string;
  executableExists?: boolean;
}

function executable(executablePath: unknown): Pick<BrowserFact, 'executablePath' | 'executableExists'> {
  if (typeof executablePath !== 'string' || !executablePath) return {};
  let exists = false;
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
    exists = fs.statSync(executablePath).isFile();
  } catch {
    exists = false;
  }
  return { executablePath, executableExists: exists };
}

export async function collectBrowserFact(input: { stateDir: string; config: JsonObject; probe?: boolean; probeTimeoutMs?: number }): Promise<Fact<BrowserFact>> {
  try {
    const gate = pluginGate(input.config);
    const problems = configProblems(input.config).map((e) => ({ code: e.code, message: e.message }));
    const enabled = browserSettings(input.config).enabled;
    const profiles: ProfileStatus[] = [];
    if (gate.allowed && enabled && input.probe !== false) {
      const ctx = { stateDir: input.stateDir, config: input.config, log: silentLog, probeTimeoutMs: input.probeTimeoutMs ?? 800 };
      const results = await Promise.all(
        resolveProfiles(input.config).map((p) =>
          profileStatus(ctx, p.name).catch((err: Error & { code?: string }): ProfileStatus => ({ profile: p.name, kind: p.kind, running: false, cdp: 'unreachable', error: { code: err.code ?? 'error', message: err.message } })),
        ),
      );
      profiles.push(...results);
    }
    const exe = executable((input.config.browser as { executablePath?: unknown } | undefined)?.executablePath);
    return { ok: true, value: { enabled, plugin: gate.allowed ? { allowed: true } : { allowed: false, why: gate.why }, configProblems: problems, profiles, ...exe } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
