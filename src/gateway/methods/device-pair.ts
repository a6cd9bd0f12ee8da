// `device.pair.list|approve|reject|remove`: the pairing queue and the approved devices.
import { tokenHint } from '../device-pairing-store.js';
import { CLOSE } from '../../protocol/errors.js';
import { RpcError } from '../../protocol/rpc.js';
import { stringParam, type MethodDef } from './types.js';

export const devicePairList: MethodDef = {
  name: 'device.pair.list',
  scope: 'operator.pairing',
  handle: (_params, { rt }) => {
    rt.pairing.reload();
    return {
      pending: rt.pairing.listPending(),
      paired: rt.pairing.listPaired().map(({ tokens, ...d }) => ({
        ...d,
        tokens: Object.values(tokens).map((t) => ({ role: t.role, scopes: t.scopes, createdAtMs: t.createdAtMs, rotatedAtMs: t.rotatedAtMs, hint: tokenHint(t.token) })),
      })),
    };
  },
};

export const devicePairApprove: MethodDef = {
  name: 'device.pair.approve',
  scope: 'operator.pairing',
  handle: (params, { rt, conn }) => {
    const requestId = stringParam(params, 'requestId');
    rt.pairing.reload();
    const dev = rt.pairing.approve(requestId);
    if (!dev) throw new RpcError('INVALID_REQUEST', `unknown requestId: ${requestId}`);
    rt.log.info(`device pairing approved requestId=${requestId} device=${dev.deviceId} roles=${dev.roles.join(',')} by=${conn.info.connId}`);
    rt.broadcast('device.pair.resolved', { requestId, deviceId: dev.deviceId, decision: 'approved' }, (c) => c.info.scopes.length > 0);
    return { requestId, device: { deviceId: dev.deviceId, roles: dev.roles, scopes: dev.scopes } };
  },
};

export const devicePairReject: MethodDef = {
  name: 'device.pair.reject',
  scope: 'operator.pairing',
  handle: (params, { rt }) => {
    const requestId = stringParam(params, 'requestId');
    rt.pairing.reload();
    const req = rt.pairing.reject(requestId);
    if (!req) throw new RpcError('INVALID_REQUEST', `unknown requestId: ${requestId}`);
    rt.log.info(`device pairing rejected requestId=${requestId} device=${req.deviceId}`);
    rt.broadcast('device.pair.resolved', { requestId, deviceId: req.deviceId, decision: 'rejected' }, (c) => c.info.scopes.length > 0);
    return { requestId, deviceId: req.deviceId };
  },
};

export const devicePairRemove: MethodDef = {
  name: 'device.pair.remove',
  scope: 'operator.pairing',
  handle: (params, { rt }) => {
    const deviceId = stringParam(params, 'deviceId');
    rt.pairing.reload();
    if (!rt.pairing.remove(deviceId)) throw new RpcError('INVALID_REQUEST', `unknown deviceId: ${deviceId}`);
    rt.log.info(`device removed device=${deviceId}`);
    // A removed device loses its live connections too (close 4001).
    setImmediate(() => {
      for (const c of rt.connections.values()) if (c.info.deviceId === deviceId) c.close(CLOSE.AUTH_CHANGED, 'device removed');
    });
    return { deviceId, removed: true };
  },
};
