// A kiosk set up for one jobcenter (/kiosk/?jobcenter=...) offers that jobcenter's own topics besides the
// national ones and takes a wish about one (here a kiosk without a token, which the installation allows); a kiosk of another jobcenter offers the national ones only.
import { BASE_URL, assert, env, ready, run, step, withBrowser } from './lib.mjs';

const OWN = env('JOBCENTER');
const OTHER = env('OTHER_JOBCENTER');
const TOPIC = env('LOCAL_TOPIC');
const LABEL = env('LOCAL_LABEL');

/** A kiosk without a token, which this installation allows: it names its jobcenter in its address. */
async function openKiosk(page, jobcenter) {
  await page.goto(`${BASE_URL}/kiosk/?jobcenter=${jobcenter}`);
  await ready(page);
  await page.locator('#screen-language').waitFor();
}

/** The codes the kiosk's topic screen offers, after German and the first target group. */
async function offeredTopics(page) {
  await page.click('#language-list button[data-language="de"]');
  await page.locator('#screen-group').waitFor();
  await page.click('#group-list button[data-value="PARENTS"]');
  await page.locator('#screen-topic').waitFor();
  return page.locator('#topic-list button').evaluateAll((buttons) => buttons.map((button) => button.dataset.value));
}

await run({
  "the jobcenter's own kiosk offers its topic and takes a wish about it": async () => {
    await withBrowser({}, async (page) => {
      await openKiosk(page, OWN);
      step('its own topic is there, with its label, beside the national ones');
      const offered = await offeredTopics(page);
      assert.ok(offered.includes(TOPIC), `the kiosk offers ${TOPIC}: ${offered}`);
      assert.ok(offered.includes('PRAISE'), 'and the national topics');
      assert.ok((await page.textContent(`#topic-list button[data-value="${TOPIC}"]`)).includes(LABEL));
      step('a wish about it is taken');
      await page.click(`#topic-list button[data-value="${TOPIC}"]`);
      await page.locator('#screen-text').waitFor();
      await page.fill('#wish-text', 'Bitte Termine am Nachmittag ' + env('MARKER'));
      await page.click('#send');
      await page.locator('#screen-receipt').waitFor({ timeout: 30000 });
      assert.ok((await page.textContent('#receipt-code')).trim().length > 0, 'the receipt shows a code');
    });
  },
  "another jobcenter's kiosk does not offer it": async () => {
    await withBrowser({}, async (page) => {
      await openKiosk(page, OTHER);
      const offered = await offeredTopics(page);
      assert.ok(!offered.includes(TOPIC), `the other kiosk does not offer ${TOPIC}`);
      assert.ok(offered.includes('PRAISE'), 'the national topics it does');
    });
  },
});
