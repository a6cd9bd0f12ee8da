import { expect } from 'vitest';
import diskSpace from '../../checks/system/disk-space.js';
import memoryLow from '../../checks/system/memory-low.js';
import memoryPressure from '../../checks/system/memory-pressure.js';
import nodeVersion from '../../checks/system/node-version.js';
import permissions from '../../checks/state/permissions.js';
import cronDisabled from '../../checks/cron/scheduler-disabled.js';
import pairing from '../../checks/devices/pairing-pending.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(permissions, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'state-permissions',
      findings: [
        { evidence: [expect.objectContaining({ value: '0755' })], data: expect.objectContaining({ mode: 0o700 }) },
        { evidence: [expect.objectContaining({ value: '0644' })], data: expect.objectContaining({ mode: 0o600 }) },
      ],
      fixed: {},
    },
  ],
});

testCheck(memoryLow, {
  valid: ['healthy'],
  invalid: [{ fixture: 'memory-low', findings: [{ severity: 'warning', message: expect.stringContaining('120 MiB') }] }],
});

testCheck(nodeVersion, {
  valid: ['healthy'],
  invalid: [{ fixture: 'node-too-old', findings: [{ severity: 'error', message: expect.stringContaining('v18.19.1') }] }],
});

testCheck(cronDisabled, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'cron-disabled',
      findings: [{ severity: 'warning', path: 'cron.enabled', message: expect.stringContaining('daily digest'), evidence: expect.arrayContaining([expect.objectContaining({ kind: 'log' })]) }],
      fixed: { yes: true, config: (c) => expect(c.cron.enabled).toBe(true) },
    },
  ],
});

testCheck(pairing, {
  valid: ['healthy'],
  invalid: [{ fixture: 'pairing-required', findings: [{ severity: 'warning', fixHint: expect.stringContaining('req-7f3a') }] }],
});

testCheck(diskSpace, {
  valid: ['healthy', 'memory-oom-killed'],
  invalid: [
    { fixture: 'disk-full', findings: [{ severity: 'error', cause: 'disk-full', message: expect.stringContaining('only 40 MiB free of 20.0 GiB') }] },
    { fixture: 'disk-low', findings: [{ severity: 'warning', message: expect.stringContaining('may soon fail with ENOSPC') }] },
  ],
});

testCheck(memoryPressure, {
  valid: ['healthy', 'disk-full'],
  invalid: [
    {
      fixture: 'memory-oom-killed',
      findings: [{ severity: 'error', cause: 'oom', message: expect.stringMatching(/killed 2 processes in the gateway's cgroup, whose memory limit is 512 MiB/), evidence: expect.arrayContaining([expect.objectContaining({ source: expect.stringContaining('openclaw-gateway.service oom_kill'), value: '2' })]) }],
    },
    {
      fixture: 'memory-cgroup-limit',
      findings: [
        { severity: 'warning', message: expect.stringContaining('uses 470 MiB of its 512 MiB memory limit') },
        { severity: 'warning', message: expect.stringContaining('12.5% of the last minute') },
      ],
    },
  ],
});
