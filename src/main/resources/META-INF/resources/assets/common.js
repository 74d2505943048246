// What the three pages share: the page language (texts, lang, dir), calls to the API in that
// language, and dates written the way the reader expects them.
import { STRINGS } from './i18n.js';

/** The languages every text of the pages exists in, in the order the pages offer them. */
export const UI_LANGUAGES = ['de', 'en', 'uk', 'ar', 'tr', 'ru'];

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'ur']);

let current = 'de';

export function currentLanguage() {
  return current;
}

export function direction(language) {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}

/** The text for a key in the page language (German where a key is missing), with {name} filled in. */
export function t(key, values = {}) {
  const text = (STRINGS[current] && STRINGS[current][key]) ?? STRINGS.de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** A text in a given language, for the few places that show several languages at once. */
export function textIn(language, key) {
  return (STRINGS[language] && STRINGS[language][key]) ?? STRINGS.de[key];
}

/**
 * Switches the whole page to a language: lang and dir on the root element, then every element
 * marked data-i18n (its text) or data-i18n-attr ("attribute:key" pairs, separated by ";").
 */
export function setLanguage(language, root = document) {
  current = UI_LANGUAGES.includes(language) ? language : 'de';
  document.documentElement.lang = current;
  document.documentElement.dir = direction(current);
  translate(root);
}

export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    element.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute.trim(), t(key.trim()));
    });
  });
  const title = document.querySelector('title[data-i18n-title]');
  if (title) {
    document.title = t(title.dataset.i18nTitle);
  }
}

/** The first of the browser's languages the pages speak, else German. */
export function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language || '']) {
    const language = String(tag).slice(0, 2).toLowerCase();
    if (UI_LANGUAGES.includes(language)) {
      return language;
    }
  }
  return 'de';
}

/** GET of a JSON resource, labelled in the given language; throws on anything but 200. */
export async function getJson(path, language = current) {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', 'Accept-Language': language },
    cache: 'no-store',
  });
  if (!response.ok) {
    const error = new Error('HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** A date such as 2026-11-23 written out in the page language, with Western digits as on the receipt. */
export function formatDate(isoDate, language = current) {
  if (!isoDate) {
    return '';
  }
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  try {
    return new Intl.DateTimeFormat(language + '-u-nu-latn', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch (unsupported) {
    return isoDate;
  }
}

/** Shorthand for document.getElementById. */
export function byId(id) {
  return document.getElementById(id);
}

/** Removes an element's children. */
export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

/** A new element with attributes and children (strings become text, never HTML). */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Language buttons, each named in itself, for the pages a person opens on their own device. */
export function languageSwitcher(container, onChoose) {
  clear(container);
  const list = element('ul', { class: 'language-switcher' });
  for (const language of UI_LANGUAGES) {
    const button = element('button', {
      type: 'button',
      lang: language,
      dir: direction(language),
      'aria-pressed': String(language === current),
      'data-language': language,
      onclick: () => onChoose(language),
    }, textIn(language, 'language.self'));
    list.append(element('li', {}, button));
  }
  container.append(list);
}

/** Marks the pressed language button after a switch. */
export function markLanguage(container) {
  container.querySelectorAll('button[data-language]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.language === current));
  });
}
