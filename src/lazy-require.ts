// A dependency loaded on first use, synchronously. Some code paths need a package rarely (a cron
// expression, a mention pattern, a HEARTBEAT.md tasks block) but inside synchronous functions; a
// static import would make every gateway and doctor start pay for it. Loaded with Node's require
// from node_modules, outside the bundle.
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

/** Returns a getter that loads `name` the first time it is called. */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromHere(name) as T);
}
