// Screenshots of every demo page at 360 and 1280 px once its widgets are settled, for looking at
// what we ship: `node tools/screenshots.mjs [OUT_DIR]` (default tests/e2e/artifacts/pages).
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, settled, ROOT } from '../tests/e2e/helpers.mjs';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'tests/e2e/artifacts/pages'));
fs.mkdirSync(out, { recursive: true });
const pages = ['index', 'tra-cuu-thu-tuc', 'chi-tieu-cchc', 'phan-anh-kien-nghi', 'phan-anh-da-tra-loi'];
const srv = await serve();
const browser = await launch();
for (const name of pages) {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${srv.base}/www/${name}.html`);
    await settled(page, 30000);
    await page.waitForTimeout(200);
    const file = path.join(out, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  }
}
await browser.close();
srv.close();
