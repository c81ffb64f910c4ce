// Renders the extension icons (public/icon/{16,32,48,128}.png) from the one drawing,
// assets/icon.svg, in headless Chromium ($WHY403_CHROMIUM or /usr/bin/chromium) with a
// transparent background. Also writes assets/icon-preview.png: every size on a light and a dark
// DevTools background, to check both at a glance. Run after editing the SVG: npm run icons.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const SIZES = [16, 32, 48, 128];
// DevTools' own panel backgrounds: Chrome light/dark, Firefox light/dark.
const BACKGROUNDS = ['#ffffff', '#282828', '#f9f9fa', '#232327'];

const browser = await chromium.launch({ executablePath: process.env.WHY403_CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(join(root, 'public', 'icon'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(root, 'public', 'icon', `${size}.png`), omitBackground: true });
  }
  const cells = SIZES.map((s) => `<img src="${src}" width="${s}" height="${s}">`).join('');
  const rows = BACKGROUNDS.map(
    (bg) => `<div style="background:${bg};padding:8px;display:flex;gap:12px;align-items:center">${cells}</div>`,
  );
  await page.setViewportSize({ width: 280, height: 4 * 144 });
  await page.setContent(`<style>body{margin:0}</style>${rows.join('')}`);
  await page.screenshot({ path: join(root, 'assets', 'icon-preview.png'), fullPage: true });
} finally {
  await browser.close();
}
console.log(`icons: public/icon/{${SIZES.join(',')}}.png and assets/icon-preview.png from assets/icon.svg`);
