// Module resolution hook, registered by bin/setup.js: every `import … from 'widest-line'` (Ink's) loads
// cached-widest-line.ts instead — same function, with a cache; see that file for why. Plain JavaScript: Node loads
// a hooks module itself, on its hooks thread, without going through tsx.
const CACHED = new URL('./cached-widest-line.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // Resolved by the next hook (tsx's), as if imported by that URL, so the TypeScript loader takes it.
  return nextResolve(specifier === 'widest-line' ? CACHED : specifier, context);
}
