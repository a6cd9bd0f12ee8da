// What /metrics reports, counted cheaply on the hot paths (a Map increment per event). prom-client
// costs ≈25 ms to load, so it loads only when /metrics is first scraped (metrics-registry.ts) and
// the gateway's start-to-listening time does not grow (bench/README.md, "Gateway /metrics").
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Upper bounds of the RPC latency histogram, in seconds. */
export const RPC_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How often the event-loop delay is sampled. */
export const LOOP_RESOLUTION_MS = 20;

export type HandshakeOutcome = 'accepted' | 'refused' | 'invalid' | 'timeout';

export interface RpcSeries {
  /** Cumulative count per RPC_BUCKETS bound. */
  buckets: number[];
  count: number;
  sum: number;
}

export class GatewayMetrics {
  /** `${outcome} ${code}` → count. */
  readonly handshakes = new Map<string, number>();
  /** `${method} ${outcome}` → count. */
  readonly rpcCalls = new Map<string, number>();
  readonly rpcLatency = new Map<string, RpcSeries>();
  authFailures = 0;
  lockouts = 0;
  pairingRequests = 0;
  /** Sampled from the start (native, unref'd), so the first scrape already has a lag to report. */
  readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  constructor() {
    this.loopDelay.enable();
  }

  handshake(outcome: HandshakeOutcome, code: string): void {
    const key = `${outcome} ${code}`;
    this.handshakes.set(key, (this.handshakes.get(key) ?? 0) + 1);
  }

  rpc(method: string, ok: boolean, seconds: number): void {
    const key = `${method} ${ok ? 'ok' : 'error'}`;
    this.rpcCalls.set(key, (this.rpcCalls.get(key) ?? 0) + 1);
    let s = this.rpcLatency.get(method);
    if (!s) this.rpcLatency.set(method, (s = { buckets: RPC_BUCKETS.map(() => 0), count: 0, sum: 0 }));
    for (let i = 0; i < RPC_BUCKETS.length; i++) if (seconds <= RPC_BUCKETS[i]) s.buckets[i]++;
    s.count++;
    s.sum += seconds;
  }
}
