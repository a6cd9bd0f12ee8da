export const CAUSE_MESSAGES: string;
export function icuText(text: string): string;
export function causeMessages(): string;
