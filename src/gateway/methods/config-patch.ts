// `config.patch {raw, baseHash?}`: a JSON5 merge patch written through the safe config writer.
// Admin only, at most 3 calls per minute per caller (upstream's budget).
import JSON5 from 'json5';
import { mergePatch } from '../../config/dotpath.js';
import { parseConfigText, type JsonObject } from '../../config/load.js';
import { stateLayout } from '../../config/paths.js';
import { ConfigWriteRejectedError, writeConfig } from '../../config/write.js';
import { ConfigBusyError, withConfigWriteLock } from '../../config/write-lock.js';
import { CallBudget } from '../rate-limit.js';
import { configText, hashText } from './config-get.js';
import { RpcError } from '../../protocol/rpc.js';
import { invalid, stringParam, type MethodDef } from './types.js';

const budget = new CallBudget(3, 60_000);
// The lock wait is synchronous: in the gateway it stalls every connection, so it is capped at 2 s
// (a CLI write holds the lock for milliseconds; longer means a stuck writer, reported as busy).
const LOCK_WAIT_MS = Math.min(Number(process.env.OPENCLAW_CONFIG_LOCK_TIMEOUT_MS) || 2000, 2000);

export const configPatch: MethodDef = {
  name: 'config.patch',
  scope: 'operator.admin',
  handle: (params, { rt, conn }) => {
    const raw = stringParam(params, 'raw');
    const wait = budget.take(conn.info.deviceId ?? conn.info.remoteIp);
    if (wait > 0) throw new RpcError('UNAVAILABLE', `rate limit exceeded for config.patch; retry after ${Math.ceil(wait / 1000)}s`, undefined, wait);
    let patch: unknown;
    try {
      patch = JSON5.parse(raw);
    } catch (err) {
      throw invalid(`invalid config.patch raw: ${(err as Error).message}`);
    }
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw invalid('invalid config.patch raw: expected an object');
    const file = rt.settings.configPath;
    try {
      // Read, compare and write under the config's write lock, so a concurrent CLI edit is never lost.
      return withConfigWriteLock(file, () => {
        const text = configText(file) ?? '';
        if (params.baseHash && text && params.baseHash !== hashText(text)) {
          throw invalid('config changed since last load; re-run config.get and retry');
        }
        const before = text ? parseConfigText(file, text) : undefined;
        const next = mergePatch(before ?? {}, patch) as JsonObject;
        const res = writeConfig(file, next, { previous: before, auditFile: stateLayout(rt.settings.stateDir).configAudit, reason: 'config.patch' });
        rt.log.info(`config.patch written by ${conn.info.clientId} conn=${conn.info.connId}`);
        return { ok: true, path: res.path, hash: hashText(configText(file) ?? ''), backup: res.backup };
      }, { timeoutMs: LOCK_WAIT_MS });
    } catch (err) {
      if (err instanceof ConfigWriteRejectedError) {
        throw new RpcError('INVALID_REQUEST', `Config write rejected: ${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { rejectedPath: err.rejectedPath });
      }
      if (err instanceof ConfigBusyError) throw new RpcError('UNAVAILABLE', err.message);
      throw err;
    }
  },
};
