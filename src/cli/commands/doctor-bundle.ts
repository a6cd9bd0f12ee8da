// `openclaw doctor --bundle [FILE]`: writes the support bundle (src/support/bundle.ts) and says
// what it collected. Loaded only when --bundle is given, with the tar library behind it.
import fs from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { chalk } from '../../color.js';
import { CliError, EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { VERSION } from '../version.js';
import { fileTimestamp, writeFileAtomic } from '../../config/write.js';
import type { DoctorReport } from '../../engine/report.js';
import { renderHuman } from '../../engine/reporters/human.js';
import { collectBundle } from '../../support/bundle.js';
import { reproducibleTarGz } from '../../support/tar.js';
import { t } from '../../i18n/index.js';

/** The file to write: FILE, or openclaw-bundle-<time>.tar.gz in the cwd. Refuses an existing one without --force, before the doctor runs. */
export function bundleTarget(flag: string | true, force: boolean): string {
  const file = path.resolve(flag === true ? `openclaw-bundle-${fileTimestamp()}.tar.gz` : flag);
  if (!force && fs.existsSync(file)) throw new CliError(t('cli.doctor-bundle.exists', { file }), EXIT.USAGE, t('cli.doctor-bundle.exists.hint'));
  if (!fs.existsSync(path.dirname(file))) throw new CliError(t('cli.doctor-bundle.no-dir', { dir: path.dirname(file) }), EXIT.USAGE);
  return file;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The human report as a pipe would get it: no colour codes in the bundle. */
function plainHuman(report: DoctorReport): string {
  const level = chalk.level;
  chalk.level = 0;
  try {
    return renderHuman(report);
  } finally {
    chalk.level = level;
  }
}

export async function writeSupportBundle(ctx: CliContext, report: DoctorReport, file: string, opts: { force: boolean; json: boolean }): Promise<number> {
  const files = await collectBundle({ paths: ctx.paths, env: ctx.env, report, renderHuman: plainHuman, toolkitVersion: VERSION });
  const archive = await reproducibleTarGz(files);
  try {
    writeFileAtomic(file, archive, 0o600, { exclusive: !opts.force });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(t('cli.doctor-bundle.exists', { file }), EXIT.USAGE, t('cli.doctor-bundle.exists.hint'));
    throw new CliError(t('cli.doctor-bundle.unwritable', { file, reason: code ?? (err as Error).message }), EXIT.FAILED);
  }
  const listed = files.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.content), what: f.what }));
  if (opts.json) {
    printJson({ ok: true, file, bytes: archive.length, reportOk: report.ok, files: listed });
    return EXIT.OK;
  }
  println(t('cli.doctor-bundle.written', { file, size: size(archive.length), count: listed.length }));
  const width = Math.max(...listed.map((f) => f.name.length));
  for (const f of listed) println(`  ${f.name.padEnd(width)}  ${size(f.bytes).padStart(9)}  ${f.what}`);
  println(t('cli.doctor-bundle.verdict', { ok: report.ok }));
  return EXIT.OK;
}
