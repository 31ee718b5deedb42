import { z } from 'zod'

// zod compiles object parsers with `new Function` after probing whether it may; the server's
// Content-Security-Policy forbids eval, and even the probe is reported as a violation. Imported
// first by main.tsx, before anything parses.
z.config({ jitless: true })
