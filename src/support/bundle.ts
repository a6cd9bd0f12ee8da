// The support bundle (`openclaw doctor --bundle`): what a maintainer asks for in a bug report, as
// a list of files for a reproducible .tar.gz (tar.ts). Every file passes through one redaction
// (the config's secrets, secret-named environment variables, secrets in the service definition,
// and redact.ts's bearer/token= patterns); log and journal text also gets control characters escaped.
// Nothing here depends on the time of the run: the report's duration is left out and the times
// inside its text (`after 72 ms`) read `<n> ms`, so two bundles of the same state are byte-identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfigFile } from '../config/load.js';
import type { ResolvedPaths } from '../config/paths.js';
import { stateLayout } from '../config/paths.js';
import { collectSecrets, isSecretKey, redactText, redactValue } from '../config/redact.js';
import type { DoctorReport } from '../engine/report.js';
import { journalFile } from '../engine/journal.js';
import { readConfigView, tail } from '../facts/services.js';
import { escapeControl } from '../logs/escape.js';
import { defaultLogSources } from '../logs/sources.js';
import { readDefinitionFile } from '../service/read.js';
import { targetOf } from '../service/lifecycle.js';
import { findPortHolders } from '../system/port-holders.js';
import type { TarFile } from './tar.js';

/** Lines kept from the end of each log, and entries from the end of the doctor journal. */
export const LOG_LINES = 200;
export const JOURNAL_ENTRIES = 20;
const TAIL_BYTES = 512 * 1024;
const ROOT = 'openclaw-bundle';
const ENV_REF = /^\$\{[A-Z_][A-Z0-9_]*\}$/;

export interface BundleInput {
  paths: ResolvedPaths;
  env: NodeJS.ProcessEnv;
  report: DoctorReport;
  /** Renders the human report, without colour (the CLI's reporter). */
  renderHuman: (report: DoctorReport) => string;
  toolkitVersion: string;
  /** Where upstream's /tmp/openclaw logs are looked for (tests). */
  tmpDir?: string;
}

export interface BundleFile extends TarFile {
  content: string;
  /** What it is, for the command's list. */
  what: string;
}

const MILLISECONDS = /\b\d+(?:\.\d+)?\s?ms\b/g;

/** The report without what differs between two runs of the same state: its duration, and times measured in its text. */
export function stableReport(report: DoctorReport): DoctorReport {
  const { durationMs: _ignored, ...rest } = report;
  return mapStrings(rest, (s) => s.replace(MILLISECONDS, '<n> ms'));
}

/** A deep copy with every string passed through `fn`. */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  return value;
}

function lastLines(file: string, n: number): string | undefined {
  const text = tail(file, TAIL_BYTES);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-n).join('\n') + '\n';
}

/** The upstream `openclaw` package on PATH (not this toolkit, whose bin has the same name), by its package.json. */
export function installedOpenClaw(env: NodeJS.ProcessEnv): { version: string; bin: string } | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const bin = path.join(dir, 'openclaw');
    let real: string;
    try {
      real = fs.realpathSync(bin);
    } catch {
      continue;
    }
    for (let d = path.dirname(real); d !== path.dirname(d); d = path.dirname(d)) {
      const pkgFile = path.join(d, 'package.json');
      if (!fs.existsSync(pkgFile)) continue;
      try {
        const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
        if (pkg.name === 'openclaw' && typeof pkg.version === 'string') return { version: pkg.version, bin };
      } catch {
        /* unreadable package.json: not a package we can name */
      }
      break;
    }
  }
  return undefined;
}

/** Every secret value the bundle must not contain, raw (the redaction is exact-match first). */
function secretsOf(input: BundleInput, config: ReturnType<typeof readConfigFile> | undefined, serviceEnv: Record<string, string>): Set<string> {
  const secrets = new Set<string>();
  if (config?.exists) {
    collectSecrets(config.raw, '', secrets);
    collectSecrets(config.resolved, '', secrets);
  }
  // Secret-named variables of this process and of the service, whether or not the config names them.
  for (const env of [input.env, serviceEnv]) for (const [k, v] of Object.entries(env)) if (v && v.length >= 4 && isSecretKey(k)) secrets.add(v);
  // A `${NAME}` reference is not a secret, and tells a maintainer where the value comes from.
  for (const s of secrets) if (ENV_REF.test(s)) secrets.delete(s);
  return secrets;
}

