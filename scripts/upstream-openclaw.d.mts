export function findUpstream(): string | undefined;
export function upstreamPath(bin: string, envPath?: string): string;
export function notLoopbackOnly(): string | undefined;
export function health(port: number): Promise<boolean>;
export interface UpstreamGateway {
  state: 'up' | 'exited' | 'timeout';
  pid: number;
  stop(): Promise<void>;
  output(): string;
}
export function startUpstreamGateway(bin: string, env: NodeJS.ProcessEnv, port: number, opts?: { waitMs?: number; args?: string[] }): Promise<UpstreamGateway>;
export function removeUpstreamLocks(stateDirs: string[]): void;
