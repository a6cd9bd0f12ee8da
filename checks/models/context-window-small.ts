// A model whose contextWindow cannot hold the agent's prompt and tools (< 16k: error) or that will
// compact constantly (< 32k: warning).
import { defineCheck, type Finding, say } from '../../src/engine/check.js';
import { CONTEXT_WINDOW_MIN, CONTEXT_WINDOW_WARN } from '../../src/subsystems/models/detect.js';

export default defineCheck({
  meta: {
    id: 'models/context-window-small',
    area: 'models',
    severity: 'warning',
    facts: ['models'],
    fix: 'none',
    docs: 'seeds: local model backends (capacity limits)',
  },
  detect({ models }) {
    if (!models?.ok) return [];
    return models.value.providers.flatMap((p) =>
      p.models
        .filter((m) => m.contextVerdict === 'too-small' || m.contextVerdict === 'small')
        .map(
          (m): Finding => ({
            checkId: 'models/context-window-small',
            severity: m.contextVerdict === 'too-small' ? 'error' : 'warning',
            ...say('models/context-window-small.has-contextwindow-minimum', { provider: p.id, model: m.id, contextWindow: m.contextWindow, tooSmall: m.contextVerdict === 'too-small', min: CONTEXT_WINDOW_MIN, warn: CONTEXT_WINDOW_WARN }),
            path: `${m.configPath}.contextWindow`,
            cause: 'context-window-too-small',
          }),
        ),
    );
  },
});