export async function collectBundle(input: BundleInput): Promise<BundleFile[]> {
  const { paths, env } = input;
  const stateDir = paths.stateDir.value;
  const configPath = paths.configPath.value;
  const files: BundleFile[] = [];
  const add = (name: string, what: string, content: string) => files.push({ name: `${ROOT}/${name}`, what, content });

  let config: ReturnType<typeof readConfigFile> | undefined;
  let configError: string | undefined;
  try {
    config = readConfigFile(configPath);
  } catch (err) {
    configError = (err as Error).message;
  }

  const target = targetOf({ paths, env });
  let serviceEnv: Record<string, string> = {};
  let serviceText: string | undefined;
  if (fs.existsSync(target.file)) {
    serviceText = fs.readFileSync(target.file, 'utf8');
    try {
      serviceEnv = (await readDefinitionFile(target.kind, target.file, env.HOME)).env;
    } catch {
      /* unreadable definition: its text is still redacted by pattern */
    }
  }
  const secrets = secretsOf(input, config, serviceEnv);
  const scrub = (text: string) => redactText(text, secrets);
  const logText = (text: string) => escapeControl(scrub(text));

  const report = stableReport(input.report);
  add('report.json', 'the doctor report (JSON)', scrub(`${JSON.stringify(report, null, 2)}\n`));
  add('report.txt', 'the doctor report (as printed)', logText(`${input.renderHuman(report)}\n`));

  // Structurally: secret-named keys become ***, and known secret values inside other strings too;
  // a `${NAME}` reference stays (redact.ts's token= pattern would eat it in the text).
  if (config?.exists) add('config/openclaw.json', `the config ${configPath}, secrets redacted`, `${JSON.stringify(mapStrings(redactValue(config.raw), scrub), null, 2)}\n`);
  else if (configError) add('config/ERROR.txt', `why the config ${configPath} could not be read`, logText(`${configError}\n`));
  else add('config/ABSENT.txt', `no config at ${configPath}`, `no config file at ${configPath}\n`);

  const logsDir = stateLayout(stateDir).logsDir;
  for (const file of defaultLogSources({ stateDir, configPath, tmpDir: input.tmpDir }).files) {
    const text = lastLines(file, LOG_LINES);
    if (text === undefined) continue;
    const where = path.dirname(file) === logsDir ? 'logs' : 'logs/external';
    add(`${where}/${path.basename(file)}`, `last ${LOG_LINES} lines of ${file}`, logText(text));
  }

  if (serviceText !== undefined) add(`service/${path.basename(target.file)}`, `the ${target.kind} definition ${target.file}`, logText(serviceText));

  const journal = lastLines(journalFile(stateDir), JOURNAL_ENTRIES);
  if (journal !== undefined) add('doctor-journal.jsonl', `last ${JOURNAL_ENTRIES} doctor journal entries`, logText(journal));

  const upstream = installedOpenClaw(env);
  const versions = {
    toolkit: input.toolkitVersion,
    node: process.versions.node,
    os: { platform: process.platform, type: os.type(), release: os.release(), arch: process.arch },
    openclaw: upstream ?? null,
  };
  add('versions.json', 'versions: toolkit, Node, OS, OpenClaw', scrub(`${JSON.stringify(versions, null, 2)}\n`));

  const port = readConfigView(configPath, env, paths.defaultPort).port;
  const holders = await findPortHolders(port.value);
  add('ports.json', `who listens on the gateway port ${port.value}`, scrub(`${JSON.stringify({ port: port.value, source: port.source, holders: holders ?? null }, null, 2)}\n`));

  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
