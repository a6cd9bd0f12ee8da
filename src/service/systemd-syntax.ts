// The part of systemd's unit-file syntax that service definitions use: sections, repeated keys,
// continuation lines, comments, and the quoting rules of Exec*= and Environment= values
// (systemd.syntax(7), systemd.service(5) "Command lines", systemd.exec(5) "Environment=").
// Small on purpose: enough to write our unit correctly and to read anyone's unit back.

export interface UnitFile {
  /** Section name → key → values in file order. An empty assignment clears earlier values, as systemd does. */
  sections: Map<string, Map<string, string[]>>;
}

/** Parses unit text. Never throws: lines it cannot read are skipped, as systemd skips them with a warning. */
export function parseUnit(text: string): UnitFile {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    // A trailing backslash continues the value on the next line; comment lines inside are skipped.
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = line.slice(0, -1);
      let next = lines[++i].trim();
      while ((next.startsWith('#') || next.startsWith(';')) && i + 1 < lines.length) next = lines[++i].trim();
      line = `${line} ${next}`;
    }
    if (line.endsWith('\\')) line = line.slice(0, -1);
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (value === '') current.set(key, []);
    else current.set(key, [...(current.get(key) ?? []), value]);
  }
  return { sections };
}

export function unitValues(unit: UnitFile, section: string, key: string): string[] {
  return unit.sections.get(section)?.get(key) ?? [];
}

/** The last assignment wins for single-valued keys. */
export function unitValue(unit: UnitFile, section: string, key: string): string | undefined {
  const all = unitValues(unit, section, key);
  return all[all.length - 1];
}

export interface SplitOptions {
  /** Exec lines: `$$` is a literal `$`. */
  exec?: boolean;
  /** Expands %h (home directory); %% is always a literal %. Other specifiers are kept as written. */
  home?: string;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', s: ' ', '\\': '\\', '"': '"', "'": "'" };

/** Splits a value into words: whitespace separates, "…" and '…' quote, backslash escapes C-style. */
export function splitWords(value: string, opts: SplitOptions = {}): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const n = value[i + 1];
    if (c === '\\' && n !== undefined) {
      i++;
      if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
        word += String.fromCharCode(parseInt(value.slice(i + 1, i + 3), 16));
        i += 2;
      } else word += C_ESCAPES[n] ?? n;
    } else if (c === '%' && n === '%') {
      word += '%';
      i++;
    } else if (c === '%' && n === 'h' && opts.home) {
      word += opts.home;
      i++;
    } else if (c === '$' && n === '$' && opts.exec) {
      word += '$';
      i++;
    } else if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    } else word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** Quotes one word so that splitWords() gives it back unchanged. */
export function quoteWord(word: string, opts: { exec?: boolean } = {}): string {
  let escaped = word
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/%/g, '%%');
  if (opts.exec) escaped = escaped.replace(/\$/g, '$$$$');
  return word === '' || /[\s"'\\]/.test(word) ? `"${escaped}"` : escaped;
}

/** One `Environment=` value for a variable: `"KEY=value with spaces"` when it needs quotes. */
export function quoteAssignment(key: string, value: string): string {
  return quoteWord(`${key}=${value}`);
}

/** Every `Environment=` assignment in order (later ones win), as systemd builds the environment. */
export function parseEnvironment(values: string[], opts: SplitOptions = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const value of values) {
    for (const word of splitWords(value, opts)) {
      const eq = word.indexOf('=');
      if (eq > 0) env[word.slice(0, eq)] = word.slice(eq + 1);
    }
  }
  return env;
}

/** An ExecStart= value as argv: drops the `@-:+!` prefixes systemd allows before the binary. */
export function parseExecLine(value: string, opts: SplitOptions = {}): string[] {
  const trimmed = value.replace(/^[@\-:+!]+/, '');
  return splitWords(trimmed, { ...opts, exec: true });
}

export interface UnitSection {
  name: string;
  /** Keys in order; a key appearing twice is written twice (Environment=, After=). */
  entries: Array<[string, string]>;
}

export function renderUnit(sections: UnitSection[], header?: string): string {
  const parts: string[] = [];
  if (header) parts.push(header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n'));
  for (const s of sections) parts.push([`[${s.name}]`, ...s.entries.map(([k, v]) => `${k}=${v}`)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
