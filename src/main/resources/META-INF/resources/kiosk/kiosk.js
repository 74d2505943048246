// The kiosk in the waiting area: language, target group, topic, text, receipt. One person after
// another uses the same screen, so nothing of the last person may outlive "Done" or a short idle
// time; and the network may fail, so a wish is kept and resent with the same Idempotency-Key until
// the service has it.
import {
  UI_LANGUAGES, byId, clear, direction, element, formatDate, getJson, setLanguage, t, textIn,
} from '/assets/common.js';
import { orderTopics, pictogram } from '/assets/pictograms.js';

/** The only thing the kiosk keeps on the device: the token staff entered on the setup screen. */
const TOKEN_KEY = 'mitreden.kiosk.token';
const QR_LIBRARY = '/assets/vendor/qrcode-generator-2.0.4/qrcode.mjs';
/** Answers after which the same request may succeed later; anything else needs a person. */
const RETRY_STATUSES = new Set([409, 429, 502, 503, 504]);
const REQUEST_TIMEOUT_MS = 20000;
const MAX_BACKOFF_S = 30;
const STEPS = { group: 1, topic: 2, text: 3 };

const params = new URLSearchParams(location.search);
const settings = { anonymousSubmission: false, idleSeconds: 90, warningSeconds: 20 };
const state = {
  screen: null,
  language: null,
  targetGroup: null,
  topic: null,
  draft: null, // { key, body }: what is sent, unchanged, on every retry
  sending: false,
  cancelled: false,
};
let wake = () => {};

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------

function show(screen, { focus = true } = {}) {
  state.screen = screen;
  document.querySelectorAll('.screen').forEach((section) => {
    section.hidden = section.id !== 'screen-' + screen;
  });
  const step = STEPS[screen];
  byId('step-indicator').textContent = step ? t('kiosk.step', { n: step, total: 3 }) : '';
  if (focus) {
    const heading = document.querySelector('#screen-' + screen + ' h1');
    if (heading) {
      heading.focus();
    }
  }
  restartIdle();
}

function showLanguages(languages) {
  const heading = byId('language-heading');
  clear(heading);
  for (const language of UI_LANGUAGES) {
    heading.append(element('span', { lang: language, dir: direction(language) }, textIn(language, 'chooseLanguage')));
  }
  byId('language-icon').replaceChildren(pictogram('LANGUAGE'));
  const list = byId('language-list');
  clear(list);
  for (const entry of languages) {
    list.append(element('li', {},
      element('button', {
        type: 'button', class: 'choice', lang: entry.code, dir: entry.direction,
        'data-language': entry.code, onclick: () => chooseLanguage(entry.code),
      }, entry.label)));
  }
}

/** The languages the API offers for wishes that the kiosk can also speak, named in themselves. */
async function loadLanguages() {
  const fallback = UI_LANGUAGES.map((code) => ({ code, label: textIn(code, 'language.self'), direction: direction(code) }));
  try {
    const offered = (await getJson('/api/v1/languages')).filter((entry) => UI_LANGUAGES.includes(entry.code));
    return offered.length > 0 ? offered : fallback;
  } catch (unreachable) {
    return fallback;
  }
}

/** A kiosk set up for a jobcenter offers that jobcenter's own target groups and topics too. */
function catalogueQuery() {
  return params.get('jobcenter') ? '?' + new URLSearchParams({ jobcenter: params.get('jobcenter') }) : '';
}

async function chooseLanguage(language) {
  byId('language-error').textContent = '';
  try {
    const [groups, topics] = await Promise.all([
      getJson('/api/v1/target-groups' + catalogueQuery(), language),
      getJson('/api/v1/topics' + catalogueQuery(), language),
    ]);
    state.language = language;
    setLanguage(language);
    updateCounter();
    renderGroups(groups.filter((group) => group.active));
    renderTopics(orderTopics(topics.filter((topic) => topic.active)));
    show('group');
  } catch (unreachable) {
    const error = byId('language-error');
    error.lang = language;
    error.dir = direction(language);
    error.textContent = textIn(language, 'offline');
  }
}

function choiceButton({ label, description, icon, pressed, onclick, value }) {
  return element('li', {},
    element('button', {
      type: 'button', class: icon ? 'choice choice--pictogram' : 'choice', 'aria-pressed': String(pressed), 'data-value': value, onclick,
    },
      icon || null,
      element('span', { class: 'choice-text' },
        element('span', { class: 'choice-label' }, label),
        description ? element('span', { class: 'choice-description' }, description) : null)));
}

