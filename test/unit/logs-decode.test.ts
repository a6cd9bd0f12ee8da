import { describe, expect, it } from 'vitest';
import { decodeLine, flattenJson, lineTime } from '../../src/logs/decode.js';
import { parseSince } from '../../src/system/duration.js';

const T = '2026-11-22T02:18:55.120Z';

describe('decodeLine', () => {
  it('joins upstream JSON message parts, skipping the subsystem part, with level and time', () => {
    const line = JSON.stringify({
      '0': '{"subsystem":"gateway/ws"}',
      '1': 'connect rejected',
      '2': { code: 'AUTH_TOKEN_MISMATCH', canRetryWithDeviceToken: true },
      _meta: { logLevelName: 'WARN', date: T, name: '{"subsystem":"gateway/ws"}' },
      time: T,
    });
    expect(decodeLine(line)).toEqual({
      text: 'connect rejected code=AUTH_TOKEN_MISMATCH canRetryWithDeviceToken=true',
      level: 'warning',
      time: Date.parse(T),
    });
  });

  it('strips Docker timestamps, compose prefixes and journald prefixes', () => {
    expect(decodeLine('2026-11-22T02:18:55.123456789Z Error: boom')).toMatchObject({ text: 'Error: boom', level: 'error', time: Date.parse('2026-11-22T02:18:55.123Z') });
    expect(decodeLine('openclaw-gateway-1  | [gateway] warn slow start').text).toBe('[gateway] warn slow start');
    const j = decodeLine('Nov 22 02:18:55 box openclaw-gateway[4121]: cron: timer tick failed');
    expect(j.text).toBe('cron: timer tick failed');
    expect(new Date(j.time!).getMonth()).toBe(10);
    expect(decodeLine('2026-11-22T02:18:55+0000 box node[4121]: hello').text).toBe('hello');
  });

  it('unwraps Docker json-file lines, including a JSON line inside', () => {
    const inner = JSON.stringify({ '0': 'gateway did not become ready', _meta: { logLevelName: 'ERROR' } });
    const d = decodeLine(JSON.stringify({ log: `${inner}\n`, stream: 'stderr', time: T }));
    expect(d).toEqual({ text: 'gateway did not become ready', level: 'error', time: Date.parse(T) });
  });

  it('flattens other JSON (error responses, pino) and reads numeric levels', () => {
    expect(decodeLine('{"ok":false,"error":{"code":"NOT_PAIRED","message":"pairing required","details":{"requestId":"r-1"}}}').text).toBe(
      'ok=false code=NOT_PAIRED message=pairing required requestId=r-1',
    );
    expect(decodeLine('{"level":50,"time":1763777935120,"msg":"listen failed"}')).toMatchObject({ level: 'error', time: 1763777935120 });
  });

  it('flattens JSON quoted after a plain prefix, and unescapes a line cut mid-JSON', () => {
    expect(decodeLine('gateway call failed: {"error":{"message":"Remote CDP for profile \\"work\\" is not reachable"}}').text).toBe(
      'gateway call failed: message=Remote CDP for profile "work" is not reachable',
    );
    const cut = '{"0":"Failed to start Chrome CDP on port 18800 for profile \\"openclaw\\".","_meta":{"logLev';
    expect(decodeLine(cut).text).toContain('for profile "openclaw"');
  });

  it('detects plain levels only as words', () => {
    expect(decodeLine('[gateway] ERROR listen failed').level).toBe('error');
    expect(decodeLine('errors=0 warnings=0 all good').level).toBeUndefined();
  });

  it('flattenJson keeps leaves as key=value', () => {
    expect(flattenJson({ a: 1, b: [{ c: 'x' }, 'y'], d: null })).toBe('a=1 c=x b=y d=null');
  });
});

describe('lineTime', () => {
  it('reads prefixes and JSON time fields without parsing the line, even when it is cut', () => {
    expect(lineTime(`{"0":"x","_meta":{"date":"${T}"},"time":"${T}"}`)).toBe(Date.parse(T));
    expect(lineTime(`{"0":"cut mid-way","time":"${T}","_meta":{"logLev`)).toBe(Date.parse(T));
    expect(lineTime(`openclaw-1  | ${T} hello`)).toBe(Date.parse(T));
    expect(lineTime('Nov 22 02:18:55 box node[1]: hi')).toBeTypeOf('number');
    expect(lineTime('no time here')).toBeUndefined();
  });
});

describe('parseSince (the one duration parser, shared with the config)', () => {
  const now = Date.parse(T);
  it('accepts durations with units and combinations, and ISO times; rejects the rest', () => {
    expect(now - parseSince('30m', now)!).toBe(1_800_000);
    expect(now - parseSince('1h30m', now)!).toBe(5_400_000);
    expect(now - parseSince('2d', now)!).toBe(172_800_000);
    expect(now - parseSince('1w', now)!).toBe(604_800_000);
    expect(now - parseSince('500ms', now)!).toBe(500);
    expect(parseSince('2026-11-22T01:00:00Z', now)).toBe(Date.parse('2026-11-22T01:00:00Z'));
    expect(parseSince('2026-11-22', now)).toBe(Date.parse('2026-11-22'));
    for (const bad of ['', '10', 'abc', '1y', '-5m', '5 m', 'March', '2026-13-45']) expect(parseSince(bad, now), bad).toBeUndefined();
  });
});
