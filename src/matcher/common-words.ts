/**
 * Frequent English words, news vocabulary included, beyond the function
 * words of stop-words.ts. The compiler ranks a cue's possible anchors by
 * how rarely they should occur on a page (build-index.ts): a word listed
 * here is a poor anchor, because nearly every news sentence would then go
 * through the claim walk. The list only steers that choice; it never
 * changes what matches, so a missing or extra word costs speed, not
 * correctness. Lower case, folded.
 */
export const COMMON_WORDS = new Set([
  // Verbs
  'accept', 'accepted', 'accused', 'add', 'added', 'agree', 'agreed', 'allow', 'allowed', 'announced', 'appear',
  'appeared', 'arrived', 'ask', 'asked', 'attack', 'attacked', 'attacks', 'became', 'become', 'began', 'begin',
  'believe', 'believed', 'bring', 'brought', 'build', 'built', 'buy', 'call', 'called', 'calls', 'came', 'carried',
  'carry', 'caused', 'change', 'changed', 'claim', 'claimed', 'claims', 'close', 'closed', 'come', 'comes',
  'continue', 'continued', 'control', 'controlled', 'cut', 'decided', 'denied', 'described', 'die', 'died', 'does',
  'done', 'end', 'ended', 'expect', 'expected', 'face', 'faced', 'fall', 'fell', 'felt', 'find', 'fired', 'follow',
  'followed', 'found', 'gave', 'get', 'gets', 'give', 'given', 'go', 'goes', 'going', 'gone', 'got', 'grow',
  'happen', 'happened', 'held', 'help', 'helped', 'hit', 'hold', 'include', 'included', 'including', 'keep',
  'kept', 'kill', 'killed', 'killing', 'know', 'known', 'launched', 'lead', 'leave', 'led', 'left', 'let', 'like',
  'live', 'look', 'looked', 'lost', 'made', 'make', 'makes', 'making', 'mean', 'meet', 'met', 'move', 'moved',
  'need', 'needed', 'offer', 'offered', 'open', 'opened', 'pay', 'paid', 'play', 'put', 'reach', 'reached', 'read',
  'received', 'remain', 'remained', 'remains', 'report', 'reported', 'reports', 'run', 'said', 'saw', 'say',
  'saying', 'says', 'see', 'seen', 'seemed', 'sent', 'set', 'show', 'showed', 'shown', 'spoke', 'start', 'started',
  'stay', 'stop', 'stopped', 'struck', 'support', 'supported', 'take', 'taken', 'takes', 'taking', 'talk', 'tell',
  'think', 'thought', 'told', 'took', 'tried', 'try', 'turn', 'turned', 'use', 'used', 'uses', 'using', 'want',
  'wanted', 'warned', 'went', 'win', 'won', 'work', 'worked', 'write', 'wrote',
  // Nouns
  'action', 'area', 'areas', 'army', 'attack', 'authorities', 'base', 'bases', 'border', 'business', 'case',
  'center', 'centre', 'change', 'child', 'children', 'city', 'civilians', 'company', 'conflict', 'country',
  'countries', 'court', 'day', 'days', 'deal', 'death', 'deaths', 'decision', 'director', 'economy', 'end',
  'family', 'fighters', 'fighting', 'fire', 'force', 'forces', 'friday', 'future', 'game', 'government', 'group',
  'groups', 'hand', 'head', 'health', 'history', 'home', 'hour', 'hours', 'house', 'information', 'issue', 'issues',
  'job', 'kind', 'law', 'leader', 'leaders', 'level', 'life', 'line', 'lot', 'man', 'market', 'media', 'meeting',
  'member', 'members', 'men', 'military', 'minister', 'ministry', 'moment', 'monday', 'money', 'month', 'months',
  'morning', 'name', 'nation', 'national', 'news', 'night', 'number', 'office', 'official', 'officials', 'oil',
  'order', 'part', 'party', 'peace', 'people', 'percent', 'period', 'person', 'place', 'plan', 'point', 'police',
  'policy', 'power', 'president', 'price', 'problem', 'program', 'programme', 'question', 'reason', 'region',
  'report', 'rest', 'result', 'right', 'rights', 'road', 'room', 'saturday', 'school', 'security', 'side',
  'situation', 'soldiers', 'source', 'sources', 'statement', 'state', 'states', 'story', 'strike', 'strikes',
  'sunday', 'support', 'system', 'team', 'thing', 'things', 'thursday', 'time', 'times', 'today', 'town', 'troops',
  'tuesday', 'use', 'violence', 'war', 'water', 'way', 'wednesday', 'week', 'weeks', 'woman', 'women', 'word',
  'words', 'work', 'world', 'year', 'years',
  // Months (written out or short, as cues write dates) and more news nouns
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'evidence',
  'proof', 'territory', 'hundreds', 'thousands', 'millions', 'population', 'industry', 'energy', 'mission', 'defense',
  'defence', 'economy', 'troop', 'soldier', 'weapons', 'budget', 'campaign', 'crisis', 'region', 'american', 'americans',
  // More verbs
  'created', 'formed', 'established', 'involved', 'directed', 'keeps', 'keeping', 'brings', 'bringing', 'seen',
  // Adjectives and adverbs
  'able', 'according', 'again', 'ago', 'already', 'always', 'another', 'away', 'back', 'bad', 'best', 'better',
  'big', 'both', 'clear', 'current', 'different', 'early', 'even', 'ever', 'far', 'few', 'first', 'foreign',
  'former', 'free', 'full', 'general', 'good', 'great', 'high', 'however', 'important', 'international', 'just',
  'large', 'last', 'late', 'later', 'least', 'less', 'likely', 'little', 'local', 'long', 'low', 'major', 'many',
  'much', 'must', 'near', 'nearly', 'never', 'new', 'next', 'north', 'old', 'own', 'past', 'political', 'possible',
  'public', 'real', 'recent', 'recently', 'same', 'second', 'senior', 'several', 'should', 'since', 'small',
  'south', 'still', 'such', 'through', 'too', 'top', 'until', 'very', 'well', 'west', 'east', 'while', 'whole',
  'without', 'within', 'yet', 'young', 'down', 'off', 'behind', 'popular', 'economic', 'separate', 'democratic',
  'responsible', 'red', 'black', 'white', 'green', 'blue',
]);
