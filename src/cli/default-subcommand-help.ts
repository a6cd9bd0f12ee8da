// A group whose default subcommand takes the flags (`openclaw gateway --force` runs `gateway run`)
// must show those flags in its own --help, or users never find them.
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { padColumns } from '../i18n/width.js';

export function showDefaultSubcommandOptions(group: Command, defaultSub: Command): void {
  group.addHelpText('after', () => {
    // The group's own Help: the program's configuration (descriptions in the active locale).
    const help = group.createHelp();
    const width = Math.max(...defaultSub.options.map((o) => o.flags.length));
    const rows = defaultSub.options.map((o) => `  ${padColumns(o.flags, width)}  ${help.optionDescription(o)}`);
    return `\n${t('cli.help.default-subcommand', { group: group.name(), command: defaultSub.name() })}\n${rows.join('\n')}`;
  });
}
