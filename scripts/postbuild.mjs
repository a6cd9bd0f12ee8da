// After tsc: build the CLI users run. tsc's dist/ is one file per module, and Node's ESM loader
// pays per file (resolve, read, compile, link): the doctor touched ~200 of them before it printed
// anything. esbuild bundles src/cli/main.ts with its dependencies into dist/src/cli/main.js (the
// package's bin) plus chunks under dist/src/cli/chunks/, one per group of modules that load
// together, so a command still loads only its own code (bench/README.md, "CLI start-up").
// Ink and React stay outside: only the triage wizard loads them. tsc's other output stays for the
// build scripts and tests that import single modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/src/cli');
const { moduleFiles } = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine/loader.js')).href);

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

fs.rmSync(path.join(OUT, 'chunks'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli/main.ts'],
  outdir: OUT,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Identifiers keep their names: class and function names stay what the code calls them and
  // stack traces stay readable, without keepNames' per-function __name() calls at load.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked', // read only with --enable-source-maps; costs nothing otherwise
  external: ['ink', 'react', 'react/*', '@inkjs/ui', 'bufferutil', 'utf-8-validate'],
  // CommonJS inside the bundle (commander, ws, json5) still calls require() for Node's modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [bundledChecks],
  metafile: true,
  logLevel: 'warning',
});

// Which source modules each output file holds: tests map a module trace back to sources with it.
const outputs = {};
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.map')) continue;
  outputs[path.relative(OUT, path.resolve(ROOT, file)).split(path.sep).join('/')] = Object.keys(out.inputs);
}
fs.writeFileSync(path.join(ROOT, 'dist/bundle-inputs.json'), `${JSON.stringify({ outputs }, null, 1)}\n`);
fs.chmodSync(path.join(OUT, 'main.js'), 0o755);
