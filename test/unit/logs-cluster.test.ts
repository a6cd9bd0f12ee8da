import { describe, expect, it } from 'vitest';
import { maskTokens, TemplateClusters } from '../../src/logs/cluster.js';

describe('maskTokens', () => {
  it('masks urls, uuids, addresses, paths, hex ids and numbers', () => {
    expect(
      maskTokens('run 3f2a9c1e-0b7d-4c1e-9a55-7c3f2d1e0b9a failed at /home/ana/.openclaw/cron/jobs.json from 10.0.0.5:3128 via http://x.example/a after 1200ms id=9f3bdeadbeef'),
    ).toEqual(['run', '<uuid>', 'failed', 'at', '<path>', 'from', '<ip>', 'via', '<url>', 'after', '<num>', 'id=<hex>']);
  });
});

describe('TemplateClusters', () => {
  it('groups variants of one failure into one template with a count', () => {
    const c = new TemplateClusters();
    for (let i = 0; i < 1000; i++) c.add(`[agent] tool ${i % 3 === 0 ? 'exec' : 'read'} failed for session s${i} after ${i}ms`);
    c.add('completely different failure');
    const list = c.list();
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({ template: '[agent] tool <*> failed for session <num> after <num>', count: 1000, example: '[agent] tool exec failed for session s0 after 0ms' });
    expect(list[1].count).toBe(1);
  });

  it('keeps memory bounded: past the limit, new templates only count as overflow', () => {
    const c = new TemplateClusters(10);
    for (let i = 0; i < 50; i++) c.add(`unique${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} message`);
    expect(c.list()).toHaveLength(10);
    expect(c.overflow).toBe(40);
  });
});
