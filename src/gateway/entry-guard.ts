// One guard per entry point (HTTP request, upgrade, WebSocket frame): whatever a handler throws or
// rejects with is logged and ends that one connection, never the process. A peer must not be able to
// take the gateway down by finding an input some handler did not expect.
import type { SubsystemLogger } from './logger.js';

/** The error as one short line: JSON-quoted so a message carrying peer text cannot forge log lines. */
function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/**
 * Runs `fn` (sync or async); on a throw or a rejection logs `<entry> failed: …` and calls `drop`
 * to end the connection (itself guarded: a failing cleanup must not escape either).
 */
export function guardEntry(log: SubsystemLogger, entry: string, fn: () => unknown, drop: () => void): void {
  const fail = (err: unknown) => {
    log.error(`${entry} failed: ${describe(err)}`);
    try {
      drop();
    } catch {
      /* the connection is already gone */
    }
  };
  try {
    const result = fn();
    if (result instanceof Promise) result.catch(fail);
  } catch (err) {
    fail(err);
  }
}
