/**
 * Writes the bundle's files into one zip with JSZip's streaming generation, to a sink: one buffer (node, tests)
 * or a Blob assembled from small parts (the extension page). Entries are dropped from JSZip as soon as they are
 * written, so each screenshot's bytes can be freed while the rest is still being zipped.
 */
import JSZip from 'jszip';

export interface ZipFile {
  path: string;
  data: Uint8Array;
  /** PNGs are already compressed: stored as they are, which is fast and keeps their bytes. */
  store: boolean;
}

/** Where the zip's bytes go as JSZip streams them. */
export interface ZipSink<T> {
  write(chunk: Uint8Array): void;
  end(): T;
}

const encoder = new TextEncoder();
/** Local + central header bytes of one entry (no extra fields: names are ASCII, no data descriptor). */
const ENTRY_OVERHEAD = 30 + 46;
/** Worst-case growth of DEFLATE over stored data: 5 bytes per 16 KB block, plus slack. */
const deflateBound = (n: number): number => n + 5 * Math.ceil(n / 16384) + 64;

/** The largest the zip of `files` can be. */
export function zipBound(files: readonly ZipFile[]): number {
  let bound = 22;
  for (const f of files) {
    bound += ENTRY_OVERHEAD + 2 * encoder.encode(f.path).byteLength + (f.store ? f.data.byteLength : deflateBound(f.data.byteLength));
  }
  return bound;
}

/**
 * One buffer sized for the worst case (`bound`), chunks copied in as they come: no list of chunks and no
 * final concatenation beside it. Trimmed at the end when text compressed enough to make that worth a copy.
 */
export function bufferSink(bound: number): ZipSink<Uint8Array> {
  let out = new Uint8Array(bound);
  let written = 0;
  return {
    write(chunk) {
      if (written + chunk.byteLength > out.byteLength) {
        // Not expected (the bound is a worst case); grow rather than fail.
        const grown = new Uint8Array(Math.max(out.byteLength * 1.25, written + chunk.byteLength));
        grown.set(out.subarray(0, written));
        out = grown;
      }
      out.set(chunk, written);
      written += chunk.byteLength;
    },
    end: () => (written < out.byteLength * 0.9 ? out.slice(0, written) : out.subarray(0, written)),
  };
}

/**
 * A Blob made of parts of about `partBytes`. In a browser each part's bytes move to the browser's blob store
 * once the part is made, so the page never holds the finished archive as one buffer; the downloads API then
 * saves the Blob through an object URL without another copy in the page.
 */
export function blobSink(partBytes = 4 * 1024 * 1024): ZipSink<Blob> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    size = 0;
  };
  return {
    write(chunk) {
      // JSZip may hand out views of an entry's own bytes: keep them only until the part is made.
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= partBytes) flush();
    },
    end() {
      flush();
      return new Blob(parts, { type: 'application/zip' });
    },
  };
}

/** Zips `files` (which it empties, so their bytes are only JSZip's until written) into `sink`. */
export async function zipFiles<T>(files: ZipFile[], date: Date, sink: ZipSink<T>, onPercent: (percent: number) => void): Promise<T> {
  const zip = new JSZip();
  for (const f of files) {
    // createFolders: false — implicit folder entries would carry the current time and break determinism.
    zip.file(f.path, f.data, { date, createFolders: false, binary: true, compression: f.store ? 'STORE' : 'DEFLATE' });
  }
  files.length = 0;
  let previous: string | null = null;
  await new Promise<void>((resolve, reject) => {
    zip
      .generateInternalStream({ type: 'uint8array', platform: 'DOS', compressionOptions: { level: 6 } })
      .on('data', (chunk, meta) => {
        sink.write(chunk);
        if (previous !== null && meta.currentFile !== previous) zip.remove(previous);
        previous = meta.currentFile;
        onPercent(meta.percent);
      })
      .on('error', reject)
      .on('end', resolve)
      .resume();
  });
  onPercent(100);
  return sink.end();
}
