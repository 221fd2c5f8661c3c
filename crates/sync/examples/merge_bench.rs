//! Merge benchmark: the time and memory of the largest three-way text merges the server may have
//! to make, on long texts as long as the app accepts (`LongText::MAX` characters each).
//!
//! Cases: the most paragraphs `MAX_MERGE_PARAGRAPHS` lets through, changed on disjoint halves
//! (and on alternate paragraphs) by the two sides, then every paragraph changed on both sides;
//! a single paragraph as long as a text may be, changed on both sides; and a text of more
//! paragraphs than the bound, which is not diffed. Time is the median of several runs; memory
//! is the peak of heap bytes allocated during one merge beyond what was allocated before it
//! (counted by a global allocator wrapping the system one).
//!
//! ```sh
//! cargo run --release -p plan-ouvert-sync --example merge_bench [-- RUNS]
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use peak_alloc::PeakAlloc;
use plan_ouvert_domain::LongText;
use plan_ouvert_sync::fields::{check_value, RecordKind};
use plan_ouvert_sync::merge::{merge_text, TextMerge, MAX_MERGE_PARAGRAPHS};
use serde_json::Value;

/// Counts the heap bytes in use and their peak, around the system allocator.
#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Deterministic pseudo-random numbers (xorshift), so every run merges the same texts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A lower-case letter, accented one time in ten (two bytes, one character).
    fn letter(&mut self) -> char {
        const ACCENTED: [char; 5] = ['é', 'è', 'à', 'ç', 'ô'];
        let n = self.next();
        if n.is_multiple_of(10) {
            ACCENTED[(n / 10 % 5) as usize]
        } else {
            char::from(b'a' + (n / 10 % 26) as u8)
        }
    }

    /// A paragraph of exactly `chars` characters: words of letters, starting with a capital.
    fn paragraph(&mut self, chars: usize) -> String {
        let mut out = String::with_capacity(chars * 2);
        for i in 0..chars {
            let c = match i {
                0 => char::from(b'A' + (self.next() % 26) as u8),
                _ if i + 1 == chars => '.',
                _ if self.next().is_multiple_of(7) && !out.ends_with(' ') && i + 2 < chars => ' ',
                _ => self.letter(),
            };
            out.push(c);
        }
        out
    }
}

