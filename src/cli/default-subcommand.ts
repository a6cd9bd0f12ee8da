// A group with a default subcommand (`openclaw gateway --force` runs `gateway run`, `openclaw logs`
// runs `logs tail`): its --help shows the default's flags, or users never find them, and a word that
// names no subcommand is an unknown command, not an argument the default subcommand refuses.
import type { Command } from 'commander';
import { distance } from 'fastest-levenshtein';
import { t } from '../i18n/index.js';
import { padColumns } from '../i18n/width.js';

/**
 * `openclaw gateway statsu` reached `gateway run` as an argument ("too many arguments for 'run'").
 * It is commander's unknown-command error instead, worded and suggested as commander words it, so
 * the catalog translates it like any other (src/cli/commander-text.ts).
 */
export function rejectUnknownSubcommands(group: Command, defaultSub: Command): void {
  group.hook('preSubcommand', (thisCommand, subCommand) => {
    const word = thisCommand.args[0];
    if (subCommand !== defaultSub || word === undefined || word.startsWith('-')) return;
    if (defaultSub.registeredArguments.length > 0) return; // the default takes operands of its own
    const names = group.commands.map((c) => c.name());
    if (names.includes(word) || group.commands.some((c) => c.aliases().includes(word))) return; // named, as `gateway run`
    // One edit in a short word, two or three in longer ones (a swap of two letters counts as two).
    const allowed = word.length <= 3 ? 1 : word.length <= 8 ? 2 : 3;
    const near = names.filter((n) => distance(n, word) <= allowed);
    // i18n-ignore: commander's own English, which src/cli/commander-text.ts reads back into the catalog
    const suggestion = near.length ? `\n(Did you mean ${near.length === 1 ? near[0] : `one of ${near.join(', ')}`}?)` : '';
    // i18n-ignore: commander's own English, as above
    thisCommand.error(`error: unknown command '${word}'${suggestion}`, { code: 'commander.unknownCommand' });
  });
}

export function showDefaultSubcommandOptions(group: Command, defaultSub: Command): void {
  group.addHelpText('after', () => {
    // The group's own Help: the program's configuration (descriptions in the active locale).
    const help = group.createHelp();
    const width = Math.max(...defaultSub.options.map((o) => o.flags.length));
    const rows = defaultSub.options.map((o) => `  ${padColumns(o.flags, width)}  ${help.optionDescription(o)}`);
    return `\n${t('cli.help.default-subcommand', { group: group.name(), command: defaultSub.name() })}\n${rows.join('\n')}`;
  });
}
