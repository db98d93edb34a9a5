/** Every command the extension contributes; package.json declares the same IDs. */
export const enum CommandId {
	FixAllFrontMatter = 'eventWriteup.fixAllFrontMatter',
	InsertSession = 'eventWriteup.insertSession',
	InsertSessions = 'eventWriteup.insertSessions',
	NewPost = 'eventWriteup.newPost',
	NewWriteUpFromSchedule = 'eventWriteup.newWriteUpFromSchedule',
	InsertSessionsFromSchedule = 'eventWriteup.insertSessionsFromSchedule',
	AddPhotosToSessions = 'eventWriteup.addPhotosToSessions',
	OpenPreview = 'eventWriteup.openPreview',
	OpenInHugoServer = 'eventWriteup.openInHugoServer',
	/** Not contributed: the extension-host tests read the Hugo server's state through it. */
	HugoServerState = 'eventWriteup.hugoServerState',
	/** Not contributed: the extension-host tests read the session picker on screen through it. */
	SessionPickerState = 'eventWriteup.sessionPickerState',
	/** Not contributed: the extension-host tests read the post previews' state through it. */
	PreviewSnapshots = 'eventWriteup.previewSnapshots',
	/** Not contributed: the extension-host tests scroll a post preview as a reader would through it. */
	ScrollPreviewAsReader = 'eventWriteup.scrollPreviewAsReader',
}
