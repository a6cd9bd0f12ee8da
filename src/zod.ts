// zod for the whole toolkit: zod/mini (zod 4's functional API) instead of the classic `zod` entry,
// because our config schema bundles to ~30 KB with it instead of ~455 KB, and every CLI start that
// validates a config pays for loading that code. Unlike `zod`, `zod/mini` loads no locale, so all
// its messages would read "Invalid input": English is configured here, and every schema module
// imports zod only through this file (`import * as z from '../zod.js'`), so this has run before any
// parse. A flat `export *` keeps esbuild's tree-shaking: re-exporting a namespace object
// (`export * as z`) would pull in all of zod. (Classic zod also installs its memoizer by default; it
// only acts on recursive schemas, and we have none.)
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';
