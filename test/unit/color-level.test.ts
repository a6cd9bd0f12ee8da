// The colour level is decided in src/color.ts alone (the CLI bundle has no terminal detection of
// chalk's own): flags and NO_COLOR turn it off, FORCE_COLOR on, a pipe or a dumb terminal gets none.
import { describe, expect, it } from 'vitest';
import { chalk, colorLevel, configureColor } from '../../src/color.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('colorLevel', () => {
  it('colours a terminal and never a pipe', () => {
    expect(colorLevel({}, {}, tty)).toBe(1);
    expect(colorLevel({}, {}, pipe)).toBe(0);
    expect(colorLevel({}, { TERM: 'dumb' }, tty)).toBe(0);
  });

  it('--no-color and a non-empty NO_COLOR win over everything', () => {
    expect(colorLevel({ color: false }, { FORCE_COLOR: '1' }, tty)).toBe(0);
    expect(colorLevel({}, { NO_COLOR: '1', FORCE_COLOR: '3' }, tty)).toBe(0);
    expect(colorLevel({}, { NO_COLOR: '' }, tty)).toBe(1);
  });

  it('FORCE_COLOR colours a pipe, at the level it names (1 when it names none)', () => {
    expect(colorLevel({}, { FORCE_COLOR: '1' }, pipe)).toBe(1);
    expect(colorLevel({}, { FORCE_COLOR: '' }, pipe)).toBe(1);
    expect(colorLevel({}, { FORCE_COLOR: 'true' }, pipe)).toBe(1);
    expect(colorLevel({}, { FORCE_COLOR: '3' }, pipe)).toBe(3);
    expect(colorLevel({}, { FORCE_COLOR: '9' }, pipe)).toBe(3);
    expect(colorLevel({}, { FORCE_COLOR: '0' }, tty)).toBe(1);
    expect(colorLevel({}, { FORCE_COLOR: 'false' }, pipe)).toBe(0);
  });

  it('configureColor sets chalk, which then colours or not', () => {
    const level = chalk.level;
    try {
      configureColor({}, { FORCE_COLOR: '1' }, pipe);
      expect(chalk.red('x')).toBe('\u001b[31mx\u001b[39m');
      configureColor({}, {}, pipe);
      expect(chalk.red('x')).toBe('x');
    } finally {
      chalk.level = level;
    }
  });
});
