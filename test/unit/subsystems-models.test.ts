import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contextWindowVerdict, isLongContext429, isStringContentError, unknownModels } from '../../src/subsystems/models/detect.js';
import { apiRootOf, context1mModels, resolveProviders } from '../../src/subsystems/models/providers.js';
import { modelsStatus } from '../../src/subsystems/models/status.js';

const server = setupServer(
  http.get('https://api.example.test/v1/models', ({ request }) =>
    request.headers.get('authorization') === 'Bearer sk-good' ? HttpResponse.json({ data: [{ id: 'gpt-x' }] }) : HttpResponse.json({ error: { message: 'Incorrect API key' } }, { status: 401 }),
  ),
  http.post('https://api.example.test/v1/chat/completions', async ({ request }) => {
    const body = (await request.json()) as { messages: Array<{ content: unknown }> };
    if (typeof body.messages[0].content !== 'string') return HttpResponse.json({ error: 'messages[0].content: invalid type: sequence, expected a string' }, { status: 400 });
    return HttpResponse.json({ choices: [] });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('model failure recognisers', () => {
  it('recognise the seeds’ error strings', () => {
    expect(isStringContentError('400: messages[...].content: invalid type: sequence, expected a string')).toBe(true);
    expect(isStringContentError('messages[2].content: invalid type: sequence, expected a string at line 1')).toBe(true);
    expect(isStringContentError('HTTP 400: bad request')).toBe(false);
    expect(isLongContext429('HTTP 429: rate_limit_error: Extra usage is required for long context requests')).toBe(true);
    expect(contextWindowVerdict(8192)).toBe('too-small');
    expect(contextWindowVerdict(24_000)).toBe('small');
    expect(contextWindowVerdict(128_000)).toBe('ok');
    expect(unknownModels(['a', 'lm/b', 'c'], ['a', 'b'])).toEqual(['c']);
  });
  it('resolves providers, key states and context1m models', () => {
    const cfg = {
      models: {
        providers: {
          lm: { baseUrl: 'http://127.0.0.1:1234/v1', models: [{ id: 'qwen', contextWindow: 8192 }] },
          cloud: { baseUrl: 'https://api.example.test', apiKey: '${MISSING_KEY}' },
          bare: { baseUrl: 'https://api.other.test/v1/' },
        },
      },
      agents: { defaults: { models: { 'anthropic/claude-opus-4': { params: { context1m: true } }, 'anthropic/claude-sonnet-4': { params: {} } } } },
    };
    expect(resolveProviders(cfg).map((p) => `${p.id}:${p.keyState}`)).toEqual(['lm:not-needed', 'cloud:env-unset', 'bare:missing']);
    expect(apiRootOf('https://api.example.test')).toBe('https://api.example.test/v1');
    expect(apiRootOf('https://api.other.test/v1/')).toBe('https://api.other.test/v1');
    expect(context1mModels(cfg)).toEqual(['anthropic/claude-opus-4']);
  });
});

describe('modelsStatus over HTTP (msw)', () => {
  it('lists models, flags unknown ones, classifies a string-content probe failure', async () => {
    const r = await modelsStatus(
      { models: { providers: { cloud: { baseUrl: 'https://api.example.test/v1', apiKey: 'sk-good', models: [{ id: 'gpt-x' }, { id: 'gpt-gone' }, { id: 'gpt-x', compat: { requiresStringContent: true } }] } } } },
      { probe: true },
    );
    const p = r.providers[0];
    expect(p).toMatchObject({ reachable: true, unknownModels: ['gpt-gone'], authError: false });
    expect(p.models[0].probe).toMatchObject({ ok: false, status: 400, stringContent: true });
    expect(p.models[2].probe).toMatchObject({ ok: true });
  });
  it('reports a rejected key as an auth error', async () => {
    const r = await modelsStatus({ models: { providers: { cloud: { baseUrl: 'https://api.example.test/v1', apiKey: 'sk-bad' } } } });
    expect(r.providers[0]).toMatchObject({ reachable: true, status: 401, authError: true, error: 'HTTP 401: Incorrect API key' });
  });
});
