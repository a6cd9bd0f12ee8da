// Pure recognisers for the model failures the seeds describe. Shared by the models status command,
// the doctor's checks and anything that reads logs.

/** A strict backend that only accepts string message content (LM Studio, some llama.cpp/vLLM builds). */
export const STRING_CONTENT_ERROR = /messages\[[^\]]*\]\.content: invalid type: sequence, expected a string|invalid type: sequence, expected a string/;

export function isStringContentError(text: string): boolean {
  return STRING_CONTENT_ERROR.test(text);
}

/** Anthropic's answer when a context1m model runs on credentials without long-context access. */
export const LONG_CONTEXT_429 = /HTTP 429: rate_limit_error: Extra usage is required for long context requests/;

export function isLongContext429(text: string): boolean {
  return LONG_CONTEXT_429.test(text);
}

/** Below this the agent cannot fit its system prompt and tools; upstream refuses such models. */
export const CONTEXT_WINDOW_MIN = 16_000;
/** Below this it works but compacts constantly. */
export const CONTEXT_WINDOW_WARN = 32_000;

export function contextWindowVerdict(tokens: number | undefined): 'ok' | 'small' | 'too-small' | 'unknown' {
  if (tokens === undefined) return 'unknown';
  if (tokens < CONTEXT_WINDOW_MIN) return 'too-small';
  if (tokens < CONTEXT_WINDOW_WARN) return 'small';
  return 'ok';
}

/** Configured model ids the backend does not serve (exact match, then without a `provider/` prefix). */
export function unknownModels(configured: string[], served: string[]): string[] {
  const set = new Set(served);
  return configured.filter((id) => id && !set.has(id) && !set.has(id.replace(/^[^/]+\//, '')));
}

export function isAuthError(status: number | undefined): boolean {
  return status === 401 || status === 403;
}
