// The built-in lexicon: for the categories people commonly name (support triage, e-commerce,
// moderation, feedback and sentiment, inbound leads, urgency, security, privacy), the words and
// phrases that point to them. A category whose name (or description) contains one of a concept's
// triggers gets the concept's terms. Terms are matched on stems, phrases in order.
// It is a plausible stand-in for a model, not a model: see the package README for its accuracy,
// and docs/decisions/0150 for how it was written (general vocabulary, never a held-out text).

export interface Concept {
  id: string;
  /** Words in a category's name that bring in this concept. */
  triggers: string[];
  /** Words and phrases that point clearly to the concept. */
  strong: string[];
  /** Words that point to it but also occur elsewhere ("app", "account", "plan"). */
  weak?: string[];
  /** Other concepts whose terms this one also takes, as weak evidence ("support" ⊃ bugs, log-in). */
  includes?: string[];
  /** A catch-all ("other", "neutral", "safe"): it wins, with low confidence, when nothing else does. */
  catchAll?: boolean;
  /**
   * Generic ("question"): when the same category name also names a specific concept
   * ("product_question"), this one counts at half, so that the specific one decides.
   */
  generic?: boolean;
  /** A negation just before a term ("not interested in buying") cancels it. */
  negatable?: boolean;
  /**
   * What else arrives where this concept's category is used: a negated name built on it
   * ("not_a_lead") takes those concepts' terms as its own evidence, at a fraction (decision 0157).
   */
  beside?: string[];
}

