// The toolkit's version, read from its package.json, and the OpenClaw releases it was built against:
// facts every layer may name (the client's hello, the support bundle), so they live at the ground.
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root.js';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;

/** The OpenClaw releases whose files, messages and protocol the checks and signatures were built against. */
export const KNOWN_OPENCLAW_RELEASES = { oldest: '2026.4', newest: '2026.9.6' } as const;
