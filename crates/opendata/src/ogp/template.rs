//! The OGP commitment template's own headings in a Full Text, and the exact text under each.
//!
//! Nothing is rewritten: a section is a slice of the Full Text between a heading and the next
//! heading, trimmed. The table of headings and the rule for recognising one are described in the
//! module documentation of [`super`].

/// Template fields, in the order of the template.
pub const FIELDS: [&str; 9] = [
    "briefDescription",
    "problem",
    "causes",
    "doneSoFar",
    "solution",
    "expectedResults",
    "transparency",
    "accountability",
    "participation",
];

/// A heading as written in the template (English, Spanish, French, and the variants found in the
/// export), and the field its section fills (`None`: it only ends the section before it).
pub const HEADINGS: &[(&str, Option<&str>)] = &[
    // Brief description.
    ("Brief description of the commitment", Some("briefDescription")),
    ("Brief description of commitment", Some("briefDescription")),
    ("Brief description of the action", Some("briefDescription")),
    ("Brief Description of Commitment (140 character limit)", Some("briefDescription")),
    ("Descripción breve del compromiso", Some("briefDescription")),
    ("Breve descripción del compromiso", Some("briefDescription")),
    ("Brève description de l'engagement", Some("briefDescription")),
    ("Description brève de l'engagement", Some("briefDescription")),
    // The problem.
    ("Problem definition", Some("problem")),
    ("Definición del problema", Some("problem")),
    ("Définition du problème", Some("problem")),
    ("Status quo", Some("problem")),
    ("Status quo or problem addressed by the commitment", Some("problem")),
    ("Status quo and problem addressed by the commitment", Some("problem")),
    ("Status quo or problem / issue being addressed", Some("problem")),
    ("Status quo or problem/issue to be addressed", Some("problem")),
    ("Status quo o problema que se quiere resolver", Some("problem")),
    ("Problem/Issue to be addressed", Some("problem")),
    ("What problem does the commitment aim to address?", Some("problem")),
    ("What problem does the commitment address?", Some("problem")),
    ("What is the public problem that the commitment will address?", Some("problem")),
    ("What is the public problem that the commitment addresses?", Some("problem")),
    ("What is the problem that the engagement seeks to address?", Some("problem")),
    ("What is the problem that the commitment seeks to address?", Some("problem")),
    ("What issues does the commitment address?", Some("problem")),
    ("What issues does this commitment address?", Some("problem")),
    ("Which public problem is addressed by the commitment?", Some("problem")),
    ("What is the current situation or problem that the commitment addresses?", Some("problem")),
    ("¿Cuál es la problemática que el compromiso aborda?", Some("problem")),
    ("¿Cuál es el problema público que abordará el compromiso?", Some("problem")),
    ("¿Cuál es el problema público que el compromiso aborda?", Some("problem")),
    ("¿Cuál es el problema que el compromiso busca abordar?", Some("problem")),
    ("¿Cuál es el problema que el compromiso aborda?", Some("problem")),
    ("Quel est le problème public que l'engagement vise à résoudre ?", Some("problem")),
    ("Quel est le problème que l'engagement vise à résoudre ?", Some("problem")),
    ("Quel est le problème public auquel l'engagement répondra ?", Some("problem")),
    // Its causes.
    ("What are the causes of the problem?", Some("causes")),
    ("What are the reasons for the problem?", Some("causes")),
    ("¿Cuáles son las causas del problema?", Some("causes")),
    ("Quelles sont les causes du problème ?", Some("causes")),
    // What has been done so far.
    ("What has been done so far to solve the problem?", Some("doneSoFar")),
    ("What has been done so far for the problem to be solved?", Some("doneSoFar")),
    ("¿Qué se ha hecho hasta ahora para resolver el problema?", Some("doneSoFar")),
    ("Qu'est-ce qui a été fait jusqu'à présent pour résoudre le problème ?", Some("doneSoFar")),
    ("Qu'a-t-on fait jusqu'à présent pour résoudre le problème ?", Some("doneSoFar")),
    // The solution (what the commitment is).
    ("What is the commitment?", Some("solution")),
    ("What solution are you proposing?", Some("solution")),
    ("What does the commitment consist of?", Some("solution")),
    ("¿Cuál es el compromiso?", Some("solution")),
    ("¿Which is the commitment?", Some("solution")),
    ("¿Qué solución propone el compromiso?", Some("solution")),
    ("¿Qué solución propone?", Some("solution")),
    ("¿Qué solución se propone?", Some("solution")),
    ("Problem solution/Commitment", Some("solution")),
    ("Quel est l'engagement ?", Some("solution")),
    ("Quelle solution proposez-vous ?", Some("solution")),
    // The results expected.
    ("What results do we want to achieve by implementing this commitment?", Some("expectedResults")),
    ("How will the commitment contribute to solve the public problem?", Some("expectedResults")),
    ("How will the commitment contribute to solving the public problem?", Some("expectedResults")),
    ("How will the commitment contribute to the resolution of the public problem?", Some("expectedResults")),
    ("How will the commitment contribute to addressing the public problem?", Some("expectedResults")),
    ("How shall the commitment contribute to solving the public problem?", Some("expectedResults")),
    ("How will the commitment address the problem?", Some("expectedResults")),
    ("How does the commitment address the problem?", Some("expectedResults")),
    ("How will commitment contribute to solve the public problem?", Some("expectedResults")),
    ("How will the commitment contribute to solve this public problem?", Some("expectedResults")),
    ("How will the commitment contribute to the public problem?", Some("expectedResults")),
    ("How will the commitment contribute to solve the problem?", Some("expectedResults")),
    ("How will the commitment contribute to solving the problem?", Some("expectedResults")),
    ("How will the commitment help solve the issue identified?", Some("expectedResults")),
    ("How will the commitment help to address the issues identified?", Some("expectedResults")),
    ("¿How will it contribute to solve the problem?", Some("expectedResults")),
    ("¿Cómo contribuirá el compromiso a solucionar el problema público?", Some("expectedResults")),
    ("¿Qué resultados queremos lograr con la implementación de este compromiso?", Some("expectedResults")),
    ("¿Cómo contribuirá a resolver la problemática?", Some("expectedResults")),
    ("¿Cómo contribuirá el compromiso a resolver la problemática?", Some("expectedResults")),
    ("¿Cómo el compromiso va a contribuir a solucionar el problema?", Some("expectedResults")),
    ("¿Qué resultados queremos lograr con la implementación del compromiso?", Some("expectedResults")),
    ("Comment l'engagement contribuera-t-il à résoudre le problème public ?", Some("expectedResults")),
    ("Quels résultats voulons-nous obtenir en mettant en œuvre cet engagement ?", Some("expectedResults")),
    ("Expected results", Some("expectedResults")),
    ("Résultats attendus", Some("expectedResults")),
    ("Resultados esperados", Some("expectedResults")),
    ("Main objective", Some("expectedResults")),
    ("Main objective of the commitment", Some("expectedResults")),
    ("Objetivo principal", Some("expectedResults")),
    ("Objectif principal", Some("expectedResults")),
    ("Main objective / Purpose of the policy", Some("expectedResults")),
    // The three OGP values.
    ("How will the commitment promote transparency?", Some("transparency")),
    ("How will commitment promote transparency?", Some("transparency")),
    ("How will engagement promote transparency?", Some("transparency")),
    ("¿Cómo promoverá la transparencia?", Some("transparency")),
    ("¿Cómo promoverá la transparencia el compromiso?", Some("transparency")),
    ("¿Cómo promoverá el compromiso la transparencia?", Some("transparency")),
    ("Comment l'engagement favorisera-t-il la transparence ?", Some("transparency")),
    ("How will the commitment help foster accountability?", Some("accountability")),
    ("How will commitment help foster accountability?", Some("accountability")),
    ("How will the commitment foster accountability?", Some("accountability")),
    ("How will engagement help foster accountability?", Some("accountability")),
    ("How will the commitment help to encourage responsibility?", Some("accountability")),
    ("¿Cómo ayudará el compromiso a fomentar la rendición de cuentas?", Some("accountability")),
    ("Comment l'engagement contribuera-t-il à renforcer la redevabilité ?", Some("accountability")),
    (
        "How will the commitment improve citizen participation in defining, implementing and monitoring solutions?",
        Some("participation"),
    ),
    (
        "How will the commitment improve citizen participation in defining, implementing, and monitoring solutions?",
        Some("participation"),
    ),
    (
        "How will commitment improve citizen participation in defining, implementing, and monitoring solutions?",
        Some("participation"),
    ),
    (
        "How will commitment improve citizen participation in defining, implementing and monitoring solutions?",
        Some("participation"),
    ),
    (
        "How will engagement improve citizen participation in defining, implementing and monitoring solutions?",
        Some("participation"),
    ),
    (
        "¿Cómo mejorará el compromiso la participación ciudadana en la definición, implementación y seguimiento de soluciones?",
        Some("participation"),
    ),
    (
        "How will the commitment improve citizens' participation in defining, implementing and monitoring solutions?",
        Some("participation"),
    ),
    (
        "How will the commitment improve the citizens' participation in defining, implementing, and monitoring of the solutions?",
        Some("participation"),
    ),
    (
        "How will the commitment improve the citizens' participation in defining, implementing and monitoring of the solutions?",
        Some("participation"),
    ),
    (
        "¿Cómo mejorará el compromiso la participación ciudadana en la definición, implementación y monitoreo de soluciones?",
        Some("participation"),
    ),
    (
        "Comment l'engagement améliorera-t-il la participation citoyenne à la définition, à la mise en œuvre et au suivi des solutions ?",
        Some("participation"),
    ),
    // Headings that only end the section before them.
    ("Commitment description", None),
    ("Description of the commitment", None),
    ("Descripción del compromiso", None),
    ("Description de l'engagement", None),
    ("Commitment analysis", None),
    ("Analysis of the commitment", None),
    ("Análisis del compromiso", None),
    ("Analyse de l'engagement", None),
    ("Commitment planning", None),
    ("Planning the commitment", None),
    ("Planificación del compromiso", None),
    ("Why is this commitment relevant to OGP values?", None),
    ("Why is the commitment relevant to OGP?", None),
    ("How does the commitment relate to OGP values?", None),
    ("How is the commitment relevant to OGP values?", None),
    ("How does the commitment contribute to inclusion and equality?", None),
    ("¿Por qué es relevante a los valores de OGP?", None),
    ("¿Por qué este compromiso es relevante para los valores de OGP?", None),
    ("¿Se vincula con un Objetivo de Desarrollo Sostenible (ODS)?", None),
    ("¿El compromiso aporta en la reducción de alguna de las siguientes brechas", None),
    ("¿Por qué el compromiso es relevante a los principios de Gobierno Abierto?", None),
    ("Pourquoi cet engagement est-il pertinent au regard des valeurs du PGO ?", None),
    ("Relevance", None),
    ("Relevance to OGP values", None),
    ("Ambition", None),
    ("OGP challenge addressed by the commitment", None),
    ("Exchange and Peer Learning", None),
    ("Additional information", None),
    ("Información adicional", None),
    ("Informations complémentaires", None),
    ("Information complémentaire", None),
    ("Contact information", None),
    ("Información de contacto", None),
    ("Milestones", None),
    ("Milestones | Expected Outputs", None),
    ("Milestones | Expected Output", None),
    ("Milestone Activity with a verifiable deliverable", None),
    ("Key activities with deliverable and measurable results", None),
    ("Goals and/or major milestones", None),
    ("Verifiable and measurable milestones", None),
    ("Commitment milestones", None),
    ("Hitos", None),
    ("Jalons", None),
    ("Commitment Start and End Date", None),
    ("Start date", None),
    ("End date", None),
    ("Lead implementing agency", None),
    ("Lead implementing agency/actor", None),
    ("Person responsible from lead implementing agency", None),
    ("Other actors involved", None),
    ("Actor responsable de la implementación", None),
    ("Indicators", None),
    ("Summary", None),
    ("Sustainable Development Goal (SDG) the Commitment addresses", None),
];

