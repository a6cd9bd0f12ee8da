// Turns parsed catalog documents into a Catalog, or a CatalogError naming the file and entry.
import { CatalogError, CAUSES_FILE, COMBINATIONS_FILE } from './catalog-error.js';
import { causesFileSchema, combinationFileSchema, signatureFileSchema, type Catalog } from './schema.js';

function firstIssue(err: { issues: { path: PropertyKey[]; message: string }[] }, data: unknown): string {
  const issue = err.issues[0];
  const [index] = issue.path;
  const entry = typeof index === 'number' && Array.isArray(data) ? (data[index] as { id?: unknown }) : undefined;
  const where = issue.path.map(String).join('.');
  return `${entry?.id ? `entry ${String(entry.id)}: ` : ''}${where ? `${where}: ` : ''}${issue.message}`;
}

/** Catalogs written before causes held the only text: say where the text went instead of "unrecognized key". */
function textOfItsOwn(doc: { file: string; data: unknown }): void {
  if (!Array.isArray(doc.data)) return;
  for (const entry of doc.data as Record<string, unknown>[]) {
    const own = ['explain', 'fix'].filter((k) => entry && typeof entry === 'object' && k in entry);
    if (own.length) {
      throw new CatalogError(
        `entry ${String(entry.id)}: ${own.join(' and ')} belong${own.length === 1 ? 's' : ''} to the cause in ${CAUSES_FILE} (a signature may add a one-line detail and a narrower check)`,
        doc.file,
      );
    }
  }
}

export function validateCatalog(docs: { file: string; data: unknown }[]): Catalog {
  const causesDoc = docs.find((d) => d.file === CAUSES_FILE);
  if (!causesDoc) throw new CatalogError(`missing ${CAUSES_FILE}`);
  const causesParsed = causesFileSchema.safeParse(causesDoc.data);
  if (!causesParsed.success) throw new CatalogError(firstIssue(causesParsed.error, causesDoc.data), CAUSES_FILE);
  const causes: Catalog['causes'] = {};
  for (const [id, cause] of Object.entries(causesParsed.data)) causes[id] = { id, ...cause };

  const signatures: Catalog['signatures'] = [];
  const combinations: Catalog['combinations'] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, file: string) => {
    const other = seen.get(id);
    if (other) throw new CatalogError(`duplicate id ${id} (also in ${other})`, file);
    seen.set(id, file);
  };
  for (const doc of docs) {
    if (doc.file === CAUSES_FILE) continue;
    if (doc.file === COMBINATIONS_FILE) {
      const parsed = combinationFileSchema.safeParse(doc.data ?? []);
      if (!parsed.success) throw new CatalogError(firstIssue(parsed.error, doc.data), doc.file);
      for (const combo of parsed.data) {
        claim(combo.id, doc.file);
        if (!causes[combo.cause]) throw new CatalogError(`entry ${combo.id}: unknown cause "${combo.cause}" (add it to ${CAUSES_FILE})`, doc.file);
        const names = combo.facts.map((f) => f.name);
        if (new Set(names).size !== names.length) throw new CatalogError(`entry ${combo.id}: two facts share a name`, doc.file);
        combinations.push({ ...combo, file: doc.file });
      }
      continue;
    }
    textOfItsOwn(doc);
    const parsed = signatureFileSchema.safeParse(doc.data ?? []);
    if (!parsed.success) throw new CatalogError(firstIssue(parsed.error, doc.data), doc.file);
    for (const sig of parsed.data) {
      claim(sig.id, doc.file);
      if (!causes[sig.cause]) throw new CatalogError(`entry ${sig.id}: unknown cause "${sig.cause}" (add it to ${CAUSES_FILE})`, doc.file);
      if (sig.match.regex !== undefined) {
        try {
          new RegExp(sig.match.regex, 'i');
        } catch (err) {
          throw new CatalogError(`entry ${sig.id}: invalid regex: ${(err as Error).message}`, doc.file);
        }
      }
      for (const [, group] of (sig.detail ?? '').matchAll(/\{(\w+)\}/g)) {
        if (!sig.match.regex?.includes(`(?<${group}>`)) throw new CatalogError(`entry ${sig.id}: detail names {${group}}, which its regex does not capture`, doc.file);
      }
      signatures.push({ ...sig, file: doc.file });
    }
  }
  return { signatures, causes, combinations };
}
