// Privacy at a shared device: after a short idle time, or after "Done", nothing of the last person
// is left: not the form, not the receipt, not the storage, and no history entry to go back to.
import {
  BASE_URL, STRINGS, assert, fillWish, ready, run, setUpKiosk, step, storageOf, submitWish, withBrowser,
} from './lib.mjs';

const IDLE = '?idle=2&warn=2';

/** Resolves when the kiosk has replaced itself with a fresh page. */
function freshStart(page, timeout = 20000) {
  return page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout });
}

/** How many history entries the tab had when the kiosk started (the browser's blank start page too). */
function historyLength(page) {
  return page.evaluate(() => history.length);
}

/** Everything a next person could find of the last one. */
async function assertNothingLeft(page, traces, entriesAtStart) {
  await page.locator('#screen-language').waitFor();
  await ready(page);
  const html = await page.content();
  for (const trace of traces) {
    assert.ok(!html.includes(trace), `"${trace.slice(0, 30)}" is gone from the page`);
  }
  assert.equal(await page.inputValue('#wish-text'), '', 'the text field is empty');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'the page starts again in German');
  const storage = await storageOf(page);
  assert.deepEqual(storage.local, [], 'nothing of the person in localStorage');
  assert.deepEqual(storage.session, [], 'nothing in sessionStorage');
  assert.ok(storage.hasToken, 'the kiosk keeps only its own token');
  assert.equal(await historyLength(page), entriesAtStart, 'the person added no history entry');
  await page.goBack();
  assert.ok(!page.url().startsWith(BASE_URL), `Back leaves the kiosk (${page.url()}) instead of leading into the last person's screens`);
  const before = await page.content();
  for (const trace of traces) {
    assert.ok(!before.includes(trace), 'nothing of the person behind Back either');
  }
}

await run({
  'an idle kiosk asks first, then forgets a half-written wish': async () => {
    await withBrowser({}, async (page) => {
      await setUpKiosk(page, IDLE);
      const entries = await historyLength(page);
      const text = 'Halb geschrieben und dann gegangen ' + Date.now();
      await fillWish(page, { language: 'uk', text });
      step('the idle warning comes, and "I am still here" keeps everything');
      await page.locator('#idle-dialog').waitFor({ timeout: 10000 });
      assert.equal((await page.textContent('#idle-heading')).trim(), STRINGS.uk['kiosk.idle.heading']);
      await page.click('#idle-stay');
      assert.equal(await page.inputValue('#wish-text'), text);
      step('left alone, the kiosk wipes it');
      const wiped = freshStart(page);
      await page.locator('#idle-dialog').waitFor({ timeout: 10000 });
      await wiped;
      await assertNothingLeft(page, [text], entries);
    });
  },

  'an idle kiosk forgets a receipt nobody took': async () => {
    await withBrowser({}, async (page) => {
      await setUpKiosk(page, IDLE);
      const entries = await historyLength(page);
      const text = 'Beleg liegen gelassen ' + Date.now();
      const code = await submitWish(page, { language: 'tr', text });
      step('receipt shown; nobody touches the screen');
      await freshStart(page);
      await assertNothingLeft(page, [text, code], entries);
    });
  },

  'a person who went back to the start is forgotten too': async () => {
    await withBrowser({}, async (page) => {
      await setUpKiosk(page, IDLE);
      await page.click('#language-list button[data-language="ru"]');
      await page.click('#group-list button[data-value="MIGRATION"]');
      await page.locator('#screen-topic').waitFor();
      await page.click('#screen-topic [data-back]');
      await page.click('#screen-group [data-back]');
      await page.locator('#screen-language').waitFor();
      step('back on the language screen; nobody touches it');
      await freshStart(page);
      await ready(page);
      await page.click('#language-list button[data-language="ru"]');
      await page.locator('#screen-group').waitFor();
      assert.equal(await page.locator('#group-list button[aria-pressed="true"]').count(), 0,
        'the next person does not see which group the last one chose');
    });
  },

  '"Done" forgets everything at once': async () => {
    await withBrowser({}, async (page) => {
      await setUpKiosk(page);
      const entries = await historyLength(page);
      const text = 'Fertig gedrückt ' + Date.now();
      const code = await submitWish(page, { language: 'de', text });
      await Promise.all([freshStart(page), page.click('#done')]);
      await assertNothingLeft(page, [text, code], entries);
    });
  },
});
