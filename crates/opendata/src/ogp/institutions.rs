//! Institution names out of the free text of `Lead Institution` and `Supporting Institution(s)`.
//!
//! The rule is conservative: a name is never cut in two unless the text clearly lists several.
//! See the module documentation of [`super`] for the rule in words.

/// Longer "names" are prose, not institutions.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// What a cell names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Named {
    /// Institution names, cleaned (bullets, numbering and surrounding punctuation removed,
    /// spaces collapsed), in order of appearance, without repeats.
    pub names: Vec<String>,
    /// Pieces too long to be a name, as written (trimmed).
    pub prose: Vec<String>,
}

/// The words an institution's name starts with (compared without case). A comma is a list
/// separator only when the text after it starts with one of these and so does the list's first
/// name.
const HEADS: &[&str] = &[
    "ministry",
    "ministries",
    "ministerio",
    "ministère",
    "ministere",
    "ministério",
    "minister",
    "ministre",
    "department",
    "departamento",
    "département",
    "office",
    "oficina",
    "commission",
    "comisión",
    "comision",
    "committee",
    "agency",
    "agencia",
    "agence",
    "secretariat",
    "secretaría",
    "secretaria",
    "secrétariat",
    "directorate",
    "dirección",
    "direccion",
    "direction",
    "council",
    "consejo",
    "conseil",
    "authority",
    "autoridad",
    "autorité",
    "administration",
    "administración",
    "parliament",
    "parlamento",
    "parlement",
    "assembly",
    "asamblea",
    "assemblée",
    "senate",
    "senado",
    "sénat",
    "congress",
    "congreso",
    "chamber",
    "cámara",
    "chambre",
    "court",
    "tribunal",
    "corte",
    "cour",
    "government",
    "gobierno",
    "gouvernement",
    "institute",
    "instituto",
    "institut",
    "service",
    "servicio",
    "bureau",
    "presidency",
    "presidencia",
    "présidence",
    "cabinet",
    "municipality",
    "procuraduría",
    "defensoría",
    "contraloría",
    "unit",
    "unidad",
    "national",
    "nacional",
    "state",
    "central",
    "federal",
    "prime",
    "attorney",
    "auditor",
];

/// Names starting with these are ministries (after an optional article).
const MINISTRY: &[&str] = &[
    "ministry",
    "ministries",
    "ministerio",
    "ministère",
    "ministere",
    "ministério",
    "ministero",
    "ministerstvo",
    "ministarstvo",
    "ministerie",
    "ministerium",
    "minister of",
    "minister for",
    "ministre",
];

/// Names starting with these are parliaments.
const PARLIAMENT_START: &[&str] = &[
    "parliament",
    "parlamento",
    "parlement",
    "national assembly",
    "legislative assembly",
    "assembly of",
    "assemblée nationale",
    "asamblea legislativa",
    "asamblea nacional",
    "congress",
    "congreso",
    "senate",
    "senado",
    "sénat",
    "chamber of deputies",
    "cámara de diputad",
    "chambre des députés",
    "house of representatives",
    "house of commons",
    "house of lords",
    "national legislature",
    "legislature",
    "assembly",
];

/// Names ending with these are parliaments (`Croatian Parliament`, `Scottish Parliament`).
const PARLIAMENT_END: &[&str] = &["parliament", "national assembly", "senate", "congress", "legislative assembly"];

/// The own names of some legislatures.
const LEGISLATURES: &[&str] = &[
    "knesset",
    "riigikogu",
    "saeima",
    "seimas",
    "sejm",
    "jogorku kenesh",
    "verkhovna rada",
    "bundestag",
    "storting",
    "riksdag",
    "eduskunta",
    "folketing",
    "althingi",
    "oireachtas",
    "dáil",
    "sabor",
    "skupština",
    "sobranie",
    "national council of the slovak republic",
];

const COURT: &[&str] = &["court", "tribunal", "corte", "cour", "juzgado"];

/// Cells meaning "none".
const NONE: &[&str] = &["na", "n/a", "nd", "nr", "none", "-", "—", "n.a.", "not applicable"];

