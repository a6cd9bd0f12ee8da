// `openclaw models status [--probe] [--json]`: providers from models.providers, their keys (never
// printed), /v1/models reachability, unknown models, context windows, compat flags, context1m models;
// --probe sends a one-token chat per model and recognises the string-content error.
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { printJson, println } from '../output.js';
import { subsystemContextFor } from '../subsystem-support.js';
import { action } from '../run-action.js';
import { t } from '../../i18n/index.js';

/** A state as a select key of the catalog (ICU keys take no hyphen): env-unset → envUnset. */
function selectKey(state: string): string {
  return state.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
}

export function register(program: Command): void {
  const models = program.command('models').description(t('cli.command.models.summary'));
  models
    .command('status')
    .description(t('cli.models.status.summary'))
    .option('--probe', t('cli.models.status.option.probe'))
    .option('--timeout <ms>', t('cli.models.status.option.timeout'), (v) => Number(v), 5000)
    .option('--json', t('cli.common.option.json'))
    .action(
      action(async (opts: { probe?: boolean; timeout: number; json?: boolean }, cmd: Command) => {
        const { modelsStatus } = await import('../../subsystems/models/status.js');
        const ctx = subsystemContextFor(cmd);
        const r = await modelsStatus(ctx.config, { probe: opts.probe, timeoutMs: opts.timeout });
        const failed = r.providers.some((p) => p.error || p.unknownModels.length || p.key === 'missing' || p.key === 'env-unset' || p.models.some((m) => m.probe && !m.probe.ok));
        if (opts.json) {
          printJson(r);
          return failed ? EXIT.FAILED : EXIT.OK;
        }
        if (!r.providers.length) println(t('cli.models.status.none'));
        for (const p of r.providers) {
          const reach = p.reachable === null ? '' : p.error ? t('cli.models.status.error', { error: p.error }) : t('cli.models.status.reachable', { count: p.servedModels?.length ?? 0 });
          println(t('cli.models.status.provider', { id: p.id, baseUrl: p.baseUrl ?? t('cli.models.status.no-base-url'), key: selectKey(p.key), keyEnv: String(p.keyEnv), reach }));
          for (const m of p.models) {
            const flags = Object.entries(m.compat).map(([k, v]) => `${k}=${v}`).join(' ');
            const probe = m.probe
              ? m.probe.ok
                ? t('cli.models.status.probe-ok', { ms: m.probe.latencyMs })
                : t('cli.models.status.probe-failed', { error: m.probe.error, stringContent: Boolean(m.probe.stringContent) })
              : '';
            const model = t('cli.models.status.model', { id: m.id, unserved: m.served === false, context: m.contextWindow ?? '?', verdict: selectKey(m.contextVerdict ?? 'ok') });
            println(`${model}${flags ? `  ${flags}` : ''}${probe}`);
          }
        }
        if (r.context1m.length) println(t('cli.models.status.context1m', { models: r.context1m.join(', ') }));
        return failed ? EXIT.FAILED : EXIT.OK;
      }),
    );
}
