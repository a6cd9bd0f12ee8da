// explain's paste hint names the clipboard tool of the platform it runs on.
import { describe, expect, it } from 'vitest';
import { pasteHint } from '../../src/cli/commands/explain.js';

describe('explain paste hint', () => {
  it.each([
    ['darwin', {}, '`pbpaste | openclaw explain`'],
    ['win32', {}, '`Get-Clipboard | openclaw explain` (PowerShell)'],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, '`wl-paste | openclaw explain`'],
    ['linux', {}, '`xclip -selection clipboard -o | openclaw explain` (or `xsel -b | openclaw explain`)'],
    ['freebsd', {}, '`xclip -selection clipboard -o | openclaw explain` (or `xsel -b | openclaw explain`)'],
  ] as const)('%s %o', (platform, env, hint) => {
    expect(pasteHint(platform, env)).toBe(hint);
  });
});
