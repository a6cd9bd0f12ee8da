// The man page, openclaw(1), as roff (the man macros), generated from the command tree at build
// time (scripts/man-page.mjs), in the active locale. Every command and subcommand gets a subsection
// with its options. The prose comes from the catalog; the roff requests around it stay as they are.
import { activeLocale, t } from '../i18n/index.js';
import { CLOSING, WIDE } from '../i18n/width.js';
import { walk, type CommandNode, type OptionNode } from './command-tree.js';

const WIDE_CHAR = new RegExp(`^${WIDE.source}$`, 'u');

/**
 * Text safe inside a roff line: backslashes and hyphens escaped, non-ASCII as \[uXXXX]. Chinese has
 * no spaces to break a line at, so after a wide character (unless closing punctuation follows) a
 * `\:` tells groff it may break there.
 */
export function roffText(s: string): string {
  return s
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/[^\x20-\x7e]/gu, (c, at: number, all: string) => {
      if (/\s/.test(c)) return ' ';
      const escaped = `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
      const next = all[at + c.length];
      return WIDE_CHAR.test(c) && next !== undefined && !CLOSING.includes(next) ? `${escaped}\\:` : escaped;
    });
}

/** A text line: one starting with `.` or `'` would be read as a request, so it gets a zero-width `\&`. */
const line = (s: string) => (/^[.']/.test(s) ? `\\&${s}` : s);

/** A catalog message as one roff text line, its parameters already roff (markup such as `\fBopenclaw\fR`). */
function say(id: string, markup: Record<string, string> = {}): string {
  // Each parameter is a marker first, so that only the message's own text is escaped.
  const names = Object.keys(markup);
  const text = t(id, Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`])));
  return line(text.split(/\u0000(\d+)\u0000/).map((part, i) => (i % 2 ? markup[names[Number(part)]!]! : roffText(part))).join(''));
}

const section = (id: string) => `.SH ${roffText(t(id))}`;
const italic = (id: string) => `\\fI${roffText(t(id))}\\fR`;

function options(opts: OptionNode[]): string[] {
  return opts.flatMap((o) => ['.TP', `.B ${roffText(o.flags)}`, line(roffText(o.choices ? t('cli.man.one-of', { description: o.description, choices: o.choices.join(', ') }) : o.description))]);
}

const isHelp = (o: OptionNode) => o.long === '--help';

export function manPage(root: CommandNode, meta: { version: string; date: string }): string {
  const out = [
    // i18n-ignore: roff requests; the manual's title is the catalog's
    `.TH OPENCLAW 1 "${meta.date}" "openclaw ${roffText(meta.version)}" "${roffText(t('cli.man.manual'))}"`,
    // Korean and Chinese lines have too few spaces to justify: left-aligned, as CJK man pages are.
    ...(activeLocale() === 'en' ? [] : ['.ad l']),
    section('cli.man.section.name'),
    `openclaw \\- ${roffText(root.description)}`,
    section('cli.man.section.synopsis'),
    '.B openclaw',
    `[${italic('cli.man.synopsis.global-options')}] ${italic('cli.man.synopsis.command')} [${italic('cli.man.synopsis.subcommand')}] [${italic('cli.man.synopsis.options')}]`,
    section('cli.man.section.description'),
    line(roffText(root.description)),
    '.PP',
    // i18n-ignore: roff markup around a command to type
    say('cli.man.run-help', { command: `\\fBopenclaw help\\fR ${italic('cli.man.synopsis.command')}` }),
    section('cli.man.section.global-options'),
    ...options(root.options),
    section('cli.man.section.commands'),
  ];
  for (const n of walk(root).slice(1)) {
    out.push(`.SS "${roffText(['openclaw', ...n.path, n.usage].filter(Boolean).join(' ')).replace(/"/g, '\\(dq')}"`, n.description ? line(roffText(n.description)) : say('cli.man.no-description'));
    if (n.commands.length) out.push('.PP', say('cli.man.subcommands', { names: roffText(n.commands.map((c) => c.name).join(', ')) }));
    const own = n.options.filter((o) => !isHelp(o));
    if (own.length) out.push(...options(own));
  }
  const item = (term: string, id: string) => ['.TP', term, say(id)];
  out.push(
    section('cli.man.section.exit-status'),
    ...item('.B 0', 'cli.man.exit.ok'),
    ...item('.B 1', 'cli.man.exit.failed'),
    ...item('.B 2', 'cli.man.exit.usage'),
    ...item('.B 78', 'cli.man.exit.config'),
    section('cli.man.section.environment'),
    ...item('.B OPENCLAW_STATE_DIR', 'cli.man.env.state-dir'),
    ...item('.B OPENCLAW_CONFIG_PATH', 'cli.man.env.config-path'),
    ...item('.B NO_COLOR', 'cli.man.env.no-color'),
    section('cli.man.section.files'),
    ...item('.I ~/.openclaw/openclaw.json', 'cli.man.files.config'),
    ...item('.I ~/.openclaw/logs/', 'cli.man.files.logs'),
    section('cli.man.section.see-also'),
    // i18n-ignore: roff markup around a command to type
    say('cli.man.see-also', { command: '\\fBopenclaw completion bash|zsh|fish\\fR' }),
  );
  return `${out.join('\n')}\n`;
}
