// The man page, openclaw(1), as roff (the man macros), generated from the command tree at build
// time (scripts/man-page.mjs). Every command and subcommand gets a subsection with its options.
import { walk, type CommandNode, type OptionNode } from './command-tree.js';

/** Text safe inside a roff line: backslashes and hyphens escaped, non-ASCII as \[uXXXX]. */
export function roffText(s: string): string {
  return s
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/[^\x20-\x7e]/gu, (c) => (/\s/.test(c) ? ' ' : `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`));
}

/** A text line: one starting with `.` or `'` would be read as a request, so it gets a zero-width `\&`. */
const line = (s: string) => (/^[.']/.test(s) ? `\\&${s}` : s);

function options(opts: OptionNode[]): string[] {
  return opts.flatMap((o) => ['.TP', `.B ${roffText(o.flags)}`, line(roffText(o.description + (o.choices ? ` (one of: ${o.choices.join(', ')})` : '')))]);
}

const isHelp = (o: OptionNode) => o.long === '--help';

export function manPage(root: CommandNode, meta: { version: string; date: string }): string {
  const out = [
    `.TH OPENCLAW 1 "${meta.date}" "openclaw ${roffText(meta.version)}" "User Commands"`,
    '.SH NAME',
    `openclaw \\- ${roffText(root.description)}`,
    '.SH SYNOPSIS',
    '.B openclaw',
    '[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIsubcommand\\fR] [\\fIoptions\\fR]',
    '.SH DESCRIPTION',
    line(roffText(root.description)),
    '.PP',
    'Run',
    '.B openclaw help',
    '.I command',
    'for the same text on the terminal.',
    '.SH GLOBAL OPTIONS',
    ...options(root.options),
    '.SH COMMANDS',
  ];
  for (const n of walk(root).slice(1)) {
    out.push(`.SS "${roffText(['openclaw', ...n.path, n.usage].filter(Boolean).join(' ')).replace(/"/g, '\\(dq')}"`, line(roffText(n.description || '(no description)')));
    if (n.commands.length) out.push('.PP', `Subcommands: ${roffText(n.commands.map((c) => c.name).join(', '))}.`);
    const own = n.options.filter((o) => !isHelp(o));
    if (own.length) out.push(...options(own));
  }
  out.push(
    '.SH EXIT STATUS',
    '.TP',
    '.B 0',
    'success',
    '.TP',
    '.B 1',
    'a check or operation failed',
    '.TP',
    '.B 2',
    'usage error',
    '.TP',
    '.B 78',
    'a configuration error that blocks a start',
    '.SH ENVIRONMENT',
    '.TP',
    '.B OPENCLAW_STATE_DIR',
    'the state directory (default ~/.openclaw)',
    '.TP',
    '.B OPENCLAW_CONFIG_PATH',
    'the config file (default $OPENCLAW_STATE_DIR/openclaw.json)',
    '.TP',
    '.B NO_COLOR',
    'disable colours',
    '.SH FILES',
    '.TP',
    '.I ~/.openclaw/openclaw.json',
    'the gateway configuration',
    '.TP',
    '.I ~/.openclaw/logs/',
    'gateway logs and the doctor journal',
    '.SH SEE ALSO',
    'The README of the openclaw-doctor-toolkit package; shell completion: \\fBopenclaw completion bash|zsh|fish\\fR.',
  );
  return `${out.join('\n')}\n`;
}
