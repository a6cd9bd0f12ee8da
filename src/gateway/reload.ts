// Config hot reload (reference §2): watch openclaw.json, refuse an invalid edit (the running config
// stays, the file is left as the user wrote it), and decide hot apply vs restart by changed path.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { readConfigFile, readRegularFile, type JsonObject } from '../config/load.js';
import { validateConfig } from '../config/schema.js';
import type { SubsystemLogger } from './logger.js';

export type ReloadMode = 'off' | 'hot' | 'restart' | 'hybrid';

const HOT_EXCEPTIONS = ['gateway.remote', 'gateway.reload'];
const RESTART_PREFIXES = ['gateway', 'plugins', 'discovery', 'canvasHost'];

export function needsRestart(p: string): boolean {
  if (HOT_EXCEPTIONS.some((h) => p === h || p.startsWith(`${h}.`))) return false;
  return RESTART_PREFIXES.some((r) => p === r || p.startsWith(`${r}.`));
}

/** Dotted paths whose values differ, down to leaves (arrays compared whole). */
export function changedPaths(a: unknown, b: unknown, at = ''): string[] {
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if ((isObj(a) || a === undefined) && (isObj(b) || b === undefined) && (isObj(a) || isObj(b))) {
    const keys = new Set([...Object.keys((a ?? {}) as object), ...Object.keys((b ?? {}) as object)]);
    return [...keys].flatMap((k) => changedPaths((a as any)?.[k], (b as any)?.[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [at || '(root)'];
}

export interface ReloadPlan {
  changed: string[];
  hot: string[];
  restart: string[];
}

export function planReload(before: JsonObject, after: JsonObject): ReloadPlan {
  const changed = changedPaths(before, after).filter((p) => p !== 'meta' && !p.startsWith('meta.'));
  return { changed, hot: changed.filter((p) => !needsRestart(p)), restart: changed.filter(needsRestart) };
}

export interface ReloadHandlers {
  current(): JsonObject;
  mode(): ReloadMode;
  applyHot(next: JsonObject, plan: ReloadPlan): void;
  restart(next: JsonObject, plan: ReloadPlan): void;
}

/** Watches the config's directory (editors replace files by rename) and debounces bursts. */
export function watchConfig(file: string, log: SubsystemLogger, h: ReloadHandlers, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  let lastText: string | undefined;
  try {
    lastText = readRegularFile(file).buf.toString('utf8'); // a FIFO must not block the event loop
  } catch {
    lastText = undefined;
  }
  const evaluate = () => {
    let text: string | undefined;
    try {
      text = readRegularFile(file).buf.toString('utf8');
    } catch {
      return; // removed or replaced by a non-file: keep running on what we have
    }
    if (text === lastText) return;
    lastText = text;
    let next: JsonObject;
    try {
      const r = readConfigFile(file);
      if (!r.exists) return;
      const issues = validateConfig(r.resolved).map((i) => `${i.path}: ${i.message}`);
      for (const m of r.missingEnv) issues.push(`${m.path}: environment variable ${m.name} is not set`);
      if (issues.length) {
        log.warn(`config reload skipped (invalid config): ${issues.join('; ')}`);
        return;
      }
      next = r.resolved;
    } catch (err) {
      const msg = err instanceof ConfigError ? `${err.location}: ${err.message}` : String((err as Error)?.message ?? err);
      log.warn(`config reload skipped (invalid config): ${msg}`);
      return;
    }
    const plan = planReload(h.current(), next);
    if (plan.changed.length === 0) return;
    const mode = h.mode();
    log.info(`config change detected; evaluating reload (${plan.changed.join(', ')})`);
    if (mode === 'off') {
      log.info('config reload disabled (gateway.reload.mode=off); changes apply on the next start');
      return;
    }
    if (mode === 'restart' || (mode === 'hybrid' && plan.restart.length)) {
      log.warn(`config change requires gateway restart (${(plan.restart.length ? plan.restart : plan.changed).join(', ')})`);
      h.restart(next, plan);
      return;
    }
    if (plan.restart.length) log.warn(`config change requires gateway restart (${plan.restart.join(', ')}); gateway.reload.mode=hot: restart the gateway to apply`);
    h.applyHot(next, plan);
    if (plan.hot.length) log.info(`config hot reload applied (${plan.hot.join(', ')})`);
  };
  const base = path.basename(file);
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(path.dirname(file), (_event, name) => {
      if (name && name !== base) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          evaluate();
        } catch (err) {
          log.error(`config reload failed: ${(err as Error)?.message ?? String(err)}`);
        }
      }, debounceMs);
    });
    watcher.on('error', () => undefined);
  } catch {
    log.warn(`config watch unavailable for ${file}; hot reload is off`);
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
