/** What to show the inspector for a caught error: its message, or the thrown value itself when it is no Error. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
