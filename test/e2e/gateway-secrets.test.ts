// The configured token must never appear in a log line or a --json output. Every e2e file runs the
// same scan in its afterAll (cleanup → assertNoSecretLeaks); this file drives the noisiest paths on
// purpose (--verbose, auth failures, bootstrap, config RPCs, every --json command) and scans explicitly.
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeaks, cleanup, cli, handshake, logText, makeState, newDevice, newToken, rpc, startGateway, trackSecret } from './gateway-harness.js';

afterAll(cleanup);

describe('no secret in logs or JSON output', () => {
  it('the token stays out of every log line and --json output', async () => {
    const token = newToken();
    const password = newToken();
    trackSecret(password);
    const dir = makeState({ gateway: { mode: 'local', auth: { mode: 'token', token, password } } });
    const gw = await startGateway(dir, ['--port', '0', '--verbose']);
    const outputs: string[] = [];
    const run = (args: string[]) => {
      const r = cli(dir, args);
      outputs.push(r.stdout, r.stderr);
      return r;
    };
    const url = ['--url', gw.url];
    for (const args of [
      ['gateway', 'probe', '--json', ...url],
      ['gateway', 'probe', '--json', ...url, '--token', token],
      ['gateway', 'status', '--json', '--deep', ...url, '--token', token],
      ['health', '--json', ...url, '--token', token],
      ['status', '--json', '--deep', ...url, '--token', token],
      ['devices', 'list', '--json', ...url, '--token', token],
      ['pairing', 'list', '--json', ...url, '--token', token],
      ['logs', '--json', '--limit', '1000'],
      ['logs', '--rpc', '--json', '--limit', '1000', ...url, '--token', token],
      ['config', 'get', '--json'],
      ['config', 'get', 'gateway.auth', '--json'],
    ]) {
      run(args);
    }
    // Failures with a token in the frame, a Bearer header, and a config.patch that carries the token.
    await handshake(gw.url, { token: `${token}x` });
    await fetch(`http://127.0.0.1:${gw.port}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    const admin = await handshake(gw.url, { token, device: newDevice() });
    const got = await rpc(admin.sock, 'config.get');
    outputs.push(JSON.stringify(got));
    await rpc(admin.sock, 'config.patch', { raw: JSON.stringify({ gateway: { auth: { token } } }) });
    admin.sock.ws.close();
    await gw.stop();
    outputs.push(gw.output());

    const log = logText(dir);
    expect(log.length).toBeGreaterThan(1000);
    for (const text of [log, ...outputs]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(password);
    }
    assertNoSecretLeaks();
  });

  it('a --token on the gateway command line is redacted wherever that command line is shown', async () => {
    const cliToken = newToken();
    // `gateway status` looks at the configured port: configure one from the OS that is free again.
    const { startListener } = await import('../helpers/processes.js');
    const free = await startListener();
    await free.kill();
    const dir = makeState({ gateway: { mode: 'local', port: free.port, auth: { mode: 'token', token: newToken() } } });
    const gw = await startGateway(dir, ['--token', cliToken, '--password=' + cliToken]);
    trackSecret(cliToken);
    // Status does not know this token (it is in no config and no flag): only the redaction can hide it.
    const json = cli(dir, ['gateway', 'status', '--deep', '--json', '--url', gw.url]);
    const human = cli(dir, ['gateway', 'status', '--deep', '--url', gw.url]);
    await gw.stop();
    const listener = JSON.parse(json.stdout).listeners.find((l: any) => l.pid === gw.proc.pid);
    expect(listener.command).toMatch(/ gateway --token \*\*\* --password=\*\*\*$/);
    expect(listener.gatewayCommand).toBe(true);
    expect(human.stdout).toContain(`pid ${gw.proc.pid} `);
    expect(human.stdout).toContain('--token *** --password=***');
    for (const out of [json.stdout, json.stderr, human.stdout, human.stderr]) expect(out).not.toContain(cliToken);
    assertNoSecretLeaks();
  });
});
