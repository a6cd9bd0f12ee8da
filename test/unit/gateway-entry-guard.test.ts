import { describe, expect, it } from 'vitest';
import { guardEntry } from '../../src/gateway/entry-guard.js';
import type { SubsystemLogger } from '../../src/gateway/logger.js';

function fakeLog() {
  const lines: string[] = [];
  return { lines, log: { error: (m: string) => lines.push(m) } as unknown as SubsystemLogger };
}

describe('guardEntry', () => {
  it('a synchronous throw is logged (one quoted line) and drops that connection', () => {
    const { lines, log } = fakeLog();
    let dropped = 0;
    guardEntry(log, 'http GET request', () => new URL('//[', 'http://gateway'), () => dropped++);
    expect(dropped).toBe(1);
    expect(lines).toEqual(['http GET request failed: "TypeError: Invalid URL"']);
  });

  it('a rejection is caught too, and peer text in the message cannot forge a log line', async () => {
    const { lines, log } = fakeLog();
    let dropped = 0;
    guardEntry(log, 'websocket frame', async () => {
      throw new Error('bad\n2026-12-06T00:00:00Z [gateway] error forged \u001b[2J');
    }, () => dropped++);
    await new Promise((r) => setImmediate(r));
    expect(dropped).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\n\u001b]/);
    expect(lines[0]).toContain('\\n2026-12-06');
  });

  it('a failing drop does not escape, and a handler that works is left alone', () => {
    const { lines, log } = fakeLog();
    expect(() =>
      guardEntry(log, 'upgrade', () => {
        throw new Error('x');
      }, () => {
        throw new Error('socket gone');
      }),
    ).not.toThrow();
    let ran = false;
    guardEntry(log, 'ok', () => void (ran = true), () => expect.unreachable());
    expect(ran).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
