/**
 * Evidence images for the gallery, read straight from the extension's IndexedDB (our pages share its origin):
 * Blobs do not cross runtime messages, and object URLs show a PNG without copying it through base64.
 */
import { useEffect, useState } from 'preact/hooks';
import { evidenceImage } from '@/lib/db/evidence-store';
import { pageDb } from './page-db';

/** An object URL of a screenshot, revoked when the component goes away; '' while loading or when missing. */
export function useEvidenceUrl(id: string): string {
  const [url, setUrl] = useState('');
  useEffect(() => {
    let objectUrl = '';
    let live = true;
    void evidenceImage(pageDb(), id).then((blob) => {
      if (!live || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id]);
  return url;
}
