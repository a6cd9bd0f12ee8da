// Whether a person is at this terminal, and the one way the CLI asks them a yes/no question.

/** A person at a terminal, outside CI: the only place the CLI asks questions or runs the wizard. */
export function interactiveTerminal(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = Boolean(env.CI && env.CI !== 'false' && env.CI !== '0');
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !ci;
}

/** A y/N question: anything but y or yes (an empty line included) is no. */
export async function askYes(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
