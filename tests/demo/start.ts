/**
 * `npm start`: serve the demo government site and open Chromium with the built extension on its home page.
 * Without a display it says so in one line and keeps the demo site served.
 */
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { startFixtureSite } from '../fixtures/site/server';
import { CHINESE_ENV, chromiumPath, extensionArgs } from '../support/chromium';

const port = Number(process.env.FIXTURE_PORT ?? 8730);
const site = await startFixtureSite({ port, offsitePort: port });
const home = `${site.origin}/`;
console.log(`演示网站 / demo site: ${home}  (off-site: ${site.offsiteOrigin}/)`);

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.log(`没有图形显示环境（DISPLAY 未设置），无法打开浏览器；演示网站仍在 ${home} 运行，按 Ctrl+C 结束。`);
} else {
  const context = await chromium.launchPersistentContext(resolve('.gsi-profile'), {
    executablePath: chromiumPath(),
    env: { ...process.env, ...CHINESE_ENV },
    headless: false,
    args: extensionArgs(undefined, false),
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(home);
  console.log('浏览器已打开：点击工具栏中的“巡”图标打开侧边栏，再点“检查本页”。关闭浏览器即结束。');
  context.on('close', () => {
    void site.close().then(() => process.exit(0));
  });
}
