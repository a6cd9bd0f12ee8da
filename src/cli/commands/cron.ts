// `openclaw cron status|list|runs|add|rm|run`. Reads work directly on the cron store. `add`, `rm` and
// `run` go through the running gateway (its scheduler re-arms, runs land in its log); when no gateway
// answers they work on the store in this process (`run` then uses the default runner: system events
// are queued in cron/events.jsonl; agent turns are recorded as skipped: they need the gateway's agent).
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemAction, subsystemContextFor, viaGatewayOr } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`must be a positive integer, got ${v}`);
  return n;
}

export function register(program: Command): void {
  const cron = program.command('cron').description(t('cli.command.cron.summary'));

  cron
    .command('status')
    .description('scheduler switch, store path, job count and the next wake')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { json?: boolean }, cmd: Command) => {
        const { cronStatus } = await import('../../subsystems/cron/rpc.js');
        const ctx = subsystemContextFor(cmd);
        const s = cronStatus({}, ctx);
        if (opts.json) return printJson(s);
        println(`Scheduler: ${s.enabled ? 'enabled' : 'disabled (cron.enabled: false) — jobs will not run automatically'}`);
        println(`Store: ${s.storePath}`);
        println(`Jobs: ${s.jobs}`);
        println(`Next wake: ${fmtTime(s.nextWakeAtMs)}`);
      }),
    );

  cron
    .command('list')
    .description('list jobs with their schedule, next run and last status')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { json?: boolean }, cmd: Command) => {
        const { cronList } = await import('../../subsystems/cron/rpc.js');
        const { jobs } = cronList({ includeDisabled: true }, subsystemContextFor(cmd));
        if (opts.json) return printJson({ jobs });
        if (!jobs.length) return println('No cron jobs.');
        for (const j of jobs) {
          println(`${j.id}  ${j.enabled ? 'enabled ' : 'disabled'}  ${j.schedule}  next ${fmtTime(j.nextRunAtMs)}  last ${j.lastStatus ?? '-'}${j.consecutiveErrors ? ` (${j.consecutiveErrors} errors in a row: ${j.lastError})` : ''}${j.name ? `  ${j.name}` : ''}`);
        }
      }),
    );

  cron
    .command('runs')
    .description("a job's run history, newest first")
    .requiredOption('--id <id>', 'job id')
    .option('--limit <n>', 'how many runs', parseLimit, 20)
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { id: string; limit: number; json?: boolean }, cmd: Command) => {
        const { cronRuns } = await import('../../subsystems/cron/rpc.js');
        const r = cronRuns({ id: opts.id, limit: opts.limit }, subsystemContextFor(cmd));
        if (opts.json) return printJson(r);
        if (!r.entries.length) return println(`No runs recorded for ${opts.id}.`);
        for (const e of r.entries) println(`${fmtTime(e.ts)}  ${e.status}${e.durationMs !== undefined ? `  ${e.durationMs}ms` : ''}${e.error ? `  ${e.error}` : ''}${e.summary ? `  ${e.summary}` : ''}`);
      }),
    );

  cron
    .command('add')
    .description('add a job: exactly one of --cron, --every, --at')
    .option('--name <name>', 'a label')
    .option('--cron <expr>', 'cron expression, e.g. "0 9 * * 1-5"')
    .option('--tz <iana>', 'timezone for --cron, e.g. Europe/Berlin')
    .option('--every <duration>', 'interval such as 30m or 1h')
    .option('--at <time>', 'one-shot: ISO time or +DURATION')
    .option('--system-event <text>', 'text queued as a system event when the job runs')
    .option('--message <text>', 'run an agent turn with this message (needs the gateway)')
    .option('--disabled', 'add it disabled')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
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
        const payload = opts.message ? { kind: 'agentTurn', message: String(opts.message) } : { kind: 'systemEvent', text: String(opts.systemEvent ?? opts.name ?? 'cron job') };
        const params = { name: opts.name as string | undefined, schedule: schedule as never, payload, enabled: !opts.disabled };
        const r = await viaGatewayOr(cmd, 'cron.add', params, () => cronAdd(params, subsystemContextFor(cmd)));
        const { job } = r.payload;
        if (opts.json) return printJson({ ok: true, via: r.via, job });
        println(`Added ${job.id} (${job.schedule}); next run ${fmtTime(job.nextRunAtMs)}`);
      }),
    );

  cron
    .command('rm')
    .alias('remove')
    .description('remove a job')
    .argument('<id>', 'job id')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { cronRemove } = await import('../../subsystems/cron/rpc.js');
        const { payload: r, via } = await viaGatewayOr(cmd, 'cron.remove', { id }, () => cronRemove({ id }, subsystemContextFor(cmd)));
        if (opts.json) return printJson({ ok: true, via, ...r });
        println(`Removed ${id}`);
      }),
    );

  cron
    .command('run')
    .description('run a job now and record the result (works even when the scheduler is disabled)')
    .argument('<id>', 'job id')
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { cronRun } = await import('../../subsystems/cron/rpc.js');
        const { payload: r, via } = await viaGatewayOr(cmd, 'cron.run', { id }, () => cronRun({ id }, subsystemContextFor(cmd)));
        if (opts.json) printJson({ ok: r.entry.status !== 'error', via, ...r });
        else println(`${id}: ${r.entry.status}${r.entry.error ? ` — ${r.entry.error}` : ''}${r.entry.summary ? ` (${r.entry.summary})` : ''}`);
        return r.entry.status === 'error' ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