fn is_bullet(c: char) -> bool {
    matches!(c, '●' | '•' | '▪' | '◦' | '■' | '►' | '▶' | '◆' | '○' | '∙' | '·' | '➢' | '✓' | '\u{2043}')
        || ('\u{f000}'..='\u{f0ff}').contains(&c)
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// Drops a leading article.
fn without_article(text: &str) -> &str {
    for article in ["the ", "The ", "THE ", "la ", "La ", "el ", "El ", "le ", "Le ", "l'", "L'"] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    text
}

/// Whether `text` starts with one of `words` as a whole word (case ignored).
fn starts_with_word(text: &str, words: &[&str]) -> bool {
    let l = lower(without_article(text.trim_start()));
    words.iter().any(|w| l.strip_prefix(w).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric())))
}

/// `(a)`, `a)`, `1.`, `1)`, `-`, `–` and bullets at the start of a piece; returns the rest.
fn strip_marker(text: &str) -> &str {
    let mut t = text.trim_start();
    loop {
        let before = t;
        t = t.trim_start_matches(is_bullet).trim_start();
        if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('–')) {
            t = rest.trim_start();
        }
        // (a) / (12)
        if let Some(rest) = t.strip_prefix('(') {
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if !inner.is_empty()
                    && inner.len() <= 3
                    && (inner.chars().all(|c| c.is_ascii_digit())
                        || (inner.chars().count() == 1 && inner.chars().all(|c| c.is_ascii_lowercase())))
                {
                    t = rest[close + 1..].trim_start();
                }
            }
        }
        // 1. / 1) / a)
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            let rest = &t[digits..];
            if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
                if r.starts_with(char::is_whitespace) || r.chars().next().is_some_and(char::is_alphabetic) {
                    t = r.trim_start();
                }
            }
        } else {
            let mut chars = t.chars();
            if let (Some(c), Some(')')) = (chars.next(), chars.next()) {
                if c.is_ascii_lowercase() {
                    t = chars.as_str().trim_start();
                }
            }
        }
        if t == before {
            return t;
        }
    }
}

/// Whether a line (trimmed) opens with a list marker.
fn opens_with_marker(line: &str) -> bool {
    let t = line.trim_start();
    let first = t.chars().next();
    if first.is_some_and(is_bullet) {
        return true;
    }
    if (t.starts_with('-') || t.starts_with('–')) && !t.starts_with("--") {
        return true;
    }
    strip_marker(t).len() != t.len()
}

/// Words that leave a line unfinished: the next line continues the same name.
const CONTINUATION: &[&str] = &[
    "of", "de", "for", "and", "the", "&", "y", "et", "la", "el", "del", "des", "du", "to", "in", "on", "und", "with",
    "a", "an", "por", "para", "en", "at", "by",
];

/// Joins wrapped lines into one and keeps real line breaks as `\n`.
fn unwrap_lines(text: &str, depth_at: &[usize]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut offset = 0;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let line_start = offset;
        offset += line.len() + 1;
        if i == 0 {
            out.push_str(line.trim_end_matches('\r'));
            continue;
        }
        let prev_raw = lines[i - 1].trim_end_matches('\r');
        let prev = prev_raw.trim_end();
        let next = line.trim_start();
        // A line ending in a space followed by an indented line: a long name wrapped by a layout.
        let wrapped = prev_raw.ends_with([' ', '\t']) && line.starts_with([' ', '\t']);
        let inside_parentheses = depth_at.get(line_start.saturating_sub(1)).is_some_and(|d| *d > 0);
        let last_word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
        let separate = if inside_parentheses {
            false
        } else if prev.is_empty() || next.is_empty() || opens_with_marker(next) {
            true
        } else if prev.ends_with(',') || wrapped && !prev.ends_with(['.', ':', ';']) {
            false
        } else if prev.ends_with(['.', ':', ';']) {
            true
        } else if CONTINUATION.iter().any(|w| w.eq_ignore_ascii_case(last_word)) {
            false
        } else {
            !next.chars().next().is_some_and(char::is_lowercase)
        };
        out.push(if separate { '\n' } else { ' ' });
        out.push_str(line.trim_end_matches('\r'));
    }
    out
}

