// A group whose default subcommand takes the flags (`openclaw gateway --force` runs `gateway run`)
// must show those flags in its own --help, or users never find them.
import { Help, type Command } from 'commander';

export function showDefaultSubcommandOptions(group: Command, defaultSub: Command): void {
  group.addHelpText('after', () => {
    const help = new Help();
    const width = Math.max(...defaultSub.options.map((o) => o.flags.length));
    const rows = defaultSub.options.map((o) => `  ${o.flags.padEnd(width)}  ${help.optionDescription(o)}`);
    return `\nOptions of the default command (\`openclaw ${group.name()} [options]\` runs \`${group.name()} ${defaultSub.name()}\`):\n${rows.join('\n')}`;
  });
}
