/**
 * The deal card's buttons, named once: the card shows these labels (sent in its JSON) and the
 * gate's fixes and tasks quote them, so a rep looks for the button the text names.
 */
export const addButtonLabel = (noun: string): string => `Add ${noun.toLowerCase()}`;

export const RECHECK_BUTTON = 'Re-check';
