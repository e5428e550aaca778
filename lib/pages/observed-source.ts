/** The tag on messages from the main-world orders-api observer (kept apart so that script stays tiny). */
export const OBSERVED_RESPONSE_SOURCE = 'seller-sidekick:orders-api';
/** Sent by the content script once it listens, so the observer hands over what it saw before. */
export const REPLAY_REQUEST_SOURCE = 'seller-sidekick:orders-api-replay';
