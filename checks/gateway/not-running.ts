// Nothing listens on the gateway port (answered in milliseconds, never upstream's 60 s wait). When
// this config's gateway runs on another port, a second one cannot start (its lock is held): the
// repair, asked first, stops that identified gateway so `openclaw gateway` starts on the configured port.
import { en } from '../../src/i18n/index.js';
import { fact, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

export default defineCheck({
  meta: {
    id: 'gateway/not-running',
    area: 'gateway',
    severity: 'warning',
    facts: ['config', 'gateway', 'lock'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › Gateway service not running',
  },
  detect(facts) {
    const probe = fact(facts, 'gateway');
    const p = parsedConfig(facts);
    if (!probe || !p || probe.connect.error?.kind !== 'refused') return [];
    if (get(p.cfg, 'gateway.mode') !== 'local') return []; // mode checks explain why it cannot start
    const lock = fact(facts, 'lock');
    if (lock?.state === 'held') {
      // A live gateway owns this config's lock but not this port: it was started on another one.
      const port = lock.lock.port ?? /--port[= ](\d+)/.exec(lock.ownerCommand ?? '')?.[1];
      return [
        {
          checkId: 'gateway/not-running',
          severity: 'warning',
          ...say(port ? 'gateway/not-running.elsewhere' : 'gateway/not-running.elsewhere-unknown', { url: probe.url, pid: lock.lock.pid, port: port ?? null }),
          // Not on gateway.port: once it is stopped, what remains (nothing listening) is another finding.
          path: 'gateway.port',
          cause: 'gateway-unreachable',
          evidence: [
            { kind: 'probe', source: probe.url, value: `${probe.connect.error.message} after ${probe.durationMs} ms` },
            { kind: 'process', source: `pid ${lock.lock.pid} (${lock.path})`, value: lock.ownerCommand ?? en('gateway/not-running.evidence.no-command') },
          ],
          ...(port ? { data: { pid: lock.lock.pid, port: Number(port), command: lock.ownerCommand } } : {}),
        },
      ];
    }
    return [
      {
        checkId: 'gateway/not-running',
        severity: 'warning',
        ...say('gateway/not-running.no-gateway-listening-2', { url: probe.url }),
        cause: 'gateway-unreachable',
        evidence: [{ kind: 'probe', source: probe.url, value: `${probe.connect.error.message} after ${probe.durationMs} ms` }],
      },
    ];
  },
  // port.free identifies the process again (gateway command line, handshake) before it signals it.
  repair: (finding) =>
    typeof finding.data?.pid === 'number' && typeof finding.data.port === 'number'
      ? [{ op: 'port.free', port: finding.data.port, pid: finding.data.pid, command: finding.data.command as string | undefined }]
      : [],
});
