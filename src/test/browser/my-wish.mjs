// "My wish": a person enters a receipt code and reads, in their language, what became of the wish;
// an unknown code and an empty field get a plain answer. Works with the keyboard alone.
import { BASE_URL, PHONE, STRINGS, assert, env, ready, run, step, withBrowser } from './lib.mjs';

const ANSWERED_CODE = env('ANSWERED_CODE');
const ANSWER_TEXT = env('ANSWER_TEXT');

await run({
  'a person reads the answer to their wish, and switches language': async () => {
    await withBrowser({ viewport: PHONE, locale: 'de-DE' }, async (page) => {
      await page.goto(`${BASE_URL}/my-wish/`);
      await ready(page);
      step('keyboard only: type the code, press Enter');
      await page.focus('#receipt-code');
      await page.keyboard.type(ANSWERED_CODE.toLowerCase());
      await page.keyboard.press('Enter');
      await page.locator('#result').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result', 'the result gets the focus');
      assert.equal((await page.textContent('#result-status')).trim(), STRINGS.de['status.PLANNED']);
      assert.equal((await page.textContent('#result-response')).trim(), ANSWER_TEXT);
      assert.match(await page.textContent('#result-responded'), /^Beantwortet am \d{1,2}\. \S+ \d{4}$/);
      assert.equal((await page.textContent('#result-topic')).trim(), 'Aufbau der Beratungsbeziehung', 'the topic label comes from the API');

      for (const language of ['uk', 'ar']) {
        await page.click(`#languages button[data-language="${language}"]`);
        await page.locator('#result-status').filter({ hasText: STRINGS[language]['status.PLANNED'] }).waitFor();
        const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        assert.deepEqual(root, { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
        assert.equal(await page.getAttribute(`#languages button[data-language="${language}"]`, 'aria-pressed'), 'true');
        assert.equal((await page.textContent('h1')).trim(), STRINGS[language]['mywish.title']);
        step(`${language}: ${STRINGS[language]['status.PLANNED']}`);
      }
    });
  },

  'an unknown code and an empty field get a plain answer': async () => {
    await withBrowser({ viewport: PHONE, locale: 'ru' }, async (page) => {
      await page.goto(`${BASE_URL}/my-wish/`);
      await ready(page);
      await page.click('#lookup-form button[type="submit"]');
      await page.locator('#lookup-status').filter({ hasText: STRINGS.ru['mywish.empty'] }).waitFor();
      await page.fill('#receipt-code', 'AAAAAA-BBBBBB-CCCCCC-DDDDDD');
      await page.click('#lookup-form button[type="submit"]');
      await page.locator('#lookup-status').filter({ hasText: STRINGS.ru['mywish.notFound'] }).waitFor();
      assert.equal(await page.getAttribute('#receipt-code', 'aria-invalid'), 'true');
      assert.ok(await page.locator('#result').isHidden());
    });
  },
});
