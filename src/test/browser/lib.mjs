// Shared by the browser tests: Debian's Chromium driven by playwright-core (which never downloads a
// browser of its own), and the steps a person takes on the kiosk. The tests are started by
// org.mitreden.pages.BrowserTest against the service it runs on PostgreSQL; BASE_URL names it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

import { chromium } from 'playwright-core';

export { assert };

const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.BASE_URL || 'http://localhost:8081').replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const LANGUAGES = ['de', 'en', 'uk', 'ar', 'tr', 'ru'];
export const TABLET = { width: 1024, height: 768 };
export const PHONE = { width: 390, height: 844 };
const TOKEN_KEY = 'mitreden.kiosk.token';

/** Texts the tests look for, from the pages' own string table (so a test reads as the page speaks). */
export const { STRINGS } = await import('data:text/javascript,' + encodeURIComponent(
  fs.readFileSync(new URL('../../main/resources/META-INF/resources/assets/i18n.js', import.meta.url), 'utf8')));

export function env(name) {
  const value = process.env[name];
  assert.ok(value, `environment variable ${name} is missing (BrowserTest sets it)`);
  return value;
}

export function step(message) {
  console.log(`  - ${message}`);
}

/**
 * A fresh browser with its own profile directory, so no test sees another's storage or history.
 * The flags keep Chromium from reaching out to the internet on its own.
 */
export async function browser(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mitreden-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: TABLET,
    locale: 'de-DE',
    ...options,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Runs body with a browser and always closes it. */
export async function withBrowser(options, body) {
  const { context, close } = await browser(options);
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (error) => console.log(`    page error: ${error.message}`));
    return await body(page, context);
  } finally {
    await close();
  }
}

export async function ready(page) {
  await page.waitForSelector('body[data-ready="true"]');
}

/** Staff set the kiosk up once with a token; the kiosk then starts with its language screen. */
export async function setUpKiosk(page, query = '') {
  await page.goto(`${BASE_URL}/kiosk/${query}`);
  await ready(page);
  await page.locator('#screen-setup').waitFor();
  assert.ok(await page.locator('#setup-needed').isVisible(), 'a kiosk without token says it is not set up');
  await page.fill('#setup-token', env('KIOSK_TOKEN'));
  await page.click('#setup-form button[type="submit"]');
  await page.locator('#setup-status').filter({ hasText: STRINGS.de['kiosk.setup.saved'] }).waitFor();
  await page.click('#setup-start');
  await page.locator('#screen-language').waitFor();
  await ready(page);
}

/** A person's way through the kiosk: language, target group, topic, text, send. */
export async function fillWish(page, { language, targetGroup = 'PARENTS', topic = 'INDIVIDUAL_SITUATION', text }) {
  await page.click(`#language-list button[data-language="${language}"]`);
  await page.locator('#screen-group').waitFor();
  await page.click(`#group-list button[data-value="${targetGroup}"]`);
  await page.locator('#screen-topic').waitFor();
  await page.click(`#topic-list button[data-value="${topic}"]`);
  await page.locator('#screen-text').waitFor();
  await page.fill('#wish-text', text);
}

export async function submitWish(page, wish) {
  await fillWish(page, wish);
  await page.click('#send');
  await page.locator('#screen-receipt').waitFor({ timeout: 30000 });
  return (await page.textContent('#receipt-code')).trim();
}

/** What the kiosk keeps in the browser's storage, besides its own token. */
export async function storageOf(page) {
  return page.evaluate((tokenKey) => ({
    local: Object.keys(localStorage).filter((key) => key !== tokenKey),
    hasToken: localStorage.getItem(tokenKey) !== null,
    session: Object.keys(sessionStorage),
  }), TOKEN_KEY);
}

/** The QR code on the receipt, read from the pixels the canvas shows. */
export async function decodeQr(page, selector = '#receipt-qr') {
  const jsQR = require('jsqr');
  await page.locator(`${selector}[data-drawn="true"]`).waitFor();
  const image = await page.evaluate((s) => {
    const canvas = document.querySelector(s);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, pixels: Array.from(data.data) };
  }, selector);
  const result = jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height);
  assert.ok(result, 'the QR code on the receipt can be read');
  return result.data;
}

/** Runs axe-core for WCAG 2.1 A and AA and returns the violations, described for a reader. */
export async function axeViolations(page, where) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return results.violations.map((violation) => `${where}: ${violation.id} (${violation.impact}) ${violation.help}: `
    + violation.nodes.map((node) => node.target.join(' ') + ' ' + (node.failureSummary || '').replace(/\s+/g, ' ')).join(' | '));
}

/** Runs the named checks one after another, reports each, and exits non-zero if any failed. */
export async function run(checks) {
  let failed = 0;
  for (const [name, check] of Object.entries(checks)) {
    const started = Date.now();
    console.log(`${name}`);
    try {
      await check();
      console.log(`  ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`  FAILED: ${error.stack || error}`);
    }
  }
  const total = Object.keys(checks).length;
  console.log(`checks that held: ${total - failed} of ${total}`);
  process.exit(failed === 0 ? 0 : 1);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
