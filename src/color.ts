// Colour only where it helps: honours --no-color, NO_COLOR and FORCE_COLOR, and never colours a pipe.
// At the ground so renderers below the CLI can colour text without importing the CLI; the CLI sets it.
import chalk from 'chalk';

export function configureColor(opts: { color?: boolean }, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stdout): void {
  if (opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    chalk.level = 0;
  } else if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') {
    chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
  } else if (!stream.isTTY) {
    chalk.level = 0;
  }
}

export { chalk };
