/** How long a deletion can be undone from its notice, in seconds: said in the confirmations too. */
export const UNDO_SECONDS = 30;
