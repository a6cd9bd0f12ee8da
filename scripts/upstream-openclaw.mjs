// Where a real OpenClaw CLI is, for the scripts that compare with it or run the doctor against it:
// OPENCLAW_UPSTREAM_BIN, else the first `openclaw` on PATH that is not this package.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function findUpstream() {
  if (process.env.OPENCLAW_UPSTREAM_BIN) return process.env.OPENCLAW_UPSTREAM_BIN;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'openclaw');
    if (!fs.existsSync(bin)) continue;
    if (fs.realpathSync(bin).startsWith(ROOT)) continue; // that is us (npm link / node_modules/.bin)
    return bin;
  }
  return undefined;
}
