// Builds src/core/sessions/casingLexicon.json: how real talk titles write the words that a plain title case
// gets wrong, learned from the training titles of test/fixtures/sessions/real/titles.json (FOSDEM
// 2007-2024; the 2025, 2026 and 38C3 titles are kept apart to measure the result: `npm run bench -- casing`).
//   node scripts/buildCasingLexicon.mjs
import { readFileSync, writeFileSync } from 'node:fs';

/** A word must occur this often to be learned: once is an accident of one title. */
const MIN_OCCURRENCES = 3;
/** Share of its occurrences a lowercase form needs inside title-cased titles to be kept lowercase. */
const MIN_LOWERCASE_SHARE = 0.6;
/** AP style's small words, lowercase inside a title by the style itself (the product's `ap` list). */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'for', 'nor', 'or', 'so', 'yet', 'as', 'at', 'by', 'in',
	'of', 'off', 'on', 'out', 'per', 'to', 'up', 'via', 'vs']);

const { training } = JSON.parse(readFileSync(new URL('../test/fixtures/sessions/real/titles.json', import.meta.url), 'utf8'));
const fold = word => word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const capitalized = word => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** Whether a title is clearly title-cased: four in five of the longer words inside it capitalized. */
function titleCased(words) {
	const longer = words.slice(1).filter(w => w.length >= 4 && /^\p{L}+$/u.test(w));
	return longer.length >= 2 && longer.filter(w => w !== w.toLowerCase()).length / longer.length >= 0.8;
}

const count = (table, word) => {
	const forms = table.get(word.toLowerCase()) ?? new Map();
	forms.set(word, (forms.get(word) ?? 0) + 1);
	table.set(word.toLowerCase(), forms);
};
const dominant = forms => [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
const total = forms => [...forms.values()].reduce((sum, n) => sum + n, 0);

/** Every form of each word inside titles, and inside title-cased titles only. */
const inside = new Map();
const insideTitleCased = new Map();
for (const titles of Object.values(training)) {
	for (const title of titles) {
		// Words as a slug keeps them: runs of letters and digits, accents aside.
		const words = fold(title).match(/[\p{L}\p{N}]+/gu) ?? [];
		const inTitleCase = titleCased(words);
		// First in a title every word is capitalized, so only a brand's own mix of capitals there tells
		// anything (`postmarketOS`, `KubeVirt`); a word all in capitals first is as often a shout (`DEBATE:`).
		if (words.length > 0 && /\p{Lu}/u.test(words[0].slice(1)) && /\p{Ll}/u.test(words[0])) {
			count(inside, words[0]);
		}
		for (const word of words.slice(1)) {
			count(inside, word);
			if (inTitleCase) {
				count(insideTitleCased, word);
			}
		}
	}
}

/** Words mostly written with capitals other than a first one (`eBPF`, `GitHub`, `API`), in any title. */
const written = {};
for (const [key, forms] of [...inside].sort(([a], [b]) => a.localeCompare(b))) {
	const [form] = dominant(forms);
	if (total(forms) >= MIN_OCCURRENCES && form !== form.toLowerCase() && form !== capitalized(key)) {
		written[key] = form;
	}
}
/** Words title-cased titles mostly keep lowercase, beyond the small words (`is`, `from`, `into`, `js`). */
const lowercase = [];
for (const [key, forms] of [...insideTitleCased].sort(([a], [b]) => a.localeCompare(b))) {
	const [form, n] = dominant(forms);
	if (total(forms) >= MIN_OCCURRENCES && form === key && /^\p{L}{2,}$/u.test(key) && !SMALL_WORDS.has(key) && !(key in written) && n / total(forms) >= MIN_LOWERCASE_SHARE) {
		lowercase.push(key);
	}
}

const lexicon = {
	source: 'How the talk titles of FOSDEM 2007-2024 write the words a plain title case gets wrong (FOSDEM schedule exports as redistributed by github.com/mttcrsp/fosdem, MIT License); built by scripts/buildCasingLexicon.mjs.',
	written,
	lowercase,
};
writeFileSync(new URL('../src/core/sessions/casingLexicon.json', import.meta.url), `${JSON.stringify(lexicon, undefined, '\t')}\n`);
console.log(`${Object.keys(written).length} words written with capitals, ${lowercase.length} kept lowercase`);
