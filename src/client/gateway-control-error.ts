// The error gateway-control.ts throws, light enough for the CLI's error mapper to import at every start.
import type { MessageRef } from '../i18n/index.js';
import { UserError, type UserErrorReport } from '../user-error.js';

/** The gateway cannot be stopped or restarted as asked; `hint` is the next step. */
export class GatewayControlError extends UserError {
  constructor(
    message: string,
    readonly hint?: string | MessageRef,
    /** `message` as a catalog message, for the terminal in the reader's language. */
    readonly text?: MessageRef,
  ) {
    super(message);
    this.name = 'GatewayControlError';
  }

  override report(): UserErrorReport {
    return { kind: 'failed', message: this.message, hint: this.hint, text: this.text };
  }
}
