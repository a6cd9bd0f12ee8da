// `system-presence`: the clients connected right now.
import { presenceOf } from '../runtime.js';
import type { MethodDef } from './types.js';

export const systemPresence: MethodDef = {
  name: 'system-presence',
  scope: 'operator.read',
  handle: (_params, { rt }) => presenceOf(rt),
};
