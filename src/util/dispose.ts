import type * as vscode from 'vscode';

/** Disposes every item, carrying on past one that throws; rethrows the first error at the end. */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
	const errors: unknown[] = [];
	for (const disposable of disposables) {
		try {
			disposable.dispose();
		} catch (error) {
			errors.push(error);
		}
	}
	if (errors.length === 1) {
		throw errors[0];
	}
	if (errors.length > 1) {
		throw new AggregateError(errors, 'Several disposables failed to dispose');
	}
}

/** Base class for long-lived owners: whatever they create, they register here and release on dispose. */
export abstract class Disposable implements vscode.Disposable {
	#disposed = false;
	readonly #disposables: vscode.Disposable[] = [];

	get isDisposed(): boolean {
		return this.#disposed;
	}

	dispose(): void {
		if (this.#disposed) {
			return;
		}
		this.#disposed = true;
		disposeAll(this.#disposables.splice(0));
	}

	protected _register<T extends vscode.Disposable>(disposable: T): T {
		if (this.#disposed) {
			disposable.dispose();
		} else {
			this.#disposables.push(disposable);
		}
		return disposable;
	}
}
