// Colour only where it helps: honours --no-color, NO_COLOR and FORCE_COLOR, and never colours a pipe
// or a dumb terminal. At the ground so renderers below the CLI can colour text without importing the
// CLI; the CLI sets it from its flags. The level is always decided here, so the CLI bundle replaces
// chalk's own terminal detection (which loads tty: ~2 ms of every start, scripts/postbuild.mjs).
import chalk from 'chalk';

type Level = typeof chalk.level;

/** The colour level for output to `stream`. Named colours look the same at every level above 0. */
export function colorLevel(opts: { color?: boolean }, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): Level {
  if (opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '0' && forced !== 'false') return Math.min(3, Math.max(1, Number.parseInt(forced, 10) || 1)) as Level;
  return stream.isTTY && env.TERM !== 'dumb' ? 1 : 0;
}

export function configureColor(opts: { color?: boolean }, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): void {
  chalk.level = colorLevel(opts, env, stream);
}

// Until the CLI has read --no-color: the same rules without it.
configureColor({});

export { chalk };
