// Deterministic, realistic-looking people for the `people` search index, and the query mix run against them.

// Most common first: names are picked with a Zipf-like skew, as in real user bases.
const FIRST_NAMES = [
  'maria',
  'ada',
  'sofia',
  'james',
  'wei',
  'alan',
  'alice',
  'amara',
  'amir',
  'ana',
  'andre',
  'anna',
  'aria',
  'arjun',
  'astrid',
  'ben',
  'bianca',
  'bruno',
  'camila',
  'carlos',
  'chen',
  'chloe',
  'chris',
  'clara',
  'daniel',
  'david',
  'diego',
  'dina',
  'elena',
  'eli',
  'emma',
  'erik',
  'fatima',
  'felix',
  'freya',
  'gabriel',
  'grace',
  'hana',
  'hugo',
  'ines',
  'isaac',
  'ivan',
  'jade',
  'jamal',
  'jin',
  'joao',
  'julia',
  'kai',
  'karim',
  'kenji',
  'lara',
  'leila',
  'leo',
  'lina',
  'lucas',
  'luca',
  'maya',
  'malik',
  'marco',
  'mariana',
  'mark',
  'marta',
  'mateo',
  'max',
  'mei',
  'mia',
  'mina',
  'nadia',
  'naomi',
  'nina',
  'noah',
  'nora',
  'olga',
  'omar',
  'oscar',
  'paula',
  'pedro',
  'priya',
  'rafael',
  'ravi',
  'rosa',
  'ruth',
  'sam',
  'sara',
  'sophie',
  'stella',
  'tariq',
  'theo',
  'tom',
  'uma',
  'valentina',
  'victor',
  'yara',
  'yusuf',
  'zara',
  'zoe',
];

const LAST_NAMES = [
  'garcia',
  'lovelace',
  'smith',
  'nguyen',
  'silva',
  'abe',
  'adams',
  'ahmed',
  'alves',
  'andersen',
  'baker',
  'bauer',
  'bianchi',
  'brown',
  'campbell',
  'carter',
  'chen',
  'costa',
  'cruz',
  'da silva',
  'dubois',
  'dunn',
  'ellis',
  'evans',
  'fischer',
  'flores',
  'gomez',
  'gonzalez',
  'gupta',
  'hall',
  'hansen',
  'hayes',
  'hernandez',
  'hoffmann',
  'hughes',
  'ito',
  'jansen',
  'jensen',
  'johnson',
  'kaur',
  'khan',
  'kim',
  'kowalski',
  'kumar',
  'larsen',
  'laurent',
  'lee',
  'lopez',
  'martin',
  'martinez',
  'meyer',
  'mendes',
  'moreau',
  'morris',
  'murphy',
  'nakamura',
  'novak',
  'okafor',
  'oliveira',
  'park',
  'patel',
  'perez',
  'petrov',
  'popescu',
  'ramirez',
  'reyes',
  'rivera',
  'rossi',
  'russo',
  'santos',
  'sato',
  'schmidt',
  'schneider',
  'singh',
  'sousa',
  'suzuki',
  'tanaka',
  'taylor',
  'torres',
  'turner',
  'vargas',
  'walker',
  'wang',
  'weber',
  'williams',
  'wilson',
  'wong',
  'yamamoto',
  'young',
  'zhang',
];

const CRAFTS = [
  'jazz drummer',
  'film photographer',
  'indie game developer',
  'podcaster',
  'watercolor painter',
  'street photographer',
  'sound designer',
  'bedroom producer',
  'stand-up comedian',
  'documentary filmmaker',
  'ceramic artist',
  'illustrator',
  'chess streamer',
  'yoga teacher',
  'home cook',
  'travel vlogger',
  'songwriter',
  'jazz pianist',
  'tattoo artist',
  'animator',
  'science writer',
  'fitness coach',
  'woodworker',
  'synth nerd',
  'climbing coach',
  'poet',
  'violinist',
  'baker',
  'gardener',
  'history teacher',
];

