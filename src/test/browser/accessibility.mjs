// WCAG 2.1 AA on every page in every language: axe-core finds no violation on any screen of the
// kiosk, on /my-wish/ (empty, with a result, with an unknown code) and on the /answers/ board; and
// at 320 CSS pixels wide (1280 px at 400 % zoom, stricter than 200 %) nothing scrolls sideways and
// every control is at least 44 px by 44 px.
import {
  BASE_URL, LANGUAGES, PHONE, TABLET, assert, axeViolations, env, fillWish, ready, run, setUpKiosk, step, withBrowser,
} from './lib.mjs';

const ANSWERED_CODE = env('ANSWERED_CODE');
const NARROW = { width: 320, height: 640 };

/** Sideways scrolling and small touch targets, measured in the page as it is laid out. */
async function layoutProblems(page, where) {
  const problems = await page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      found.push(`scrolls sideways: ${root.scrollWidth}px content in ${window.innerWidth}px`);
    }
    for (const control of document.querySelectorAll('button, input, textarea, select, a[href]')) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) {
        continue; // not shown
      }
      if (box.width < 44 || box.height < 44) {
        found.push(`${control.id || control.textContent.trim().slice(0, 20)} is ${Math.round(box.width)}x${Math.round(box.height)}px`);
      }
    }
    return found;
  });
  return problems.map((problem) => `${where}: ${problem}`);
}

const violations = [];

async function check(page, where) {
  violations.push(...await axeViolations(page, where));
}

/** One kiosk, one person after another, each in another language: every screen checked. */
async function kiosk() {
  await withBrowser({ bypassCSP: true }, async (page) => {
    await setUpKiosk(page, '?idle=600');
    await check(page, 'kiosk language screen');
    for (const language of LANGUAGES) {
      step(`kiosk (${language})`);
      await page.click(`#language-list button[data-language="${language}"]`);
      await page.locator('#screen-group').waitFor();
      await check(page, `kiosk target groups (${language})`);
      await page.click('#group-list button[data-value="none"]');
      await page.locator('#screen-topic').waitFor();
      await check(page, `kiosk topics (${language})`);
      await page.click('#topic-list button[data-value="OTHER"]');
      await page.locator('#screen-text').waitFor();
      await page.click('#send');
      await page.locator('#text-error:not(:empty)').waitFor();
      await check(page, `kiosk text with error (${language})`);
      await page.fill('#wish-text', 'Mehr Zeit im Gespräch, bitte.');
      await page.click('#send');
      await page.locator('#screen-receipt').waitFor({ timeout: 30000 });
      await page.locator('#receipt-qr[data-drawn="true"]').waitFor();
      await check(page, `kiosk receipt (${language})`);
      await page.setViewportSize(NARROW);
      violations.push(...await layoutProblems(page, `kiosk receipt at 320px (${language})`));
      await page.setViewportSize(TABLET);
      await Promise.all([page.waitForEvent('load'), page.click('#done')]);
      await ready(page);
    }
  });
}

async function kioskExtras() {
  await withBrowser({ bypassCSP: true }, async (page) => {
    await page.goto(`${BASE_URL}/kiosk/`);
    await ready(page);
    await check(page, 'kiosk setup screen');
    await setUpKiosk(page, '?idle=1&warn=600');
    await fillWish(page, { language: 'ar', text: 'نص' });
    await page.locator('#idle-dialog').waitFor({ timeout: 10000 });
    await check(page, 'kiosk idle warning (ar)');
    await page.click('#idle-stay');
    await page.setViewportSize(NARROW);
    for (const screen of ['text', 'topic', 'group']) {
      violations.push(...await layoutProblems(page, `kiosk ${screen} at 320px (ar)`));
      await page.click(`#screen-${screen} [data-back]`);
    }
  });
}

/** /my-wish/ opened on a phone, then read in every language through its language buttons. */
async function myWish() {
  await withBrowser({ bypassCSP: true, viewport: PHONE }, async (page) => {
    await page.goto(`${BASE_URL}/my-wish/`);
    await ready(page);
    for (const language of LANGUAGES) {
      step(`my-wish (${language})`);
      await page.setViewportSize(PHONE);
      await page.click(`#languages button[data-language="${language}"]`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), language);
      await page.fill('#receipt-code', '');
      await page.locator('#result').waitFor({ state: 'hidden' }).catch(() => {});
      await check(page, `my-wish empty (${language})`);
      await page.fill('#receipt-code', ANSWERED_CODE);
      await page.click('#lookup-form button[type="submit"]');
      await page.locator('#result').waitFor();
      await check(page, `my-wish with an answer (${language})`);
      await page.setViewportSize(NARROW);
      violations.push(...await layoutProblems(page, `my-wish at 320px (${language})`));
      await page.fill('#receipt-code', 'AAAAAA-BBBBBB-CCCCCC-DDDDDD');
      await page.click('#lookup-form button[type="submit"]');
      await page.locator('#receipt-code[aria-invalid="true"]').waitFor();
      await check(page, `my-wish unknown code (${language})`);
    }
  });
}

/** The board held on one language at a time. */
async function answers() {
  await withBrowser({ bypassCSP: true, viewport: { width: 1920, height: 1080 } }, async (page) => {
    for (const language of LANGUAGES) {
      step(`answers (${language})`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${BASE_URL}/answers/?lang=${language}&seconds=600`);
      await ready(page);
      await page.locator('#slide').waitFor();
      await check(page, `answers board (${language})`);
      await page.setViewportSize(NARROW);
      violations.push(...await layoutProblems(page, `answers at 320px (${language})`));
    }
  });
}

await run({
  'axe-core, as run here, does find a violation': async () => {
    await withBrowser({}, async (page) => {
      await page.setContent('<!doctype html><html lang="de"><title>t</title><main><img src="data:,"><button></button></main></html>');
      const found = await axeViolations(page, 'a broken page');
      assert.ok(found.some((v) => v.includes('image-alt')) && found.some((v) => v.includes('button-name')), found.join('\n'));
    });
  },

  'axe-core finds no WCAG 2.1 AA violation on any page in any language; layouts reflow': async () => {
    await kioskExtras();
    await kiosk();
    await myWish();
    await answers();
    assert.deepEqual(violations, [], `violations:\n${violations.join('\n')}`);
  },
});
