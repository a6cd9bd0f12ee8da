// The check modules compiled into the CLI bundle. From sources (vitest) and from tsc's output this
// is undefined and the loader scans checks/; scripts/postbuild.mjs (its esbuild
// plugin `bundled-checks`) replaces this module in the bundle
// with static imports of every check module, so a bundled CLI does not read a directory and import
// fifty files one by one at start-up.

/** Each check module's path (relative to the repository) and its default export. */
export const BUNDLED_CHECKS: ReadonlyArray<readonly [file: string, check: unknown]> | undefined = undefined;
