// A gateway setting (port, bind, auth) given on the command line or in the environment is invalid:
// a usage error. Kept apart from gateway-settings.ts (which loads the zod schema) so that code
// which only tests for it, like the CLI's error reporter, starts fast.
import { UserError, type UserErrorReport } from '../user-error.js';

export class SettingError extends UserError {
  override report(): UserErrorReport {
    return { kind: 'usage', message: this.message };
  }
}
