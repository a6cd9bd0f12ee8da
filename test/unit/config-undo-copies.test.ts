// logs/doctor-undo/ holds a copy of the config (and its secrets) per fix run: only the copies the
// newest UNDO_COPIES_KEPT journal entries reference stay.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJournal, saveConfigCopy, UNDO_COPIES_KEPT } from '../../src/engine/journal.js';
import { tempDir } from '../helpers/cli.js';

let state: string;
beforeEach(() => {
  state = tempDir('oc-undo-copies-');
});
afterEach(() => fs.rmSync(state, { recursive: true, force: true }));

describe('undo copies', () => {
  it(`keeps the copies of the last ${UNDO_COPIES_KEPT} runs, drops older ones and orphans, all 0600`, () => {
    const config = path.join(state, 'openclaw.json');
    fs.writeFileSync(config, '{"gateway":{"auth":{"token":"t0k3n-value"}}}', { mode: 0o644 });
    const copies: string[] = [];
    const orphan = path.join(state, 'logs', 'doctor-undo', 'killed-run.openclaw.json');
    for (let i = 0; i < UNDO_COPIES_KEPT + 5; i++) {
      const id = `run-${String(i).padStart(3, '0')}`;
      const before = saveConfigCopy(state, config, id);
      copies.push(before!.copy!);
      if (i === 3) fs.writeFileSync(orphan, 'secret of a run killed before its journal line');
      appendJournal(state, { id, at: new Date().toISOString(), checkIds: ['x'], configPath: config, configBefore: before, undo: [], irreversible: [] });
    }
    const left = fs.readdirSync(path.dirname(orphan)).map((n) => path.join(path.dirname(orphan), n)).sort();
    expect(left).toEqual(copies.slice(-UNDO_COPIES_KEPT).sort());
    for (const c of left) expect(fs.statSync(c).mode & 0o777).toBe(0o600);
  });
});