const PLACES = [
  'Lisbon',
  'Berlin',
  'Lagos',
  'Osaka',
  'Montreal',
  'Buenos Aires',
  'Nairobi',
  'Seoul',
  'Oslo',
  'Mumbai',
  'Austin',
  'Glasgow',
  'Marseille',
  'Taipei',
  'Bogota',
  'Cape Town',
  'Warsaw',
  'Melbourne',
  'Istanbul',
  'Mexico City',
];

const TOPICS = [
  'vintage synths',
  'analog film',
  'slow travel',
  'sourdough',
  'modular music',
  'open source',
  'street food',
  'long-form essays',
  'live loops',
  'tiny houses',
  'board games',
  'night skies',
  'urban sketching',
  'field recordings',
  'vinyl records',
  'trail running',
  'pixel art',
  'coffee roasting',
  'bird watching',
  'retro consoles',
];

const HANDLE_SUFFIXES = ['', '', '', 'art', 'music', 'films', 'studio', 'live', 'makes', 'tv', 'hq', 'official'];

/** mulberry32: small, fast and the same sequence on every machine for the same seed. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentence = (text) => text[0].toUpperCase() + text.slice(1);
const capitalize = (word) => word.replace(/(^|[\s-])(\p{L})/gu, (_, sep, letter) => sep + letter.toUpperCase());

function uuidFrom(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4'; // version 4 layout, so it looks like what the identity context stores
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * `count` people as SearchDocuments of the identity context's `people` index (PersonDocument bodies),
 * the same for the same seed.
 */
export function generatePeople(count, seed = 20261122) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const pickCommonFirst = (list) => list[Math.floor(random() ** 2 * list.length)];
  const takenHandles = new Set();
  const epoch = Date.parse('2024-01-01T00:00:00Z');
  const twoYears = 2 * 365 * 86_400_000;
  const people = [];
  for (let i = 0; i < count; i++) {
    const first = pickCommonFirst(FIRST_NAMES);
    const last = pickCommonFirst(LAST_NAMES);
    const craft = pick(CRAFTS);
    let handle = `${first}${random() < 0.5 ? '_' : ''}${last.replace(/\s/g, '')}${pick(HANDLE_SUFFIXES)}`;
    while (takenHandles.has(handle)) handle = `${handle.replace(/\d+$/, '')}${Math.floor(random() * 1000)}`;
    takenHandles.add(handle);
    const bioShape = random();
    const bio =
      bioShape < 0.1
        ? null
        : bioShape < 0.55
          ? `${sentence(craft)} based in ${pick(PLACES)}. Into ${pick(TOPICS)} and ${pick(TOPICS)}.`
          : `${sentence(craft)}. Weekly posts about ${pick(TOPICS)}; behind the scenes for members.`;
    const roleShape = random();
    const roles =
      roleShape < 0.005
        ? ['admin']
        : roleShape < 0.025
          ? ['member', 'moderator']
          : roleShape < 0.33
            ? ['member', 'creator']
            : ['member'];
    const id = uuidFrom(random);
    people.push({
      id,
      version: 1,
      body: {
        handle,
        displayName: `${capitalize(first)} ${capitalize(last)}`,
        bio,
        avatarUrl: random() < 0.7 ? `https://cdn.showrunner.test/avatars/${id}.webp` : null,
        roles,
        createdAt: new Date(epoch + Math.floor(random() * twoYears)).toISOString(),
      },
    });
  }
  return people;
}

/** What people type into the search box: prefixes while typing, whole words, a typo, several words, a filter. */
export const QUERY_MIX = [
  { label: 'prefix "ma"', query: { q: 'ma', mode: 'autocomplete' } },
  { label: 'prefix "sof"', query: { q: 'sof', mode: 'autocomplete' } },
  { label: 'prefix, 2 words "ada lov"', query: { q: 'ada lov', mode: 'autocomplete' } },
  { label: 'word "garcia"', query: { q: 'garcia' } },
  { label: 'word "photographer"', query: { q: 'photographer' } },
  { label: 'typo "lovelase"', query: { q: 'lovelase' } },
  { label: 'words "jazz drummer lisbon"', query: { q: 'jazz drummer lisbon' } },
  { label: 'word + role "maria" creator', query: { q: 'maria', role: 'creator' } },
];

export function searchPath(query) {
  return `/v1/search/people?${new URLSearchParams(query).toString()}`;
}
