// Screenshots of every page in German and Arabic (build artefacts under target/screenshots/), and
// the weight of each page's first view: under 100 KB transferred, for a cheap tablet on a slow line.
import fs from 'node:fs';
import path from 'node:path';

import {
  BASE_URL, PHONE, TABLET, assert, env, fillWish, ready, run, setUpKiosk, step, withBrowser,
} from './lib.mjs';

const SCREENSHOTS = env('SCREENSHOTS');
const ANSWERED_CODE = env('ANSWERED_CODE');
const BOARD_TARGET_GROUP = env('BOARD_TARGET_GROUP');
const TV = { width: 1920, height: 1080 };
fs.mkdirSync(SCREENSHOTS, { recursive: true });

async function shoot(page, name) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Bytes on the wire (headers and bodies) for loading a page until the network is quiet. */
async function firstView(url, viewport, kioskToken) {
  return withBrowser({ viewport }, async (page, context) => {
    if (kioskToken) {
      // A kiosk that staff have set up: its first view is the language screen.
      await context.addInitScript((token) => localStorage.setItem('mitreden.kiosk.token', token), kioskToken);
    }
    const sizes = [];
    page.on('requestfinished', async (request) => {
      sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    return { bytes: all.reduce((sum, s) => sum + s.bytes, 0), requests: all.length };
  });
}

await run({
  'each page\'s first view is under 100 KB': async () => {
    const pages = {
      kiosk: [`${BASE_URL}/kiosk/`, TABLET, env('KIOSK_TOKEN')],
      'my-wish': [`${BASE_URL}/my-wish/`, PHONE],
      answers: [`${BASE_URL}/answers/`, TV],
    };
    for (const [name, [url, viewport, token]] of Object.entries(pages)) {
      const { bytes, requests } = await firstView(url, viewport, token);
      step(`${name}: ${(bytes / 1024).toFixed(1)} KB in ${requests} requests`);
      assert.ok(bytes < 100 * 1024, `${name} first view is ${bytes} bytes`);
    }
  },

  'screenshots of every page in German and Arabic': async () => {
    for (const language of ['de', 'ar']) {
      await withBrowser({ viewport: TABLET }, async (page) => {
        await setUpKiosk(page);
        await shoot(page, 'kiosk-language');
        await fillWish(page, { language, text: language === 'de'
          ? 'Bitte Termine nicht zur Kita-Abholzeit. Dann kann ich mein Kind mitbringen.'
          : 'أرجو ألا تكون المواعيد في وقت استلام الأطفال من الروضة.' });
        await page.click('#screen-text [data-back]');
        await shoot(page, `kiosk-topic-${language}`);
        await page.click('#topic-list button[data-value="INDIVIDUAL_SITUATION"]');
        await shoot(page, `kiosk-text-${language}`);
        await page.click('#send');
        await page.locator('#screen-receipt').waitFor({ timeout: 30000 });
        await page.locator('#receipt-qr[data-drawn="true"]').waitFor();
        await shoot(page, `kiosk-receipt-${language}`);
      });
      await withBrowser({ viewport: PHONE, locale: language }, async (page) => {
        await page.goto(`${BASE_URL}/my-wish/#${ANSWERED_CODE}`);
        await page.locator('#result').waitFor();
        await shoot(page, `my-wish-${language}`);
      });
      await withBrowser({ viewport: TV }, async (page) => {
        await page.goto(`${BASE_URL}/answers/?lang=${language}&seconds=600&targetGroup=${BOARD_TARGET_GROUP}`);
        await ready(page);
        await page.locator('#slide').waitFor();
        await shoot(page, `answers-${language}`);
      });
    }
    step(`written to ${SCREENSHOTS}`);
  },
});
