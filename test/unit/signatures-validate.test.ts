// A broken catalog entry is reported with its file and id, never loaded half-way.
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../src/signatures/validate.js';

const causes = { file: 'causes.yaml', data: { 'port-conflict': { area: 'gateway', title: 'Port', explanation: 'x', fix: { commands: ['openclaw gateway --force'] } } } };
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'gateway.port-in-use',
  cause: 'port-conflict',
  severity: 'error',
  match: { any: ['EADDRINUSE'] },
  check: 'gateway/port-conflict',
  examples: { match: ['EADDRINUSE'] },
  ...over,
});

describe('validateCatalog', () => {
  it('accepts a valid catalog', () => {
    const c = validateCatalog([causes, { file: 'gateway.yaml', data: [entry()] }]);
    expect(c.signatures[0]).toMatchObject({ id: 'gateway.port-in-use', file: 'gateway.yaml', examples: { noMatch: [] } });
    expect(c.causes['port-conflict'].id).toBe('port-conflict');
  });

  it.each([
    ['an unknown cause', [entry({ cause: 'nope' })], 'gateway.yaml: entry gateway.port-in-use: unknown cause "nope"'],
    ['a duplicate id', [entry(), entry()], 'duplicate id gateway.port-in-use'],
    ['an anchor with a quote', [entry({ match: { any: ['say "hi"'] } })], 'anchors contain no " or \\'],
    ['a non-ASCII anchor', [entry({ match: { any: ['端口被占用'] } })], 'printable ASCII'],
    ['an invalid regex', [entry({ match: { any: ['EADDRINUSE'], regex: '(?<port>\\d+' } })], 'invalid regex'],
    ['an unknown key', [entry({ extra: 1 })], 'entry gateway.port-in-use'],
    ['no examples', [entry({ examples: { match: [] } })], 'examples.match'],
    ['a text of its own', [entry({ explain: 'taken' })], 'entry gateway.port-in-use: explain belongs to the cause in causes.yaml'],
    ['a fix of its own', [entry({ fix: { commands: ['openclaw gateway --force'] } })], 'fix belongs to the cause in causes.yaml'],
    ['a detail over two lines', [entry({ detail: 'one\ntwo' })], 'a detail is one line'],
    ['a detail naming a group the regex lacks', [entry({ detail: 'port {port}' })], 'detail names {port}, which its regex does not capture'],
  ])('rejects %s with file and entry named', (_what, data, message) => {
    expect(() => validateCatalog([causes, { file: 'gateway.yaml', data }])).toThrow(message);
  });

  it('requires causes.yaml', () => {
    expect(() => validateCatalog([{ file: 'gateway.yaml', data: [entry()] }])).toThrow('missing causes.yaml');
  });
});