/// Paragraphs as one text, separated by blank lines.
fn text(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

/// Checks that a text is one the server accepts as a long text, and as long as allowed.
fn largest_accepted(text: &str) -> usize {
    let chars = text.chars().count();
    assert!(chars <= LongText::MAX, "{chars} characters is over the limit");
    assert_eq!(check_value(RecordKind::Commitment, "problem", &Value::String(text.to_string())), Ok(()));
    chars
}

/// One merge case: the three versions, and what it must give.
struct Case {
    name: String,
    paragraphs: usize,
    base: String,
    mine: String,
    theirs: String,
    clean: bool,
}

/// The most paragraphs allowed, as long as the text allows: `(paragraphs, characters each)`.
fn most_paragraphs() -> (usize, usize) {
    let count = MAX_MERGE_PARAGRAPHS;
    // `count` paragraphs and `count - 1` blank lines (two characters) in `LongText::MAX`.
    let chars = (LongText::MAX - 2 * (count - 1)) / count;
    (count, chars)
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(0x5eed_cafe);
    let (count, chars) = most_paragraphs();
    let base: Vec<String> = (0..count).map(|_| rng.paragraph(chars)).collect();
    let mine_all: Vec<String> = (0..count).map(|_| rng.paragraph(chars)).collect();
    let theirs_all: Vec<String> = (0..count).map(|_| rng.paragraph(chars)).collect();
    let choose = |mine: &dyn Fn(usize) -> bool, theirs: &dyn Fn(usize) -> bool| {
        let version = |changed: &dyn Fn(usize) -> bool, new: &[String]| {
            let paragraphs: Vec<String> =
                (0..count).map(|i| if changed(i) { new[i].clone() } else { base[i].clone() }).collect();
            text(&paragraphs)
        };
        (version(mine, &mine_all), version(theirs, &theirs_all))
    };
    let mut cases = Vec::new();
    let half = count / 2;
    let (mine, theirs) = choose(&|i| i < half, &|i| i >= half);
    cases.push(Case {
        name: format!("{count} paragraphs of {chars} characters; each side changed its own half"),
        paragraphs: count,
        base: text(&base),
        mine,
        theirs,
        clean: true,
    });
    let (mine, theirs) = choose(&|i| i % 2 == 0, &|i| i % 2 == 1);
    cases.push(Case {
        name: format!("{count} paragraphs of {chars} characters; each side changed every other one"),
        paragraphs: count,
        base: text(&base),
        mine,
        theirs,
        clean: true,
    });
    let (mine, theirs) = choose(&|_| true, &|_| true);
    cases.push(Case {
        name: format!("{count} paragraphs of {chars} characters; every one changed on both sides"),
        paragraphs: count,
        base: text(&base),
        mine,
        theirs,
        clean: false,
    });
    // One paragraph as long as a text may be: the two sides changed different words of it.
    let one = rng.paragraph(LongText::MAX);
    let change_at = |at: usize| {
        let mut changed: Vec<char> = one.chars().collect();
        changed[at] = if changed[at] == 'x' { 'y' } else { 'x' };
        changed.into_iter().collect::<String>()
    };
    cases.push(Case {
        name: format!("1 paragraph of {} characters; changed on both sides", LongText::MAX),
        paragraphs: 1,
        base: one.clone(),
        mine: change_at(10),
        theirs: change_at(LongText::MAX - 10),
        clean: false,
    });
    // Past the bound: short paragraphs, more of them than are merged one by one.
    let many = LongText::MAX / 3;
    let tiny: Vec<String> = (0..many).map(|_| rng.paragraph(1)).collect();
    let mut mine = tiny.clone();
    mine[0] = "É".into();
    let mut theirs = tiny.clone();
    theirs[many - 1] = "É".into();
    cases.push(Case {
        name: format!("{many} paragraphs of 1 character (over {MAX_MERGE_PARAGRAPHS}: not merged by paragraph)"),
        paragraphs: many,
        base: text(&tiny),
        mine: text(&mine),
        theirs: text(&theirs),
        clean: false,
    });
    cases
}

/// Heap bytes and their peak beyond what was in use before, for one merge.
fn measure(case: &Case) -> (TextMerge, usize) {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let merged = merge_text(black_box(&case.base), black_box(&case.mine), black_box(&case.theirs));
    let peak = HEAP.peak_usage().saturating_sub(before);
    (black_box(merged), peak)
}

fn time(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1.0 {
        format!("{:.0} µs", ms * 1e3)
    } else {
        format!("{ms:.1} ms")
    }
}

fn mib(bytes: usize) -> String {
    if bytes < 1_048_576 {
        format!("{:.0} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MiB", bytes as f64 / 1_048_576.0)
    }
}

fn main() {
    let runs = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(15_usize).max(1);
    println!("Plan ouvert merge benchmark: `merge_text(base, mine, theirs)`, median of {runs} runs, release build");
    println!();
    println!("| case | characters (base / mine / theirs) | result | time (median) | slowest | peak heap during the merge | result size |");
    println!("|---|---|---|---|---|---|---|");
    for case in cases() {
        let sizes = [&case.base, &case.mine, &case.theirs].map(|t| largest_accepted(t));
        assert_eq!(case.base.split("\n\n").count(), case.paragraphs);
        let (merged, peak) = measure(&case);
        let (kind, size) = match &merged {
            TextMerge::Clean(text) => ("clean", text.len()),
            TextMerge::Conflict { proposed } => ("conflict, both kept", proposed.len()),
        };
        assert_eq!(matches!(merged, TextMerge::Clean(_)), case.clean, "{}", case.name);
        if let TextMerge::Clean(text) = &merged {
            // Every change of both sides is in the clean merge.
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let mine: Vec<&str> = case.mine.split("\n\n").collect();
            let theirs: Vec<&str> = case.theirs.split("\n\n").collect();
            let base: Vec<&str> = case.base.split("\n\n").collect();
            for (i, p) in paragraphs.iter().enumerate() {
                assert!(*p == if mine[i] != base[i] { mine[i] } else { theirs[i] }, "paragraph {i}");
            }
        }
        drop(merged);
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                let merged = merge_text(black_box(&case.base), black_box(&case.mine), black_box(&case.theirs));
                let took = started.elapsed();
                drop(black_box(merged));
                took
            })
            .collect();
        times.sort();
        println!(
            "| {} | {} / {} / {} | {kind} | {} | {} | {} | {} bytes |",
            case.name,
            sizes[0],
            sizes[1],
            sizes[2],
            time(times[times.len() / 2]),
            time(times[times.len() - 1]),
            mib(peak),
            size
        );
    }
}
