// The systemd user unit: written with upstream's defaults (reference §6), read back from any unit.
import path from 'node:path';
import { portFromArgs, type ServiceDefinition, type ServiceSpec } from './definition.js';
import { parseEnvironment, parseExecLine, parseUnit, quoteAssignment, quoteWord, renderUnit, unitValue, unitValues } from './systemd-syntax.js';

/** Paths systemd's `append:` output target can take unquoted. */
function plainPath(p: string): boolean {
  return !/[\s"'\\%$]/.test(p);
}

export function renderSystemdUnit(spec: ServiceSpec): string {
  const service: Array<[string, string]> = [
    ['Type', 'simple'],
    ['ExecStart', spec.programArguments.map((a) => quoteWord(a, { exec: true })).join(' ')],
    // A path setting: taken verbatim (no quotes), only specifiers need escaping.
    ['WorkingDirectory', spec.workingDirectory.replace(/%/g, '%%')],
    ['Restart', 'always'],
    ['RestartSec', '5'],
    // 78 is EX_CONFIG: the gateway's start guards; restarting cannot fix a config error.
    ['RestartPreventExitStatus', '78'],
  ];
  for (const [key, value] of Object.entries(spec.env)) service.push(['Environment', quoteAssignment(key, value)]);
  const out = path.join(spec.logsDir, 'gateway.log');
  const err = path.join(spec.logsDir, 'gateway.err.log');
  // Files where the doctor looks for EADDRINUSE and friends; the journal when a path cannot be written unquoted.
  if (plainPath(out) && plainPath(err)) service.push(['StandardOutput', `append:${out}`], ['StandardError', `append:${err}`]);
  return renderUnit(
    [
      { name: 'Unit', entries: [['Description', spec.description], ['After', 'network-online.target'], ['Wants', 'network-online.target']] },
      { name: 'Service', entries: service },
      { name: 'Install', entries: [['WantedBy', 'default.target']] },
    ],
    'Written by `openclaw gateway install`. Reinstall rather than edit: `openclaw gateway install --force`',
  );
}

export function readSystemdUnit(text: string, file: string, opts: { home?: string } = {}): ServiceDefinition {
  const unit = parseUnit(text);
  const exec = unitValues(unit, 'Service', 'ExecStart');
  const programArguments = exec.length ? parseExecLine(exec[exec.length - 1], opts) : [];
  return {
    kind: 'systemd',
    name: path.basename(file),
    file,
    programArguments,
    env: parseEnvironment(unitValues(unit, 'Service', 'Environment'), opts),
    envFiles: unitValues(unit, 'Service', 'EnvironmentFile').map((f) => f.replace(/^-/, '')),
    port: portFromArgs(programArguments),
    restart: unitValue(unit, 'Service', 'Restart'),
  };
}
