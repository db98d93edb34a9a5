/** Character-code tests of the Markdown rules' hot paths (ASCII only: a test of a Unicode class is slower). */

export const isAsciiLetterCode = (code: number) => (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A);
export const isAsciiDigitCode = (code: number) => code >= 0x30 && code <= 0x39;
export const isAsciiWordCode = (code: number) => isAsciiLetterCode(code) || isAsciiDigitCode(code);
export const isAsciiPunctCode = (code: number) => (code >= 0x21 && code <= 0x2F) || (code >= 0x3A && code <= 0x40) ||
	(code >= 0x5B && code <= 0x60) || (code >= 0x7B && code <= 0x7E);
