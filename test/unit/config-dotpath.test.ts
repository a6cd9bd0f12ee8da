import { describe, expect, it } from 'vitest';
import { getPath, mergePatch, parsePath, PathSyntaxError, setPath, unsetPath } from '../../src/config/dotpath.js';
import { formatPath } from '../../src/config/schema.js';

describe('parsePath', () => {
  it.each([
    ['gateway.auth.token', ['gateway', 'auth', 'token']],
    ['models.providers.local.models[0].compat', ['models', 'providers', 'local', 'models', 0, 'compat']],
    ['agents.defaults.models["anthropic/claude-opus-4"].params.context1m', ['agents', 'defaults', 'models', 'anthropic/claude-opus-4', 'params', 'context1m']],
    ["a['b.c']", ['a', 'b.c']],
  ])('%s', (input, expected) => {
    expect(parsePath(input)).toEqual(expected);
  });

  // Every path formatPath writes (config/invalid's repair unsets the path of an unknown key) parses back.
  it.each([['gateway', 'tok]en'], ['a', 'say "hi"\\', 'b'], ['x', 'a.b[0]', 2]])('round-trips formatPath(%j)', (...segments) => {
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });

  it.each(['', 'a..b', 'a.', 'a[', 'a[x]', 'a["b]', 'a["b"', 'a["\\q"]'])('rejects %j', (input) => {
    expect(() => parsePath(input)).toThrow(PathSyntaxError);
  });
});

describe('get/set/unset', () => {
  const root = { gateway: { auth: { token: 't' } }, list: [1, 2] };

  it('gets nested values and reports absence', () => {
    expect(getPath(root, ['gateway', 'auth', 'token'])).toEqual({ found: true, value: 't' });
    expect(getPath(root, ['gateway', 'nope'])).toEqual({ found: false });
    expect(getPath(root, ['list', 1])).toEqual({ found: true, value: 2 });
  });

  it('sets without mutating the input and creates containers', () => {
    const next = setPath(root, ['gateway', 'mode'], 'local');
    expect(next).toEqual({ gateway: { auth: { token: 't' }, mode: 'local' }, list: [1, 2] });
    expect(root.gateway).toEqual({ auth: { token: 't' } });
    expect(setPath({}, ['a', 0, 'b'], 1)).toEqual({ a: [{ b: 1 }] });
  });

  it('unsets and says whether anything was removed', () => {
    expect(unsetPath(root, ['gateway', 'auth', 'token'])).toEqual({ value: { gateway: { auth: {} }, list: [1, 2] }, removed: true });
    expect(unsetPath(root, ['gateway', 'x']).removed).toBe(false);
    expect(unsetPath(root, ['list', 0]).value).toEqual({ gateway: { auth: { token: 't' } }, list: [2] });
  });
});

describe('mergePatch (RFC 7396)', () => {
  it('merges objects, deletes on null, replaces arrays', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1] }, { a: { b: null, e: 3 }, d: [2] })).toEqual({ a: { c: 2, e: 3 }, d: [2] });
  });
});
