// "My wish": the author of a wish enters the receipt code (or opens the QR code's link, which carries
// it in the fragment) and reads what became of the wish, in their own language. The code goes to the
// service only in a POST body, never in a URL a proxy could log.
import {
  browserLanguage, byId, currentLanguage, formatDate, getJson, languageSwitcher, markLanguage, setLanguage, t,
} from '/assets/common.js';

let receipt = null;
const topicLabels = new Map(); // language -> Map(code -> label)

async function topicLabel(code) {
  const language = currentLanguage();
  if (!topicLabels.has(language)) {
    try {
      const topics = await getJson('/api/v1/topics', language);
      topicLabels.set(language, new Map(topics.map((topic) => [topic.code, topic.label])));
    } catch (unreachable) {
      return code;
    }
  }
  return topicLabels.get(language).get(code) || code;
}

async function lookUp(code) {
  const status = byId('lookup-status');
  const input = byId('receipt-code');
  byId('result').hidden = true;
  receipt = null;
  if (!code) {
    input.setAttribute('aria-invalid', 'true');
    status.textContent = t('mywish.empty');
    input.focus();
    return;
  }
  status.textContent = t('mywish.loading');
  try {
    const response = await fetch('/api/v1/receipts/lookup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': currentLanguage() },
      body: JSON.stringify({ receiptCode: code }),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.status === 200) {
      receipt = await response.json();
    } else {
      input.setAttribute('aria-invalid', String(response.status === 404));
      status.textContent = response.status === 404 ? t('mywish.notFound')
        : response.status === 429 ? t('mywish.tooMany') : t('offline');
      return;
    }
  } catch (unreachable) {
    status.textContent = t('offline');
    return;
  }
  input.removeAttribute('aria-invalid');
  status.textContent = '';
  await render();
  byId('result').focus();
}

async function render() {
  if (!receipt) {
    return;
  }
  // A sealed wish has not reached staff yet: say why, so nobody thinks it got lost.
  byId('result-status').textContent = receipt.released === false
    ? t('status.SEALED')
    : t('status.' + receipt.status);
  byId('result-topic').textContent = await topicLabel(receipt.topic);
  byId('result-submitted').textContent = formatDate(receipt.submittedOn);
  const response = byId('result-response');
  if (receipt.response) {
    response.textContent = receipt.response;
    response.classList.add('response');
    byId('result-responded').textContent = receipt.respondedOn
      ? t('mywish.answeredOn', { date: formatDate(receipt.respondedOn) }) : '';
  } else {
    response.textContent = t('mywish.noAnswer');
    response.classList.remove('response');
    byId('result-responded').textContent = '';
  }
  byId('result').hidden = false;
}

function chooseLanguage(language) {
  setLanguage(language);
  markLanguage(byId('languages'));
  if (receipt) {
    render();
  }
}

/** A code from the QR code's link: read it, then take it out of the address bar and this history entry. */
function codeFromFragment() {
  if (location.hash.length <= 1) {
    return null;
  }
  const code = decodeURIComponent(location.hash.slice(1)).trim();
  history.replaceState(null, '', location.pathname + location.search);
  return code;
}

function start() {
  setLanguage(browserLanguage());
  languageSwitcher(byId('languages'), chooseLanguage);
  byId('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp(byId('receipt-code').value.trim());
  });
  const openFromLink = () => {
    const code = codeFromFragment();
    if (code) {
      byId('receipt-code').value = code;
      lookUp(code);
    }
  };
  window.addEventListener('hashchange', openFromLink);
  openFromLink();
  document.body.dataset.ready = 'true';
}

start();
