// The JSON-lines log format (upstream's keys), redaction, the logs.tail window, and the line parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLogLine, formatLogEvent } from '../../src/client/log-lines.js';
import { GatewayLogger, dailyLogPath } from '../../src/gateway/logger.js';
import { tailFile } from '../../src/gateway/methods/logs-tail.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-logs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('gateway logger', () => {
  it('writes upstream-shaped JSON lines, mode 0600, secrets scrubbed', () => {
    const logger = new GatewayLogger({ logsDir: dir, console: false });
    logger.setSecrets(['s3cret-token-value']);
    logger.child('gateway/ws').warn('unauthorized reason=token_mismatch token was s3cret-token-value');
    logger.close();
    const file = dailyLogPath(dir);
    expect(path.basename(file)).toMatch(/^openclaw-\d{4}-\d\d-\d\d\.log$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim());
    expect(line['0']).toBe('{"subsystem":"gateway/ws"}');
    expect(line['1']).toBe('unauthorized reason=token_mismatch token was ***');
    expect(line._meta).toMatchObject({ logLevelName: 'WARN', name: '{"subsystem":"gateway/ws"}' });
    expect(typeof line.time).toBe('string');
  });

  it('parses our lines, upstream lines with an object part, and plain text', () => {
    const ours = parseLogLine(JSON.stringify({ '0': '{"subsystem":"gateway"}', '1': 'listening on ws://127.0.0.1:1', _meta: { logLevelName: 'INFO', name: '{"subsystem":"gateway"}' }, time: 't' }));
    expect(ours).toMatchObject({ level: 'info', subsystem: 'gateway', message: 'listening on ws://127.0.0.1:1' });
    const withObj = parseLogLine(JSON.stringify({ '0': '{"subsystem":"gateway/ws"}', '1': { cause: 'x' }, '2': 'closed before connect', _meta: { logLevelName: 'WARN', name: '{"subsystem":"gateway/ws"}' }, time: 't' }));
    expect(withObj.message).toBe('{"cause":"x"} closed before connect');
    expect(parseLogLine('plain text line')).toMatchObject({ message: 'plain text line' });
    expect(formatLogEvent(ours, true)).toBe('listening on ws://127.0.0.1:1');
    expect(formatLogEvent(ours, false)).toBe('t info  gateway listening on ws://127.0.0.1:1');
  });
});

describe('logs.tail window', () => {
  const file = path.join(dir, 'tail.log');
  it('returns the last lines, a cursor, and only new complete lines after it', () => {
    fs.writeFileSync(file, Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n') + '\n');
    const a = tailFile(file, { limit: 3 });
    expect(a.lines).toEqual(['line 7', 'line 8', 'line 9']);
    expect(a.truncated).toBe(true);
    expect(a.cursor).toBe(fs.statSync(file).size);
    fs.appendFileSync(file, 'line 10\npartial');
    const b = tailFile(file, { cursor: a.cursor, limit: 100 });
    expect(b.lines).toEqual(['line 10']);
    fs.appendFileSync(file, ' done\n');
    expect(tailFile(file, { cursor: b.cursor }).lines).toEqual(['partial done']);
  });

  it('says reset when the file shrank below the cursor, and copes with a missing file', () => {
    fs.writeFileSync(file, 'new\n');
    expect(tailFile(file, { cursor: 10_000 })).toMatchObject({ reset: true, lines: ['new'] });
    expect(tailFile(path.join(dir, 'none.log'), {})).toMatchObject({ lines: [], size: 0 });
  });
});