/// A character as compared: lower case, typographic apostrophes as `'`.
fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Matches `phrase` at `at`: words compared without case, any run of white space (line breaks
/// included) between words, optional white space before `?` and `:`, an optional opening `¿`.
/// Returns where the match ends.
fn match_phrase(text: &str, at: usize, phrase: &str) -> Option<usize> {
    let mut t = text[at..].char_indices().peekable();
    let mut p = phrase.chars().peekable();
    if p.peek() == Some(&'¿') && t.peek().map(|(_, c)| *c) != Some('¿') {
        p.next();
    }
    let mut end = 0;
    while let Some(pc) = p.next() {
        if pc == ' ' {
            // At least one white space in the text (none needed before `?` and `:`).
            let optional = matches!(p.peek(), Some('?' | ':'));
            let mut any = optional;
            while let Some((_, c)) = t.peek() {
                if c.is_whitespace() {
                    any = true;
                    t.next();
                } else {
                    break;
                }
            }
            if !any {
                return None;
            }
            continue;
        }
        if pc == '?' || pc == ':' {
            while let Some((_, c)) = t.peek() {
                if *c == ' ' || *c == '\t' || *c == '\u{a0}' {
                    t.next();
                } else {
                    break;
                }
            }
        }
        let (i, tc) = t.next()?;
        if fold(tc) != fold(pc) {
            return None;
        }
        end = i + tc.len_utf8();
    }
    // The heading ends at a word boundary.
    let last = phrase.chars().next_back();
    if last.is_some_and(char::is_alphanumeric) && text[at + end..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(at + end)
}

/// Whether some heading may start with `c` (cheap test before trying them all).
fn may_start_heading(c: char) -> bool {
    let c = fold(c);
    c == '¿'
        || HEADINGS.iter().any(|(phrase, _)| {
            let mut chars = phrase.chars();
            let first = chars.next().map(fold);
            first == Some(c) || (first == Some('¿') && chars.next().map(fold) == Some(c))
        })
}

/// The headings that may start at `at`.
fn candidates(text: &str, at: usize) -> impl Iterator<Item = &'static (&'static str, Option<&'static str>)> {
    let c = text[at..].chars().next().map(fold);
    HEADINGS.iter().filter(move |(phrase, _)| {
        let mut chars = phrase.chars();
        let first = chars.next().map(fold);
        c.is_some() && (first == c || (first == Some('¿') && chars.next().map(fold) == c))
    })
}

/// One heading found in the text.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Start of its line: the section before ends here.
    line_start: usize,
    /// Where its section begins.
    content: usize,
    field: Option<&'static str>,
    /// Whether it may start a section (otherwise it only ends the one before).
    strong: bool,
}

