// Shared by the service tests: where a fixture dir keeps its unit directories.
import path from 'node:path';
import type { ServiceDirs } from '../../src/service/definition.js';

export function fixtureDirs(root: string): ServiceDirs {
  return {
    systemdUser: path.join(root, 'home/.config/systemd/user'),
    systemdOther: [path.join(root, 'system')],
    launchAgents: path.join(root, 'home/Library/LaunchAgents'),
    launchOther: [],
    windowsTasks: path.join(root, 'home/.openclaw'),
  };
}
