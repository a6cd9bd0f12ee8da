// Text from logs, files and peers is shown, never obeyed: control characters (C0 but tab, DEL, C1)
// and the bidi overrides that reorder a line on screen become visible \xNN / \u{NNNN} escapes.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
