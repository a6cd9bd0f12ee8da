// The error gateway-control.ts throws, light enough for the CLI's error mapper to import at every start.

/** The gateway cannot be stopped or restarted as asked; `hint` is the next step. */
export class GatewayControlError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GatewayControlError';
  }
}
