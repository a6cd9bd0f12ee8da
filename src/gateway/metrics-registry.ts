// /metrics in the Prometheus text format: prom-client's registry, built on the first scrape from the
// cheap counters of metrics.ts, plus prom-client's process metrics (RSS, heap, event-loop lag).
import type { ServerResponse } from 'node:http';
import type { Histogram, Registry } from 'prom-client';
import { LOOP_RESOLUTION_MS, RPC_BUCKETS, type GatewayMetrics } from './metrics.js';
import type { Runtime } from './runtime.js';

type Labels = Record<string, string>;

async function buildRegistry(rt: Runtime, m: GatewayMetrics): Promise<Registry> {
  const { Counter, Gauge, Registry, collectDefaultMetrics } = await import('prom-client');
  const registers = [new Registry()];
  // Counters and gauges read the recorder at scrape time: prom-client only formats them.
  const counter = (name: string, help: string, labelNames: string[], read: () => Iterable<[Labels, number]>) =>
    new Counter({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const [labels, v] of read()) this.inc(labels, v);
      },
    });
  const gauge = (name: string, help: string, read: () => number, labels: Labels = {}) =>
    new Gauge({ name, help, labelNames: Object.keys(labels), registers, collect() { this.set(labels, read()); } });
  const split = (map: Map<string, number>, a: string, b: string) => () => [...map].map(([k, v]): [Labels, number] => {
    const i = k.indexOf(' ');
    return [{ [a]: k.slice(0, i), [b]: k.slice(i + 1) }, v];
  });

  gauge('openclaw_gateway_info', 'The gateway version (always 1).', () => 1, { version: rt.version });
  gauge('openclaw_gateway_uptime_seconds', 'Seconds since the gateway started.', () => (Date.now() - rt.startedAtMs) / 1000);
  gauge('openclaw_gateway_connections_open', 'WebSocket connections past the handshake.', () => rt.connections.size);
  gauge('openclaw_gateway_event_loop_lag_p99_seconds', 'The 99th percentile of event-loop delay since the previous scrape.', () => {
    // Each sample includes the sampling interval itself; the lag is what comes on top of it.
    const p99 = m.loopDelay.count > 0 ? Math.max(0, m.loopDelay.percentile(99) / 1e9 - LOOP_RESOLUTION_MS / 1000) : 0;
    m.loopDelay.reset();
    return p99;
  });
  counter('openclaw_gateway_handshakes_total', 'Connect handshakes by outcome and details.code.', ['outcome', 'code'], split(m.handshakes, 'outcome', 'code'));
  counter('openclaw_gateway_auth_failures_total', 'Connects refused for a wrong or invalid credential.', [], () => [[{}, m.authFailures]]);
  counter('openclaw_gateway_auth_lockouts_total', 'Clients locked out by the failed-auth rate limiter.', [], () => [[{}, m.lockouts]]);
  counter('openclaw_gateway_pairing_requests_total', 'Device pairing requests opened.', [], () => [[{}, m.pairingRequests]]);
  counter('openclaw_gateway_rpc_calls_total', 'RPC calls by method and outcome.', ['method', 'outcome'], split(m.rpcCalls, 'method', 'outcome'));
  // The recorder counted the histogram's buckets, so it is registered as a plain metric whose get()
  // returns them in the shape prom-client's own histograms return (the registry only calls get()).
  const latency = { name: 'openclaw_gateway_rpc_duration_seconds', help: 'RPC handling time by method.', type: 'histogram', aggregator: 'sum' };
  const series = (suffix: string, labels: Labels, value: number) => ({ metricName: `${latency.name}_${suffix}`, labels, value });
  registers[0].registerMetric({
    ...latency,
    reset() {},
    async get() {
      const values = [...m.rpcLatency].flatMap(([method, s]) => [
        ...RPC_BUCKETS.map((le, i) => series('bucket', { method, le: String(le) }, s.buckets[i])),
        series('bucket', { method, le: '+Inf' }, s.count),
        series('sum', { method }, s.sum),
        series('count', { method }, s.count),
      ]);
      return { ...latency, values };
    },
  } as unknown as Histogram);
  collectDefaultMetrics({ register: registers[0] });
  return registers[0];
}

const registries = new WeakMap<Runtime, Promise<Registry>>();

/** Answers a scrape; the caller has already decided the request may see it. */
export async function serveMetrics(rt: Runtime, res: ServerResponse, head: boolean): Promise<void> {
  if (!rt.metrics) {
    res.writeHead(404).end();
    return;
  }
  let pending = registries.get(rt);
  if (!pending) registries.set(rt, (pending = buildRegistry(rt, rt.metrics)));
  const registry = await pending;
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(head ? undefined : text);
}
