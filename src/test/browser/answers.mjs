// The "you said, we did" board: public answers, large enough to read from three metres, cycling
// through languages and topics, refreshing by itself, and never showing the text of a wish.
import { BASE_URL, STRINGS, assert, env, ready, run, sleep, step, withBrowser } from './lib.mjs';

const ANSWERS = JSON.parse(env('ANSWERS')); // [{topic, status, response}] BrowserTest prepared
const TARGET_GROUP = env('TARGET_GROUP'); // theirs alone, so the board shows just them
const TV = { width: 1920, height: 1080 };

/** What the board shows right now. */
function slideNow(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    topic: document.getElementById('slide').dataset.topic,
    texts: [...document.querySelectorAll('#slide-answers .response-text')].map((p) => p.textContent),
    badges: [...document.querySelectorAll('#slide-answers .badge')].map((b) => b.textContent),
  }));
}

await run({
  'the board cycles through topics and languages and is readable from afar': async () => {
    await withBrowser({ viewport: TV }, async (page) => {
      await page.goto(`${BASE_URL}/answers/?seconds=1&lang=de,ar&targetGroup=${TARGET_GROUP}`);
      await ready(page);
      await page.locator('#slide').waitFor();
      const seen = [];
      const deadline = Date.now() + 30000;
      const missing = () => ANSWERS.flatMap((answer) => ['de', 'ar']
        .filter((lang) => !seen.some((s) => s.lang === lang && s.texts.includes(answer.response)))
        .map((lang) => `${answer.response} in ${lang}`));
      while (missing().length > 0 && Date.now() < deadline) {
        seen.push(await slideNow(page));
        await sleep(300);
      }
      assert.deepEqual(missing(), [], 'every prepared answer is shown in every language of the round');
      for (const answer of ANSWERS) {
        for (const lang of ['de', 'ar']) {
          const slide = seen.find((s) => s.lang === lang && s.texts.includes(answer.response));
          assert.equal(slide.topic, answer.topic, 'an answer is shown under its topic');
          assert.equal(slide.dir, lang === 'ar' ? 'rtl' : 'ltr');
          assert.ok(slide.badges.includes(STRINGS[lang][`answers.${answer.status}`]), `its status is named in ${lang}`);
        }
      }
      step(`${new Set(seen.map((s) => s.lang + s.topic)).size} different slides seen`);
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.response-text')).fontSize));
      assert.ok(size >= 36, `answers are written large enough for three metres (${size}px on a 1080p screen)`);

      step('pause holds the slide');
      await page.click('#pause');
      const held = await slideNow(page);
      await sleep(2500);
      assert.deepEqual(await slideNow(page), held);
    });
  },

  'the board refreshes by itself': async () => {
    await withBrowser({ viewport: TV }, async (page) => {
      const fresh = { topic: 'PRAISE', targetGroup: TARGET_GROUP, status: 'IMPLEMENTED', submittedIn: '2026-11',
        response: 'Eine ganz frische Antwort ' + Date.now(), respondedOn: '2026-12-01' };
      let calls = 0;
      await page.route('**/api/v1/answers?*', async (route) => {
        calls += 1;
        const response = await route.fetch();
        const json = await response.json();
        if (calls > 1) {
          json.items.unshift(fresh); // an answer given since the board loaded
        }
        await route.fulfill({ response, json });
      });
      await page.goto(`${BASE_URL}/answers/?seconds=1&lang=de&refresh=2&targetGroup=${TARGET_GROUP}`);
      await ready(page);
      assert.ok(!(await page.content()).includes(fresh.response), 'not there at first');
      await page.locator('#slide-answers .response-text', { hasText: fresh.response }).waitFor({ timeout: 15000 });
      assert.ok(calls >= 2, 'the board asked again by itself');
    });
  },
});
