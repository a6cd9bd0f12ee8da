// SARIF 2.1.0 for code-scanning UIs: one rule per check, one result per finding, located in the config file.
import type { Check } from '../check.js';
import type { DoctorReport } from '../report.js';
import { en } from '../../i18n/index.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function renderSarif(r: DoctorReport, checks: Check[], version: string): object {
  const uri = r.configPath ? `file://${r.configPath}` : undefined;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'openclaw-doctor',
            version,
            rules: checks.map((c) => ({
              id: c.meta.id,
              name: c.meta.id.replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase()),
              shortDescription: { text: c.meta.title },
              defaultConfiguration: { level: LEVEL[c.meta.severity] },
              properties: { area: c.meta.area, fix: c.meta.fix, docs: c.meta.docs },
            })),
          },
        },
        results: r.findings.map((f) => ({
          ruleId: f.checkId,
          level: LEVEL[f.severity],
          message: { text: f.fixHint ? en('report.sarif.message', { message: f.message, next: f.fixHint }) : f.message },
          ...(uri ? { locations: [{ physicalLocation: { artifactLocation: { uri } }, ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path }] } : {}) }] } : {}),
          // The catalog ids and parameters, so a code-scanning UI can show the finding in any language.
          properties: { cause: f.cause, path: f.path, messageId: f.messageId, params: f.params, text: f.text, fixHintId: f.fixHintId, fixHintText: f.fixHintText },
        })),
      },
    ],
  };
}
