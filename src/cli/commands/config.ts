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
import { t } from '../../i18n/index.js';

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
    `no config file at ${ctx.paths.configPath.value} (${describeSource(ctx.paths.configPath)})`,
    EXIT.CONFIG,
    'Run `openclaw setup`, or create it with `openclaw config set gateway.mode local`.',
  );
}

function printEdit(ctx: CliContext, r: EditResult, json: boolean, summary: string): void {
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
    if (!r.diff.changed) println('No change: the config already says that.');
    else {
      println(r.diff.text || '(only a secret value changes; use --show-secrets to see it)');
      println(chalk.dim('Dry run: nothing was written.'));
    }
    return;
  }
  if (!r.diff.changed) {
    println('No change: the config already says that.');
    return;
  }
  println(`${summary} in ${r.configPath}`);
  if (r.write?.backup) println(chalk.dim(`Backup of the previous file: ${r.write.backup}`));
  if (r.droppedComments) eprintln(chalk.yellow('note: the comments in this file were not kept by the rewrite; the backup still has them.'));
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
    .description('print which config file is in use and why')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { configPath, stateDir, profile } = ctx.paths;
        const exists = fs.existsSync(configPath.value);
        if (opts.json) {
          printJson({ path: configPath.value, exists, source: configPath.source, from: configPath.from, stateDir: stateDir.value, profile: profile?.value });
        } else {
          println(configPath.value);
          println(chalk.dim(`  source: ${describeSource(configPath)}${exists ? '' : ' (file does not exist yet)'}`));
          println(chalk.dim(`  state dir: ${stateDir.value}`));
        }
      }),
    );

  config
    .command('get')
    .description('print a value by dotted path (secrets redacted unless --show-secrets)')
    .argument('[path]', 'dotted path such as gateway.auth.mode; omit for the whole file')
    .option('--json', 'print the value as JSON')
    .option('--resolved', 'show the value after ${ENV} substitution')
    .action(
      action((p: string | undefined, opts: { json?: boolean; resolved?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const r = readConfigFile(ctx.paths.configPath.value);
        if (!r.exists) throw missing(ctx);
        const root = opts.resolved ? r.resolved : r.raw;
        const got = p ? getPath(root, parsePath(p)) : { found: true, value: root };
        if (!got.found) {
          if (opts.json) printJson({ ok: false, path: p, found: false });
          else eprintln(`${p} is not set in ${r.path}`);
          return EXIT.FAILED;
        }
        const shown = ctx.global.showSecrets ? got.value : redactValue(got.value, p ? String(parsePath(p).at(-1)) : '');
        if (opts.json) printJson(shown);
        else println(typeof shown === 'string' ? shown : JSON.stringify(shown, null, 2));
      }),
    );

  config
    .command('set')
    .description('set a value by dotted path; the value parses as JSON5, else as a plain string')
    .argument('<path>', 'dotted path such as gateway.mode')
    .argument('<value>', 'e.g. local, 18789, true, ["https://a.example"]')
    .option('--json', 'machine-readable output')
    .option('--dry-run', 'print the diff and write nothing')
    .option('--string', 'store the value as a string even if it parses as JSON5')
    .action(
      action(async (p: string, value: string, opts: { json?: boolean; dryRun?: boolean; string?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const segments = parsePath(p);
        const parsed = opts.string ? value : parseCliValue(value);
        const r = await edit(ctx, (raw) => setPath(raw, segments, parsed), { dryRun: opts.dryRun, allowCreate: true }, `config set ${p}`);
        printEdit(ctx, r, Boolean(opts.json), `Set ${p}`);
      }),
    );

  config
    .command('unset')
    .description('remove a value by dotted path')
    .argument('<path>', 'dotted path such as gateway.token')
    .option('--json', 'machine-readable output')
    .option('--dry-run', 'print the diff and write nothing')
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
          `config unset ${p}`,
        );
        if (!removed) {
          if (opts.json) printJson({ ok: true, changed: false, configPath: r.configPath, note: `${p} was not set` });
          else println(`${p} was not set; nothing to do.`);
          return;
        }
        printEdit(ctx, r, Boolean(opts.json), `Removed ${p}`);
      }),
    );

  config
    .command('patch')
    .description('apply a JSON5 merge patch (null deletes a key) from a file or stdin')
    .option('--file <file>', 'read the patch from a file')
    .option('--stdin', 'read the patch from standard input')
    .option('--json', 'machine-readable output')
    .option('--dry-run', 'print the diff and write nothing')
    .action(
      action(async (opts: { file?: string; stdin?: boolean; json?: boolean; dryRun?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        if (Boolean(opts.file) === Boolean(opts.stdin)) throw new CliError('config patch needs exactly one of --file F or --stdin', EXIT.USAGE);
        const source = opts.file ?? '<stdin>';
        let text: string;
        try {
          text = opts.file ? fs.readFileSync(opts.file, 'utf8') : await readStdin();
        } catch (err) {
          throw new CliError(`cannot read the patch from ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT.FAILED);
        }
        let patch: unknown;
        try {
          patch = JSON5.parse(text);
        } catch (err) {
          const e = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
          throw new CliError(`${source}:${e.lineNumber ?? 1}:${e.columnNumber ?? 1}: the patch is not valid JSON5 (${e.message.replace(/^JSON5: /, '')})`, EXIT.USAGE);
        }
        if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new CliError('the patch must be a JSON5 object', EXIT.USAGE);
        const r = await edit(ctx, (raw) => mergePatch(raw, patch) as JsonObject, { dryRun: opts.dryRun, allowCreate: true }, 'config patch');
        printEdit(ctx, r, Boolean(opts.json), 'Patched');
      }),
    );

  config
    .command('validate')
    .description('check the config against the schema the toolkit understands')
    .option('--json', 'print {valid, path, issues:[{path, message}]}')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const ctx = contextFor(cmd);
        const { validateConfig } = await import('../../config/schema.js');
        const file = ctx.paths.configPath.value;
        let issues: (ValidationIssue & { line?: number; column?: number })[];
        let fatal: ConfigError | undefined;
        try {
          const r = readConfigFile(file);
          if (!r.exists) {
            issues = [{ path: '(file)', message: 'config file does not exist (run `openclaw setup`)', code: 'missing' }];
          } else {
            issues = [
              ...r.missingEnv.map((m) => ({ path: m.path, message: `refers to \${${m.name}}, which is not set in this environment`, code: 'missing_env' })),
              ...validateConfig(r.resolved),
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
          println(`${chalk.green('valid')}: ${file}`);
        } else if (fatal) {
          eprintln(chalk.red(`invalid: ${fatal.format()}`));
        } else {
          eprintln(chalk.red(`invalid: ${file}`));
          for (const i of issues) eprintln(`  ${chalk.bold(i.path)}: ${i.message}`);
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
