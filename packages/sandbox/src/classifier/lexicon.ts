// A small built-in lexicon: for the categories people commonly name (support triage, e-commerce,
// moderation, feedback, inbound leads, sentiment), the words that point to them. A category whose
// name contains a trigger word gets the concept's terms. Phrases are matched on stems, in order.
// It is a plausible stand-in for a model, not a model: see the package README for its accuracy.

export interface Concept {
  /** Words in a category's name that bring in this concept. */
  triggers: string[];
  /** Words and phrases in a text that point to the concept. */
  terms: string[];
}

// prettier-ignore
export const CONCEPTS: Concept[] = [
  {
    triggers: ['billing', 'bill', 'invoice', 'invoicing', 'payment', 'payments', 'charge', 'charges', 'finance'],
    terms: [
      'charge', 'charged', 'overcharged', 'charged twice', 'invoice', 'receipt', 'payment', 'pay', 'paid',
      'credit card', 'card', 'debit', 'bank', 'subscription', 'price', 'pricing', 'fee', 'cost', 'plan',
      'vat', 'tax', 'billing', 'bill', 'billed', 'renewal', 'upgrade', 'downgrade', 'discount code',
      'coupon', 'transaction', 'expired card', 'accounting',
    ],
  },
  {
    triggers: ['access', 'login', 'log', 'signin', 'sign', 'password', 'auth', 'authentication', 'credentials'],
    terms: [
      'log in', 'login', 'logged out', 'log into', 'sign in', 'signin', 'password', 'reset', 'username',
      'locked', 'locked out', 'unlock', 'two factor', '2fa', 'mfa', 'verification code', 'verification',
      'verify', 'authentication', 'authenticator', 'sso', 'credentials', 'activate', 'activation link',
      'email address', 'account',
    ],
  },
  {
    triggers: ['bug', 'bugs', 'technical', 'tech', 'error', 'errors', 'issue', 'crash', 'outage', 'incident'],
    terms: [
      'crash', 'crashes', 'crashed', 'bug', 'error', 'broken', 'not working', 'stopped working', 'fails',
      'failed', 'failure', 'freeze', 'freezes', 'frozen', 'hang', 'blank screen', 'glitch', 'exception',
      'timeout', 'slow', 'nothing loads', 'doesnt load', 'wont load', 'not loading', '500', '404',
      'upload', 'sync', 'update', 'app', 'page', 'button', 'screen', 'android', 'ios', 'browser',
    ],
  },
  {
    triggers: ['feature', 'features', 'suggestion', 'idea', 'enhancement', 'wishlist', 'roadmap'],
    terms: [
      'add', 'adding', 'would be nice', 'would be great', 'would love', 'wish', 'suggest', 'suggestion',
      'feature', 'option to', 'ability to', 'support for', 'integration with', 'any plans', 'plans to',
      'consider', 'roadmap', 'it would', 'could you add', 'dark mode', 'let me', 'allow', 'new feature',
    ],
  },
  {
    triggers: ['shipping', 'ship', 'delivery', 'deliveries', 'logistics', 'tracking', 'shipment', 'fulfillment'],
    terms: [
      'shipping', 'shipped', 'ship', 'delivery', 'deliver', 'delivered', 'package', 'parcel', 'courier',
      'tracking', 'tracking number', 'arrive', 'arrived', 'hasnt arrived', 'not arrived', 'dispatched',
      'dispatch', 'in transit', 'address', 'delivery address', 'postage', 'carrier', 'late', 'lost package',
      'when will my order', 'how long',
    ],
  },
  {
    triggers: ['refund', 'refunds', 'return', 'returns', 'reimbursement', 'chargeback', 'money'],
    terms: [
      'refund', 'refunded', 'money back', 'return', 'returned', 'reimburse', 'reimbursement', 'damaged',
      'defective', 'too small', 'too big', 'wrong item', 'exchange', 'chargeback', 'credit back',
      'send it back', 'broken on arrival',
    ],
  },
  {
    triggers: ['cancellation', 'cancel', 'cancellations', 'churn', 'unsubscribe', 'termination'],
    terms: [
      'cancel', 'cancelled', 'canceled', 'cancellation', 'unsubscribe', 'stop', 'stop all', 'terminate',
      'close my account', 'delete my account', 'end my', 'membership', 'before it renews', 'opt out',
      'by mistake', 'no longer want', 'quit',
    ],
  },
  {
    triggers: ['product', 'products', 'item', 'catalog', 'catalogue', 'presales', 'inquiry', 'enquiry'],
    terms: [
      'size', 'colour', 'color', 'colours', 'material', 'waterproof', 'compatible', 'compatibility',
      'warranty', 'dimensions', 'weight', 'fit', 'in stock', 'available', 'does it', 'does the', 'is this',
      'are these', 'specs', 'specifications', 'made of', 'battery', 'model',
    ],
  },
  {
    triggers: ['question', 'questions', 'inquiry', 'how', 'faq', 'general', 'info', 'information'],
    terms: [
      'how do i', 'how can i', 'how to', 'what are', 'what is', 'where', 'where can i', 'is there a way',
      'can you tell me', 'wondering', 'question', 'documentation', 'docs', 'hours', 'find', 'invite',
    ],
  },
  {
    triggers: ['spam', 'scam', 'junk', 'phishing', 'promotion', 'advertising', 'ad', 'ads'],
    terms: [
      'free', 'win', 'won', 'winner', 'prize', 'claim', 'click', 'click this link', 'link', 'offer',
      'limited offer', 'limited time', 'discount', 'cheap', 'buy now', 'earn', 'crypto', 'bitcoin', 'cash',
      'congratulations', 'followers', 'likes', 'visit our website', 'www', 'http', 'https', 'biz',
      'casino', 'viagra', 'loan', 'act now', 'ends tonight', '90', 'trick',
    ],
  },
  {
    triggers: ['toxic', 'abuse', 'abusive', 'harassment', 'hate', 'insult', 'offensive', 'profanity', 'threat'],
    terms: [
      'idiot', 'stupid', 'stupidest', 'moron', 'dumb', 'loser', 'pathetic', 'hate', 'shut up', 'get lost',
      'go die', 'die', 'kill', 'trash', 'garbage', 'nobody wants you', 'ugly', 'worthless', 'disgusting',
      'screw you', 'jerk', 'clown',
    ],
  },
  {
    triggers: ['safe', 'ok', 'okay', 'clean', 'acceptable', 'legitimate', 'ham', 'normal', 'benign'],
    terms: [
      'thanks for sharing', 'useful', 'recipe', 'meeting', 'agree', 'disagree', 'interesting', 'data',
      'chapter', 'article', 'anyone know', 'moved to', 'schedule', 'helpful',
    ],
  },
  {
    triggers: ['praise', 'compliment', 'positive', 'kudos', 'testimonial', 'happy', 'appreciation'],
    terms: [
      'thank you', 'thanks', 'love', 'loved', 'great', 'amazing', 'awesome', 'excellent', 'fantastic',
      'wonderful', 'perfect', 'beautiful', 'recommend', 'highly recommend', 'best', 'happy', 'delighted',
      'impressed', 'brilliant', 'exactly what we needed', 'well done',
    ],
  },
  {
    triggers: ['complaint', 'complaints', 'negative', 'unhappy', 'dissatisfied', 'escalation', 'angry'],
    terms: [
      'worst', 'terrible', 'awful', 'horrible', 'disappointed', 'disappointing', 'unacceptable',
      'frustrated', 'frustrating', 'unhappy', 'angry', 'poor', 'bad', 'waste', 'nobody answered',
      'on hold', 'still not resolved', 'not resolved', 'rude', 'never again', 'broke',
    ],
  },
  {
    triggers: ['neutral', 'other', 'misc', 'miscellaneous', 'unknown', 'none'],
    terms: [],
  },
  {
    triggers: ['sales', 'sale', 'lead', 'leads', 'prospect', 'buying', 'purchase', 'demo', 'quote'],
    terms: [
      'demo', 'quote', 'pricing', 'price', 'enterprise', 'enterprise plan', 'seats', 'licence', 'license',
      'volume', 'buy', 'buying', 'purchase', 'interested in buying', 'trial', 'contact sales', 'sales',
      'team of', 'budget', 'procurement', 'plan', 'this quarter', 'contact me',
    ],
  },
  {
    triggers: ['support', 'help', 'helpdesk', 'ticket', 'assistance', 'troubleshooting'],
    terms: [
      'help', 'help us', 'fix', 'fix it', 'error', 'not working', 'stopped', 'stopped syncing', 'broken',
      'issue', 'problem', 'setting up', 'setup', 'webhook', 'integration', 'returns an error', 'since this morning',
    ],
  },
  {
    triggers: ['partnership', 'partner', 'partners', 'collaboration', 'affiliate', 'reseller', 'alliance'],
    terms: [
      'partner', 'partnership', 'reseller', 'resell', 'agency', 'collaboration', 'collaborate',
      'co marketing', 'affiliate', 'affiliate program', 'joint', 'our companies', 'white label', 'referral',
    ],
  },
  {
    triggers: ['job', 'jobs', 'application', 'career', 'careers', 'hiring', 'recruiting', 'candidate', 'applicant'],
    terms: [
      'apply', 'application', 'position', 'cv', 'resume', 'portfolio', 'hiring', 'job', 'job posting',
      'candidate', 'role', 'vacancy', 'interview', 'internship', 'engineer position', 'career',
    ],
  },
];
