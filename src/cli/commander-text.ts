// Commander's own words (section titles, "(default: …)", its usage errors) from the message
// catalog, in the active locale. Two public hooks, both inherited by every subcommand:
// - help: a configureHelp() object overriding Help's documented methods (styleTitle for the
//   titles, optionDescription/argumentDescription for the extra info, displayWidth and boxWrap
//   so CJK lines up and wraps); commander calls them only when a help page is printed.
// - errors: configureOutput's outputError, which sees each usage error once, just before it is
//   written. Commander builds those texts inline in private methods (unknownOption, _excessArguments
//   …); overriding them would mean copying their logic (the "Did you mean" search), and error()
//   would need every command to be our subclass. So outputError reads commander 14's error
//   shapes back into parameters (ERRORS below, each pinned by test/unit/commander-text.test.ts) and
//   leaves a text it does not recognise as commander wrote it.
import { stripVTControlCharacters } from 'node:util';
import { Help, type Argument, type Option } from 'commander';
import { t, type Params } from '../i18n/index.js';
import { displayWidth, WIDE, wrapColumns } from '../i18n/width.js';
import { escapeControl } from '../system/untrusted-text.js';

/** The titles commander passes to styleTitle, by message id. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'cli.help.title.usage',
  'Arguments:': 'cli.help.title.arguments',
  'Options:': 'cli.help.title.options',
  'Global Options:': 'cli.help.title.global-options',
  'Commands:': 'cli.help.title.commands',
};

/** The text after an option's or argument's description: `(choices: "a", "b", default: "a")`. */
function withExtra(description: string, extra: string[]): string {
  if (extra.length === 0) return description;
  const info = extra.join(t('cli.help.extra.separator'));
  return description ? t('cli.help.extra', { description, info }) : t('cli.help.extra.alone', { info });
}

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What commander's Help shows, in the active locale (the same conditions as commander 14's Help). */
export const helpText = {
  styleTitle(title: string): string {
    const id = TITLES[title];
    return id ? t(id) : title;
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t('cli.help.choices', { choices: quoted(option.argChoices) }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      extra.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
    }
    if (option.presetArg !== undefined && option.optional) extra.push(t('cli.help.preset', { value: JSON.stringify(option.presetArg) }));
    if (option.envVar !== undefined) extra.push(t('cli.help.env', { name: option.envVar }));
    return withExtra(option.description, extra);
  },
  argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(t('cli.help.choices', { choices: quoted(argument.argChoices) }));
    if (argument.defaultValue !== undefined) {
      extra.push(t('cli.help.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
    }
    return withExtra(argument.description, extra);
  },
  // Hangul and CJK take two columns: padding and wrapping count columns, not characters.
  displayWidth(text: string): number {
    return displayWidth(stripVTControlCharacters(text));
  },
  // Chinese puts no spaces between words: a description with CJK text may break between any two
  // of its characters. Text without any keeps commander's own wrapping, byte for byte.
  boxWrap(this: Help, text: string, width: number): string {
    if (text.search(WIDE) < 0 || width < this.minWidthToWrap) return Help.prototype.boxWrap.call(this, text, width);
    return text.split('\n').flatMap((line) => (line.trim() ? wrapColumns(line, width) : [''])).join('\n');
  },
} satisfies Partial<Help>;

/** Commander 14's error texts (after `error: `), each as a message id and its parameters. */
const ERRORS: readonly { shape: RegExp; say: (m: string[]) => [string, Params] }[] = [
  { shape: /^unknown option '(.*)'$/s, say: ([, flag]) => ['cli.commander.unknown-option', { flag }] },
  { shape: /^unknown command '(.*)'$/s, say: ([, name]) => ['cli.commander.unknown-command', { name }] },
  { shape: /^missing required argument '(.*)'$/s, say: ([, name]) => ['cli.commander.missing-argument', { name }] },
  { shape: /^option '(.*)' argument missing$/s, say: ([, flags]) => ['cli.commander.option-missing-argument', { flags }] },
  { shape: /^required option '(.*)' not specified$/s, say: ([, flags]) => ['cli.commander.missing-mandatory-option', { flags }] },
  {
    shape: /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    say: ([, command, expected, received]) => ['cli.commander.excess-arguments', { command: command ?? null, expected: Number(expected), received: Number(received) }],
  },
  {
    shape: /^(option '.*'|environment variable '.*') cannot be used with (option '.*'|environment variable '.*')$/s,
    say: ([, first, second]) => ['cli.commander.conflicting-option', { first: conflictSide(first!), second: conflictSide(second!) }],
  },
  {
    shape: /^option '(.*)' argument '(.*)' is invalid\. (.*)$/s,
    say: ([, flags, value, reason]) => ['cli.commander.invalid-option-argument', { flags, value, reason: invalidReason(reason!) }],
  },
  {
    shape: /^option '(.*)' value '(.*)' from env '(.*)' is invalid\. (.*)$/s,
    say: ([, flags, value, env, reason]) => ['cli.commander.invalid-env-value', { flags, value, env, reason: invalidReason(reason!) }],
  },
  {
    shape: /^command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s,
    say: ([, value, name, reason]) => ['cli.commander.invalid-argument', { value, name, reason: invalidReason(reason!) }],
  },
];

/** One side of a conflict: `option '--a'` or `environment variable 'X'`. */
function conflictSide(side: string): string {
  const env = /^environment variable '(.*)'$/s.exec(side);
  return env ? t('cli.commander.conflict.env', { name: env[1] }) : t('cli.commander.conflict.option', { flags: side.slice("option '".length, -1) });
}

/** Commander's reason for a rejected value; a parser of ours already speaks the active locale. */
function invalidReason(reason: string): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
  return choices ? t('cli.commander.allowed-choices', { choices: choices[1] }) : reason;
}

/**
 * A usage error as commander wrote it (`error: …`, maybe a `(Did you mean …?)` line, then a
 * newline), in the active locale and the one error style: `error: …`, the next step indented.
 */
export function commanderError(text: string): string {
  const suggestion = /\n\(Did you mean (one of )?(.*)\?\)\n?$/s.exec(text);
  const body = (suggestion ? text.slice(0, suggestion.index) : text).replace(/\n$/, '');
  const what = body.startsWith('error: ') ? body.slice('error: '.length) : undefined;
  let said = body;
  for (const { shape, say } of what === undefined ? [] : ERRORS) {
    const m = shape.exec(what!);
    if (!m) continue;
    // What the user typed is echoed: a control character in it is shown, not obeyed by the terminal.
    const [id, params] = say(m.map((part) => (part === undefined ? part : escapeControl(part))));
    said = t('cli.error.prefix', { message: t(id, params) });
    break;
  }
  const next = suggestion ? `\n  ${t('cli.commander.did-you-mean', { count: suggestion[1] ? 2 : 1, candidates: suggestion[2] })}` : '';
  return `${said}${next}\n`;
}
