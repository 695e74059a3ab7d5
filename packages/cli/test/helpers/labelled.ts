// Labelled files made for a test: support tickets built from a few parts, each with a label a
// person could give, some of them deliberately another, so that any classifier makes
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

export interface Ticket {
  text: string;
  label: string;
}

/**
 * `count` tickets, the same for the same `seed`, parts picked by strides through the lists (no
 * randomness to seed). Every fourth ticket raises two matters, labelled by the first, as people
 * write them: a classifier is less sure of those, and sometimes picks the other. Every eleventh
 * label is picked again from all four, as a hurried person might: often not the right one.
 */
export function tickets(count: number, seed = 27): Ticket[] {
  return Array.from({ length: count }, (_, i) => {
    const k = i + seed * 101;
    const [body, label] = BODIES[(k * 7) % BODIES.length]!;
    const [second] = BODIES[(k * 7 + 4) % BODIES.length]!;
    const matter = k % 4 === 0 ? `${body}, and ${second}.` : `${body}.`;
    const text = [
      OPENINGS[(k * 3) % OPENINGS.length],
      matter,
      CLOSINGS[(k * 5) % CLOSINGS.length],
      `(ticket ${1000 + i})`,
    ]
      .filter(Boolean)
      .join(' ');
    return { text, label: k % 11 === 0 ? SUPPORT[(k * 13) % SUPPORT.length]! : label };
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
