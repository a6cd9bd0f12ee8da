// `openclaw models status [--probe] [--json]`: providers from models.providers, their keys (never
// printed), /v1/models reachability, unknown models, context windows, compat flags, context1m models;
// --probe sends a one-token chat per model and recognises the string-content error.
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { subsystemAction, subsystemContextFor } from '../subsystem-support.js';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  const models = program.command('models').description(t('cli.command.models.summary'));
  models
    .command('status')
    .description('check each provider and model (add --probe for a one-token chat per model)')
    .option('--probe', 'send a tiny chat completion to every model')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', (v) => Number(v), 5000)
    .option('--json', 'machine-readable output')
    .action(
      subsystemAction(async (opts: { probe?: boolean; timeout: number; json?: boolean }, cmd: Command) => {
        const { modelsStatus } = await import('../../subsystems/models/status.js');
        const ctx = subsystemContextFor(cmd);
        const r = await modelsStatus(ctx.config, { probe: opts.probe, timeoutMs: opts.timeout });
        const failed = r.providers.some((p) => p.error || p.unknownModels.length || p.key === 'missing' || p.key === 'env-unset' || p.models.some((m) => m.probe && !m.probe.ok));
        if (opts.json) {
          printJson(r);
          return failed ? EXIT.FAILED : EXIT.OK;
        }
        if (!r.providers.length) println('No providers in models.providers.');
        for (const p of r.providers) {
          const key = p.key === 'env-unset' ? `env ${p.keyEnv} is not set` : p.key === 'not-needed' ? 'not needed (local)' : p.key;
          println(`${p.id}  ${p.baseUrl ?? '(no baseUrl)'}  key: ${key}  ${p.reachable === null ? '' : p.error ? `error: ${p.error}` : `reachable, serves ${p.servedModels?.length ?? 0} model(s)`}`);
          for (const m of p.models) {
            const flags = Object.entries(m.compat).map(([k, v]) => `${k}=${v}`).join(' ');
            const probe = m.probe ? (m.probe.ok ? `  probe ok ${m.probe.latencyMs}ms` : `  probe failed: ${m.probe.error}${m.probe.stringContent ? ' → set compat.requiresStringContent: true' : ''}`) : '';
            println(`  ${m.id}${m.served === false ? ' (not served by the backend)' : ''}  context ${m.contextWindow ?? '?'}${m.contextVerdict === 'too-small' ? ' (too small)' : m.contextVerdict === 'small' ? ' (small)' : ''}${flags ? `  ${flags}` : ''}${probe}`);
          }
        }
        if (r.context1m.length) println(`context1m (long-context beta) on: ${r.context1m.join(', ')}`);
        return failed ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
