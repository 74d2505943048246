// The "you said, we did" board for a screen in the waiting area: the public answers to released
// wishes, one topic at a time, cycling through the six languages and refreshing by itself.
// Settings in the address: ?seconds=12 per slide, ?refresh=300 seconds between reloads of the
// answers, ?lang=de,ar to limit the languages, ?topic= and ?targetGroup= to show only those answers.
import {
  UI_LANGUAGES, byId, clear, direction, element, formatDate, getJson, setLanguage, t, textIn,
} from '/assets/common.js';
import { orderTopics, pictogram } from '/assets/pictograms.js';

const params = new URLSearchParams(location.search);
const SLIDE_SECONDS = positive(params.get('seconds')) ?? 12;
const REFRESH_SECONDS = positive(params.get('refresh')) ?? 300;
// Two answers fill a 1080p screen at a size readable from three metres.
const PER_SLIDE = 2;
const LANGUAGES = (() => {
  const wanted = (params.get('lang') || '').split(',').filter((language) => UI_LANGUAGES.includes(language));
  return wanted.length > 0 ? wanted : UI_LANGUAGES;
})();

let answers = [];
const catalogue = new Map(); // language -> { topics: [{code, label}], groups: Map(code -> label) }
let languageIndex = 0;
let slideIndex = 0;
let paused = false;
let timer = null;

function positive(value) {
  const number = Number(value);
  return value !== null && Number.isFinite(number) && number > 0 ? number : null;
}

async function loadAnswers() {
  const query = new URLSearchParams({ page: '0', size: '100' });
  for (const name of ['topic', 'targetGroup', 'jobcenter']) {
    if (params.get(name)) {
      query.set(name, params.get(name));
    }
  }
  try {
    answers = (await getJson('/api/v1/answers?' + query, 'de')).items || [];
    byId('offline').hidden = true;
  } catch (unreachable) {
    byId('offline').hidden = false; // keep showing what we had
  }
}

async function labels(language) {
  if (!catalogue.has(language)) {
    try {
      // The board of one jobcenter labels its own target groups and topics too.
      const own = params.get('jobcenter') ? '?' + new URLSearchParams({ jobcenter: params.get('jobcenter') }) : '';
      const [topics, groups] = await Promise.all([
        getJson('/api/v1/topics' + own, language), getJson('/api/v1/target-groups' + own, language),
      ]);
      catalogue.set(language, {
        topics: orderTopics(topics),
        groups: new Map(groups.map((group) => [group.code, group.label])),
      });
    } catch (unreachable) {
      return { topics: [], groups: new Map() };
    }
  }
  return catalogue.get(language);
}

/** One slide per topic (seeded workshop themes first), at most PER_SLIDE answers each. */
function slides({ topics }) {
  const known = topics.map((topic) => topic.code);
  const codes = [...known, ...new Set(answers.map((a) => a.topic).filter((code) => !known.includes(code)))];
  const result = [];
  for (const code of codes) {
    const items = answers.filter((answer) => answer.topic === code);
    for (let i = 0; i < items.length; i += PER_SLIDE) {
      const topic = topics.find((entry) => entry.code === code);
      result.push({ code, label: topic ? topic.label : code, items: items.slice(i, i + PER_SLIDE) });
    }
  }
  return result;
}

async function render() {
  const language = LANGUAGES[languageIndex];
  const names = await labels(language);
  const all = slides(names);
  if (slideIndex >= all.length) {
    slideIndex = 0;
  }
  setLanguage(language);
  document.body.dataset.language = language;
  byId('pause').textContent = t(paused ? 'answers.play' : 'answers.pause');
  const slide = all[slideIndex];
  byId('empty').hidden = Boolean(slide);
  byId('slide').hidden = !slide;
  const progress = byId('progress');
  clear(progress);
  for (const code of LANGUAGES) {
    progress.append(element('li', { lang: code, dir: direction(code), 'aria-current': String(code === language) },
      textIn(code, 'language.self')));
  }
  if (!slide) {
    return all.length;
  }
  byId('slide').dataset.topic = slide.code;
  byId('slide-icon').replaceChildren(pictogram(slide.code));
  byId('slide-topic').textContent = slide.label;
  const list = byId('slide-answers');
  clear(list);
  for (const answer of slide.items) {
    const group = names.groups.get(answer.targetGroup);
    list.append(element('li', { class: 'answer' },
      element('p', {}, element('span', { class: 'badge badge--' + answer.status }, t('answers.' + answer.status))),
      element('p', { class: 'response-text', dir: 'auto' }, answer.response),
      element('p', { class: 'meta' },
        [group, answer.respondedOn ? t('mywish.answeredOn', { date: formatDate(answer.respondedOn) }) : null]
          .filter(Boolean).join(' · '))));
  }
  return all.length;
}

/** Next slide; after a language's last slide, the next language. */
async function advance() {
  const language = LANGUAGES[languageIndex];
  const count = slides(await labels(language)).length;
  slideIndex += 1;
  if (slideIndex >= count) {
    slideIndex = 0;
    languageIndex = (languageIndex + 1) % LANGUAGES.length;
  }
  await render();
  schedule();
}

function schedule() {
  clearTimeout(timer);
  if (!paused) {
    timer = setTimeout(advance, SLIDE_SECONDS * 1000);
  }
}

function togglePause() {
  paused = !paused;
  byId('pause').textContent = t(paused ? 'answers.play' : 'answers.pause');
  schedule();
}

async function refresh() {
  catalogue.clear(); // labels an admin changed show up with the next round
  await loadAnswers();
  await render();
}

async function start() {
  byId('pause').addEventListener('click', togglePause);
  await loadAnswers();
  await render();
  schedule();
  setInterval(refresh, REFRESH_SECONDS * 1000);
  document.body.dataset.ready = 'true';
}

start();
