#!/usr/bin/env node
// The `openclaw` executable (the build writes it as dist/src/cli/main.cjs, CommonJS so that Node does
// not start its ES module loader; dist/src/cli/main.js starts it too): starts the CLI bundle
// with its code cache (bundle-script.ts). The CLI's own entry is openclaw.ts, bundled as dist/src/cli/openclaw.cjs.
import { BUNDLE_FILE, compileBundle, runBundle } from './bundle-script.js';

let bundle;
try {
  // OPENCLAW_NO_CODE_CACHE=1 compiles from source, for comparing the two (bench/doctor-json.mjs).
  bundle = compileBundle({ useCache: !process.env.OPENCLAW_NO_CODE_CACHE, args: process.argv.slice(2) });
} catch (err) {
  // A half-built or damaged install: say what is missing rather than print a stack trace.
  // i18n-ignore: English only, the message catalog is inside the bundle that failed to load
  process.stderr.write(`error: cannot load ${BUNDLE_FILE}: ${(err as Error).message}\n  Rebuild the package (npm run build) or reinstall it.\n`);
  process.exit(2);
}
runBundle(bundle.script);
