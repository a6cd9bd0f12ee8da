import { describe, expect, it } from 'vitest';
import { parseEnvironment, parseExecLine, parseUnit, quoteAssignment, quoteWord, renderUnit, splitWords, unitValue, unitValues } from '../../src/service/systemd-syntax.js';

describe('parseUnit', () => {
  it('reads sections, repeated keys, comments and continuation lines', () => {
    const unit = parseUnit(
      [
        '# a comment',
        '[Unit]',
        'Description=OpenClaw Gateway',
        '',
        '[Service]',
        '; another comment',
        'ExecStart=/usr/bin/node \\',
        '  /opt/openclaw/dist/index.js \\',
        '# comment inside a continuation is skipped',
        '  gateway --port 18789',
        'Environment=A=1',
        'Environment="B=two words" C=3',
        'EnvironmentFile=-/etc/openclaw.env',
      ].join('\n'),
    );
    expect(unitValue(unit, 'Unit', 'Description')).toBe('OpenClaw Gateway');
    expect(parseExecLine(unitValue(unit, 'Service', 'ExecStart')!)).toEqual(['/usr/bin/node', '/opt/openclaw/dist/index.js', 'gateway', '--port', '18789']);
    expect(parseEnvironment(unitValues(unit, 'Service', 'Environment'))).toEqual({ A: '1', B: 'two words', C: '3' });
    expect(unitValues(unit, 'Service', 'EnvironmentFile')).toEqual(['-/etc/openclaw.env']);
  });

  it('treats an empty assignment as a reset, as systemd does', () => {
    const unit = parseUnit('[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n');
    expect(parseEnvironment(unitValues(unit, 'Service', 'Environment'))).toEqual({ B: '2' });
  });

  it('handles CRLF line endings and ignores lines outside a section', () => {
    const unit = parseUnit('Stray=1\r\n[Service]\r\nRestart=always\r\n');
    expect(unitValue(unit, 'Service', 'Restart')).toBe('always');
    expect(unit.sections.size).toBe(1);
  });
});

describe('splitWords', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    ['"a b" c', ['a b', 'c']],
    ["'single quoted' x", ['single quoted', 'x']],
    ['"esc \\"q\\" \\\\ \\n"', ['esc "q" \\ \n']],
    ['100%% sure', ['100%', 'sure']],
    ['\\x41B', ['AB']],
    ['""', ['']],
    ['KEY="v w"', ['KEY=v w']],
  ])('%s', (input, words) => {
    expect(splitWords(input)).toEqual(words);
  });

  it('expands %h when a home is given and keeps other specifiers', () => {
    expect(splitWords('%h/.openclaw %u', { home: '/home/ada' })).toEqual(['/home/ada/.openclaw', '%u']);
  });

  it('reads $$ as a literal $ only on exec lines', () => {
    expect(parseExecLine('-/bin/echo $$HOME')).toEqual(['/bin/echo', '$HOME']);
    expect(splitWords('$$HOME')).toEqual(['$$HOME']);
  });
});

describe('quoteWord round-trips through splitWords', () => {
  const samples = ['plain', 'with space', 'quote"inside', "apostrophe's", 'back\\slash', '100%', 'tab\there', 'new\nline', '', '$HOME', 'KEY=a b'];
  it.each(samples)('%j', (word) => {
    expect(splitWords(quoteWord(word))).toEqual([word]);
    expect(parseExecLine(quoteWord(word, { exec: true }))).toEqual([word]);
  });

  it('quotes a whole assignment so the value may hold spaces', () => {
    const v = quoteAssignment('OPENCLAW_STATE_DIR', '/srv/open claw');
    expect(v).toBe('"OPENCLAW_STATE_DIR=/srv/open claw"');
    expect(parseEnvironment([v])).toEqual({ OPENCLAW_STATE_DIR: '/srv/open claw' });
  });
});

describe('renderUnit', () => {
  it('writes a header comment and sections that parse back', () => {
    const text = renderUnit([{ name: 'Service', entries: [['Environment', 'A=1'], ['Environment', 'B=2']] }], 'hello');
    expect(text.startsWith('# hello\n\n[Service]\n')).toBe(true);
    expect(parseEnvironment(unitValues(parseUnit(text), 'Service', 'Environment'))).toEqual({ A: '1', B: '2' });
  });
});
