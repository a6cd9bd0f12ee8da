export function stampOf(english: string): string;
export function stampsPath(locale: string, root?: string): string;
export function messagesOf(locale: string, root?: string): Record<string, string>;
export function readStamps(locale: string, root?: string): { stamps?: Record<string, string>; texts?: Record<string, string> };
export function staleIds(locale: string, root?: string): string[];
export function stamp(locale: string, opts?: { all?: boolean; root?: string }): number;
