// Labelled files made for a test: support tickets built from a few parts, each with a label a
// person could give, some of them (seeded) deliberately another, so that any classifier makes
// mistakes at every confidence. The figures are never written down for these: a test compares
// the command's figures with the answers the API itself gives (oracle.ts).
import { writeFileSync } from 'node:fs';

export const SUPPORT = ['billing', 'technical_bug', 'account_access', 'feature_request'];

const BODIES: Array<[string, string]> = [
  ['I was charged twice for my subscription', 'billing'],
  ['the invoice total looks wrong', 'billing'],
  ['please refund my last payment', 'billing'],
  ['the app crashes when I export a report', 'technical_bug'],
  ['the dashboard shows an error after the update', 'technical_bug'],
  ['sync stopped working on my phone', 'technical_bug'],
  ['I cannot log in to my account', 'account_access'],
  ['the password reset email never arrives', 'account_access'],
  ['my account is locked', 'account_access'],
  ['could you add a dark mode', 'feature_request'],
  ['it would be great to have keyboard shortcuts', 'feature_request'],
  ['just checking in about my order', 'billing'],
  ['thanks for the help last week', 'feature_request'],
];
const OPENINGS = ['', 'Hi,', 'Hello team,', 'Quick question:', 'Urgent:'];
const CLOSINGS = ['', 'Thanks.', 'Please help.', 'Regards, Sam.'];

/** A small seeded generator (mulberry32): the same seed, the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Ticket {
  text: string;
  label: string;
}

export function tickets(count: number, seed = 27): Ticket[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const [body, label] = pick(BODIES);
    const text = [pick(OPENINGS), `${body}.`, pick(CLOSINGS), `(ticket ${1000 + i})`]
      .filter(Boolean)
      .join(' ');
    return { text, label: next() < 0.15 ? pick(SUPPORT) : label };
  });
}

const field = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function writeCsv(file: string, rows: readonly Ticket[]): string {
  writeFileSync(
    file,
    ['text,label', ...rows.map((r) => `${field(r.text)},${field(r.label)}`)].join('\n') + '\n',
  );
  return file;
}
