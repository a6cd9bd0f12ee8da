// Dotted config paths as users type them: `gateway.auth.token`, `models.providers.local.models[0]`,
// `agents.defaults.models["anthropic/claude-opus-4"].params.context1m`.
import { UserError, type UserErrorReport } from '../user-error.js';

export type Segment = string | number;

export class PathSyntaxError extends UserError {
  override report(): UserErrorReport {
    return { kind: 'usage', message: this.message };
  }
}

export function parsePath(input: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new PathSyntaxError(`invalid config path "${input}" at column ${i + 1}: ${why}`);
  };
  if (!input.trim()) fail('empty path');
  while (i < input.length) {
    const c = input[i];
    const q = /^\[\s*(["'])/.exec(input.slice(i))?.[1];
    if (c === '[' && q) {
      // A quoted key may hold "]", "." and escapes: formatPath writes it as a JSON string.
      let j = input.indexOf(q, i) + 1;
      while (j < input.length && input[j] !== q) j += input[j] === '\\' ? 2 : 1;
      const close = /^\s*\]/.exec(input.slice(j + 1));
      if (j >= input.length || !close) fail('missing "]"');
      const quoted = input.slice(input.indexOf(q, i), j + 1);
      try {
        out.push(q === '"' ? JSON.parse(quoted) : quoted.slice(1, -1));
      } catch {
        fail('bad escape in a quoted key');
      }
      i = j + 1 + close![0].length;
      if (input[i] === '.') i++;
    } else if (c === '[') {
      const close = input.indexOf(']', i);
      if (close < 0) fail('missing "]"');
      const inner = input.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^(["']).*\1$/.test(inner)) out.push(inner.slice(1, -1));
      else fail('expected a number or a quoted key inside [ ]');
      i = close + 1;
      if (input[i] === '.') i++;
    } else {
      let j = i;
      while (j < input.length && input[j] !== '.' && input[j] !== '[') j++;
      const key = input.slice(i, j);
      if (!key) fail('empty key');
      out.push(key);
      i = j;
      if (input[i] === '.') {
        i++;
        if (i === input.length) fail('path ends with "."');
      }
    }
  }
  return out;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object';
}

export function getPath(root: unknown, path: Segment[]): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (!isContainer(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false };
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: cur };
}

/** Returns a copy of root with the value set, creating objects (or arrays for numeric segments) on the way. */
export function setPath<T>(root: T, path: Segment[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base: Container = isContainer(root) ? (Array.isArray(root) ? [...root] : { ...(root as object) }) : typeof head === 'number' ? [] : {};
  const child = (base as Record<string | number, unknown>)[head];
  (base as Record<string | number, unknown>)[head] = setPath(child, rest, value);
  return base as T;
}

/** Returns a copy of root without the value; `removed` says whether anything was there. */
export function unsetPath<T>(root: T, path: Segment[]): { value: T; removed: boolean } {
  if (path.length === 0 || !isContainer(root)) return { value: root, removed: false };
  const [head, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(root, head)) return { value: root, removed: false };
  if (rest.length === 0) {
    if (Array.isArray(root)) {
      const copy = [...root];
      copy.splice(Number(head), 1);
      return { value: copy as T, removed: true };
    }
    const { [head as string]: _gone, ...kept } = root as Record<string, unknown>;
    return { value: kept as T, removed: true };
  }
  const inner = unsetPath((root as Record<string | number, unknown>)[head], rest);
  if (!inner.removed) return { value: root, removed: false };
  const copy: Container = Array.isArray(root) ? [...root] : { ...(root as object) };
  (copy as Record<string | number, unknown>)[head] = inner.value;
  return { value: copy as T, removed: true };
}

/** RFC 7396 JSON merge patch: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isContainer(patch) || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = isContainer(target) && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
