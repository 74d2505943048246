// A flaky network between kiosk and service: the kiosk keeps the wish, shows that it is sending,
// and resends it with the same Idempotency-Key and body, one request at a time, until it gets an
// answer. One answer is lost on the way back after the service stored the wish: the retry must get
// the same receipt, and BrowserTest then checks that exactly one wish was stored.
import { STRINGS, assert, env, fillWish, run, setUpKiosk, sleep, step, withBrowser } from './lib.mjs';

const MARKER = env('MARKER');

await run({
  'the kiosk resends through an outage with the same key, and the person sees it': async () => {
    await withBrowser({}, async (page) => {
      await setUpKiosk(page);
      await fillWish(page, { language: 'de', targetGroup: 'OTHER', topic: 'PRAISE', text: `Danke für die Geduld ${MARKER}` });

      const attempts = [];
      let inFlight = 0;
      let mostInFlight = 0;
      let storedAnswer = null;
      await page.route('**/api/v1/wishes', async (route) => {
        const request = route.request();
        attempts.push({ key: request.headers()['idempotency-key'], body: request.postData(), at: Date.now() });
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          switch (attempts.length) {
            case 1:
              await sleep(1500); // slow first failure: a second request now would run in parallel
              await route.fulfill({
                status: 503, headers: { 'Retry-After': '1' }, contentType: 'application/problem+json',
                body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'database down' }),
              });
              break;
            case 2:
              await route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, contentType: 'application/problem+json', body: '{}' });
              break;
            case 3: {
              // The service stores the wish, but its answer never reaches the kiosk.
              const response = await route.fetch();
              assert.equal(response.status(), 201, 'the service took the wish on the third try');
              storedAnswer = await response.json();
              await route.abort('connectionreset');
              break;
            }
            case 4:
              await route.abort('internetdisconnected');
              break;
            default:
              await route.continue();
          }
        } finally {
          inFlight -= 1;
        }
      });

      await page.click('#send');
      await page.locator('#screen-sending').waitFor();
      step('pressing send again while the first request hangs sends nothing more');
      await page.evaluate(() => document.getElementById('wish-form').requestSubmit());
      const retrying = new RegExp('^' + STRINGS.de['kiosk.sending.retry']
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{n\\}', '\\d+') + '$');
      await page.locator('#sending-status').filter({ hasText: retrying }).waitFor({ timeout: 10000 });
      step('the person sees that it keeps trying');
      assert.equal(await page.getAttribute('#sending-status', 'role'), 'status', 'and a screen reader hears it');

      await page.locator('#screen-receipt').waitFor({ timeout: 60000 });
      const code = (await page.textContent('#receipt-code')).trim();
      step(`${attempts.length} requests, receipt shown after ${((attempts.at(-1).at - attempts[0].at) / 1000).toFixed(1)} s`);

      assert.equal(attempts.length, 5, 'two refusals, a lost answer, a dead network, then through');
      assert.equal(new Set(attempts.map((a) => a.key)).size, 1, 'every try carries the same Idempotency-Key');
      assert.match(attempts[0].key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a random UUID');
      assert.equal(new Set(attempts.map((a) => a.body)).size, 1, 'and the same body');
      assert.equal(mostInFlight, 1, 'never two requests at once');
      assert.ok(attempts[1].at - attempts[0].at >= 1000 + 1500, 'waits as Retry-After asks before trying again');
      assert.equal(code, storedAnswer.receiptCode, 'the retry gets the receipt of the wish stored by the lost try');
    });
  },
});
