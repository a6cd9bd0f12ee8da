// After tsc: make the CLI entry executable so `npx openclaw` and the bin link work, and point the
// built code at one-file bundles of the dependencies it loads on start-up. Node's ESM loader pays
// per module file (zod alone is ~95), and a minified one-file bundle loads in about half the time
// (bench/README.md, "CLI start-up"). Source and tests under vitest keep importing the packages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const VENDOR = path.join(DIST, 'vendor');
fs.chmodSync(path.join(DIST, 'src/cli/main.js'), 0o755);

/** Packages loaded on the way to a command's action (see bench/startup-bench.mjs). */
const BUNDLED = ['zod', 'commander', 'chalk', 'json5', 'ws', 'safe-regex2', 'yaml', 'diff', 'croner'];
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

for (const pkg of BUNDLED) {
  // Re-export exactly the names Node gives an `import` of the package, so importers see no change.
  const url = pathToFileURL(requireFromRoot.resolve(pkg)).href;
  const names = Object.keys(await import(pkg).catch(() => import(url)));
  await build({
    stdin: { contents: `export { ${names.join(', ')} } from '${pkg}';`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    keepNames: true, // error and class names stay what the packages call them
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS inside the bundle (commander, ws, json5) still calls require() for Node's modules.
    banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
    // ws tries these optional native add-ons and falls back when they are missing.
    external: ['bufferutil', 'utf-8-validate'],
    outfile: path.join(VENDOR, `${pkg}.js`),
    logLevel: 'warning',
  });
}

// tsc leaves bare specifiers in the output; each built file gets the bundle's relative path instead.
const SPECIFIER = new RegExp(`(from\\s+|import\\s*\\(\\s*)(['"])(${BUNDLED.join('|')})\\2`, 'g');
for (const rel of fs.readdirSync(DIST, { recursive: true })) {
  const file = path.join(DIST, rel);
  if (!file.endsWith('.js') || file.startsWith(VENDOR + path.sep)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const out = text.replace(SPECIFIER, (_m, head, q, pkg) => {
    let spec = path.relative(path.dirname(file), path.join(VENDOR, `${pkg}.js`)).split(path.sep).join('/');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    return `${head}${q}${spec}${q}`;
  });
  if (out !== text) fs.writeFileSync(file, out);
}
