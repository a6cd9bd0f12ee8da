import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn real processes; two workers match this 2-core machine.
    maxWorkers: 2,
    // The doctor and `logs scan` read a real gateway's logs from /tmp/openclaw, whatever HOME or
    // TMPDIR say; a machine that ran one must not change what the tests see.
    env: { OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: '/nonexistent/openclaw-upstream-logs' },
  },
});