function renderGroups(groups) {
  const list = byId('group-list');
  clear(list);
  const choose = (code, choice) => () => {
    state.targetGroup = { code, choice };
    renderGroups(groups);
    show('topic');
  };
  for (const group of groups) {
    list.append(choiceButton({
      label: group.label, description: group.description, value: group.code,
      pressed: state.targetGroup?.choice === group.code, onclick: choose(group.code, group.code),
    }));
  }
  // Saying nothing about oneself is a real choice; the service counts it as OTHER.
  list.append(choiceButton({
    label: t('kiosk.group.none'), value: 'none',
    pressed: state.targetGroup?.choice === 'none', onclick: choose('OTHER', 'none'),
  }));
}

function renderTopics(topics) {
  const list = byId('topic-list');
  clear(list);
  for (const topic of topics) {
    list.append(choiceButton({
      label: topic.label, description: topic.description, value: topic.code, icon: pictogram(topic.code),
      pressed: state.topic === topic.code,
      onclick: () => {
        state.topic = topic.code;
        renderTopics(topics);
        show('text');
      },
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// The wish and its sending
// ---------------------------------------------------------------------------------------------

function updateCounter() {
  const text = byId('wish-text');
  byId('text-count').textContent = t('kiosk.text.count', { n: text.value.length, max: text.maxLength });
}

function submitWish(event) {
  event.preventDefault();
  const textarea = byId('wish-text');
  const text = textarea.value.trim();
  if (!text) {
    textarea.setAttribute('aria-invalid', 'true');
    byId('text-error').textContent = t('kiosk.text.empty');
    textarea.focus();
    return;
  }
  textarea.removeAttribute('aria-invalid');
  byId('text-error').textContent = '';
  const wish = { targetGroup: state.targetGroup.code, topic: state.topic, language: state.language, text };
  // A kiosk of an installation for several jobcenters is set up as /kiosk/?jobcenter=<code>.
  if (params.get('jobcenter')) {
    wish.jobcenter = params.get('jobcenter');
  }
  const body = JSON.stringify(wish);
  // Unchanged wish, same key: the service then answers a retry with the first answer.
  if (!state.draft || state.draft.body !== body) {
    state.draft = { key: newIdempotencyKey(), body };
  }
  sendDraft();
}

/** A random UUID; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

async function sendDraft() {
  if (state.sending) {
    return; // one request per wish at a time, never two in parallel
  }
  state.sending = true;
  state.cancelled = false;
  show('sending');
  try {
    for (let attempt = 1; !state.cancelled; attempt += 1) {
      byId('sending-status').textContent = attempt === 1
        ? t('kiosk.sending.text')
        : t('kiosk.sending.retry', { n: attempt });
      const outcome = await postOnce(state.draft);
      if (state.cancelled) {
        return;
      }
      if (outcome.kind === 'created') {
        state.sending = false;
        showReceipt(outcome.receipt);
        return;
      }
      if (outcome.kind === 'failed') {
        state.sending = false;
        showFailure(outcome);
        return;
      }
      byId('sending-status').textContent = t('kiosk.sending.retry', { n: attempt });
      await pause(backoff(attempt, outcome.retryAfter));
    }
  } finally {
    state.sending = false;
  }
}

async function postOnce(draft) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': state.language,
    'Idempotency-Key': draft.key,
  };
  const token = storedToken();
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  try {
    const response = await fetch('/api/v1/wishes', {
      method: 'POST', headers, body: draft.body, signal: controller.signal, cache: 'no-store', credentials: 'omit',
    });
    if (response.status === 201) {
      return { kind: 'created', receipt: await response.json() };
    }
    if (RETRY_STATUSES.has(response.status)) {
      return { kind: 'retry', retryAfter: retryAfterSeconds(response.headers.get('Retry-After')) };
    }
    let problem = null;
    try {
      problem = await response.json();
    } catch (notJson) {
      problem = null;
    }
    return { kind: 'failed', status: response.status, problem };
  } catch (networkError) {
    // No answer, or one cut off: the service may or may not have the wish; the same key tells it.
    return { kind: 'retry', retryAfter: 0 };
  } finally {
    clearTimeout(timer);
  }
}

function retryAfterSeconds(header) {
  if (!header) {
    return 0;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, (date - Date.now()) / 1000);
}

/** 1, 2, 4 … 30 seconds with some jitter, never sooner than the service asked for. */
function backoff(attempt, retryAfter) {
  const base = Math.min(MAX_BACKOFF_S, 2 ** (attempt - 1));
  const jittered = base * (0.8 + Math.random() * 0.4);
  return Math.min(60, Math.max(jittered, retryAfter || 0)) * 1000;
}

/** Waits, but wakes early when the network comes back or the person cancels. */
function pause(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

function showFailure({ status, problem }) {
  const box = byId('failed-message');
  clear(box);
  if (status === 401 || status === 403) {
    box.append(element('p', {}, t('kiosk.failed.auth')));
  } else if (problem && (status === 400 || status === 413 || status === 422)) {
    // The service explains in the page language what is wrong with the text.
    box.append(element('p', {}, problem.detail || t('kiosk.failed.other')));
    const messages = (problem.violations || []).map((violation) => violation.message).filter(Boolean);
    if (messages.length > 0) {
      box.append(element('ul', {}, messages.map((message) => element('li', {}, message))));
    }
  } else {
    box.append(element('p', {}, t('kiosk.failed.other')));
  }
  show('failed');
}

// ---------------------------------------------------------------------------------------------
// Receipt and QR code
// ---------------------------------------------------------------------------------------------

let qrLibrary = null;

function loadQrLibrary() {
  if (!qrLibrary) {
    qrLibrary = import(QR_LIBRARY).catch((error) => {
      qrLibrary = null; // try again next time
      throw error;
    });
  }
  return qrLibrary;
}

function showReceipt(receipt) {
  const code = receipt.receiptCode;
  state.draft = null;
  byId('wish-text').value = '';
  // Groups that never break inside, so a code on two lines is still read group by group.
  byId('receipt-code').replaceChildren(...code.split('-').flatMap((group, index) => [
    index > 0 ? '-' : '', element('span', {}, group)]).filter(Boolean));
  byId('receipt-url').textContent = location.origin + '/my-wish/';
  const kinds = (receipt.redactions || []).filter((r) => r.count > 0)
    .map((r) => t('redaction.' + r.kind) === 'redaction.' + r.kind ? t('redaction.other') : t('redaction.' + r.kind));
  byId('receipt-redactions').textContent = kinds.length > 0
    ? t('kiosk.receipt.removed', { list: new Intl.ListFormat(state.language, { type: 'conjunction' }).format([...new Set(kinds)]) })
    : '';
  show('receipt');
  // The code travels in the fragment, which a browser never sends to a server.
  drawQr(location.origin + '/my-wish/#' + code);
}

async function drawQr(url, attempt = 1) {
  const canvas = byId('receipt-qr');
  try {
    const { default: qrcode } = await loadQrLibrary();
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const modules = qr.getModuleCount();
    const quiet = 4;
    const cell = Math.max(2, Math.floor(canvas.width / (modules + 2 * quiet)));
    const size = cell * (modules + 2 * quiet);
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size, size);
    context.fillStyle = '#000000';
    for (let row = 0; row < modules; row += 1) {
      for (let col = 0; col < modules; col += 1) {
        if (qr.isDark(row, col)) {
          context.fillRect((col + quiet) * cell, (row + quiet) * cell, cell, cell);
        }
      }
    }
    canvas.hidden = false;
    canvas.dataset.drawn = 'true';
  } catch (notLoaded) {
    // The code on screen is what matters; the QR code is a convenience, tried a few times.
    canvas.hidden = true;
    if (attempt < 5 && state.screen === 'receipt') {
      setTimeout(() => drawQr(url, attempt + 1), 1000 * attempt);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Privacy at a shared device
// ---------------------------------------------------------------------------------------------

let idleTimer = null;
let countdownTimer = null;

function restartIdle() {
  clearTimeout(idleTimer);
  // Only an untouched start screen has nothing to forget (going back to it keeps earlier choices).
  const untouched = state.screen === 'language' && !state.language;
  if (untouched || state.screen === 'setup' || byId('idle-dialog').open) {
    return;
  }
  idleTimer = setTimeout(warnIdle, settings.idleSeconds * 1000);
}

function warnIdle() {
  if (state.sending) {
    restartIdle(); // a wish on its way is never dropped; its outcome is shown first
    return;
  }
  const dialog = byId('idle-dialog');
  let remaining = settings.warningSeconds;
  const tick = () => {
    byId('idle-countdown').textContent = t('kiosk.idle.seconds', { s: remaining });
    if (remaining <= 0) {
      resetForNextPerson();
    }
    remaining -= 1;
  };
  tick();
  dialog.showModal();
  countdownTimer = setInterval(tick, 1000);
}

function stayActive() {
  clearInterval(countdownTimer);
  const dialog = byId('idle-dialog');
  if (dialog.open) {
    dialog.close();
  }
  restartIdle();
}

/**
 * Leaves nothing of the last person: storage is emptied (but for the device's token), and a fresh
 * page replaces this one in the history, so neither Back nor the form's memory leads back to it.
 */
function resetForNextPerson() {
  clearInterval(countdownTimer);
  clearTimeout(idleTimer);
  state.cancelled = true;
  wake();
  try {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) {
      if (key !== TOKEN_KEY) {
        localStorage.removeItem(key);
      }
    }
  } catch (storageBlocked) {
    // nothing stored then
  }
  byId('wish-text').value = '';
  byId('receipt-code').textContent = '';
  location.replace(freshUrl());
}

/** This page without anything but the device's own settings in its address. */
function freshUrl() {
  const keep = new URLSearchParams();
  for (const name of ['idle', 'warn', 'jobcenter']) {
    if (params.has(name)) {
      keep.set(name, params.get(name));
    }
  }
  const query = keep.toString();
  return location.pathname + (query ? '?' + query : '');
}

// ---------------------------------------------------------------------------------------------
// Setup: anonymous submission, or a kiosk token staff enter once
// ---------------------------------------------------------------------------------------------

function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch (storageBlocked) {
    return null;
  }
}

/** The expiry of a JWT in milliseconds, null if it has none, undefined if it is not a JWT. */
function tokenExpiry(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(json);
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch (malformed) {
    return undefined;
  }
}

function showSetup(needed) {
  byId('setup-needed').hidden = !needed;
  byId('setup-token').value = '';
  byId('setup-status').textContent = '';
  const token = storedToken();
  byId('setup-remove').hidden = !token;
  byId('setup-start').hidden = !(token || settings.anonymousSubmission);
  show('setup');
}

function saveToken(event) {
  event.preventDefault();
  const input = byId('setup-token');
  const token = input.value.trim();
  const expiry = tokenExpiry(token);
  const status = byId('setup-status');
  if (!token || expiry === undefined) {
    status.textContent = t('kiosk.setup.invalid');
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  if (expiry !== null && expiry < Date.now()) {
    status.textContent = t('kiosk.setup.expired');
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  localStorage.setItem(TOKEN_KEY, token);
  input.value = '';
  const until = expiry ? ' ' + t('kiosk.setup.validUntil', { date: formatDate(new Date(expiry).toISOString().slice(0, 10)) }) : '';
  status.textContent = t('kiosk.setup.saved') + until;
  byId('setup-remove').hidden = false;
  byId('setup-start').hidden = false;
}

function removeToken() {
  localStorage.removeItem(TOKEN_KEY);
  byId('setup-status').textContent = t('kiosk.setup.removed');
  byId('setup-remove').hidden = true;
  byId('setup-start').hidden = !settings.anonymousSubmission;
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

function secondsParam(name) {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : null;
}

async function loadSettings() {
  try {
    Object.assign(settings, await getJson('/kiosk/settings'));
  } catch (unreachable) {
    // defaults; a token on the device still works
  }
  // A kiosk's start URL may set its own idle time: /kiosk/?idle=60&warn=20
  settings.idleSeconds = secondsParam('idle') ?? settings.idleSeconds;
  settings.warningSeconds = secondsParam('warn') ?? settings.warningSeconds;
}

function wireEvents() {
  document.querySelectorAll('[data-back]').forEach((button) => {
    button.addEventListener('click', () => show(button.dataset.back));
  });
  byId('wish-form').addEventListener('submit', submitWish);
  byId('wish-text').addEventListener('input', updateCounter);
  byId('cancel-sending').addEventListener('click', resetForNextPerson);
  byId('send-again').addEventListener('click', sendDraft);
  byId('edit-again').addEventListener('click', () => show('text'));
  byId('done').addEventListener('click', resetForNextPerson);
  byId('idle-stay').addEventListener('click', stayActive);
  byId('idle-dialog').addEventListener('cancel', (event) => {
    event.preventDefault();
    stayActive();
  });
  byId('setup-form').addEventListener('submit', saveToken);
  byId('setup-remove').addEventListener('click', removeToken);
  byId('setup-start').addEventListener('click', () => location.replace(freshUrl()));
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
    document.addEventListener(type, () => {
      if (!byId('idle-dialog').open) {
        restartIdle();
      }
    }, { passive: true, capture: true });
  }
  window.addEventListener('online', () => wake());
  // A page restored from the back/forward cache could show the last person's screen: start afresh.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      location.reload();
    }
  });
}

async function start() {
  setLanguage('de');
  wireEvents();
  updateCounter();
  await loadSettings();
  if (params.has('setup')) {
    showSetup(false);
  } else if (!settings.anonymousSubmission && !storedToken()) {
    showSetup(true);
  } else {
    showLanguages(await loadLanguages());
    show('language', { focus: false });
  }
  document.body.dataset.ready = 'true';
}

start();
