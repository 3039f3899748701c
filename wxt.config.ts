import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// GSI_OUT_DIR lets several builds (a developer's and a test run's) live side by side.
const outDir = process.env.GSI_OUT_DIR ?? '.output';

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: lib/ must read as plain TypeScript with visible dependencies.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // tabs: read the URL of the tab under review; sidePanel: the findings panel; scripting: check a tab on demand;
    // storage/unlimitedStorage: checklists, findings and screenshots in IndexedDB; offscreen: parse fetched pages;
    // downloads: save the quarterly bundle; webRequest: see each redirect hop and network error of our own link
    // checks (fetch hides both).
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'tabs', 'scripting', 'offscreen', 'downloads', 'webRequest'],
    // Link checks and the site-wide crawl request pages of every site the inspector adds.
    host_permissions: ['<all_urls>'],
    // Chrome 148+: messages are structured-cloned instead of JSON-encoded, which halves the time a big page's
    // snapshot takes to reach the background (older versions ignore the key and keep JSON; our messages are
    // plain data either way).
    message_serialization: 'structured_clone',
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'check-page': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandCheckPage__',
      },
    },
  },
});
