// `device.token.rotate|revoke {deviceId, role}`: reissue or withdraw a device's token for a role.
import { CLOSE } from '../../protocol/errors.js';
import { RpcError } from '../../protocol/rpc.js';
import { stringParam, type MethodDef } from './types.js';

export const deviceTokenRotate: MethodDef = {
  name: 'device.token.rotate',
  scope: 'operator.pairing',
  handle: (params, { rt }) => {
    const deviceId = stringParam(params, 'deviceId');
    const role = typeof params?.role === 'string' ? params.role : 'operator';
    rt.pairing.reload();
    const t = rt.pairing.rotateToken(deviceId, role);
    if (!t) throw new RpcError('INVALID_REQUEST', `unknown deviceId: ${deviceId}`);
    rt.log.info(`device token rotated device=${deviceId} role=${role}`);
    return { deviceId, role, token: t.token, scopes: t.scopes, rotatedAtMs: t.rotatedAtMs };
  },
};

export const deviceTokenRevoke: MethodDef = {
  name: 'device.token.revoke',
  scope: 'operator.pairing',
  handle: (params, { rt }) => {
    const deviceId = stringParam(params, 'deviceId');
    const role = typeof params?.role === 'string' ? params.role : 'operator';
    rt.pairing.reload();
    if (!rt.pairing.revokeToken(deviceId, role)) throw new RpcError('INVALID_REQUEST', `no ${role} token for device ${deviceId}`);
    rt.log.info(`device token revoked device=${deviceId} role=${role}`);
    // After the reply: the caller may be one of the device's own connections.
    setImmediate(() => {
      for (const c of rt.connections.values()) if (c.info.deviceId === deviceId && c.info.role === role) c.close(CLOSE.AUTH_CHANGED, 'device token revoked');
    });
    return { deviceId, role, revoked: true };
  },
};
