// Shared by the service tests: a service fixture dir is a home (the doctor fixtures' layout): the
// state dir is <root>/state (OPENCLAW_STATE_DIR), units under <root>/.config/systemd/user, system
// units under <root>/system.
import path from 'node:path';
import type { ServiceDirs } from '../../src/service/definition.js';

export function fixtureDirs(root: string): ServiceDirs {
  return {
    systemdUser: path.join(root, '.config/systemd/user'),
    systemdOther: [path.join(root, 'system')],
    launchAgents: path.join(root, 'Library/LaunchAgents'),
    launchOther: [],
    windowsTasks: path.join(root, 'state'),
  };
}

/** The environment a fixture home is seen with (as the doctor fixture runner sets it). */
export function fixtureEnv(root: string): Record<string, string> {
  return { HOME: root, OPENCLAW_STATE_DIR: path.join(root, 'state') };
}
