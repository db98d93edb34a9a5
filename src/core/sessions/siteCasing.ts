import { splitFrontMatter } from '../frontMatter/split';

/**
 * How the writer's own site writes the words of its post titles, headings and tags: learned so that a
 * title derived offline spells `OpenStack`, `FWaaS` or `Kolla` as the writer does. Keys are lowercase
 * words; each maps to the form the site uses most. First words of titles and headings are capitalized by
 * any style, so only another spelling counts there; tags count when they carry capitals.
 */
export function learnSiteCasing(sources: { readonly headings: Iterable<string>; readonly tags: Iterable<string> }): Record<string, string> {
	const forms = new Map<string, Map<string, number>>();
	const count = (word: string) => {
		const byForm = forms.get(word.toLowerCase()) ?? new Map<string, number>();
		byForm.set(word, (byForm.get(word) ?? 0) + 1);
		forms.set(word.toLowerCase(), byForm);
	};
	for (const heading of sources.headings) {
		wordsOf(heading).forEach((word, index) => {
			// First, any style capitalizes a word: only another spelling there (`eBPF`, `kubevirt`) tells something.
			if (index > 0 || word !== capitalized(word)) {
				count(word);
			}
		});
	}
	for (const tag of sources.tags) {
		// A tag is usually typed in lowercase: only one written with capitals tells a name.
		wordsOf(tag).filter(word => word !== word.toLowerCase()).forEach(count);
	}
	const learned: Record<string, string> = {};
	for (const [key, byForm] of forms) {
		// The most used form; on a tie the one with more capitals, which a writer does not type by accident.
		const [form] = [...byForm].sort((a, b) => b[1] - a[1] || capitals(b[0]) - capitals(a[0]) || a[0].localeCompare(b[0]))[0];
		learned[key] = form;
	}
	return learned;
}

/** Words as a slug keeps them: runs of letters and digits (accents kept). */
function wordsOf(text: string): string[] {
	return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function capitalized(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function capitals(word: string): number {
	return (word.match(/\p{Lu}/gu) ?? []).length;
}

/** The ATX headings of a Markdown body, fenced code left out (a `# comment` in a shell sample is no heading). */
export function markdownHeadings(body: string): string[] {
	const withoutFences = body.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, '');
	return [...withoutFences.matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map(m => m[1]);
}

/** The headings of a whole post, its front matter left out. */
export function postHeadings(text: string): string[] {
	return markdownHeadings(text.slice(splitFrontMatter(text)?.bodyStart ?? 0));
}
