//! What the benchmarks of this folder share: a deterministic generator, the words of the
//! French-looking prose they write, the national plan they fill a real server with (through the
//! sync rules, as coordinators' laptops would have) and the server itself on a loopback port, so
//! every run generates the same plan.

// Each benchmark uses part of this module.
#![allow(dead_code)]

pub mod plan;

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

/// A sentence of 8 to 21 of [`WORDS`], the first capitalised, ending with a full stop.
pub fn sentence(rng: &mut Rng) -> String {
    let words = 8 + rng.below(14) as usize;
    let mut text = String::new();
    for w in 0..words {
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        if w == 0 {
            let mut c = word.chars();
            if let Some(first) = c.next() {
                text.extend(first.to_uppercase());
                text.push_str(c.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text.push('.');
    text
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
