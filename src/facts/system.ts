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

/** The local time zone, cheaply: Intl's first use costs ~15 ms of ICU start-up, so ask TZ and /etc/localtime first. */
function localTimeZone(): string {
  const tz = process.env.TZ;
  if (tz && /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return tz;
  try {
    const m = /zoneinfo\/(.+)$/.exec(fs.readlinkSync('/etc/localtime'));
    if (m) return m[1];
  } catch {
    /* not a link (or not Linux/macOS) */
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function collectSystem(): SystemFact {
  return {
    nodeVersion: process.versions.node,
    platform: process.platform,
    memAvailableBytes: memAvailable(),
    memTotalBytes: os.totalmem(),
    nowMs: Date.now(),
    timeZone: localTimeZone(),
  };
}