/// Parenthesis depth after each byte, counting only parentheses that close.
fn depths(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut matched = vec![false; bytes.len()];
    let mut stack = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'(' => stack.push(i),
            b')' => {
                if let Some(open) = stack.pop() {
                    matched[open] = true;
                    matched[i] = true;
                }
            }
            _ => {}
        }
    }
    let mut depth = 0usize;
    bytes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if matched[i] {
                if *b == b'(' {
                    depth += 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
            depth
        })
        .collect()
}

/// Splits on `;`, line breaks and bullets outside parentheses.
fn hard_pieces(text: &str) -> Vec<String> {
    let depth = depths(text);
    let mut pieces = Vec::new();
    let mut current = String::new();
    for (i, c) in text.char_indices() {
        let outside = depth.get(i).is_none_or(|d| *d == 0) || c == '(';
        if c == ';' && ends_with_entity(&text[..i]) {
            current.push(c);
            continue;
        }
        // `A, - B`: a dash used as a bullet after a comma.
        if outside && c == '-' && text[i + 1..].starts_with(' ') && current.trim_end().ends_with(',') {
            pieces.push(std::mem::take(&mut current));
            continue;
        }
        if outside && (c == ';' || c == '\n' || is_bullet(c)) {
            pieces.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    pieces.push(current);
    pieces
}

/// Whether `before` ends with the start of an HTML entity (`&#39`, `&amp`), whose `;` follows.
fn ends_with_entity(before: &str) -> bool {
    let Some(amp) = before.rfind('&') else { return false };
    let name = &before[amp + 1..];
    !name.is_empty()
        && name.len() <= 8
        && (name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || name.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The few HTML entities met in the export, in a name.
fn decode_entities(name: &str) -> String {
    if !name.contains('&') {
        return name.to_string();
    }
    name.replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// `1. A, 2. B 3. C` or `(a) A, (b) B`: splits at each next number or letter of the sequence.
fn enumerated(piece: &str) -> Vec<String> {
    let t = piece.trim_start();
    let numbered = t.starts_with("1.") || t.starts_with("1)");
    let lettered = t.starts_with("(a)");
    if !numbered && !lettered {
        return vec![piece.to_string()];
    }
    let mut out = Vec::new();
    let mut rest = t;
    let mut k = 2u32;
    loop {
        let marker = if numbered {
            let dot = format!("{k}.");
            let par = format!("{k})");
            [dot, par]
        } else {
            let letter = char::from_u32(u32::from(b'a') + k - 1).unwrap_or('z');
            [format!("({letter})"), format!("({letter})")]
        };
        // The next marker, preceded by a space or a comma.
        let found = marker
            .iter()
            .filter_map(|m| {
                rest.match_indices(m.as_str()).find(|(at, _)| {
                    *at > 0 && rest[..*at].ends_with([' ', ',', '\t']) && {
                        let after = &rest[at + m.len()..];
                        after.starts_with(char::is_whitespace) || after.chars().next().is_some_and(char::is_alphabetic)
                    }
                })
            })
            .map(|(at, _)| at)
            .min();
        match found {
            Some(at) => {
                out.push(rest[..at].to_string());
                rest = &rest[at..];
                k += 1;
            }
            None => {
                out.push(rest.to_string());
                return out;
            }
        }
    }
}

/// The parts of `piece` between commas outside parentheses.
fn comma_parts(piece: &str) -> Vec<&str> {
    let depth = depths(piece);
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, b) in piece.bytes().enumerate() {
        if b == b',' && depth.get(i).is_none_or(|d| *d == 0) {
            parts.push(&piece[start..i]);
            start = i + 1;
        }
    }
    parts.push(&piece[start..]);
    parts
}

/// Whether a part of a list looks like a name: starts with a capital (or `iLab`, `eGov`) and
/// is short.
fn looks_like_a_name(part: &str) -> bool {
    let t = part.trim();
    let mut chars = t.chars();
    let capital = match (chars.next(), chars.next()) {
        (Some(a), _) if a.is_uppercase() || a.is_ascii_digit() => true,
        (Some(a), Some(b)) => a.is_lowercase() && b.is_uppercase(),
        _ => false,
    };
    capital && t.split_whitespace().count() <= 12
}

/// Whether a word is an acronym (`UNDP`, `IEA`).
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// A list of three names or more, each starting with a capital: `Oxfam, Water Aid, IITA`. The
/// portfolio of a ministry stays with it (`Ministry of Education, Science, Culture and Sport`),
/// and so does a short tail of a name ending in `of X` (`Center of Customs, Taxation and Finance`).
fn capitalised_list(piece: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = comma_parts(piece).into_iter().filter(|p| !p.trim().is_empty()).collect();
    if parts.len() < 3 || !parts.iter().all(|p| looks_like_a_name(strip_marker(p))) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let t = part.trim();
        let first_word = t.split_whitespace().next().unwrap_or("");
        let merge = out.last().is_some_and(|previous: &String| {
            // A ministry written with its acronym, `Ministry of Finance (MOF)`, is complete.
            let previous_name = previous.rsplit(": ").next().unwrap_or(previous);
            let portfolio = starts_with_word(previous_name, MINISTRY)
                && !previous.contains('(')
                && !t.contains('(')
                && !is_acronym(first_word);
            let words = t.split_whitespace().count();
            let mut last_two = previous.split_whitespace().rev().take(2);
            let (last, before_last) = (last_two.next().unwrap_or(""), last_two.next().unwrap_or(""));
            let tail = words <= 3
                && !t.split_whitespace().any(is_acronym)
                && ["of", "de", "for"].contains(&before_last)
                && !is_acronym(last)
                && t.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || ["and", "y", "et", "&"].contains(&w));
            (portfolio || tail) && !starts_with_word(t, HEADS)
        });
        match out.last_mut() {
            Some(previous) if merge => {
                previous.push_str(", ");
                previous.push_str(t);
            }
            _ => out.push(t.to_string()),
        }
    }
    Some(out)
}

/// Splits at commas (and `&`, `and`, `y`, `et` before a ministry) that clearly separate names.
fn comma_pieces(piece: &str) -> Vec<String> {
    if let Some(list) = capitalised_list(piece) {
        return list;
    }
    let first = strip_marker(piece);
    if !starts_with_word(first, HEADS) {
        return vec![piece.to_string()];
    }
    let depth = depths(piece);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = piece.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let outside = depth.get(i).is_none_or(|d| *d == 0);
        if outside && bytes[i] == b',' {
            let after = &piece[i + 1..];
            let after_joined = strip_joiner(after);
            if starts_with_word(after_joined, HEADS) {
                out.push(piece[start..i].to_string());
                start = i + 1;
            }
        } else if outside && bytes[i] == b' ' {
            let after = &piece[i + 1..];
            for joiner in ["& ", "and ", "y ", "et "] {
                if let Some(rest) = after.strip_prefix(joiner) {
                    if starts_with_word(rest, MINISTRY) {
                        out.push(piece[start..i].to_string());
                        start = i + 1 + joiner.len();
                    }
                }
            }
        }
        i += 1;
    }
    out.push(piece[start..].to_string());
    out
}

fn strip_joiner(text: &str) -> &str {
    let t = text.trim_start();
    for joiner in ["and ", "y ", "et ", "& "] {
        if let Some(rest) = t.strip_prefix(joiner) {
            return rest.trim_start();
        }
    }
    t
}

/// Cleans one piece into a name: markers, surrounding punctuation and repeated spaces removed.
fn clean(piece: &str) -> String {
    let t = strip_marker(piece);
    let t =
        t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–') || is_bullet(c));
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // A trailing "etc" is not part of a name.
    if let Some(stripped) = out.strip_suffix("etc") {
        if stripped.is_empty() || stripped.ends_with([' ', ',', '.']) {
            out = stripped.trim_end_matches([',', ' ', '.']).to_string();
        }
    }
    out
}

/// A sentence rather than a name: long, with a verb that names do not have.
fn is_sentence(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let padded = format!(" {} ", name.to_lowercase());
    words >= 10
        && [" will ", " have been ", " has been ", " is ", " are ", " can ", " may ", " should ", " was ", " were "]
            .iter()
            .any(|verb| padded.contains(verb))
}

/// Words that describe who takes part rather than name an institution: "other NGOs", "all
/// ministries", "relevant partners", "(by agreement)", "e.g.", "Other actors involved"…
const DESCRIBING_WORDS: &[&str] = &[
    "other",
    "others",
    "all",
    "relevant",
    "interested",
    "unspecified",
    "non-specified",
    "various",
    "etc",
    "e.g",
    "among",
    "appropriate",
    "agreement",
    "consent",
    "involved",
    "such as",
    "including",
    "otros",
    "otras",
    "todos",
    "todas",
    "autres",
    "tous",
    "toutes",
];

/// Kinds of actors, not institutions: a name that is only one of these (in the singular or the
/// plural) is a description.
const KINDS_OF_ACTORS: &[&str] = &[
    "civil society",
    "civil society organisation",
    "civil society organization",
    "cso",
    "ngo",
    "private sector",
    "academia",
    "academic",
    "academics and researcher",
    "researcher",
    "citizen",
    "media",
    "development partner",
    "international organisation",
    "international organization",
    "line ministrie",
    "ministrie",
    "government",
    "local government",
    "universitie",
    "expert",
    "donor",
    "public",
    "the public",
    "sociedad civil",
    "société civile",
];

/// A description of who takes part rather than an institution's name (see the module
/// documentation of [`super`]): a text of several words wholly in parentheses, starting with a
/// lower-case word, a label followed by a colon (unless the label is an institution's name), a telephone number, a describing word, or only a kind of actors.
pub(crate) fn is_description(name: &str) -> bool {
    let t = name.trim();
    // `civil society institutions` describes; `the Ministry of Culture` or `the chamber of
    // deputies` name, after an article.
    let mut chars = t.chars();
    let (first, second) = (chars.next(), chars.next());
    let lower_word =
        without_article(t) == t && first.is_some_and(char::is_lowercase) && second.is_some_and(char::is_lowercase);
    // `(SLUDI)` is an acronym; `(Relevant partners will be involved)` a remark.
    let in_parentheses = t.starts_with('(') && (t.ends_with(')') || !t.contains(')')) && t.contains(' ');
    // `CSOs: Involve` is a label and a list; `Ministry of Finance: Planning Department` a name.
    let labelled = t.split_once(':').is_some_and(|(label, _)| !starts_with_word(label, HEADS));
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let l = lower(t);
    let has_word = |w: &str| {
        l.match_indices(w).any(|(at, _)| {
            let before_ok = l[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = l[at + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before_ok && after_ok
        })
    };
    let singular = l.trim_end_matches(['.', ' ']).trim_end_matches('s');
    lower_word
        || in_parentheses
        || labelled
        || digits >= 6
        || DESCRIBING_WORDS.iter().any(|w| has_word(w))
        || KINDS_OF_ACTORS.contains(&singular)
}

/// The key that identifies an institution: lower case, spaces collapsed.
pub(crate) fn institution_key(name: &str) -> String {
    lower(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `ministry`, `parliament`, `court` or `other`.
pub(crate) fn institution_kind(name: &str) -> &'static str {
    let l = lower(without_article(name.trim()));
    if starts_with_word(name, MINISTRY) {
        return "ministry";
    }
    let word_in = |list: &[&str]| {
        list.iter().any(|w| {
            l.match_indices(w).any(|(at, _)| {
                let before_ok = l[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after_ok = l[at + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                before_ok && after_ok
            })
        })
    };
    if starts_with_word(name, PARLIAMENT_START)
        || PARLIAMENT_END.iter().any(|w| l.ends_with(w))
        || starts_with_word(name, LEGISLATURES)
    {
        return "parliament";
    }
    if word_in(COURT) {
        return "court";
    }
    "other"
}

/// Reads one cell.
pub(crate) fn split_institutions(raw: &str) -> Named {
    let mut named = Named::default();
    let text = raw.trim();
    if text.is_empty() || NONE.iter().any(|n| n.eq_ignore_ascii_case(text)) {
        return named;
    }
    let depth = depths(text);
    let unwrapped = unwrap_lines(text, &depth);
    let mut seen = std::collections::BTreeSet::new();
    for hard in hard_pieces(&unwrapped) {
        for listed in enumerated(&hard) {
            for piece in comma_pieces(&listed) {
                let name = clean(&piece);
                if name.is_empty()
                    || !name.chars().any(char::is_alphabetic)
                    || NONE.iter().any(|n| n.eq_ignore_ascii_case(&name))
                    || name.eq_ignore_ascii_case("etc")
                {
                    continue;
                }
                let name = decode_entities(&name);
                if name.chars().count() > MAX_NAME_CHARS || is_sentence(&name) || is_description(&name) {
                    named.prose.push(piece.trim().to_string());
                    continue;
                }
                if seen.insert(institution_key(&name)) {
                    named.names.push(name);
                }
            }
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        split_institutions(raw).names
    }

    #[test]
    fn semicolons_bullets_and_lines_separate() {
        assert_eq!(
            names("Ministry of the Interior; Ministry for Decentralization and the Civil Service"),
            ["Ministry of the Interior", "Ministry for Decentralization and the Civil Service"]
        );
        assert_eq!(
            names("•\tDepartment of Treasury\n•\tDepartment of Finance\n"),
            ["Department of Treasury", "Department of Finance"]
        );
        assert_eq!(names("MINISTRY OF ADMINISTRATION\n STATE ELECTORAL COMMISSION").len(), 2);
    }

    #[test]
    fn commas_inside_one_name_are_kept() {
        assert_eq!(names("Ministry of Justice, IT Department"), ["Ministry of Justice, IT Department"]);
        assert_eq!(
            names("Public Participation Innovation Division, Ministry of the Interior and Safety"),
            ["Public Participation Innovation Division, Ministry of the Interior and Safety"]
        );
        assert_eq!(
            names("Ministry of the Economy, Industry and the Digital Sector"),
            ["Ministry of the Economy, Industry and the Digital Sector"]
        );
    }

    #[test]
    fn commas_between_institutions_split() {
        assert_eq!(
            names("Department of Public Expenditure and Reform, Department of Justice"),
            ["Department of Public Expenditure and Reform", "Department of Justice"]
        );
        assert_eq!(
            names("Administration of the Council of Ministers, Ministry of Justice, Ministry of Economy and Energy"),
            ["Administration of the Council of Ministers", "Ministry of Justice", "Ministry of Economy and Energy"]
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_numbering_removed() {
        assert_eq!(names("Comisión Especial de Parlamento \n  Abierto"), ["Comisión Especial de Parlamento Abierto"]);
        assert_eq!(names("1. Head of Bureau A, 2. Head of Bureau B"), ["Head of Bureau A", "Head of Bureau B"]);
        assert_eq!(names("(a)        Secretary General,\n(b)        IPC."), ["Secretary General", "IPC"]);
    }

    #[test]
    fn none_and_prose() {
        assert!(names("NA").is_empty());
        assert!(names("").is_empty());
        let long = "x ".repeat(150);
        let named = split_institutions(&long);
        assert!(named.names.is_empty());
        assert_eq!(named.prose, [long.trim().to_string()]);
    }

    #[test]
    fn kinds() {
        assert_eq!(institution_kind("Ministry of Justice"), "ministry");
        assert_eq!(institution_kind("Ministerio de la Presidencia"), "ministry");
        assert_eq!(institution_kind("The Ministry of Justice"), "ministry");
        assert_eq!(institution_kind("Parliament of Georgia"), "parliament");
        assert_eq!(institution_kind("Croatian Parliament"), "parliament");
        assert_eq!(institution_kind("National Assembly of the Republic of Serbia"), "parliament");
        assert_eq!(institution_kind("Congreso Nacional de Chile"), "parliament");
        assert_eq!(institution_kind("The Jogorku Kenesh of the Kyrgyz Republic"), "parliament");
        assert_eq!(institution_kind("Supreme Court"), "court");
        assert_eq!(institution_kind("Estonian Co-operation Assembly"), "other");
        assert_eq!(institution_kind("Public Procurement Agency"), "other");
    }
}
