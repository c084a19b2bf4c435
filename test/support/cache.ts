/** How long a test API keeps the org tree and staff users (stack.ts); each file waits that long after reseeding. */
export const TEST_CACHE_SECONDS = 1;
