/**
 * V8 flags of the web process (`npm start` in package.json passes them; the bench starts the app with
 * the same). A young generation of 64 MB semispaces: a request's garbage dies young, and with the
 * default (16 MB) scavenges promoted enough of it for old-generation collections to stall requests —
 * at a steady third of the bare route's rate the submission's p99 fell from 153 to 37 ms (npm run
 * bench, load generator started the same way). It costs up to ~200 MB of heap reserve.
 */
export const webProcessNodeFlags = ['--max-semi-space-size=64'] as const;
