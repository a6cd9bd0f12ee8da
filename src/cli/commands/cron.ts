// `openclaw cron status|list|runs|add|rm|run`. Reads work directly on the cron store. `add`, `rm` and
// `run` go through the running gateway (its scheduler re-arms, runs land in its log); when no gateway
// answers they work on the store in this process (`run` then uses the default runner: system events
// are queued in cron/events.jsonl; agent turns are recorded as skipped: they need the gateway's agent).
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t('cli.cron.arg.limit', { value: v }));
  return n;
}

export function register(program: Command): void {
  const cron = program.command('cron').description(t('cli.command.cron.summary'));

  cron
    .command('status')
    .description(t('cli.cron.status.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const { cronStatus } = await import('../../subsystems/cron/rpc.js');
        const ctx = subsystemContextFor(cmd);
        const s = cronStatus({}, ctx);
        if (opts.json) return printJson(s);
        println(t('cli.cron.status.scheduler', { enabled: s.enabled }));
        println(t('cli.cron.status.store', { path: s.storePath }));
        println(t('cli.cron.status.jobs', { count: s.jobs }));
        println(t('cli.cron.status.next-wake', { time: fmtTime(s.nextWakeAtMs) }));
      }),
    );

  cron
    .command('list')
    .description(t('cli.cron.list.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const { cronList } = await import('../../subsystems/cron/rpc.js');
        const { jobs } = cronList({ includeDisabled: true }, subsystemContextFor(cmd));
        if (opts.json) return printJson({ jobs });
        if (!jobs.length) return println(t('cli.cron.list.none'));
        for (const j of jobs) {
          const line = t('cli.cron.list.line', {
            id: j.id,
            enabled: j.enabled,
            schedule: j.schedule,
            next: fmtTime(j.nextRunAtMs),
            last: j.lastStatus ?? '-',
            errors: j.consecutiveErrors ?? 0,
            lastError: String(j.lastError),
          });
          println(`${line}${j.name ? `  ${j.name}` : ''}`);
        }
      }),
    );

  cron
    .command('runs')
    .description(t('cli.cron.runs.summary'))
    .requiredOption('--id <id>', t('cli.cron.arg.id'))
    .option('--limit <n>', t('cli.cron.runs.option.limit'), parseLimit, 20)
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { id: string; limit: number; json?: boolean }, cmd: Command) => {
        const { cronRuns } = await import('../../subsystems/cron/rpc.js');
        const r = cronRuns({ id: opts.id, limit: opts.limit }, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        if (!r.entries.length) return println(t('cli.cron.runs.none', { id: opts.id }));
        for (const e of r.entries) println(`${fmtTime(e.ts)}  ${e.status}${e.durationMs !== undefined ? `  ${e.durationMs}ms` : ''}${e.error ? `  ${e.error}` : ''}${e.summary ? `  ${e.summary}` : ''}`);
      }),
    );

  cron
    .command('add')
    .description(t('cli.cron.add.summary'))
    .option('--name <name>', t('cli.cron.add.option.name'))
    .option('--cron <expr>', t('cli.cron.add.option.cron'))
    .option('--tz <iana>', t('cli.cron.add.option.tz'))
    .option('--every <duration>', t('cli.cron.add.option.every'))
    .option('--at <time>', t('cli.cron.add.option.at'))
    .option('--system-event <text>', t('cli.cron.add.option.system-event'))
    .option('--message <text>', t('cli.cron.add.option.message'))
    .option('--disabled', t('cli.cron.add.option.disabled'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
        const { cronAdd } = await import('../../subsystems/cron/rpc.js');
        const { scheduleFromFlags, ScheduleError } = await import('../../subsystems/cron/schedule.js');
        const { CliError } = await import('../exit-codes.js');
        let schedule;
        try {
          schedule = scheduleFromFlags({ cron: opts.cron as string, tz: opts.tz as string, every: opts.every as string, at: opts.at as string }, Date.now());
        } catch (err) {
          if (err instanceof ScheduleError) throw new CliError(err.message, EXIT.USAGE);
          throw err;
        }
        // i18n-ignore: the stored event text of an unnamed job, data rather than output
        const payload = opts.message ? { kind: 'agentTurn', message: String(opts.message) } : { kind: 'systemEvent', text: String(opts.systemEvent ?? opts.name ?? 'cron job') };
        const params = { name: opts.name as string | undefined, schedule: schedule as never, payload, enabled: !opts.disabled };
        const r = await viaGatewayOr(cmd, 'cron.add', params, () => cronAdd(params, subsystemContextFor(cmd)));
        const { job } = r.payload;
        if (opts.json) return printJson({ ok: true, via: r.via, job });
        println(t('cli.cron.add.done', { id: job.id, schedule: job.schedule, next: fmtTime(job.nextRunAtMs) }));
      }),
    );

  cron
    .command('rm')
    .alias('remove')
    .description(t('cli.cron.rm.summary'))
    .argument('<id>', t('cli.cron.arg.id'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { cronRemove } = await import('../../subsystems/cron/rpc.js');
        const { payload: r, via } = await viaGatewayOr(cmd, 'cron.remove', { id }, () => cronRemove({ id }, subsystemContextFor(cmd)));
        if (opts.json) return printJson({ ok: true, via, ...r });
        println(t('cli.cron.rm.done', { id }));
      }),
    );

  cron
    .command('run')
    .description(t('cli.cron.run.summary'))
    .argument('<id>', t('cli.cron.arg.id'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { cronRun } = await import('../../subsystems/cron/rpc.js');
        const { payload: r, via } = await viaGatewayOr(cmd, 'cron.run', { id }, () => cronRun({ id }, subsystemContextFor(cmd)));
        if (opts.json) printJson({ ok: r.entry.status !== 'error', via, ...r });
        else println(`${id}: ${r.entry.status}${r.entry.error ? ` — ${r.entry.error}` : ''}${r.entry.summary ? ` (${r.entry.summary})` : ''}`);
        return r.entry.status === 'error' ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
