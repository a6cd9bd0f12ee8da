// `openclaw gateway install|uninstall|start`, and the service side of `gateway stop|restart|status --deep`
// (the gateway command group calls stopService/restartService/serviceStatus when a service is installed).
// Parse → call src/service → render; no logic of its own.
import type { Command } from 'commander';
import type { Finding } from '../../engine/check.js';
import type { ServicesFact } from '../../facts/services.js';
import type { LifecycleResult } from '../../service/lifecycle.js';
import type { Availability } from '../../service/manager.js';
import { chalk } from '../../color.js';
import { contextFor, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { eprintln, printError, printJson, println } from '../output.js';
import { action } from '../run-action.js';
import { t, words } from '../../i18n/index.js';

function parsePortOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new CliError(t('cli.gateway-service.bad-port', { value: JSON.stringify(text) }), EXIT.USAGE);
  return n;
}

function unavailableJson(a: Availability | undefined) {
  return a && !a.ok ? { failed: a.failed, reason: a.reason, alternatives: a.alternatives, checks: a.steps } : undefined;
}

function printUnavailable(a: Extract<Availability, { ok: false }>): void {
  eprintln(t('cli.gateway-service.checks'));
  for (const s of a.steps) eprintln(`  ${s.ok ? chalk.green('✓') : chalk.red('✗')} ${s.check}: ${s.detail}`);
  eprintln(t('cli.gateway-service.instead'));
  for (const [i, alt] of a.alternatives.entries()) {
    const ref = a.alternativeRefs?.[i];
    eprintln(`  - ${ref ? words(ref) : alt}`);
  }
}

function printSteps(r: LifecycleResult): void {
  for (const s of r.steps) if (!s.ok && !s.optional) eprintln(chalk.dim(`  $ ${s.command}\n    ${s.stderr || t('cli.gateway-service.exit', { code: s.exitCode })}`));
}

/** Prints a lifecycle result (JSON or lines) and returns the exit code. */
function report(r: LifecycleResult, json: boolean, humanError = words(r.text)): number {
  if (json) {
    const { unavailable, steps, text: _text, ...rest } = r;
    printJson({ ...rest, steps: steps.map(({ command, ok, exitCode, stderr, optional }) => ({ command, ok, exitCode, stderr: stderr || undefined, optional })), unavailable: unavailableJson(unavailable) });
    return r.ok ? EXIT.OK : EXIT.FAILED;
  }
  if (r.ok) println(words(r.text));
  else {
    printError(humanError);
    printSteps(r);
    if (r.unavailable) printUnavailable(r.unavailable);
  }
  return r.ok ? EXIT.OK : EXIT.FAILED;
}

async function lifecycle() {
  return import('../../service/lifecycle.js');
}

export function registerServiceCommands(gateway: Command): void {
  gateway
    .command('install')
    .description(t('cli.gateway-service.install.summary'))
    .option('--force', t('cli.gateway-service.install.option.force'))
    .option('--port <port>', t('cli.gateway-service.install.option.port'))
    .option('--json', t('cli.common.option.json-result'))
    .action(
      action(async (opts: { force?: boolean; port?: string; json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { installService } = await lifecycle();
        const r = await installService({ paths: ctx.paths, env: ctx.env, force: opts.force, port: parsePortOption(opts.port) });
        if (opts.json || !r.unavailable) {
          if (!opts.json) for (const w of r.warnings) eprintln(chalk.yellow(t('cli.gateway-service.warning', { warning: w })));
          return report(r, Boolean(opts.json));
        }
        // The definition is on disk even though nothing could enable it: say both, separately.
        println(t('cli.gateway-service.install.written', { written: r.written, file: r.file }));
        for (const w of r.warnings) eprintln(chalk.yellow(t('cli.gateway-service.warning', { warning: w })));
        return report(r, false, t('cli.gateway-service.install.not-enabled', { name: r.name, reason: r.unavailable.reasonRef ?? r.unavailable.reason }));
      }),
    );

  gateway
    .command('uninstall')
    .description(t('cli.gateway-service.uninstall.summary'))
    .option('--json', t('cli.common.option.json-result'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { uninstallService } = await lifecycle();
        return report(await uninstallService({ paths: ctx.paths, env: ctx.env }), Boolean(opts.json));
      }),
    );

  gateway
    .command('start')
    .description(t('cli.gateway-service.start.summary'))
    .option('--json', t('cli.common.option.json-result'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { controlService } = await lifecycle();
        return report(await controlService('start', { paths: ctx.paths, env: ctx.env }), Boolean(opts.json));
      }),
    );
}

/** True when this profile has a service definition: `gateway stop|restart` then go through the service manager. */
export async function serviceInstalled(ctx: CliContext): Promise<boolean> {
  const { targetOf } = await lifecycle();
  const fs = await import('node:fs');
  return fs.existsSync(targetOf({ paths: ctx.paths, env: ctx.env }).file);
}

/**
 * True when `gateway stop|restart` should go through the service manager: a definition is installed
 * for this profile and its manager works here. Otherwise they act on the lock's pid.
 */
