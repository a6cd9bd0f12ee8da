export const GENERATED: string;
export function compileEnglish(): string;
