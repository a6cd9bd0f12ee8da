// After tsc: make the CLI entry executable so `npx openclaw` and the bin link work.
import fs from 'node:fs';
fs.chmodSync(new URL('../dist/src/cli/main.js', import.meta.url), 0o755);
