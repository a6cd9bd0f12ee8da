import { describe, expect, it } from 'vitest';
import { requestPath } from '../../src/system/request-target.js';

describe('requestPath', () => {
  it.each([
    ['/', '/'],
    [undefined, '/'],
    ['/health', '/health'],
    ['/health/', '/health'],
    ['/v1/models?limit=1&x[]=2', '/v1/models'],
    ['//evil/health', '//evil/health'],
    ['/channels/webhook/%E0%A4%A', '/channels/webhook/%E0%A4%A'],
    ['http://gateway.example/ready', '/ready'],
    ['https://[::1]:18789/ready', '/ready'],
  ])('%s → %s', (target, path) => expect(requestPath(target)).toBe(path));

  it.each(['//[', '/[::1]', '/a\\b', '/é', '/a b', '/a#b', '*', '', 'http://[', 'ftp://x/', 'javascript:alert(1)', '@', '?x'])('%j is not a request target', (target) =>
    expect(requestPath(target)).toBeUndefined(),
  );
});
