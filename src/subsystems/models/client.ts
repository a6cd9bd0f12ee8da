// The two requests `models status` makes to an OpenAI-compatible backend: `GET /v1/models` and, with
// --probe, a one-token chat completion sent the way the agent would send it (array content unless
// the model's compat says requiresStringContent).
import type { Provider, ProviderModel } from './providers.js';

export interface HttpFailure {
  status?: number;
  error: string;
}

function headers(p: Provider): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  if (p.apiKey) h.authorization = `Bearer ${p.apiKey}`;
  return h;
}

function failureOf(err: unknown): HttpFailure {
  const e = err as Error & { cause?: { code?: string } };
  if (e.name === 'TimeoutError') return { error: 'timed out' };
  return { error: e.cause?.code ? `unreachable (${e.cause.code})` : e.message };
}

async function errorBody(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const j = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const msg = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.message);
    if (msg) return msg;
  } catch {
    // not JSON
  }
  return text.slice(0, 500);
}

export async function listServedModels(p: Provider, timeoutMs: number): Promise<{ ok: true; ids: string[] } | ({ ok: false } & HttpFailure)> {
  if (!p.apiRoot) return { ok: false, error: 'no baseUrl' };
  try {
    const res = await fetch(`${p.apiRoot}/models`, { headers: headers(p), signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return { ok: false, status: res.status, error: `HTTP ${res.status}: ${await errorBody(res)}` };
    const body = (await res.json()) as { data?: Array<{ id?: string }>; models?: Array<{ id?: string; name?: string }> };
    const ids = (body.data ?? body.models ?? []).map((m) => String((m as { id?: string; name?: string }).id ?? (m as { name?: string }).name ?? '')).filter(Boolean);
    return { ok: true, ids };
  } catch (err) {
    return { ok: false, ...failureOf(err) };
  }
}

export async function probeChat(p: Provider, m: ProviderModel, timeoutMs: number): Promise<{ ok: true; latencyMs: number } | ({ ok: false; latencyMs: number } & HttpFailure)> {
  const started = Date.now();
  if (!p.apiRoot) return { ok: false, latencyMs: 0, error: 'no baseUrl' };
  const content = m.compat.requiresStringContent ? 'Reply with OK.' : [{ type: 'text', text: 'Reply with OK.' }];
  try {
    const res = await fetch(`${p.apiRoot}/chat/completions`, {
      method: 'POST',
      headers: headers(p),
      body: JSON.stringify({ model: m.id, messages: [{ role: 'user', content }], max_tokens: 1, stream: false }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return { ok: false, latencyMs: Date.now() - started, status: res.status, error: `HTTP ${res.status}: ${await errorBody(res)}` };
    await res.arrayBuffer();
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, ...failureOf(err) };
  }
}
