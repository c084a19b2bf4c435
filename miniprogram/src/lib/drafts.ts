import { createDraftStore } from './draft';
import { storage } from './storage';

/** The app's draft store, on the device's storage. */
export const drafts = createDraftStore(storage);

/** The last submit answer, read by the result page (the secret of an anonymous report is only in it). */
export const LAST_RESULT_KEY = 'sg.lastResult';
