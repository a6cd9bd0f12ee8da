// One WebSocket peer as the rest of the gateway sees it: who it is, and how to send to or close it.
// Apart from runtime.ts so that the hosted subsystems can hold connections without importing the runtime.

export interface ConnectionInfo {
  connId: string;
  clientId: string;
  clientMode: string;
  clientVersion: string;
  platform: string;
  displayName?: string;
  role: string;
  scopes: string[];
  deviceId?: string;
  remoteIp: string;
  protocol: number;
  connectedAtMs: number;
}

export interface LiveConnection {
  info: ConnectionInfo;
  send(frame: unknown): void;
  close(code: number, reason: string): void;
}
