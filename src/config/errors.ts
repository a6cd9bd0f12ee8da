// Every way reading a config file can fail, each with its own code and a next step for the user.
import type { MessageRef } from '../i18n/index.js';
import type { TextRepair } from './parse-repair.js';
import { UserError, type UserErrorReport } from '../user-error.js';

export type ConfigErrorCode =
  | 'parse'
  | 'empty'
  | 'is-directory'
  | 'permission'
  | 'symlink-loop'
  | 'invalid-utf8'
  | 'not-object'
  | 'not-regular'
  | 'too-deep'
  | 'io';

export interface ConfigErrorInfo {
  code: ConfigErrorCode;
  file: string;
  message: string;
  hint: string;
  /** `message` and `hint` as catalog messages, for the reader's language (the English stays in message/hint). */
  reason?: MessageRef;
  hintRef?: MessageRef;
  line?: number;
  column?: number;
  /** The offending source line, for parse errors (secret values redacted; absent for a file that is not a config). */
  excerpt?: string;
  /** For parse errors: the one-character repair that makes the file parse, when there is exactly one. */
  repair?: TextRepair;
  /**
   * For parse errors: what the file still says (the repaired text, or what precedes the error).
   * It holds secrets, so toJSON leaves it out: only checks read it, and redact what they show.
   */
  salvaged?: Record<string, unknown>;
  /** Where the caret goes in the excerpt, when redaction moved the text (else `column`). */
  excerptColumn?: number;
}

export class ConfigError extends UserError {
  readonly code: ConfigErrorCode;
  readonly file: string;
  readonly hint: string;
  readonly reason?: MessageRef;
  readonly hintRef?: MessageRef;
  readonly line?: number;
  readonly column?: number;
  readonly excerpt?: string;
  readonly repair?: TextRepair;
  readonly salvaged?: Record<string, unknown>;
  readonly excerptColumn?: number;

  constructor(info: ConfigErrorInfo) {
    super(info.message);
    this.name = 'ConfigError';
    this.code = info.code;
    this.file = info.file;
    this.hint = info.hint;
    this.reason = info.reason;
    this.hintRef = info.hintRef;
    this.line = info.line;
    this.column = info.column;
    this.excerpt = info.excerpt;
    this.repair = info.repair;
    this.salvaged = info.salvaged;
    this.excerptColumn = info.excerptColumn;
  }

  /** `file:line:col` when the position is known, else the file. */
  get location(): string {
    return this.line ? `${this.file}:${this.line}:${this.column ?? 1}` : this.file;
  }

  toJSON(): ConfigErrorInfo {
    return {
      code: this.code,
      file: this.file,
      message: this.message,
      hint: this.hint,
      reason: this.reason,
      hintRef: this.hintRef,
      line: this.line,
      column: this.column,
      excerpt: this.excerpt,
      repair: this.repair,
      excerptColumn: this.excerptColumn,
    };
  }

  /** Blocks a start (exit 78); the terminal shows format() in the reader's language, JSON the whole record. */
  override report(): UserErrorReport {
    return { kind: 'config', message: `${this.location}: ${this.message}`, hint: this.hint, json: { config: this.toJSON() }, human: (say) => this.format(say) };
  }

  /**
   * A few lines for a terminal: where, what, the line with a caret, what to do. `say` words the
   * catalog messages in the reader's language; without it the text is English, as the gateway's
   * start error must be (log scanners read it).
   */
  format(say?: (m: MessageRef) => string): string {
    const message = say && this.reason ? say(this.reason) : this.message;
    const hint = say && this.hintRef ? say(this.hintRef) : this.hint;
    const out = [`${this.location}: ${message}`];
    const caret = this.excerptColumn ?? this.column;
    if (this.excerpt !== undefined && caret) {
      out.push(`  ${this.excerpt}`);
      out.push(`  ${' '.repeat(Math.max(0, caret - 1))}^`);
    }
    out.push(`  ${hint}`);
    return out.join('\n');
  }
}
