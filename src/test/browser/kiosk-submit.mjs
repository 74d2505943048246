// A person submits a wish at the kiosk in German and in Arabic, gets a receipt code and a QR code,
// and the QR code opens /my-wish/ with the code in the fragment, where the wish is found.
import {
  BASE_URL, PHONE, STRINGS, assert, decodeQr, env, run, setUpKiosk, step, submitWish, withBrowser,
} from './lib.mjs';

const MARKER = env('MARKER');

async function submitAndLookUp(language, text) {
  await withBrowser({}, async (page) => {
    await setUpKiosk(page);
    step(`kiosk in ${language}`);
    const languageButton = page.locator(`#language-list button[data-language="${language}"]`);
    assert.equal(await languageButton.getAttribute('lang'), language, 'each language is named in itself, marked with its lang');

    const code = await submitWish(page, { language, text });
    const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    assert.equal(root.lang, language);
    assert.equal(root.dir, language === 'ar' ? 'rtl' : 'ltr', 'Arabic runs right to left, the others left to right');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction), root.dir);
    assert.equal((await page.textContent('#receipt-heading')).trim(), STRINGS[language]['kiosk.receipt.heading']);
    assert.match(code, /^[0-9A-Z-]{20,}$/, 'a receipt code is shown');

    step('the QR code holds the lookup page with the code in the fragment');
    const link = await decodeQr(page);
    assert.equal(link, `${BASE_URL}/my-wish/#${code}`);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('receipt-code')).fontSize));
    assert.ok(fontSize >= 24, `the code is large (${fontSize}px)`);

    step('scanning it on a phone opens the wish, in the phone\'s language');
    await withBrowser({ viewport: PHONE, locale: language }, async (phone) => {
      const requested = [];
      phone.on('request', (request) => requested.push({ url: request.url(), body: request.postData() }));
      await phone.goto(link);
      await phone.locator('#result').waitFor();
      assert.ok(!phone.url().includes(code), 'the code leaves the address bar once read');
      assert.ok(requested.every((request) => !request.url.includes(code)), 'the code never travels in a URL');
      const lookup = requested.find((request) => request.url.endsWith('/api/v1/receipts/lookup'));
      assert.ok(lookup, 'the page asks POST /api/v1/receipts/lookup');
      assert.deepEqual(JSON.parse(lookup.body), { receiptCode: code });
      assert.equal(await phone.evaluate(() => document.documentElement.dir), root.dir);
      // A fresh wish is sealed until it is released together with others.
      const status = (await phone.textContent('#result-status')).trim();
      assert.equal(status, STRINGS[language]['status.SEALED'], 'a fresh wish is explained as sealed');
      assert.ok((await phone.textContent('#result-topic')).trim().length > 0, 'its topic is named');
      step(`found on /my-wish/: "${status.slice(0, 50)}…"`);
    });
  });
}

await run({
  'a wish in German, looked up from its QR code': () => submitAndLookUp('de',
    `Bitte Termine nicht zur Kita-Abholzeit legen, sagt ${MARKER}`),
  'a wish in Arabic, right to left, looked up from its QR code': () => submitAndLookUp('ar',
    `أرجو ألا تكون المواعيد في وقت استلام الأطفال من الروضة ${MARKER}`),
});
