// No user-facing sentence typed inline where the catalog's rule applies (test/helpers/i18n-lint.ts):
// checks, the engine's reporters and the CLI's output paths say what they say through locales/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import { I18N_LINT_SCOPE, lintSentences } from '../helpers/i18n-lint.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the catalog lint rule', () => {
  it('finds no sentence typed inline in its scope', () => {
    expect(lintSentences(ROOT)).toEqual([]);
  });

  it('every entry of its scope exists', () => {
    expect(I18N_LINT_SCOPE.filter((entry) => !fs.existsSync(path.join(ROOT, entry)))).toEqual([]);
  });

  it('flags sentences and leaves ids, matchers, imports and marked lines alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-lint-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'sample.ts'),
        [
          "import { x } from '../some where.js';",
          "const a = 'gateway/mode-unset.no-config';",
          "const b = 'The gateway is not running';",
          'const c = `Port ${a} is held by ${b}`;',
          "if (b.includes('another gateway instance')) {}",
          "if (b === 'two words') {}",
          "const d = { docs: 'seeds: Gateway errors' };",
          "// i18n-ignore: a protocol string the peer sends",
          "const e = 'connect failed';",
          "const f = '게이트웨이 실행 중';",
          "type T = 'one two';",
          "const g = `${a}: ${b}`;",
        ].join('\n'),
      );
      expect(lintSentences(dir, ['sample.ts']).map((h) => h.line)).toEqual([3, 4, 10]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
