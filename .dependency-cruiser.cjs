// The layers of docs/ARCHITECTURE.md as rules. `npm test` runs `npm run lint:layers`, which fails on any
// violation. Read top to bottom: a layer may import its own layer and any layer below it, never one above.
// Type-only imports count too: a type that reaches back up is still a knot.

const LAYERS = [
  // Reads argv, prints, picks exit codes; the Ink wizard is one of its commands.
  { name: 'cli', path: '^src/(cli|tui)/' },
  // Runs checks, plans and applies repairs, reports; the support bundle is built on its journal.
  { name: 'engine', path: '^src/(engine|support)/' },
  // Pure checks: detect(facts) and repair() return data. Loaded by path, so nothing in src imports them.
  { name: 'checks', path: '^checks/' },
  // What a check is written against: its contract, its helpers, the operations a repair returns.
  { name: 'check contract', path: '^src/engine/(check|[a-z-]*check-helpers|operations)[.]ts$' },
  // One collector and one type per fact.
  { name: 'facts', path: '^src/facts/' },
  // The parts that talk to the world and return data: gateway, client, subsystems, service, logs, catalog.
  { name: 'io', path: '^src/(gateway|client|subsystems|service|logs|signatures|net)/' },
  // Shared by everything above: config, wire protocol, messages, OS facts, version and colour.
  { name: 'ground', path: '^src/((config|protocol|system|i18n)/|[^/]+[.]tsx?$)' },
];

// The contract files also match `engine`'s path; they belong to the lower layer, so each rule lets a
// layer import its own path and every path below it.
const CONTRACT = LAYERS.find((l) => l.name === 'check contract').path;

const upward = LAYERS.slice(1).map((layer, i) => ({
  name: `no-upward-from-${layer.name.replace(/ /g, '-')}`,
  comment: `${layer.name} imports a layer above it (${LAYERS.slice(0, i + 1).map((l) => l.name).join(', ')})`,
  severity: 'error',
  from: layer.name === 'engine' ? { path: layer.path, pathNot: CONTRACT } : { path: layer.path },
  to: {
    path: LAYERS.slice(0, i + 1).map((l) => l.path),
    pathNot: LAYERS.slice(i + 1).map((l) => l.path),
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circles, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|dist|scripts)/' },
  },
};
