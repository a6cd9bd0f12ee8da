// The error gateway-control.ts throws, light enough for the CLI's error mapper to import at every start.
import { UserError, type UserErrorReport } from '../user-error.js';

/** The gateway cannot be stopped or restarted as asked; `hint` is the next step. */
export class GatewayControlError extends UserError {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GatewayControlError';
  }

  override report(): UserErrorReport {
    return { kind: 'failed', message: this.message, hint: this.hint };
  }
}