/// Skips white space and a leading `1.` / `1)` / `1.-` numbering.
fn skip_numbering(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let mut at = from + (rest.len() - trimmed.len());
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let after = &trimmed[digits..];
        if let Some(r) = after.strip_prefix('.').or_else(|| after.strip_prefix(')')).or_else(|| after.strip_prefix('-'))
        {
            let r2 = r.strip_prefix('-').unwrap_or(r);
            let r3 = r2.trim_start_matches([' ', '\t', '\u{a0}']);
            at += digits + (after.len() - r3.len());
        }
    }
    at
}

/// The heading starting the line at `line_start`, if any.
fn heading_at(text: &str, line_start: usize) -> Option<Found> {
    let at = skip_numbering(text, line_start);
    let mut best: Option<(usize, &str, Option<&'static str>)> = None;
    for (phrase, field) in candidates(text, at) {
        if let Some(end) = match_phrase(text, at, phrase) {
            if best.is_none_or(|(e, _, _)| end > e) {
                best = Some((end, phrase, *field));
            }
        }
    }
    if let Some((end, phrase, field)) = best {
        let rest = &text[end..];
        let gap_len = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        let gap = &rest[..gap_len];
        let after = &rest[gap_len..];
        let question = phrase.ends_with('?');
        let (strong, content) = if question {
            (true, end)
        } else if let Some(stripped) = after.strip_prefix(':') {
            (true, text.len() - stripped.len())
        } else if after.is_empty() || after.starts_with(['\n', '\r']) || gap.contains('\t') || gap.chars().count() >= 3
        {
            // Alone on its line, or a table cell.
            (true, end)
        } else {
            // A heading followed by text on the same line: it ends the section before, if it is
            // long enough not to be an ordinary word.
            if !phrase.contains(' ') {
                return None;
            }
            (false, end)
        };
        return Some(Found { line_start, content, field, strong });
    }
    // A table row `Label<TAB>value` ends the section before it.
    let line_end = text[line_start..].find('\n').map_or(text.len(), |o| line_start + o);
    let line = &text[line_start..line_end];
    if let Some(tab) = line.find('\t') {
        let label = line[..tab].trim();
        if !label.is_empty()
            && label.chars().count() <= 80
            && label.chars().next().is_some_and(char::is_alphabetic)
            && !label.contains(". ")
        {
            return Some(Found { line_start, content: line_start, field: None, strong: false });
        }
    }
    None
}

/// A heading inside a line, right after the end of a sentence (`. `, `; `, `? `): it only ends
/// the section before it, and only when it is a question of the template, is followed by `:`, or
/// has three words or more and ends its line.
fn heading_within_line(text: &str, at: usize) -> Option<Found> {
    let start = skip_numbering(text, at);
    let mut best: Option<(usize, &str)> = None;
    for (phrase, _) in candidates(text, start) {
        if let Some(end) = match_phrase(text, start, phrase) {
            if best.is_none_or(|(e, _)| end > e) {
                best = Some((end, phrase));
            }
        }
    }
    let (end, phrase) = best?;
    let after = text[end..].trim_start_matches([' ', '\t', '\u{a0}']);
    let ends = phrase.ends_with('?')
        || after.starts_with(':')
        || (phrase.split(' ').count() >= 3 && (after.is_empty() || after.starts_with(['\n', '\r'])));
    ends.then_some(Found { line_start: at, content: at, field: None, strong: false })
}

/// The template sections of a Full Text: `(field, exact text)`, each a trimmed slice of `text`,
/// at most one per field (the first non-empty one).
pub fn template_sections(text: &str) -> Vec<(&'static str, &str)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    loop {
        if let Some(h) = heading_at(text, line_start) {
            found.push(h);
        }
        match text[line_start..].find('\n') {
            Some(o) => line_start += o + 1,
            None => break,
        }
    }
    let bytes = text.as_bytes();
    for at in 2..bytes.len() {
        if bytes[at - 1] == b' ' && matches!(bytes[at - 2], b'.' | b';' | b'?' | b'!') {
            let next = text[at..].chars().next();
            if next.is_some_and(|c| (c.is_uppercase() && may_start_heading(c)) || c.is_ascii_digit() || c == '¿') {
                if let Some(h) = heading_within_line(text, at) {
                    found.push(h);
                }
            }
        }
    }
    found.sort_by_key(|h| h.line_start);
    let mut out: Vec<(&'static str, &str)> = Vec::new();
    for (i, h) in found.iter().enumerate() {
        let Some(field) = h.field else { continue };
        if !h.strong || out.iter().any(|(f, _)| *f == field) {
            continue;
        }
        let end = found[i + 1..].iter().map(|n| n.line_start).find(|s| *s > h.content).unwrap_or(text.len());
        if end <= h.content {
            continue;
        }
        let section = text[h.content..end].trim();
        if !section.is_empty() {
            out.push((field, section));
        }
    }
    out.sort_by_key(|(f, _)| FIELDS.iter().position(|x| x == f));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_field_and_heading_names_a_declared_text_field_of_a_commitment() {
        use plan_ouvert_sync::fields::{field, Holds};
        use plan_ouvert_sync::protocol::RecordKind;
        let targets = FIELDS.iter().copied().chain(HEADINGS.iter().filter_map(|(_, f)| *f));
        for name in targets {
            let declared = field(RecordKind::Commitment, name).map(|f| f.holds);
            assert!(
                matches!(declared, Some(Holds::LongText)),
                "{name} is not a declared text field of a commitment ({declared:?})"
            );
        }
    }

    #[test]
    fn sections_are_exact_slices() {
        let text = "Brief Description of the Commitment \n\nDo this.\n\nProblem Definition \n\n1. What problem does the commitment aim to address? People cannot.\n\n2. What are the causes of the problem? Old tools.\n\nMilestones | Expected Outputs\nA | B";
        let sections = template_sections(text);
        assert_eq!(
            sections,
            vec![("briefDescription", "Do this."), ("problem", "People cannot."), ("causes", "Old tools.")]
        );
    }

    #[test]
    fn headings_need_their_own_line_a_colon_or_a_question_mark() {
        // Mid-line: not a heading.
        assert!(template_sections("We did. What is the commitment? Nothing.").is_empty());
        // Same line without a colon: ends a section, starts none.
        let text = "What is the commitment?\nThis.\nAdditional information The rest.";
        assert_eq!(template_sections(text), vec![("solution", "This.")]);
        // With a colon.
        assert_eq!(template_sections("Main objective: Faster.\nAmbition\nBig."), vec![("expectedResults", "Faster.")]);
    }

    #[test]
    fn split_headings_and_typographic_apostrophes() {
        let text = "Why is this commitment\nrelevant to OGP values?\nBecause.\n¿Cuál es el compromiso?\nEste.\nQuel est l’engagement ?\nCelui-ci.";
        assert_eq!(template_sections(text), vec![("solution", "Este.")]);
    }
}
