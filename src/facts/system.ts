// The machine: available memory (MemAvailable on Linux, free memory elsewhere), Node version, clock.
import fs from 'node:fs';
import os from 'node:os';

export interface SystemFact {
  nodeVersion: string;
  platform: string;
  memAvailableBytes: number;
  memTotalBytes: number;
  /** The wall clock and time zone, so time-of-day checks are testable from a recorded fact. */
  nowMs: number;
  timeZone: string;
}

function memAvailable(): number {
  try {
    const m = /^MemAvailable:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux */
  }
  return os.freemem();
}

export function collectSystem(): SystemFact {
  return {
    nodeVersion: process.versions.node,
    platform: process.platform,
    memAvailableBytes: memAvailable(),
    memTotalBytes: os.totalmem(),
    nowMs: Date.now(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
