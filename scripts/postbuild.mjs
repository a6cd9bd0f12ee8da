// After tsc: build the CLI users run. tsc's dist/ is one file per module, and Node pays per file
// (resolve, read, compile, link): the doctor touched ~200 of them before it printed anything.
// esbuild writes three files under dist/src/cli/ (bench/README.md, "CLI start-up"):
// - openclaw.cjs: the whole CLI (src/cli/openclaw.ts and its dependencies) as one CommonJS script.
//   Modules still initialise only when first imported (esbuild wraps lazily imported ones), and
//   Node 20 can start a CommonJS script from V8's code cache (src/cli/bundle-script.ts,
//   scripts/code-cache.mjs), which it cannot do for ES modules.
// - tui.js: the triage wizard, an ES module with Ink and React left outside (Ink's layout engine
//   uses top-level await, which require() cannot load). Only the wizard loads it.
// - main.js: the package's bin, a few lines that start openclaw.cjs (src/cli/main.ts).
// tsc's other output stays for the build scripts and tests that import single modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/src/cli');
const { moduleFiles } = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine/loader.js')).href);
const { BUNDLE_WRAPPER } = await import(pathToFileURL(path.join(ROOT, 'dist/src/cli/bundle-script.js')).href);

/** In the bundle, bundled-checks.ts lists every check module by a static import. */
const bundledChecks = {
  name: 'bundled-checks',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]engine[\\/]bundled-checks\.ts$/ }, () => {
      const files = moduleFiles(path.join(ROOT, 'checks')).sort();
      const rel = (f) => path.relative(ROOT, f).split(path.sep).join('/');
      return {
        resolveDir: ROOT,
        loader: 'js',
        contents: [
          ...files.map((f, i) => `import c${i} from ${JSON.stringify(`./${rel(f)}`)};`),
          `export const BUNDLED_CHECKS = [${files.map((f, i) => `[${JSON.stringify(rel(f))}, c${i}]`).join(', ')}];`,
        ].join('\n'),
      };
    });
  },
};

/**
 * What the CommonJS script cannot import() itself: inside node:vm, import() needs an experimental
 * flag on Node 20. A dynamic import of a Node built-in (or of prom-client, left outside the bundle)
 * becomes a require(); the wizard's module is loaded from tui.js through the launcher's import
 * (bundle-script.ts, __importEsm).
 */
const commonJsImports = {
  name: 'commonjs-imports',
  setup(b) {
    b.onResolve({ filter: /^node:|^prom-client$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    b.onResolve({ filter: /[\\/]tui[\\/]index\.js$/ }, () => ({ path: 'tui', namespace: 'tui' }));
    b.onLoad({ filter: /.*/, namespace: 'tui' }, () => ({
      loader: 'js',
      contents: `export async function runWizard(opts) { return (await __importEsm(new URL('./tui.js', __bundleUrl).href)).runWizard(opts); }`,
    }));
  },
};

/**
 * One namespace object per Node built-in instead of one per importing module. esbuild turns each
 * `import fs from 'node:fs'` of the CommonJS bundle into `__toESM(require('node:fs'))` inside the
 * importer, which copies every export of the built-in into a fresh object: ~160 copies of fs, path,
 * crypto… while the doctor's modules initialise. Routed through one small ES module per built-in,
 * each is copied once, the first time any module needs it (bench/README.md, "CLI start-up").
 */
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' && args.namespace === 'file' ? { path: args.path, namespace: 'shared-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'shared-builtin' }, (args) => {
      const id = JSON.stringify(args.path);
      return { loader: 'js', contents: `const m = require(${id});\nexport default m;\nexport * from ${id};\n` };
    });
  },
};

/**
 * Built-ins that a dependency requires at its top but uses only on a rare path, loaded through a
 * proxy on first use instead:
 * - ws requires https and tls for wss:// URLs; loading them (and the TLS and crypto internals they
 *   pull in) costs ~2 ms of every start that only speaks ws:// to loopback.
 * - commander requires child_process for executable subcommands, which this CLI does not have
 *   (~0.5 ms, and dgram and the child-process internals with it).
 * Both packages read these modules' properties at the call, so a proxy is enough.
 */
