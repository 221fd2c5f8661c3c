//! What the benchmarks of this folder share: a deterministic generator and the words of the
//! French-looking prose they write, so every run generates the same plan.

/// Deterministic pseudo-random numbers (xorshift).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The words of the prose the benchmarks write.
pub const WORDS: &[&str] = &[
    "transparence",
    "données",
    "publiques",
    "administration",
    "citoyens",
    "participation",
    "ouverture",
    "engagement",
    "ministère",
    "publication",
    "consultation",
    "redevabilité",
    "numérique",
    "collectivités",
    "évaluation",
    "indicateurs",
    "accès",
    "information",
    "société",
    "civile",
    "plateforme",
    "jalon",
    "décision",
    "budget",
    "marchés",
    "lobbying",
    "déclaration",
    "intérêts",
    "justice",
    "environnement",
];
