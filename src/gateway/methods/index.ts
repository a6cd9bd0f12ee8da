// Every RPC method the gateway serves. To add one, create methods/<name>.ts and list it here.
import { configGet } from './config-get.js';
import { configPatch } from './config-patch.js';
import { devicePairApprove, devicePairList, devicePairReject, devicePairRemove } from './device-pair.js';
import { deviceTokenRevoke, deviceTokenRotate } from './device-token.js';
import { health } from './health.js';
import { logsTail } from './logs-tail.js';
import { status } from './status.js';
import { systemPresence } from './system-presence.js';
import { subsystemMethods } from './subsystem-methods.js';
import type { MethodDef } from './types.js';

export const METHODS: MethodDef[] = [
  health,
  status,
  systemPresence,
  configGet,
  configPatch,
  logsTail,
  devicePairList,
  devicePairApprove,
  devicePairReject,
  devicePairRemove,
  deviceTokenRotate,
  deviceTokenRevoke,
  ...subsystemMethods,
];

export const EVENTS = ['connect.challenge', 'tick', 'shutdown', 'presence', 'health', 'device.pair.requested', 'device.pair.resolved', 'node.invoke.request'];

export const METHOD_TABLE: ReadonlyMap<string, MethodDef> = new Map(METHODS.map((m) => [m.name, m]));