const LAZY_BUILTINS = [
  { importer: /[\\/]node_modules[\\/]ws[\\/]/, modules: /^(https|tls)$/ },
  { importer: /[\\/]node_modules[\\/]commander[\\/]/, modules: /^(node:)?child_process$/ },
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) =>
      args.kind === 'require-call' && LAZY_BUILTINS.some((l) => l.importer.test(args.importer) && l.modules.test(args.path)) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let m;\nmodule.exports = new Proxy({}, { get: (_, key) => (m ??= require(${JSON.stringify(args.path)}))[key] });\n`,
    }));
  },
};

/**
 * ws's optional native helpers: it tries require('bufferutil') and require('utf-8-validate') at
 * load and falls back to JavaScript when they are missing. This package does not install them, and
 * left external each failed require searched every node_modules folder up to / (~1 ms of every
 * start). Bundled as a module that throws, the fallback is taken at once.
 */
const absentOptionalAddons = {
  name: 'absent-optional-addons',
  setup(b) {
    b.onResolve({ filter: /^(bufferutil|utf-8-validate)$/ }, (args) => ({ path: args.path, namespace: 'absent-addon' }));
    b.onLoad({ filter: /.*/, namespace: 'absent-addon' }, (args) => ({
      loader: 'js',
      contents: `throw Object.assign(new Error(${JSON.stringify(`${args.path} is not part of this build`)}), { code: 'MODULE_NOT_FOUND' });\n`,
    }));
  },
};

/**
 * chalk's terminal detection (supports-color) loads tty and reads the environment when chalk loads,
 * on every start, even for output that goes to a pipe. src/color.ts sets the level itself from the
 * same signals, so the CLI bundle gets a detection that finds nothing.
 */
const colorLevelFromCli = {
  name: 'color-level-from-cli',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: args.path, namespace: 'no-color-detection' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ loader: 'js', contents: 'export default { stdout: false, stderr: false };\n' }));
  },
};

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Identifiers keep their names: class and function names stay what the code calls them and
  // stack traces stay readable, without keepNames' per-function __name() calls at load.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked', // read only with --enable-source-maps; costs nothing otherwise
  // prom-client loads from node_modules, only for /metrics and --format prometheus: bundled, its
  // ≈110 KB would be read and deserialised by every command (bench/README.md, "Monitoring").
  external: ['ink', 'react', 'react/*', '@inkjs/ui', 'prom-client'],
  metafile: true,
  logLevel: 'warning',
};
// CommonJS inside an ES module bundle (commander, ws, json5) still calls require() for Node's modules.
const esmRequire = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

// The code cache of an older bundle must not outlive it (scripts/code-cache.mjs writes the new one).
for (const stale of ['chunks', 'main.js', 'main.js.map', 'main.cjs', 'main.cjs.map', 'openclaw.cjs', 'openclaw.cjs.cache', 'openclaw.cjs.gateway.cache']) fs.rmSync(path.join(OUT, stale), { recursive: true, force: true });
const [cli, tui, launcher] = await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/openclaw.ts'],
    outfile: path.join(OUT, 'openclaw.cjs'),
    format: 'cjs',
    define: { 'import.meta.url': '__bundleUrl' }, // the launcher passes the file's URL in (bundle-script.ts)
    // The file is one function expression, which the launcher compiles as it is (bundle-script.ts).
    banner: { js: BUNDLE_WRAPPER.head },
    footer: { js: BUNDLE_WRAPPER.tail },
    plugins: [bundledChecks, commonJsImports, sharedBuiltins, lazyBuiltins, absentOptionalAddons, colorLevelFromCli],
  }),
  build({ ...common, entryPoints: ['src/tui/index.tsx'], outfile: path.join(OUT, 'tui.js'), format: 'esm', banner: { js: esmRequire }, plugins: [bundledChecks, absentOptionalAddons] }),
  // CommonJS: an ES module entry starts Node's ES module loader, which also loads fs/promises and
  // the readline internals, ~5 ms of every start before the CLI runs (bench/README.md, "CLI start-up").
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: path.join(OUT, 'main.cjs'),
    format: 'cjs',
    define: { 'import.meta.url': '__launcherUrl' },
    banner: { js: '"use strict";const __launcherUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
]);
// The bin was main.js, an ES module, and scripts and services may still start that path: it runs main.cjs.
fs.writeFileSync(path.join(OUT, 'main.js'), "#!/usr/bin/env node\n// The CLI's entry is main.cjs (package.json bin); this path starts it too, for what still calls main.js.\nimport './main.cjs';\n");

// Which source modules each output file holds, and, for openclaw.cjs, which of them run only when
// first imported (esbuild wraps those in a function named after the module's path): tests map a
// trace of a run back to source modules with it (test/helpers/module-trace.ts).
const outputs = {};
for (const result of [cli, tui, launcher]) {
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    outputs[path.relative(OUT, path.resolve(ROOT, file)).split(path.sep).join('/')] = Object.keys(out.inputs);
  }
}
outputs['main.js'] = []; // the shim that starts main.cjs holds no module of its own
const cjsText = fs.readFileSync(path.join(OUT, 'openclaw.cjs'), 'utf8');
// The launcher reads the bundle as latin1 (src/cli/bundle-script.ts), which is exact only for ASCII;
// esbuild escapes non-ASCII in strings but not in regex literals.
const nonAscii = cjsText.search(/[^\x00-\x7f]/);
if (nonAscii >= 0) throw new Error(`dist/src/cli/openclaw.cjs must be ASCII; found ${JSON.stringify(cjsText.slice(Math.max(0, nonAscii - 60), nonAscii + 10))} (write the character as a \\u escape)`);
const lazy = outputs['openclaw.cjs'].filter((m) => cjsText.includes(`${JSON.stringify(m)}(`));
fs.writeFileSync(path.join(ROOT, 'dist/bundle-inputs.json'), `${JSON.stringify({ outputs, lazy }, null, 1)}\n`);
for (const bin of ['main.cjs', 'main.js']) fs.chmodSync(path.join(OUT, bin), 0o755);
