/** Why a bundle was refused: a stable code for the UI and tests, a Chinese message for the inspector. */

export type BundleErrorCode =
  /** The file, or one entry, is bigger than the import accepts. */
  | 'too-large'
  /** Not a zip file at all. */
  | 'not-zip'
  /** A zip that ends early (an interrupted download or copy). */
  | 'truncated'
  /** A zip this reader does not handle (ZIP64, encryption, damaged directory). */
  | 'unsupported-zip'
  /** An entry name with “..”, an absolute path, a drive letter or a backslash (zip-slip). */
  | 'unsafe-path'
  /** A zip without our manifest.json, or with another format. */
  | 'not-bundle'
  /** A formatVersion newer than this program reads. */
  | 'newer-version'
  /** manifest.json is present but malformed. */
  | 'invalid-manifest'
  /** A file in the zip that the manifest does not list. */
  | 'unlisted-file'
  /** A file the manifest lists that the zip lacks. */
  | 'missing-file'
  /** A file whose size or SHA-256 differs from the manifest. */
  | 'tampered'
  /** A data file (site.json, findings.json, evidence.json) that does not have the documented shape. */
  | 'invalid-content'
  /** Anything else; the message carries the underlying reason. */
  | 'unreadable';

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    /** The path inside the zip the error is about, when there is one. */
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Human size for messages: “2.0 GB”, “512 MB”, “300 KB”. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
