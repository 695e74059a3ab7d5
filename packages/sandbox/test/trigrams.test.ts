// The language detector's trigram scorer (decision 0153) against franc-min itself: the same
// scores, to the last bit, for every text of the labelled sets and for slices and mixes of them,
// over several candidate lists (one script only, several scripts, a single-script language).
import franc from 'franc-min';
import { LanguageScorer } from '../src/classifier/trigrams';
import devSet from '../data/dev-set.json';
import heldout22 from '../data/heldout-22.json';
import fresh22 from '../data/fresh-22.json';

const texts = [devSet, heldout22, fresh22].flatMap((d) => d.examples.map((e) => e.input));
const samples = [
  ...texts,
  ...texts.map((t) => t.slice(0, 7)),
  ...texts.map((t) => t.slice(3, 45).toUpperCase()),
  '',
  ' ',
  '?!',
  '12345',
  'a',
  'Привет, как дела? Hello there',
  'Καλημέρα σας, τι κάνετε;',
  'مرحبا كيف حالك',
  'नमस्ते आप कैसे हैं',
  '日本語のテキストです',
  'Ça va très bien, merci ! ¿Y tú? Grüße aus München.',
  'line one\n\tline two   ',
];
const candidates = [
  ['eng', 'spa', 'fra', 'deu'],
  ['eng', 'spa'],
  ['ita', 'por', 'nld'],
  ['eng', 'rus', 'ell'],
  ['eng', 'ukr', 'arb', 'hin'],
];

describe('LanguageScorer', () => {
  it.each(candidates)(
    'scores as franc-min.all(text, { only, minLength: 1 }) for %s…',
    (...only) => {
      const scorer = new LanguageScorer(only);
      let compared = 0;
      for (const text of samples) {
        const expected = new Map(
          franc.all(text, { only, minLength: 1 }).filter(([code]) => only.includes(code)),
        );
        expect([text, scorer.scores(text)]).toEqual([text, expected]);
        compared += expected.size;
      }
      expect(compared).toBeGreaterThan(samples.length / 2);
    },
  );
});