// prettier-ignore
export const CONCEPTS: Concept[] = [
  {
    id: 'billing',
    triggers: ['billing', 'bill', 'bills', 'invoice', 'invoices', 'invoicing', 'payment', 'payments', 'pay', 'charge', 'charges', 'finance', 'financial', 'fees', 'pricing'],
    strong: ['billed twice', 'taken twice', 'card was declined', 'declined', 'pay another way', 'another way to pay', 'gift card code', 'purchasing card', 'flagged', 'awaiting payment', 'payment failed', 'charged again', 'reverse', 'reverse the charge', 'reverse that payment', 'transfer sent', 'says unpaid', 'marked unpaid', 'payment pending', 'still unpaid', 'charged after', 'billed again', 'money left', 'left my account', 'taken from my account', 'debited', 'deducted', 'double payment', 'paid twice', 'klarna', 'afterpay', 'apple pay', 'google pay', 'charged double', 'charge', 'charged', 'charges', 'overcharged', 'overcharge', 'double charged', 'charged twice', 'charged me', 'invoice', 'invoices', 'receipt', 'receipts', 'payment', 'payments', 'paid', 'pay', 'paying', 'billing', 'billed', 'bill', 'credit card', 'debit card', 'payment method', 'update my card', 'expired card', 'card expired', 'new card', 'fee', 'fees', 'late fee', 'vat', 'vat number', 'tax', 'tax id', 'sales tax', 'gst', 'renewal', 'auto renew', 'renewed', 'prorated', 'proration', 'coupon', 'promo code', 'discount code', 'transaction', 'bank transfer', 'wire transfer', 'direct debit', 'paypal', 'stripe', 'visa', 'mastercard', 'amex', 'billing address', 'billing cycle', 'purchase order', 'po number', 'accounts payable', 'finance team', 'finance department', 'accounting team', 'accounting department', 'accountant', 'price increase', 'price went up', 'more expensive', 'refund', 'money back', 'hidden fee', 'dollars', 'euros', 'usd', 'eur', 'gbp', 'subscription fee', 'annual plan', 'monthly plan', 'yearly plan', 'per seat', 'upgrade', 'downgrade', 'downgraded', 'upgraded', 'credit', 'credits', 'balance', 'outstanding', 'overdue', 'unpaid', 'owe', 'amount', 'wrong amount', 'amount due', 'total', 'statement'],
    weak: ['card', 'bank', 'money', 'price', 'pricing', 'cost', 'costs', 'plan', 'subscription', 'trial', 'tier', 'expensive', 'cheaper', 'month', 'monthly', 'annual', 'yearly', 'seats'],
  },
  {
    id: 'access',
    triggers: ['access', 'login', 'logins', 'log', 'signin', 'sign', 'password', 'passwords', 'auth', 'authentication', 'credentials', 'account', 'accounts', 'lockout', '2fa', 'mfa', 'sso'],
    strong: ['remove user', 'add user', 'add a user', 'new user', 'user access', 'remove access', 'revoke access', 'grant access', 'give access', 'give her access', 'give him access', 'left the company', 'offboard', 'offboarding', 'transfer ownership', 'team member', 'teammate', 'remove her', 'remove him', 'workspace access', 'log in', 'login', 'logging in', 'log into', 'log on', 'logon', 'sign in', 'signin', 'signing in', 'sign into', 'cant sign', 'password', 'passwd', 'forgot password', 'forgot my password', 'reset password', 'password reset', 'reset link', 'reset email', 'reset my', 'username', 'user name', 'locked', 'locked out', 'lock out', 'lockout', 'unlock', 'account locked', 'suspended', 'deactivated', 'disabled', 'two factor', 'two step', '2fa', 'mfa', 'otp', 'one time code', 'one time password', 'verification code', 'verification email', 'verify', 'verification', 'authenticator', 'authentication', 'authenticate', 'sso', 'single sign on', 'saml', 'okta', 'google login', 'sign in with google', 'magic link', 'invitation', 'invite', 'credentials', 'no access', 'lost access', 'access denied', 'unauthorized', 'unauthorised', '401', '403', 'forbidden', 'activate', 'activation', 'activation link', 'activation email', 'confirm my email', 'confirmation email', 'confirmation link', 'recovery', 'recover', 'recover my account', 'recovery code', 'backup codes', 'security question', 'session expired', 'logged out', 'logs me out', 'logging me out', 'kicked out', 'get into', 'cant get in', 'wrong password', 'invalid password', 'invalid credentials', 'sms code', 'text message code', 'captcha', 'hacked', 'compromised', 'someone else', 'change my email', 'email address', 'sign up', 'signup', 'register', 'registration', 'permission', 'permissions', 'role', 'admin rights', 'access', 'account access'],
    weak: ['workspace', 'team', 'user', 'users', 'remove', 'account', 'profile', 'admin', 'email', 'phone', 'code', 'link', 'reset'],
  },
  {
    id: 'bug',
    triggers: ['bug', 'bugs', 'technical', 'tech', 'error', 'errors', 'issue', 'issues', 'crash', 'crashes', 'outage', 'incident', 'defect', 'malfunction', 'problem', 'problems', 'broken', 'performance'],
    strong: ['in a loop', 'redirect loop', 'since the release', 'after the release', 'bounced back', 'gets bounced', 'show up twice', 'shows up twice', 'showing twice', 'appear twice', 'endless loop', 'null', 'caps at', 'cut off at', 'fired twice', 'webhook', 'nothing changed', 'nothing changed on our side', 'showing wrong', 'shows wrong', 'wrong time', 'wrong date', 'cant see', 'was it removed', 'anymore', 'not there anymore', 'keeps', 'keeps crashing', 'every time', 'each time', 'resets every', 'resets itself', 'keeps resetting', 'is that intended', 'intended', 'expected behaviour', 'expected behavior', 'supposed to', 'crash', 'crashes', 'crashed', 'crashing', 'bug', 'bugs', 'buggy', 'error', 'errors', 'error message', 'broken', 'not working', 'doesnt work', 'dont work', 'didnt work', 'isnt working', 'stopped working', 'stops working', 'wont load', 'doesnt load', 'not loading', 'wont open', 'doesnt open', 'wont start', 'fails', 'failed', 'failing', 'failure', 'freeze', 'freezes', 'frozen', 'freezing', 'hangs', 'hanging', 'stuck loading', 'spinning', 'spinner', 'loading forever', 'blank page', 'white screen', 'blank screen', 'black screen', 'glitch', 'glitches', 'glitchy', 'exception', 'stack trace', 'traceback', 'timeout', 'timed out', 'times out', 'slow', 'laggy', 'lag', 'lagging', 'not responding', 'internal server error', 'server error', 'oops', '500', '502', '503', '404', 'disappeared', 'vanished', 'gone', 'lost my data', 'data loss', 'corrupted', 'corrupt', 'duplicate', 'duplicated', 'duplicates', 'wrong', 'incorrect', 'not showing', 'doesnt show', 'not show', 'rendering', 'renders', 'layout', 'misaligned', 'overlapping', 'cut off', 'sync', 'syncing', 'not syncing', 'upload', 'uploading', 'import', 'importing', 'reproduce', 'steps to reproduce', 'regression', 'since the update', 'after the update', 'after updating', 'latest version', 'new version', 'update broke', 'refresh', 'refreshing', 'clear cache', 'cache', 'reinstall', 'reinstalled', 'workaround', 'console', 'keeps happening', 'randomly', 'intermittent', 'greyed out', 'grayed out', 'unclickable', 'not clickable', 'nothing happens', 'does nothing', 'infinite loop'],
    weak: ['app', 'page', 'button', 'screen', 'android', 'ios', 'iphone', 'ipad', 'browser', 'windows', 'mac', 'macos', 'linux', 'mobile', 'desktop', 'update', 'updated', 'version', 'field', 'form', 'file', 'files', 'dashboard', 'report', 'chart', 'api', 'endpoint', 'issue', 'problem', 'open', 'load', 'loading'],
  },
  {
    id: 'feature',
    triggers: ['feature', 'features', 'suggestion', 'suggestions', 'idea', 'ideas', 'enhancement', 'enhancements', 'wishlist', 'roadmap', 'improvement', 'improvements'],
    strong: ['would save', 'save us', 'save our', 'planned', 'anything planned', 'anything like that planned', 'on the roadmap', 'change log', 'audit log', 'remembered', 'if it remembered', 'could remember', 'being able to', 'benefit from', 'would benefit', 'be able to', 'more than one', 'no way to', 'at once', 'is that just missing', 'can we get', 'custom fields', 'custom', 'undo', 'bulk edit', 'export to', 'dark theme', 'itd be great', 'itd be nice', 'itd be cool', 'itd be useful', 'id love', 'wed love', 'love to see', 'be great if', 'be nice if', 'please support', 'not just', 'wish list', 'would help', 'please add', 'could you add', 'can you add', 'you should add', 'add a', 'add an', 'add support', 'adding', 'would be nice', 'would be great', 'would be awesome', 'would be helpful', 'would be cool', 'would love', 'would like', 'it would be', 'nice to have', 'wish', 'i wish', 'suggest', 'suggestion', 'idea', 'feature', 'feature request', 'option to', 'ability to', 'possibility to', 'support for', 'integration with', 'integrate with', 'any plans', 'plans to', 'roadmap', 'please consider', 'consider adding', 'implement', 'introduce', 'dark mode', 'light mode', 'shortcut', 'shortcuts', 'keyboard shortcut', 'customize', 'customise', 'customizable', 'customisable', 'configurable', 'setting to', 'toggle', 'automate', 'automation', 'templates', 'template', 'let me', 'allow us', 'allow me', 'allow', 'enable us', 'is it possible', 'in the future', 'someday', 'upvote', 'request', 'requesting', 'missing feature', 'enhancement', 'improvement', 'improve', 'new feature', 'filter by', 'sort by', 'offline mode', 'widget', 'plugin', 'extension', 'native app', 'desktop app', 'support multiple', 'multiple', 'more options'],
    weak: ['bulk', 'automatically', 'schedule', 'scheduled', 'setting', 'notifications', 'add', 'option', 'integration', 'could we', 'can we', 'we could', 'should', 'maybe', 'ability', 'possible'],
  },
  {
    id: 'shipping',
    triggers: ['shipping', 'ship', 'shipment', 'shipments', 'delivery', 'deliveries', 'deliver', 'logistics', 'tracking', 'fulfillment', 'fulfilment', 'postage', 'courier', 'order', 'orders', 'status'],
    strong: ['pallet', 'container', 'vessel', 'supposed to leave', 'supposed to arrive', 'supposed to ship', 'which leg', 'left the warehouse', 'no update', 'tracking hasnt', 'shipping', 'shipped', 'ship', 'ships', 'shipment', 'delivery', 'deliver', 'delivered', 'delivering', 'not delivered', 'package', 'packages', 'parcel', 'parcels', 'courier', 'carrier', 'ups', 'fedex', 'dhl', 'usps', 'royal mail', 'postal', 'post office', 'postage', 'postman', 'mailman', 'mailed', 'tracking', 'tracking number', 'tracking link', 'track', 'track my', 'tracking info', 'in transit', 'out for delivery', 'dispatch', 'dispatched', 'arrive', 'arrived', 'arriving', 'arrival', 'hasnt arrived', 'not arrived', 'never arrived', 'didnt arrive', 'still hasnt', 'where is my package', 'order status', 'still waiting', 'late', 'delayed', 'delay', 'delays', 'eta', 'estimated delivery', 'when will', 'how long', 'delivery address', 'shipping address', 'wrong address', 'address', 'customs', 'duties', 'import fees', 'expedited', 'next day', 'same day', 'standard shipping', 'free shipping', 'pick up', 'pickup', 'collect', 'collection', 'locker', 'neighbour', 'neighbor', 'signed for', 'lost package', 'lost in the post', 'missing package', 'stolen', 'left at', 'warehouse', 'despatched'],
    weak: ['international', 'internationally', 'worldwide', 'overseas', 'order', 'mail', 'post', 'box', 'weeks', 'days', 'sent', 'yet', 'waiting', 'lost'],
  },
  {
    id: 'refund',
    triggers: ['refund', 'refunds', 'return', 'returns', 'reimbursement', 'chargeback', 'money', 'exchange', 'exchanges', 'rma'],
    strong: ['prepaid label', 'prepaid return', 'returns label', 'an exchange', 'exchange for', 'rma', 'not keeping it', 'not keeping', 'rather not wait', 'wrong yield', 'smells', 'duplicate gift', 'stopped charging', 'take it back', 'swap them', 'swap it', 'swap for', 'print a label', 'tight', 'unopened', 'one of them back', 'send one', 'by mistake', 'wrong one', 'send them back', 'send this back', 'send it back', 'ship it back', 'ship them back', 'return them', 'return this', 'what are my options', 'my options', 'refund', 'refunds', 'refunded', 'refunding', 'money back', 'my money back', 'reimburse', 'reimbursed', 'reimbursement', 'return', 'returned', 'returning', 'returns', 'return label', 'return policy', 'return it', 'send back', 'sent back', 'sent it back', 'exchange', 'swap', 'replacement', 'replace', 'damaged', 'damage', 'defective', 'faulty', 'broke', 'shattered', 'cracked', 'torn', 'ripped', 'stained', 'scratched', 'dented', 'leaking', 'not as described', 'wrong item', 'wrong size', 'wrong colour', 'wrong color', 'wrong product', 'too small', 'too big', 'too large', 'doesnt fit', 'didnt fit', 'arrived broken', 'broken on arrival', 'dead on arrival', 'chargeback', 'dispute', 'credit back', 'store credit', 'partial refund', 'full refund', 'compensation', 'compensate', 'poor quality', 'bad quality', 'quality', 'fell apart', 'stopped working', 'doesnt work', 'dont work', 'not working', 'does not work', 'faulty item'],
    weak: ['money', 'card', 'broken', 'back', 'wrong', 'payment'],
  },
  {
    id: 'cancellation',
    triggers: ['cancellation', 'cancel', 'cancellations', 'churn', 'unsubscribe', 'termination', 'terminate', 'cancelling', 'canceling'],
    strong: ['cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation', 'unsubscribe', 'stop my', 'stop the', 'stop subscription', 'stop my subscription', 'stop charging', 'terminate', 'termination', 'end my', 'end subscription', 'end my subscription', 'close my account', 'delete my account', 'delete account', 'deactivate', 'deactivate my', 'remove my', 'opt out', 'not renew', 'dont renew', 'stop renewing', 'auto renewal', 'turn off', 'before it renews', 'from renewing', 'renewing', 'no longer', 'no longer need', 'no longer want', 'dont want', 'dont need', 'changed my mind', 'change my mind', 'by mistake', 'accidentally', 'withdraw', 'quit', 'leave', 'leaving', 'pause', 'pause my', 'membership', 'subscription', 'subscriptions', 'recurring', 'stop', 'stop sending', 'dont send', 'not ship', 'dont ship'],
    weak: ['renew', 'renewal', 'plan', 'monthly', 'account', 'order', 'anymore'],
  },
  {
    id: 'product',
    triggers: ['product', 'products', 'item', 'items', 'catalog', 'catalogue', 'presales', 'pre', 'specs', 'stock', 'availability', 'sizing'],
    strong: ['pair with', 'will this', 'will it work', 'work with the', 'previous generation', 'generation', 'does this come', 'which version', 'whether it', 'works on', 'works with', 'before i order', 'before ordering', 'description', 'does it come', 'what size', 'how big', 'how long does the battery', 'is it compatible', 'size', 'sizes', 'sizing', 'size guide', 'size chart', 'measurements', 'dimensions', 'length', 'width', 'height', 'weight', 'weigh', 'heavy', 'colour', 'color', 'colours', 'colors', 'material', 'materials', 'fabric', 'cotton', 'leather', 'wool', 'polyester', 'waterproof', 'water resistant', 'dishwasher safe', 'microwave safe', 'compatible', 'compatibility', 'compatible with', 'fit', 'fits', 'in stock', 'out of stock', 'restock', 'back in stock', 'available', 'availability', 'specs', 'specifications', 'spec', 'made of', 'made from', 'made in', 'battery', 'battery life', 'warranty', 'guarantee', 'model', 'compare', 'comparison', 'versus', 'vs', 'which one', 'suitable', 'suitable for', 'ingredients', 'allergens', 'vegan', 'organic', 'gluten', 'manual', 'instructions', 'how to use', 'assemble', 'assembly', 'care instructions', 'included', 'comes with', 'include', 'accessories', 'does it', 'does this', 'does the', 'is it', 'is this', 'is the', 'are these', 'are they', 'can it', 'will it', 'usb', 'usb c', 'bluetooth', 'wifi', 'features', 'capacity', 'storage', 'screen size'],
    weak: ['product', 'item', 'this', 'question', 'recommend', 'kids', 'adults'],
  },
  {
    id: 'question',
    generic: true,
    triggers: ['question', 'questions', 'inquiry', 'inquiries', 'enquiry', 'enquiries', 'how', 'faq', 'info', 'information', 'query', 'queries', 'howto'],
    strong: ['how do i', 'how can i', 'how to', 'how does', 'how do you', 'what is', 'whats', 'what are', 'where can i', 'where do i', 'is there', 'is there a way', 'do you have', 'do you offer', 'do you', 'can i', 'can you tell me', 'could you tell me', 'wondering', 'i was wondering', 'curious', 'question', 'quick question', 'questions', 'ask', 'asking', 'info', 'information', 'documentation', 'docs', 'guide', 'tutorial', 'faq', 'hours', 'opening hours', 'business hours', 'explain', 'clarify', 'does anyone know', 'anyone know', 'which', 'when does', 'when do', 'what happens', '<?>'],
    weak: ['how', 'what', 'where', 'when', 'why', 'is', 'are', 'does', 'can', 'time', 'open', 'close', 'available'],
  },
  {
    id: 'spam',
    // Where spam is sorted out also arrive the mails people asked for: notices, receipts, newsletters.
    beside: ['notice'],
    triggers: ['spam', 'spammy', 'scam', 'scams', 'junk', 'phishing', 'promotion', 'promotional', 'advertising', 'advert', 'ad', 'ads', 'unsolicited', 'bot', 'bots', 'fraud'],
    strong: ['be friends', 'private email', 'my private email', 'working abroad', 'hi dear', 'lonely', 're validate', 'revalidate', 'storage is full', 'will be deleted', 'portal below', 'widow', 'trusted partner', 'million', 'hello dear', 'pending package', 'customs fee', 'release the delivery', 'inheritance', 'next of kin', 'update your billing', 'update your payment', 'confirm your details', 'confirm your identity', 'verify your identity', 'verify your password', 'within 24 hours', 'within 48 hours', 'avoid suspension', 'avoid cancellation', 'to avoid', 'redelivery fee', 'small fee', 'unusual activity', 'click below', 'mailbox is almost full', 'mailbox full', 'rank 1', 'first page of google', 'guaranteed', 'guarantee', 'act fast', 'urgent response', 'kindly', 'dear customer', 'dear user', 'dear sir', 'gift', 'free gift', 'bonus', '100 percent', 'double your', 'work from home', 'make money', 'investment', 'profit', 'profits', 'claim your', 'reward', 'rewards', 'exclusive offer', 'expires today', 'last chance', 'limited spots', '100 free', 'totally free', 'for free', 'win', 'won', 'winner', 'winning', 'prize', 'prizes', 'claim', 'click', 'click here', 'click the link', 'click this link', 'message me', 'whatsapp', 'telegram', 'special offer', 'limited offer', 'limited time', 'act now', 'hurry', 'dear friend', 'dear beneficiary', 'beneficiary', 'your bank details', 'send your bank details', 'lottery', 'cheap', 'cheapest', 'lowest price', 'lowest prices', 'buy now', 'order now', 'shop now', 'visit our website', 'visit my', 'check out my', 'www', 'http', 'https', 'biz', 'earn', 'earn money', 'per day', 'a day', 'passive income', 'income', 'get rich', 'rich', 'investment opportunity', 'crypto', 'bitcoin', 'btc', 'forex', 'nft', 'casino', 'betting', 'viagra', 'pills', 'weight loss', 'lose weight', 'followers', 'more likes', 'buy likes', 'get likes', 'buy followers', 'subscribers', 'risk free', 'no risk', 'congratulations', 'you have been selected', 'selected', 'gift card', 'giftcard', 'voucher', 'loan', 'loans', 'credit score', 'debt', 'cash', 'deal', 'deals', 'promo', 'promotion', 'sponsored', 'advertise', 'advertising', 'marketing services', 'lead generation', 'email list', 'outsourcing', 'web design services', 'development services', 'our services', 'we can help you', 'sign up now', 'join now', 'amazing deal', 'mlm', 'boss babe', 'be your own boss', 'opportunity', 'exclusive', 'miracle', 'xxx', 'sexy', 'singles', 'hot singles', 'scam', 'phishing', 'verify your account', 'account suspended', 'unclaimed', 'wire', 'western union'],
    weak: ['free', 'offer', 'discount', 'link', 'money', 'website', 'new', 'now', 'today'],
  },
  {
    id: 'toxic',
    triggers: ['toxic', 'toxicity', 'abuse', 'abusive', 'harassment', 'harass', 'hate', 'insult', 'insults', 'offensive', 'profanity', 'profane', 'threat', 'threats', 'bullying', 'hostile', 'rude', 'nsfw'],
    strong: ['idiot', 'idiots', 'idiotic', 'stupid', 'stupidest', 'moron', 'morons', 'dumb', 'dumbass', 'loser', 'losers', 'pathetic', 'hate you', 'i hate', 'shut up', 'get lost', 'go away', 'go die', 'die', 'kill yourself', 'kys', 'kill', 'trash', 'garbage', 'rubbish', 'scum', 'filth', 'filthy', 'disgusting', 'gross', 'ugly', 'fat', 'worthless', 'screw you', 'fuck', 'fucking', 'fck', 'fk', 'wtf', 'stfu', 'shit', 'bullshit', 'crap', 'bitch', 'bastard', 'asshole', 'ass', 'dick', 'cunt', 'retard', 'retarded', 'freak', 'creep', 'clown', 'jerk', 'fool', 'imbecile', 'brain dead', 'braindead', 'nobody likes you', 'nobody cares', 'no one cares', 'you suck', 'suck', 'sucks', 'vermin', 'subhuman', 'go back to', 'hurt you', 'find you', 'watch your back', 'your kind', 'shame on you', 'ignorant', 'clueless', 'delusional', 'lunatic', 'psycho', 'troll', 'cringe', 'you people', 'piece of', 'deserve to', 'hope you', 'nobody wants you', 'waste of space', 'waste of oxygen', 'hate'],
    weak: ['incompetent', 'damn', 'terrible', 'awful', 'you are', 'youre', 'your'],
  },
  {
    id: 'safe',
    triggers: ['safe', 'ok', 'okay', 'clean', 'acceptable', 'legitimate', 'legit', 'ham', 'normal', 'benign', 'allowed', 'approve', 'approved', 'fine'],
    catchAll: true,
    strong: ['thanks for sharing', 'great post', 'article', 'helpful', 'useful', 'interesting', 'agree', 'disagree', 'good point', 'fair point', 'i think', 'in my opinion', 'imo', 'imho', 'anyone know', 'recipe', 'meeting', 'event', 'schedule', 'tomorrow', 'well done', 'nice', 'source', 'data', 'chapter', 'thanks', 'thank you', 'question', 'moved to', 'welcome', 'cheers', 'good luck', 'happy'],
  },
  {
    id: 'praise',
    triggers: ['praise', 'compliment', 'compliments', 'positive', 'kudos', 'testimonial', 'testimonials', 'happy', 'appreciation', 'promoter', 'satisfied', 'love', 'good'],
    negatable: true,
    strong: ['big fan', 'arrived early', 'delivered early', 'ahead of time', 'finishing it early', 'zero findings', 'passing that along', 'hand this to', 'without a second thought', 'deserves a raise', 'fixed every', 'by herself', 'by himself', 'less mistakes', 'fewer mistakes', 'more satisfied', 'customers are happy', 'saved hours', 'so much easier', 'spotless', 'smooth', 'smoothly', 'legend', 'legends', 'went out of their way', 'out of their way', 'above and beyond', 'zero drama', 'no drama', 'no hassle', 'hassle free', '10 10', 'halved', 'saved us', 'saves us', 'saved me', 'saves me', 'ahead of schedule', 'sorted it', 'quick fix', 'fast', 'quickly', 'speedy', 'super fast', 'recommending', 'recommended', 'well worth', 'made my day', 'love the', 'loving the', 'kudos to', 'nailed it', 'flawless', 'flawlessly', 'painless', 'effortless', 'thank u', 'imagine working without', 'live without', 'cant imagine', 'game changer', 'lifesaver', 'life saver', 'thank you', 'thanks', 'thanks so much', 'thx', 'love', 'loved', 'loving', 'loves', 'love it', 'great', 'amazing', 'awesome', 'excellent', 'fantastic', 'wonderful', 'perfect', 'perfectly', 'beautiful', 'recommend', 'highly recommend', 'best', 'happy', 'very happy', 'so happy', 'delighted', 'pleased', 'satisfied', 'impressed', 'brilliant', 'superb', 'outstanding', 'exceptional', 'incredible', 'stellar', 'top notch', 'spot on', 'seamless', 'seamlessly', 'easy to use', 'intuitive', 'helpful', 'super helpful', 'friendly', 'patient', 'professional', 'reliable', 'well done', 'good job', 'great job', 'kudos', 'shout out', 'shoutout', 'props', 'appreciate', 'appreciated', 'grateful', 'thankful', 'exactly what', 'exceeded', 'exceeded expectations', 'five stars', '5 stars', 'worth it', 'worth every', 'favourite', 'favorite', 'enjoy', 'enjoyed', 'enjoying', 'nice', 'cool', 'good', 'solid', 'resolved', 'works great', 'works perfectly', 'stoked', 'thrilled', 'excited', 'glad', 'easy', 'keep it up', 'keep up the good work', 'a pleasure', 'pleasure', 'beautifully', 'elegant', 'slick', 'praise', 'compliment', 'kind'],
    weak: ['so', 'very', 'fixed'],
  },
  {
    id: 'complaint',
    triggers: ['complaint', 'complaints', 'negative', 'unhappy', 'dissatisfied', 'escalation', 'escalations', 'angry', 'detractor', 'bad', 'frustrated', 'grievance'],
    strong: ['again and again', 'broken again', 'failed again', 'explained the same', 'same issue', 'reviewing our options', 'our options at renewal', 'not the pieces', 'could have built', 'by hand', 'down again', 'four different', 'three different', 'still broken', 'not what we ordered', 'nobody called', 'nobody emailed', 'nobody apologised', 'nobody apologized', 'nobody asked', 'nobody', 'waited', 'waited an hour', 'waiting for', 'still no', 'still waiting', 'still not', 'unbelievable', 'ridiculous', 'removed', 'without any warning', 'without warning', 'eventually', 'price hike', 'price increase', 'twice as long', 'crashed', 'crashing', 'sent back', 'done with', 'fed up', 'cancelling', 'canceling', 'switching to', 'worst', 'never again', 'disappointing', 'letdown', 'let down', 'no refund', 'late', 'too slow', 'slow', 'slower', 'laggy', 'expected way more', 'way more for the price', 'overpriced', 'useless', 'pointless', 'expected more', 'expected better', 'for that price', 'not impressed', 'nothing like', 'looks nothing like', 'misleading photos', 'terrible', 'awful', 'horrible', 'horrendous', 'dreadful', 'appalling', 'atrocious', 'abysmal', 'disappointed', 'disappointment', 'unacceptable', 'absurd', 'outrageous', 'frustrated', 'frustrating', 'frustration', 'annoyed', 'annoying', 'irritated', 'irritating', 'sick of', 'tired of', 'had enough', 'unhappy', 'angry', 'furious', 'livid', 'upset', 'poor', 'poorly', 'bad', 'very bad', 'really bad', 'waste', 'waste of money', 'waste of time', 'rip off', 'ripoff', 'hopeless', 'nobody answered', 'no one answered', 'no answer', 'no reply', 'no response', 'never replied', 'never heard back', 'on hold', 'still not resolved', 'not resolved', 'unresolved', 'keeps happening', 'rude', 'unhelpful', 'unprofessional', 'incompetent', 'ignored', 'ignoring', 'broke', 'broken', 'complicated', 'too expensive', 'not worth', 'not good', 'not happy', 'not satisfied', 'not helpful', 'regret', 'complain', 'complaining', 'complaint', 'cheated', 'misleading', 'lied', 'false advertising', 'unusable', 'speak to a manager', 'escalate', 'hate', 'sucks', 'scam', 'dissatisfied', 'mess', 'nightmare', 'joke', 'shame', 'cold', 'dirty', 'lost', 'never arrived', 'not working', 'failed', 'doesnt work', 'stopped working', 'crashes', 'buggy', 'clunky', 'mediocre', 'meh', 'worse', 'downhill'],
    weak: ['again', 'every time', 'always', 'never', 'waiting', 'days', 'weeks', 'wrong', 'problem', 'issue'],
  },
  {
    id: 'other',
    triggers: ['neutral', 'other', 'others', 'misc', 'miscellaneous', 'unknown', 'none', 'general', 'uncategorized', 'uncategorised', 'unclassified', 'default', 'fallback', 'rest', 'else'],
    catchAll: true,
    strong: [],
    weak: ['fyi', 'noted', 'ok', 'okay', 'just so you know'],
  },
  {
    id: 'sales',
    triggers: ['sales', 'sale', 'lead', 'leads', 'prospect', 'prospects', 'buying', 'buy', 'purchase', 'demo', 'quote', 'quotes', 'pricing', 'enterprise', 'commercial', 'deal', 'deals', 'opportunity', 'inbound'],
    negatable: true,
    // A sales inbox also gets applications, vendors' pitches, customers' support requests, misdials.
    beside: ['job', 'vendor', 'support', 'misdirected', 'partnership'],
    strong: ['demo', 'book a demo', 'schedule a demo', 'request a demo', 'quote', 'get a quote', 'pricing', 'price', 'prices', 'price list', 'pricing plans', 'enterprise', 'enterprise plan', 'tier', 'seats', 'licence', 'license', 'licenses', 'licences', 'volume', 'volume discount', 'bulk pricing', 'buy', 'buying', 'purchase', 'purchasing', 'interested in', 'interested in buying', 'looking for a solution', 'evaluate', 'evaluation', 'considering', 'shortlist', 'comparing', 'alternatives', 'switch from', 'switching from', 'migrate from', 'moving from', 'trial', 'free trial', 'pilot', 'poc', 'proof of concept', 'contact sales', 'sales', 'sales team', 'talk to sales', 'speak with sales', 'team of', 'users', 'employees', 'organisation', 'organization', 'budget', 'procurement', 'rfp', 'rfq', 'contract', 'annual', 'annually', 'yearly', 'rollout', 'roll out', 'across our', 'education discount', 'startup discount', 'discount', 'discounts', 'schedule a call', 'a call', 'calendly', 'decision maker', 'cto', 'ceo', 'vp', 'head of', 'director', 'this quarter', 'next quarter', 'contact me', 'get in touch', 'reach out', 'sign up for', 'onboard', 'onboarding', 'how much', 'cost', 'costs', 'plans', 'your product', 'your platform'],
    weak: ['company', 'team', 'plan', 'monthly', 'interested', 'looking for', 'we need', 'we would need', 'offer', 'teams', 'per user', 'user', 'staff', 'customers'],
  },
  {
    id: 'support',
    triggers: ['support', 'help', 'helpdesk', 'ticket', 'tickets', 'assistance', 'troubleshooting', 'service', 'customer', 'existing', 'care'],
    includes: ['bug', 'access'],
    strong: ['already a customer', 'im a customer', 'were a customer', 'as a customer', 'our subscription', 'change the invoice address', 'help', 'need help', 'help with', 'help us', 'help me', 'fix', 'fix it', 'error', 'errors', 'not working', 'doesnt work', 'stopped working', 'stopped', 'broken', 'bug', 'issue', 'issues', 'problem', 'problems', 'trouble', 'troubleshoot', 'setting up', 'set up', 'setup', 'configure', 'configuration', 'webhook', 'webhooks', 'token', 'cant', 'cannot', 'unable to', 'fails', 'failing', 'failed', 'returns an error', 'since this morning', 'since yesterday', 'look into', 'investigate', 'ticket', 'support ticket', 'outage', 'down', 'existing customer', 'our account', 'current customer', 'we use', 'were using', 'using your', 'log in', 'password', 'reset', 'how do i', 'how can i', 'support'],
    weak: ['integration', 'api', 'account', 'login', 'site', 'page', 'someone', 'our'],
  },
  {
    id: 'partnership',
    triggers: ['partnership', 'partnerships', 'partner', 'partners', 'collaboration', 'collab', 'affiliate', 'affiliates', 'reseller', 'resellers', 'alliance', 'alliances', 'bizdev', 'channel'],
    negatable: true,
    strong: ['partner', 'partners', 'partnership', 'partnering', 'reseller', 'resellers', 'resell', 'reselling', 'agency', 'our agency', 'white label', 'whitelabel', 'collaboration', 'collaborate', 'co marketing', 'comarketing', 'co sell', 'joint', 'joint venture', 'affiliate', 'affiliate program', 'referral', 'referral program', 'refer', 'integration partner', 'technology partner', 'marketplace', 'app marketplace', 'ecosystem', 'alliance', 'channel', 'distribution', 'distributor', 'oem', 'embed', 'embedding', 'sponsor', 'sponsorship', 'cross promotion', 'our customers', 'our users', 'together', 'mutual', 'mutually', 'synergy', 'synergies', 'explore', 'work together', 'team up', 'build an integration', 'integrate', 'bundle', 'revenue share', 'rev share', 'commission', 'co branded', 'our platform', 'our audience', 'audience'],
    weak: ['opportunity', 'api', 'platform', 'customers', 'network', 'love to', 'interested'],
  },
  {
    id: 'job',
    triggers: ['job', 'jobs', 'application', 'applications', 'career', 'careers', 'hiring', 'hire', 'recruiting', 'recruitment', 'candidate', 'candidates', 'applicant', 'applicants', 'hr', 'resume', 'cv', 'talent', 'employment', 'vacancy'],
    strong: ['open positions', 'looking for a job', 'looking for work', 'cv attached', 'resume attached', 'my cv', 'my resume', 'apply', 'applying', 'applied', 'application', 'applicant', 'position', 'open position', 'role', 'cv', 'resume', 'résumé', 'portfolio', 'cover letter', 'hiring', 'are you hiring', 'job', 'jobs', 'job posting', 'job opening', 'opening', 'openings', 'vacancy', 'vacancies', 'career', 'careers', 'candidate', 'interview', 'interviews', 'internship', 'intern', 'graduate', 'junior', 'senior', 'engineer', 'developer', 'designer', 'experienced', 'skills', 'background', 'degree', 'qualified', 'qualifications', 'linkedin', 'join you', 'work for you', 'work at', 'employment', 'full time', 'part time', 'remote position', 'relocate', 'recruiter', 'recruitment', 'recruiting', 'hire me', 'references', 'opportunities'],
    weak: ['experience', 'manager', 'team', 'attached', 'freelance', 'join', 'work', 'team member', 'salary'],
  },
  {
    id: 'urgent',
    triggers: ['urgent', 'urgency', 'high', 'priority', 'critical', 'emergency', 'p1', 'p0', 'sev1', 'blocker', 'escalate'],
    negatable: true,
    strong: ['as we speak', 'right this minute', 'at this moment', 'still happening', 'short notice', 'by tomorrow', 'tomorrow morning', 'first thing tomorrow', 'before midnight', 'by midnight', 'or we lose', 'posting our', 'public forum', 'publicly', 'leaked', 'leak', 'client is waiting', 'is waiting', 'are waiting', 'before the auditors', 'data exposed', 'offline', 'all offline', 'out the door', 'customers waiting', 'queue', 'cant take payments', 'cant process', 'lost all', 'need it now', 'leaves in', 'by friday', 'closes', 'end of day', 'eod', 'cant access', 'everything is down', 'site is down', 'completely down', 'right away', 'immediately', 'tonight', 
      'urgent', 'urgently', 'asap', 'as soon as possible', 'emergency', 'critical', 'right now',
      'blocker', 'blocking', 'blocked', 'outage', 'production', 'prod', 'high priority', 'p1', 'p0', 'sev1',
      'down', 'is down', 'all users', 'everyone', 'cant work', 'losing money', 'losing customers', 'deadline',
      'today', 'now', 'help', 'stopped', 'security', 'breach', 'hacked',
    ],
    weak: ['error', 'broken', 'not working'],
  },
  {
    // The middle of a priority scale: an ordinary request or question, with a date not pressing.
    id: 'medium',
    triggers: ['normal', 'medium', 'moderate', 'standard', 'regular', 'p2', 'p3'],
    strong: [
      'this week', 'next week', 'by next week', 'within a few days', 'in the next few days', 'when possible',
      'when you can', 'could you', 'can you', 'would you', 'please send', 'please update', 'please change',
      'please check', 'please review', 'can someone', 'need to update', 'need to change', 'request',
      'wondering', 'question about', 'how do i', 'how can i', 'follow up', 'following up', 'quote',
      'updated', 'update', 'change', 'schedule', 'reschedule', 'report', 'some users', 'one user',
    ],
    weak: ['please', 'thanks', 'thank you', 'need', 'soon', 'meeting', 'monday', 'tuesday', 'wednesday', 'thursday'],
  },
  {
    id: 'low',
    triggers: ['low', 'minor', 'trivial', 'routine', 'backlog', 'later'],
    strong: ['feel free to ignore', 'in case it is useful', 'in case its useful', 'in case useful', 'whenever you have', 'no pressure', 'no need to reply', 'not time sensitive', 'whenever works', 'when you get a moment', 'low key', 'not affecting', 'nothing needed from you', 'nothing needed', 'no need to rush', 'just in case', 'in case anyone', 'in case youre interested', 'for the record', 'when things calm down', 'after peak', 'would be nice', 'not sure if it matters', 'if it matters', 'sometime', 'one of these days', 'no deadline', 'nothing urgent', 'no urgency', 'just an fyi', 'next quarter', 'whenever suits', 'when you have a sec', 'when u have a sec', 'have a sec', 'not sure how important', 'not important', 'no biggie', 'whenever possible', 'just sharing', 'for your information', 'no action needed', 'no action required', 'if anyone is interested', 'if youre interested', 'heads up', 'small thing', 'when convenient', 'whenever convenient', 'low priority', 'not critical', 'not urgent', 'no need to', 'before next month', 
      'whenever', 'no rush', 'minor', 'small', 'cosmetic', 'typo', 'nice to have', 'eventually',
      'at some point', 'when you get a chance', 'when you have time', 'no hurry', 'just fyi',
      'fyi', 'suggestion', 'idea', 'question',
    ],
  },
  {
    id: 'hot',
    triggers: ['hot', 'warm', 'qualified', 'ready', 'mql', 'sql'],
    negatable: true,
    strong: ['sunsetting', 'scope this', 'who can scope', 'rollout', 'po number', 'ready to go', 'director', 'it director', 'replacing', 'replace our', 'contract ends', 'agents', 'shortlist', 'on the shortlist', 'reviewing', 'cfo', 'before renewal', 'want to sign', 'quote pls', 'pricing for', 'how soon', 'when can we start', 'implementation', 'sign by', 'set aside', 'lets talk', 'let us talk', 'allocated', 'budgeted', 'signed off', 'sign off', 'approved', 'head of', 'procurement', 'ready', 'asap', 'need this', 'want to start', 'start next', 'move forward', 'proposal', 
      'ready to buy', 'ready to sign', 'ready to purchase', 'ready to start', 'sign the contract',
      'sign this', 'contract', 'send a contract', 'send the contract', 'budget approved', 'approved budget',
      'have budget', 'have a budget', 'budget', 'this quarter', 'this month', 'this week', 'next week',
      'urgently', 'as soon as possible', 'decide by', 'decision', 'call me', 'call us', 'today',
      'tomorrow', 'purchase order', 'onboard', 'roll out', 'go live', 'want to purchase',
      'want to buy', 'we want to', 'we need', 'need a solution', 'book a demo', 'schedule a demo', 'quote',
      'send a quote', 'licenses', 'licences', 'seats', 'users', 'timeline', 'deadline',
    ],
  },
  {
    id: 'leave',
    triggers: ['leave', 'leaves', 'vacation', 'vacations', 'holiday', 'holidays', 'pto', 'absence', 'absences', 'timeoff', 'sick', 'attendance'],
    strong: ['jury', 'jury duty', 'jury summons', 'due date', 'be away', 'trade my', 'reunion', 'family reunion', 'block of days', 'block off', 'off for', 'booked off', 'book the', 'rota', 'cover for me', 'covering for me', 'dentist', 'fri off', 'mon off', 'friday off', 'monday off', 'day off', 'afternoon off', 'morning off', 'take fri', 'take friday', 'wfh', 
      'leave', 'annual leave', 'sick leave', 'parental leave', 'maternity', 'maternity leave', 'paternity',
      'paternity leave', 'unpaid leave', 'bereavement', 'compassionate leave', 'sabbatical', 'vacation',
      'holiday', 'holidays', 'pto', 'paid time off', 'time off', 'days off', 'off on', 'take off',
      'take a day', 'take the day', 'out of office', 'absence', 'absent', 'away from', 'sick', 'sick day',
      'sick days', 'ill', 'doctor', 'medical appointment', 'appointment', 'family emergency', 'family matter',
      'wedding', 'funeral', 'book off', 'half day', 'work from home', 'remote day',
    ],
    weak: ['friday', 'monday', 'next week', 'from', 'until', 'between', 'christmas', 'summer', 'days'],
  },
  {
    id: 'payroll',
    triggers: ['payroll', 'salary', 'salaries', 'wage', 'wages', 'pay', 'paycheck', 'payslip', 'payslips', 'compensation', 'remuneration'],
    strong: ['extra shift', 'night shift', 'shift pay', 'shift allowance', 'stub', 'my stub', 'last stub', 'differential', 'night differential', 'shift differential', 'dues', 'union dues', 'this check', 'my check', 'double shift', 'pay period', 'this pay period', 'iban', 'new iban', 'changed bank', 'new bank', 'bank account', 'come through', 'hasnt come through', 'not come through', 'been paid', 'get paid', 'paid on', 'pay was', 'my pay', 'pay is', 
      'payroll', 'salary', 'salaries', 'wage', 'wages', 'paycheck', 'paychecks', 'pay check', 'payslip',
      'payslips', 'pay slip', 'pay stub', 'paystub', 'pay date', 'payday', 'pay day', 'paid', 'underpaid',
      'not paid', 'overtime', 'bonus', 'commission', 'net pay', 'gross pay', 'deduction', 'deductions',
      'deducted', 'tax deduction', 'withholding', 'tax code', 'income tax', 'direct deposit', 'bank details',
      'hourly rate', 'pay rise', 'pay raise', 'raise', 'back pay', 'expenses', 'expense claim', 'w2', 'w 2',
      'p60', 'p45', 'timesheet', 'hours worked',
    ],
    weak: ['pay', 'month', 'short', 'missing', 'tax', 'account', 'hours'],
  },
  {
    id: 'benefits',
    triggers: ['benefits', 'benefit', 'perks', 'perk', 'insurance', 'pension', 'pensions', 'healthcare', 'wellness', 'wellbeing'],
    strong: ['bike to work', 'e bike', 'ebike', 'train ticket', 'travel pass', 'commute', 'commuting', 'transport', 'public transport', 'season ticket', 'assistance programme', 'assistance program', 'employee assistance', 'counselling', 'counseling', 'therapy', 'cycle to work', 'bike scheme', 'meal vouchers', 'company car', 'home office', 'equipment allowance', 'home office allowance', 'reimbursed for', 'reimburse', 
      'benefit', 'benefits', 'perk', 'perks', 'insurance', 'health insurance', 'life insurance', 'dental',
      'vision', 'medical', 'health plan', 'medical plan', 'healthcare', 'coverage', 'covered', 'cover',
      'pension', 'retirement', 'retirement plan', '401k', '401 k', 'savings plan', 'employer match', 'match',
      'contribution', 'contributions', 'stock options', 'equity', 'rsu', 'espp', 'gym', 'gym membership',
      'wellness', 'wellbeing', 'allowance', 'stipend', 'childcare', 'commuter', 'enrol', 'enroll',
      'enrolment', 'enrollment', 'open enrollment', 'spouse', 'dependent', 'dependents', 'eap', 'hsa', 'fsa',
    ],
    weak: ['plan', 'company', 'add my', 'eligible'],
  },
  {
    id: 'cold',
    triggers: ['cold', 'unqualified', 'nurture'],
    strong: ['not sure i need', 'keep an eye on', 'for now', 'works fine for now', 'what exactly does it do', 'what does it do', 'class project', 'comparison for a class', 'mailing list', 'add me to', 'werent ready', 'probably still', 'not ready', 'send me some info', 'ill read it', 'happy with our current', 'keep me in the newsletter', 'keep me posted', 'just interested', 'maybe next year', 'nothing concrete', 'feel free to send', 'some information', 'came across', 'sounded interesting', 'not in a position', 'slides', 'webinar', 'saw ur ad', 'what do you guys do', 'do exactly', 'newsletter', 'just curious', 'for a school', 'for my thesis', 'student project', 'not really', 'no idea', 'collecting options', 'just collecting', 'bookmarked', 'bookmark', 'down the road', 'not looking', 'not in the market', 'for later', 'keep in mind', 'brochure', 'some point', 'one day', 'what exactly do you do', 'what do you do', 'saw your ad', 
      'just browsing', 'not interested', 'maybe later', 'next year', 'just looking', 'no budget', 'student',
      'curious', 'someday', 'not now', 'just researching', 'research', 'school project', 'homework', 'free',
      'free plan', 'unsubscribe', 'remove me',
    ],
  },
  {
    // A message its reader asked for or expects: an account notice, a receipt, a newsletter one signed up to.
    id: 'notice',
    triggers: ['notice', 'notices', 'notification', 'notifications', 'transactional'],
    strong: ['your trial ends', 'trial ends', 'free plan', 'what youll keep', 'thank you for your payment', 'your payment of', 'receipt attached', 'register in the app', 'loyalty card', 'at the store', 'newsletter for', 'in the app', 
      'you signed up', 'signed up', 'receiving this because', 'youre receiving this', 'you are receiving this',
      'no action is needed', 'no action needed', 'no action required', 'we will never ask', 'never ask for your password',
      'account settings', 'manage your subscription', 'manage it', 'manage your preferences', 'unsubscribe anytime',
      'order confirmation', 'your order has shipped', 'your receipt', 'receipt for', 'statement is now available',
      'is now available', 'account ending', 'as discussed', 'as agreed', 'following up on', 'per our call', 'our meeting',
      'agenda', 'minutes', 'attached is', 'please find attached', 'see attached', 'reminder', 'appointment', 'confirmed',
      'your booking', 'booking confirmation', 'password was changed', 'new sign in', 'if this was you', 'wasnt you',
      'colleague', 'regards', 'kind regards',
    ],
  },
  {
    id: 'vendor',
    triggers: ['vendor', 'vendors', 'supplier', 'suppliers', 'solicitation', 'pitch', 'pitches'],
    strong: ['reaching out from', 'im reaching out from', 'we supply', 'we sell', 'our catalogue', 'our catalog', 'sample pack', 'free samples', 'would you like us to', 'like us to quote', 'we can quote', 'we produce', 'our products', 'our solution', 'noticed youre', 'i noticed you', 'i noticed your', 'collect reviews', 'more reviews', 'we manufacture', 'custom branded', 'merch', 'would love to quote', 'quote your', 'helps saas companies', 'our agency helps', '15 minutes', 'quick call', 'we build', 'we design', 'our team can', 'let us help', 
      'we offer', 'we provide', 'we specialise', 'we specialize', 'our services', 'our agency', 'agency',
      'staffing', 'outsourcing', 'offshore', 'nearshore', 'seo', 'backlinks', 'lead generation',
      'web design', 'app development', 'development services', 'marketing services', 'free audit',
      'triple your', 'double your', 'boost your', 'grow your', 'per hour', 'hourly', 'our clients',
      'case study', 'can help you', 'we help', 'partner with you', 'white label', 'reseller',
    ],
  },
  {
    id: 'misdirected',
    triggers: ['misdirected', 'misdial', 'misdials'],
    strong: ['who is this', 'missed call', 'this number', 'who are you', 'dont know you', 'not sure why i got this', 'wrong chat', 
      'wrong number', 'wrong person', 'wrong email', 'wrong address', 'wrong company', 'by mistake',
      'sent this by mistake', 'trying to reach', 'meant to send', 'not meant for you', 'sorry wrong',
      'please ignore', 'ignore this', 'disregard',
    ],
  },
  {
    id: 'security',
    triggers: ['security', 'vulnerability', 'vulnerabilities', 'breach', 'infosec', 'hack', 'hacked', 'fraudulent', 'suspicious'],
    strong: [
      'security', 'vulnerability', 'vulnerabilities', 'breach', 'data breach', 'hacked', 'hack', 'hacker',
      'phishing', 'suspicious', 'compromised', 'leaked', 'exposed', 'xss', 'sql injection', 'injection',
      'csrf', 'malware', 'virus', 'ransomware', 'fraud', 'fraudulent', 'unauthorized', 'unauthorised',
      'stolen', 'someone logged into', 'unknown device', 'cve', 'bug bounty', 'responsible disclosure',
      'penetration test', 'pentest', 'encryption', 'ssl', 'tls', 'certificate',
    ],
  },
  {
    id: 'privacy',
    triggers: ['privacy', 'gdpr', 'legal', 'compliance', 'ccpa', 'dpa', 'data', 'law', 'lawyer', 'copyright', 'dmca'],
    strong: [
      'gdpr', 'privacy', 'privacy policy', 'personal data', 'my data', 'delete my data', 'data request',
      'data export', 'dsar', 'subject access', 'right to be forgotten', 'ccpa', 'dpa', 'data processing',
      'lawyer', 'attorney', 'legal', 'lawsuit', 'sue', 'terms of service', 'terms and conditions', 'tos',
      'copyright', 'dmca', 'trademark', 'infringement', 'subpoena', 'compliance', 'soc 2', 'soc2', 'iso 27001',
      'hipaa', 'consent', 'cookies', 'tracking cookies', 'data retention',
    ],
  },
];
