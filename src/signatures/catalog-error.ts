// The error a broken catalog raises, and the file names both the loader and the validator know.
// Its own module so that validate.ts (loaded lazily by load.ts) does not import load.ts back.

export const CAUSES_FILE = 'causes.yaml';
/** Rules over several lines; validated by their own schema, not as signatures. */
export const COMBINATIONS_FILE = 'combinations.yaml';

/** A catalog file that is unreadable, malformed or inconsistent: names the file and entry. */
export class CatalogError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'CatalogError';
  }
}
