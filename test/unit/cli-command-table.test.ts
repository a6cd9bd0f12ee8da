// The lazy command table must list what the real registrations produce, or `openclaw --help`
// would drift from the commands it runs.
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandSummary, requestedCommand } from '../../src/cli/command-table.js';

describe('command table', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s: its summary and help term match the real command', async (_name, entry) => {
    const program = new Command('openclaw');
    (await entry.load())(program);
    expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    const real = program.commands[0]!;
    expect(real.description()).toBe(commandSummary(entry.name));
    expect(new Help().subcommandTerm(real)).toBe(entry.term);
  });

  it('keeps the paired groups together: gateway has the service commands, logs has scan', async () => {
    const program = new Command('openclaw');
    for (const name of ['gateway', 'logs']) (await COMMANDS.find((e) => e.name === name)!.load())(program);
    const sub = (group: string) => program.commands.find((c) => c.name() === group)!.commands.map((c) => c.name());
    expect(sub('gateway')).toEqual(expect.arrayContaining(['run', 'install', 'uninstall', 'start']));
    expect(sub('logs')).toEqual(expect.arrayContaining(['tail', 'scan']));
  });

  it('finds the command after the global options, and the topic of `help`', () => {
    expect(requestedCommand(['doctor', '--json'])).toBe('doctor');
    expect(requestedCommand(['--profile', 'work', '--no-color', 'gateway', 'run'])).toBe('gateway');
    expect(requestedCommand(['--profile=work', 'config', 'file'])).toBe('config');
    expect(requestedCommand(['help', 'logs'])).toBe('logs');
    expect(requestedCommand(['--dev', 'help', 'gateway', 'install'])).toBe('gateway');
    expect(requestedCommand(['--version'])).toBeUndefined();
    expect(requestedCommand(['help'])).toBeUndefined();
    expect(requestedCommand([])).toBeUndefined();
  });
});
