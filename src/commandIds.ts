/** Every command the extension contributes; package.json declares the same IDs. */
export const enum CommandId {
}
