/**
 * Grades and the constants of the wallet metrics (issue 13), in one place so the SQL pipeline, the UI and the
 * README say the same thing.
 */

/** Grades from best to worst. '' (shown "—") is the grade of a wallet below the minimum sample. */
export const GRADES = ['S', 'A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

/** Omega (gains ÷ losses) is capped here: one market won with no loss must not read as infinitely skilled. */
export const OMEGA_CAP = 50;

/** Minimum sample for a grade: settled markets and traded volume (USD). Below either the grade is withheld. */
export const MIN_SETTLED_MARKETS = 10;
export const MIN_VOLUME_USD = 1_000;

/**
 * Strength of the shrinkage prior, in settled markets: a wallet's omega is computed as if it had also settled
 * this many markets of its own average stake at the population's gain and loss rates (see README, "Wallet
 * intelligence"). With 10 markets of its own a wallet's record and the prior weigh the same.
 */
export const PRIOR_MARKETS = 10;

/**
 * Cut-offs on the shrunk omega, best first: a wallet gets the first grade whose omega floor it reaches and
 * whose settled-market floor it has (S needs a longer record than A). Everything else is F.
 */
export const GRADE_CUTOFFS: readonly { grade: Grade; minOmega: number; minSettled: number }[] = [
  { grade: 'S', minOmega: 2.5, minSettled: 20 },
  { grade: 'A', minOmega: 1.8, minSettled: MIN_SETTLED_MARKETS },
  { grade: 'B', minOmega: 1.25, minSettled: MIN_SETTLED_MARKETS },
  { grade: 'C', minOmega: 0.9, minSettled: MIN_SETTLED_MARKETS },
  { grade: 'D', minOmega: 0.6, minSettled: MIN_SETTLED_MARKETS },
  { grade: 'F', minOmega: 0, minSettled: MIN_SETTLED_MARKETS },
];

/** Default insider-score threshold: a wallet at or above it is flagged a likely insider. */
export const INSIDER_THRESHOLD = 60;

/** The grades at least as good as `min` ('S' → ['S'], 'A' → ['S', 'A'], …). */
export function gradesAtLeast(min: Grade): Grade[] {
  return GRADES.slice(0, GRADES.indexOf(min) + 1);
}

/** Whether a string is a grade letter (case-insensitive input is the caller's business). */
export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value);
}

/** Sort rank of a grade: S = 0 … F = 5, no grade last. */
export function gradeRank(grade: string): number {
  const i = (GRADES as readonly string[]).indexOf(grade);
  return i < 0 ? GRADES.length : i;
}

/** The grade as shown: the letter, or "—" when withheld. */
export function gradeLabel(grade: string): string {
  return grade === '' ? '—' : grade;
}
