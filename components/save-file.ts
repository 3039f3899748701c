/** Saving a file through the downloads API, from an extension page: only a page can make the object URL it saves. */
import { browser } from 'wxt/browser';

/** Saves the blob under the file name (numbered when one exists) and frees its object URL once the download has ended. */
export async function saveBlob(blob: Blob, filename: string): Promise<void> {
  const url = URL.createObjectURL(blob);
  let id: number | undefined;
  const onChanged = (delta: { id: number; state?: { current?: string } }): void => {
    if (delta.id !== id || !delta.state?.current || delta.state.current === 'in_progress') return;
    browser.downloads.onChanged.removeListener(onChanged);
    URL.revokeObjectURL(url);
  };
  browser.downloads.onChanged.addListener(onChanged);
  try {
    id = await browser.downloads.download({ url, filename, conflictAction: 'uniquify' });
  } catch (err) {
    browser.downloads.onChanged.removeListener(onChanged);
    URL.revokeObjectURL(url);
    throw err;
  }
}
