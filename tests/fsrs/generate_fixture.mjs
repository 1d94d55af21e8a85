// Runs seeded review sequences through ts-fsrs (the reference FSRS-6 scheduler) and prints every
// step as JSON: the fixture that tests/core/fsrs_test.cpp replays through the C++ scheduler.
import { createEmptyCard, fsrs, FSRSVersion, Rating, State } from 'ts-fsrs';

const options = {
  request_retention: 0.9,
  maximum_interval: 36500,
  enable_fuzz: false,
  enable_short_term: false,
};
const scheduler = fsrs(options);

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

// mulberry32: a tiny seeded generator, so the fixture is the same on every run.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(20240917);
const integer = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

// Rating mixes: a typical learner, a struggling one (many lapses), and one who finds it easy
// (which drives stability to the 36500-day ceiling).
const ratingProfiles = [
  [Rating.Good, Rating.Good, Rating.Good, Rating.Hard, Rating.Again, Rating.Easy],
  [Rating.Again, Rating.Again, Rating.Hard, Rating.Good],
  [Rating.Easy, Rating.Easy, Rating.Good],
  [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy],
];

// When the next review happens, relative to the card's last review and due time. Times of day
// are random so that calendar-day and 24-hour-period counts of elapsed days differ.
function nextReviewTime(card, last) {
  const interval = card.scheduled_days * day;
  const due = card.due.getTime();
  switch (pick(['same_day', 'early', 'on_time', 'on_time', 'late', 'very_late'])) {
    case 'same_day':
      return last + integer(0, 6 * hour);
    case 'early':
      return last + Math.floor(random() * interval);
    case 'on_time':
      return due + integer(-6 * hour, 6 * hour);
    case 'late':
      return due + Math.floor(random() * interval);
    default:
      return due + Math.floor((1 + 3 * random()) * interval) + integer(0, day);
  }
}

// When to ask for retrievability after a review: anywhere up to twice the interval, sometimes
// exactly at the due time or a millisecond before a whole day has passed.
function probeTime(card, reviewed) {
  switch (pick(['due', 'anywhere', 'anywhere', 'day_edge'])) {
    case 'due':
      return card.due.getTime();
    case 'day_edge':
      return reviewed + integer(1, Math.max(1, card.scheduled_days)) * day - 1;
    default:
      return reviewed + Math.floor(random() * 2 * Math.max(1, card.scheduled_days) * day);
  }
}

const sequences = [];
for (let index = 0; index < 48; index++) {
  const profile = ratingProfiles[index % ratingProfiles.length];
  const length = index === 0 ? 1 : index === 1 ? 12 : integer(1, 12);
  const start = Date.UTC(2021, 0, 1) + Math.floor(random() * 5 * 365 * day);
  let card = createEmptyCard(new Date(start));
  let reviewed = start;
  const steps = [];
  for (let step = 0; step < length; step++) {
    if (step > 0) reviewed = nextReviewTime(card, reviewed);
    const rating = pick(profile);
    card = scheduler.next(card, new Date(reviewed), rating).card;
    const probe = probeTime(card, reviewed);
    steps.push({
      rating: Rating[rating].toLowerCase(),
      review_ms: reviewed,
      state: State[card.state].toLowerCase(),
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: card.elapsed_days,
      scheduled_days: card.scheduled_days,
      due_ms: card.due.getTime(),
      reps: card.reps,
      lapses: card.lapses,
      probe_ms: probe,
      retrievability: scheduler.get_retrievability(card, new Date(probe), false),
    });
  }
  sequences.push({ start_ms: start, steps });
}

const fixture = {
  source: `ts-fsrs ${FSRSVersion}`,
  options,
  parameters: scheduler.parameters.w,
  sequences,
};
console.log(JSON.stringify(fixture, null, 1));
