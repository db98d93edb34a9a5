/** Rejects with a clear message when `promise` has not settled within `ms` milliseconds. */
export function withTimeout<T>(ms: number, promise: Promise<T>, what = 'operation'): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the latest scheduled task once `delayMs` has passed without a newer one. Each key (for example a
 * document URI) has its own timer, so typing in one file does not delay another.
 */
export class KeyedDelayer {
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
	readonly #delayMs: number;

	constructor(delayMs: number) {
		this.#delayMs = delayMs;
	}

	/**
	 * Runs `task` once `key` has had no other task for the delay (or `delayMs`, for this task only); `'now'`
	 * runs it at once, within the caller's turn, in place of any task still waiting for `key`.
	 */
	schedule(key: string, task: () => void, delayMs: number | 'now' = this.#delayMs): void {
		this.cancel(key);
		if (delayMs === 'now') {
			task();
			return;
		}
		this.#timers.set(key, setTimeout(() => {
			this.#timers.delete(key);
			task();
		}, delayMs));
	}

	cancel(key: string): void {
		const timer = this.#timers.get(key);
		if (timer !== undefined) {
			clearTimeout(timer);
			this.#timers.delete(key);
		}
	}

	dispose(): void {
		for (const timer of this.#timers.values()) {
			clearTimeout(timer);
		}
		this.#timers.clear();
	}
}