export async function serviceManaged(ctx: CliContext): Promise<boolean> {
  if (!(await serviceInstalled(ctx))) return false;
  const { managerFor, targetOf } = await lifecycle();
  const { kind, env } = targetOf({ paths: ctx.paths, env: ctx.env });
  return (await managerFor(kind, env).available()).ok;
}

/** `gateway stop` for an installed service: prints and returns the exit code. */
export async function stopService(ctx: CliContext, opts: { json?: boolean } = {}): Promise<number> {
  const { controlService } = await lifecycle();
  return report(await controlService('stop', { paths: ctx.paths, env: ctx.env }), Boolean(opts.json));
}

/** `gateway restart` for an installed service: prints and returns the exit code. */
export async function restartService(ctx: CliContext, opts: { json?: boolean } = {}): Promise<number> {
  const { controlService } = await lifecycle();
  return report(await controlService('restart', { paths: ctx.paths, env: ctx.env }), Boolean(opts.json));
}

export interface ServiceStatus {
  installed: boolean;
  kind: ServicesFact['kind'];
  name: string;
  file: string;
  command?: string;
  port?: number;
  configCli: string;
  configService?: string;
  runtime?: ServicesFact['runtime'];
  unavailable?: ReturnType<typeof unavailableJson>;
  readError?: string;
  others?: ServicesFact['others'];
  /** Service drift findings (the service/* checks) at warning or error. */
  findings: Finding[];
  /** The same, as lines for people. */
  lines: string[];
}

/** The service part of `gateway status [--deep]`: data for --json and lines for people. Secrets redacted. */
export async function serviceStatus(ctx: CliContext, deep = false): Promise<ServiceStatus> {
  const [{ collectServices }, { serviceFindings }, { redactArgv, redactText }] = await Promise.all([
    import('../../facts/services.js'),
    import('./service-findings.js'),
    import('../../config/redact.js'),
  ]);
  const fact = await collectServices({ paths: ctx.paths, env: ctx.env, deep });
  if (!fact.ok) throw new CliError(t('cli.gateway-service.unreadable', { reason: fact.reason }));
  const s = fact.value;
  const secrets = [s.installed?.token, s.cli.config.token].filter((t): t is string => Boolean(t));
  const command = s.installed ? redactText(redactArgv(s.installed.definition.programArguments).join(' '), secrets) : undefined;
  const findings = serviceFindings(fact).filter((f) => f.severity !== 'info');
  const status: ServiceStatus = {
    installed: Boolean(s.installed),
    kind: s.kind,
    name: s.expected.name,
    file: s.expected.file,
    command,
    port: s.installed?.port.value,
    configCli: s.cli.config.path,
    configService: s.installed?.config.path,
    runtime: s.runtime,
    unavailable: unavailableJson(s.availability),
    readError: s.readError,
    others: s.others,
    findings,
    lines: [],
  };
  const lines = status.lines;
  lines.push(t('cli.gateway-service.status.service', { kind: s.kind, name: s.expected.name, state: s.installed ? 'installed' : s.readError ? 'unreadable' : 'missing', file: s.expected.file }));
  if (s.readError) lines.push(`  ${s.readError}`);
  if (command) lines.push(t('cli.gateway-service.status.command', { command }));
  if (s.installed?.definition.envFiles.length) lines.push(t('cli.gateway-service.status.env-files', { files: s.installed.definition.envFiles.join(', ') }));
  lines.push(t('cli.gateway-service.status.config-cli', { path: s.cli.config.path }));
  if (s.installed) lines.push(t('cli.gateway-service.status.config-service', { path: s.installed.config.path }));
  if (s.installed) lines.push(t('cli.gateway-service.status.port', { port: s.installed.port.value, source: s.installed.port.from ?? s.installed.port.source }));
  if (s.availability && !s.availability.ok) lines.push(t('cli.gateway-service.status.state-unknown', { reason: s.availability.reasonRef ?? s.availability.reason }));
  else if (s.runtime) {
    const bits = [
      s.runtime.detail,
      s.runtime.pid ? t('cli.gateway-service.status.pid', { pid: s.runtime.pid }) : undefined,
      s.runtime.restarts !== undefined ? t('cli.gateway-service.status.restarts', { count: s.runtime.restarts }) : undefined,
      s.runtime.lastExitStatus ? t('cli.gateway-service.status.last-exit', { status: s.runtime.lastExitStatus }) : undefined,
    ].filter(Boolean);
    lines.push(t('cli.gateway-service.status.state', { state: s.runtime.state, details: bits.join(t('cli.gateway-service.status.separator')), hasDetails: bits.length > 0 }));
  }
  for (const f of findings) lines.push(`${t('cli.gateway-service.status.severity', { severity: f.severity })}: ${f.message.split('\n')[0]}${f.fixHint ? `\n  → ${f.fixHint}` : ''}`);
  if (deep && !s.others?.length) lines.push(t('cli.gateway-service.status.no-others'));
  for (const o of s.others ?? []) lines.push(t('cli.gateway-service.status.other', { name: o.name, scope: o.scope, legacy: Boolean(o.legacy), port: o.port ?? 0, file: o.file }));
  return status;
}
