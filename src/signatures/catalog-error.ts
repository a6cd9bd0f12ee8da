// The error a broken catalog raises, and the one file name both the loader and the validator know.
// Its own module so that validate.ts (loaded lazily by load.ts) does not import load.ts back.

export const CAUSES_FILE = 'causes.yaml';

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
