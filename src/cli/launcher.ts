#!/usr/bin/env node
// The `openclaw` executable (the build writes it as dist/src/cli/main.js): starts the CLI bundle
// with its code cache (bundle-script.ts). The CLI's own entry is main.ts, inside the bundle.
import { compileBundle, runBundle } from './bundle-script.js';

// OPENCLAW_NO_CODE_CACHE=1 compiles from source, for comparing the two (bench/startup-bench.mjs).
runBundle(compileBundle({ useCache: !process.env.OPENCLAW_NO_CODE_CACHE }).script);
