// Port-holder lookups on every OS the README names, parsed from recorded tool outputs
// (test/fixtures/port-holders/README.md says where each comes from).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLsof, parseNetstat, parseSs, parseTasklist } from '../../src/system/port-holders.js';
import { isGatewayCommand, parseCimProcess } from '../../src/system/process-identity.js';

const read = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/port-holders', name), 'utf8');

describe('port-holder tool outputs', () => {
  it('ss (Linux): one row per pid, addresses without the port, other ports ignored', () => {
    expect(parseSs(read('ss-linux.txt'), 18789)).toEqual([
      { address: '127.0.0.1', pid: 9696 },
      { address: '*', pid: 9697 },
      { address: '[::1]', pid: 812 },
      { address: '[::1]', pid: 813 },
    ]);
  });

  it('ss: a socket whose owner is not visible (another user, not root) has no pid', () => {
    expect(parseSs(read('ss-linux.txt'), 18790)).toEqual([{ address: '127.0.0.1' }]);
  });

  it('lsof -F on Linux and on macOS (with its f lines and bracketed IPv6)', () => {
    expect(parseLsof(read('lsof-linux.txt'), 18789)).toEqual([
      { address: '127.0.0.1', pid: 9696 },
      { address: '*', pid: 9697 },
    ]);
    expect(parseLsof(read('lsof-macos.txt'), 18789)).toEqual([
      { address: '127.0.0.1', pid: 4321 },
      { address: '[::1]', pid: 4321 },
      { address: '*', pid: 977 },
    ]);
  });

  it('netstat -ano (Windows): listening rows of this port only, not connections to it', () => {
    expect(parseNetstat(read('netstat-windows.txt'), 18789)).toEqual([
      { address: '127.0.0.1', pid: 4321 },
      { address: '[::1]', pid: 4321 },
    ]);
    expect(parseNetstat(read('netstat-windows.txt'), 445)).toEqual([{ address: '0.0.0.0', pid: 4 }]);
    expect(parseNetstat(read('netstat-windows.txt'), 53122)).toEqual([]);
  });

  it('tasklist CSV (Windows): the image name of that pid, nothing when no task matches', () => {
    expect(parseTasklist(read('tasklist-windows.csv'), 4321)).toBe('node.exe');
    expect(parseTasklist(read('tasklist-windows.csv'), 4322)).toBeUndefined();
    expect(parseTasklist(read('tasklist-windows-none.txt'), 4321)).toBeUndefined();
  });

  it('empty or garbage output is no holders, never a throw', () => {
    for (const parse of [parseSs, parseLsof, parseNetstat]) {
      expect(parse('', 18789)).toEqual([]);
      expect(parse('\u0000garbage\nLISTEN', 18789)).toEqual([]);
    }
  });
});

describe('Windows process identity (Win32_Process through PowerShell)', () => {
  it('PowerShell 5.1: quoted program path, /Date(ms)/ start, the gateway recognised, the token redacted', () => {
    const info = parseCimProcess(4321, read('cim-process-ps51.json'))!;
    expect(info.argv.slice(0, 3)).toEqual(['C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\ada\\AppData\\Roaming\\npm\\node_modules\\openclaw\\openclaw.mjs', 'gateway']);
    expect(info.startedAtMs).toBe(1765035275123);
    expect(info.command).toMatch(/ gateway --port 18789 --token \*\*\*$/);
    expect(isGatewayCommand(info.argv)).toBe(true);
  });

  it('PowerShell 7: ISO start time; a web server is not a gateway', () => {
    const info = parseCimProcess(31337, read('cim-process-ps7.json'))!;
    expect(info.startedAtMs).toBe(Date.parse('2026-12-06T15:34:35.123Z'));
    expect(isGatewayCommand(info.argv)).toBe(false);
  });

  it('no such process (empty output) or garbage is undefined', () => {
    expect(parseCimProcess(1, '')).toBeUndefined();
    expect(parseCimProcess(1, '{"CommandLine":null}')).toBeUndefined();
  });
});
