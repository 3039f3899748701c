/**
 * Where Chromium is and how to start it with the built extension — shared by the e2e tests and `npm start`.
 * Branded Chrome and Edge dropped the side-loading flags, so this uses a plain Chromium: CHROMIUM_PATH when
 * set, else Debian's /usr/bin/chromium, else Playwright's own download if one is installed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.env.GSI_OUT_DIR ?? '.output', 'chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** The Chromium to run, or undefined to let Playwright use its own download. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH 指向的文件不存在：${fromEnv}`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/** Chromium on Linux takes its UI language, and so the extension's, from the environment. */
export const CHINESE_ENV: Record<string, string> = { LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' };

/** Flags for a quiet Chromium with our extension and nothing else. */
export function extensionArgs(extensionDir = EXTENSION_DIR, headless = true): string[] {
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`没有找到构建好的扩展：${extensionDir}。请先运行 npm run build。`);
  }
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    // The extension's UI follows the browser's language: run it as an inspector's Chinese browser.
    '--lang=zh-CN',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}
