// `openclaw config file|get|set|unset|validate|patch`: read and change openclaw.json safely.
import fs from 'node:fs';
import type { Command } from 'commander';
import JSON5 from 'json5';
import { ConfigError } from '../../config/errors.js';
import { getPath, mergePatch, parsePath, setPath, unsetPath } from '../../config/dotpath.js';
import { readConfigFile, type JsonObject } from '../../config/load.js';
import { describeSource } from '../../config/paths.js';
import { redactValue } from '../../config/redact.js';
// The schema (zod) and the writer load inside the actions that need them: `config get|file` start fast.
import type { ValidationIssue } from '../../config/schema.js';
import type { EditResult } from '../../config/store.js';
import { chalk } from '../../color.js';
import { contextFor, type CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { eprintln, printJson, println } from '../output.js';
import { action } from '../run-action.js';
import { en, t, words } from '../../i18n/index.js';

/** A value typed on the command line: JSON5 when it parses (`true`, `18789`, `["a"]`), else the raw string. */
export function parseCliValue(text: string): unknown {
  try {
    return JSON5.parse(text);
  } catch {
    return text;
  }
}

function missing(ctx: CliContext): CliError {
  return new CliError(
    t('cli.config.missing', { path: ctx.paths.configPath.value, source: describeSource(ctx.paths.configPath) }),
    EXIT.CONFIG,
    t('cli.config.missing.hint'),
  );
}

/** What an edit did, for its one-line summary. */
type Change = { action: 'set' | 'unset' | 'patch'; key?: string };

function printEdit(ctx: CliContext, r: EditResult, json: boolean, change: Change): void {
  if (json) {
    printJson({
      ok: true,
      configPath: r.configPath,
      changed: r.diff.changed,
      dryRun: r.dryRun,
      backup: r.write?.backup,
      diff: r.diff.text || undefined,
    });
    return;
  }
  if (r.dryRun) {
    if (!r.diff.changed) println(t('cli.config.no-change'));
    else {
      println(r.diff.text || t('cli.config.secret-only'));
      println(chalk.dim(t('cli.config.dry-run')));
    }
    return;
  }
  if (!r.diff.changed) {
    println(t('cli.config.no-change'));
    return;
  }
  println(t('cli.config.edited', { action: change.action, key: change.key ?? '', path: r.configPath }));
  if (r.write?.backup) println(chalk.dim(t('cli.config.backup', { path: r.write.backup })));
  if (r.droppedComments) eprintln(chalk.yellow(t('cli.config.comments-dropped')));
  void ctx;
}

async function edit(ctx: CliContext, mutate: (raw: JsonObject) => JsonObject, opts: { dryRun?: boolean; allowCreate?: boolean }, reason: string): Promise<EditResult> {
  const { ConfigMissingError, editConfig } = await import('../../config/store.js');
  try {
    return editConfig(ctx.paths, mutate, {
      dryRun: opts.dryRun,
      showSecrets: ctx.global.showSecrets,
      allowCreate: opts.allowCreate,
      reason,
    });
  } catch (err) {
    if (err instanceof ConfigMissingError) throw missing(ctx);
    throw err;
  }
}

export function register(program: Command): void {
  const config = program.command('config').description(t('cli.command.config.summary'));

  config
    .command('file')
    .description(t('cli.config.file.summary'))
    .option('--json', t('cli.common.option.json'))
    .action(
      action((opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { configPath, stateDir, profile } = ctx.paths;
        const exists = fs.existsSync(configPath.value);
        if (opts.json) {
          printJson({ path: configPath.value, exists, source: configPath.source, from: configPath.from, stateDir: stateDir.value, profile: profile?.value });
        } else {
          println(configPath.value);
          println(chalk.dim(t('cli.config.file.source', { source: describeSource(configPath), exists })));
          println(chalk.dim(t('cli.config.file.state-dir', { dir: stateDir.value })));
        }
      }),
    );

  config
    .command('get')
    .description(t('cli.config.get.summary'))
    .argument('[path]', t('cli.config.get.arg.path'))
    .option('--json', t('cli.config.get.option.json'))
    .option('--resolved', t('cli.config.get.option.resolved'))
    .action(
      action((p: string | undefined, opts: { json?: boolean; resolved?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const r = readConfigFile(ctx.paths.configPath.value);
        if (!r.exists) throw missing(ctx);
        const root = opts.resolved ? r.resolved : r.raw;
        const got = p ? getPath(root, parsePath(p)) : { found: true, value: root };
        if (!got.found) {
          if (opts.json) printJson({ ok: false, path: p, found: false });
          else eprintln(t('cli.config.get.not-set', { key: p, path: r.path }));
          return EXIT.FAILED;
        }
        const shown = ctx.global.showSecrets ? got.value : redactValue(got.value, p ? String(parsePath(p).at(-1)) : '');
        if (opts.json) printJson(shown);
        else println(typeof shown === 'string' ? shown : JSON.stringify(shown, null, 2));
      }),
    );

  config
    .command('set')
    .description(t('cli.config.set.summary'))
    .argument('<path>', t('cli.config.set.arg.path'))
    .argument('<value>', t('cli.config.set.arg.value'))
    .option('--json', t('cli.common.option.json'))
    .option('--dry-run', t('cli.common.option.dry-run'))
    .option('--string', t('cli.config.set.option.string'))
    .action(
      action(async (p: string, value: string, opts: { json?: boolean; dryRun?: boolean; string?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const segments = parsePath(p);
        const parsed = opts.string ? value : parseCliValue(value);
        const r = await edit(ctx, (raw) => setPath(raw, segments, parsed), { dryRun: opts.dryRun, allowCreate: true }, `config set ${p}`); // i18n-ignore: the edit's reason, a record for the backup log
        printEdit(ctx, r, Boolean(opts.json), { action: 'set', key: p });
      }),
    );

  config
    .command('unset')
    .description(t('cli.config.unset.summary'))
    .argument('<path>', t('cli.config.unset.arg.path'))
    .option('--json', t('cli.common.option.json'))
    .option('--dry-run', t('cli.common.option.dry-run'))
    .action(
      action(async (p: string, opts: { json?: boolean; dryRun?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const segments = parsePath(p);
        let removed = false;
        const r = await edit(
          ctx,
          (raw) => {
            const u = unsetPath(raw, segments);
            removed = u.removed;
            return u.value;
          },
          { dryRun: opts.dryRun },
          `config unset ${p}`, // i18n-ignore: the edit's reason, a record for the backup log
        );
        if (!removed) {
          if (opts.json) printJson({ ok: true, changed: false, configPath: r.configPath, note: en('cli.config.unset.not-set', { key: p }) });
          else println(t('cli.config.unset.nothing', { key: p }));
          return;
        }
        printEdit(ctx, r, Boolean(opts.json), { action: 'unset', key: p });
      }),
    );

  config
    .command('patch')
    .description(t('cli.config.patch.summary'))
    .option('--file <file>', t('cli.config.patch.option.file'))
    .option('--stdin', t('cli.config.patch.option.stdin'))
    .option('--json', t('cli.common.option.json'))
    .option('--dry-run', t('cli.common.option.dry-run'))
    .action(
      action(async (opts: { file?: string; stdin?: boolean; json?: boolean; dryRun?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        if (Boolean(opts.file) === Boolean(opts.stdin)) throw new CliError(t('cli.config.patch.one-source'), EXIT.USAGE);
        const source = opts.file ?? '<stdin>';
        let text: string;
        try {
          text = opts.file ? fs.readFileSync(opts.file, 'utf8') : await readStdin();
        } catch (err) {
          throw new CliError(t('cli.config.patch.unreadable', { source, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), EXIT.FAILED);
        }
        let patch: unknown;
        try {
          patch = JSON5.parse(text);
        } catch (err) {
          const e = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
          throw new CliError(t('cli.config.patch.invalid', { source, line: e.lineNumber ?? 1, column: e.columnNumber ?? 1, reason: e.message.replace(/^JSON5: /, '') }), EXIT.USAGE);
        }
        if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new CliError(t('cli.config.patch.not-object'), EXIT.USAGE);
        const r = await edit(ctx, (raw) => mergePatch(raw, patch) as JsonObject, { dryRun: opts.dryRun, allowCreate: true }, 'config patch'); // i18n-ignore: the edit's reason, a record for the backup log
        printEdit(ctx, r, Boolean(opts.json), { action: 'patch' });
      }),
    );

  config
    .command('validate')
    .description(t('cli.config.validate.summary'))
    .option('--json', t('cli.config.validate.option.json'))
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { validateConfig } = await import('../../config/schema.js');
        const file = ctx.paths.configPath.value;
        // `message` stays English (it lands in --json); `shown` is the same in the active language.
        let issues: (ValidationIssue & { line?: number; column?: number; shown?: string })[];
        let fatal: ConfigError | undefined;
        try {
          const r = readConfigFile(file);
          if (!r.exists) {
            issues = [{ path: '(file)', message: en('cli.config.validate.no-file'), shown: t('cli.config.validate.no-file'), code: 'missing' }];
          } else {
            issues = [
              ...r.missingEnv.map((m) => ({ path: m.path, message: en('cli.config.validate.missing-env', { name: m.name }), shown: t('cli.config.validate.missing-env', { name: m.name }), code: 'missing_env' })),
              ...validateConfig(r.resolved, { reasons: true }).map((i) => (i.reason ? { ...i, shown: words(i.reason) } : i)),
            ];
          }
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          fatal = err;
          issues = [{ path: '(file)', message: err.message, code: err.code, line: err.line, column: err.column }];
        }
        const valid = issues.length === 0;
        if (opts.json) {
          printJson({
            valid,
            path: file,
            issues: issues.map(({ path, message, line, column, code }) => ({ path, message, code, line, column })),
          });
        } else if (valid) {
          println(`${chalk.green(t('cli.config.validate.valid'))}: ${file}`);
        } else if (fatal) {
          eprintln(chalk.red(`${t('cli.config.validate.invalid')}: ${fatal.format(words)}`));
        } else {
          eprintln(chalk.red(`${t('cli.config.validate.invalid')}: ${file}`));
          for (const i of issues) eprintln(`  ${chalk.bold(i.path)}: ${i.shown ?? i.message}`);
        }
        return valid ? EXIT.OK : EXIT.FAILED;
      }),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
