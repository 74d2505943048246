// Pictograms for the seeded workshop topics, so that someone who barely reads still finds a topic.
// Inline SVG in currentColor: no extra request, and it follows the page's contrast.

const SHAPES = {
  // Two people: the relationship with the counsellor
  COUNSELLING_RELATIONSHIP:
    '<circle cx="15" cy="15" r="6"/><circle cx="33" cy="15" r="6"/>'
    + '<path d="M4 41c0-7 5-12 11-12s11 5 11 12M22 41c0-7 5-12 11-12s11 5 11 12"/>',
  // A home with an adult and a child: one's own situation
  INDIVIDUAL_SITUATION:
    '<path d="M5 22 24 7l19 15"/><path d="M10 19v22h28V19"/>'
    + '<circle cx="20" cy="25" r="3"/><path d="M15 38c0-4 2-7 5-7s5 3 5 7"/>'
    + '<circle cx="30" cy="29" r="2"/><path d="M27 38c0-3 1-5 3-5s3 2 3 5"/>',
  // A signpost: help elsewhere
  THIRD_PARTY_SERVICES:
    '<path d="M24 4v40M16 44h16"/><path d="M24 9h14l5 5-5 5H24z"/><path d="M24 23H10l-5 5 5 5h14z"/>',
  // A star: praise
  PRAISE:
    '<path d="M24 5l5.9 12 13.1 1.9-9.5 9.3 2.2 13.1L24 35.1l-11.7 6.2 2.2-13.1L5 18.9 18.1 17z"/>',
  // A speech bubble: anything else
  OTHER:
    '<path d="M6 9h36v23H20l-9 8v-8H6z"/>'
    + '<circle cx="16" cy="20.5" r="2" fill="currentColor"/><circle cx="24" cy="20.5" r="2" fill="currentColor"/>'
    + '<circle cx="32" cy="20.5" r="2" fill="currentColor"/>',
  // A light bulb: a topic an admin added later
  DEFAULT:
    '<path d="M24 6a12 12 0 0 0-7 21.7V34h14v-6.3A12 12 0 0 0 24 6z"/><path d="M18 40h12M20 44h8"/>',
  // A globe: languages
  LANGUAGE:
    '<circle cx="24" cy="24" r="18"/>'
    + '<path d="M6 24h36M24 6c5 5 7 11 7 18s-2 13-7 18c-5-5-7-11-7-18s2-13 7-18z"/>',
};

/** The workshop themes, shown first and in this order. */
export const SEEDED_TOPICS = ['COUNSELLING_RELATIONSHIP', 'INDIVIDUAL_SITUATION', 'THIRD_PARTY_SERVICES', 'PRAISE'];

/** An SVG element for a topic code (or LANGUAGE); decorative, so hidden from screen readers. */
export function pictogram(code) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 48 48');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'pictogram');
  svg.innerHTML = SHAPES[code] || SHAPES.DEFAULT;
  return svg;
}

/** Seeded themes first (workshop order), then added topics in the API's order, OTHER last. */
export function orderTopics(topics) {
  const rank = (topic) => {
    const seeded = SEEDED_TOPICS.indexOf(topic.code);
    if (seeded >= 0) {
      return seeded;
    }
    return topic.code === 'OTHER' ? 1000 : 100;
  };
  return topics
    .map((topic, index) => ({ topic, index }))
    .sort((a, b) => rank(a.topic) - rank(b.topic) || a.index - b.index)
    .map((entry) => entry.topic);
}
