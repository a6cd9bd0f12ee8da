// `--force`: stop the OpenClaw gateway that listens on the gateway port (SIGTERM, then SIGKILL) and
// say whom. A listener that is not identified as a gateway (command line and handshake) is named and
// left alone: the port stays taken and the start fails with EADDRINUSE naming it.
import { findPortHolders, isIdentifiedGateway, type PortHolder } from '../system/port-holders.js';
import { terminate } from '../system/process-stop.js';

export interface StoppedProcess {
  pid: number;
  command?: string;
  signal: 'SIGTERM' | 'SIGKILL';
}

export interface FreePortResult {
  stopped: StoppedProcess[];
  /** Listeners that are not identified OpenClaw gateways: never signalled. */
  leftAlone: PortHolder[];
}

/** Undefined when no tool could tell who listens. */
export async function freePort(port: number, graceMs = 3000): Promise<FreePortResult | undefined> {
  const holders = await findPortHolders(port);
  if (!holders) return undefined;
  const result: FreePortResult = { stopped: [], leftAlone: [] };
  const seen = new Set<number>();
  for (const h of holders) {
    if (!h.pid || h.pid === process.pid || seen.has(h.pid)) continue;
    seen.add(h.pid);
    if (await isIdentifiedGateway(h)) result.stopped.push({ pid: h.pid, command: h.command, signal: await terminate(h.pid, graceMs) });
    else result.leftAlone.push(h);
  }
  return result;
}
