// A tiny OpenAI-compatible backend that behaves like a strict local server (LM Studio-like): it serves
// /v1/models and /v1/chat/completions and rejects array message content with the upstream error.
// Used by the end-to-end tests and the demo to reproduce the string-content failure offline.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StrictBackend {
  url: string;
  close(): Promise<void>;
  requests: Array<{ path: string; auth?: string }>;
}

export async function startStrictBackend(opts: { models?: string[]; apiKey?: string } = {}): Promise<StrictBackend> {
  const models = opts.models ?? ['local-model'];
  const requests: StrictBackend['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', auth: req.headers.authorization });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) return send(401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
      if (req.method === 'GET' && req.url === '/v1/models') return send(200, { object: 'list', data: models.map((id) => ({ id, object: 'model' })) });
      if (req.method === 'POST' && req.url === '/v1/chat/completions') {
        let parsed: { model?: string; messages?: Array<{ content?: unknown }> };
        try {
          parsed = JSON.parse(body);
        } catch {
          return send(400, { error: 'invalid JSON' });
        }
        if (!parsed.model || !models.includes(parsed.model)) return send(404, { error: { message: `model "${parsed.model}" not found` } });
        const i = (parsed.messages ?? []).findIndex((m) => typeof m.content !== 'string');
        if (i >= 0) return send(400, { error: `Failed to deserialize the JSON body into the target type: messages[${i}].content: invalid type: sequence, expected a string at line 1 column 60` });
        return send(200, { id: 'c1', object: 'chat.completion', model: parsed.model, choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'length' }] });
      }
      send(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
