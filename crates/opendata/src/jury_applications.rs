//! The applications of a jury session, read from a CSV file: the list of the call for
//! applications of the accelerator of citizen initiatives, as a spreadsheet exports it.
//!
//! [`read_jury_applications`] reads the whole file and returns either every application
//! ([`ApplicationsFile`]) or every problem found ([`ApplicationsRefusal`]), each with its row and
//! column: never part of a file.
//!
//! # The file
//!
//! - UTF-8 text, with or without a byte order mark (Excel's « CSV UTF-8 » writes one).
//! - Fields separated by semicolons (a French spreadsheet's CSV) or commas: the header row says
//!   which — the one it holds more of outside quotes (semicolons when it holds as many of each).
//!   Fields may be quoted (`"…"`, a quote inside doubled) and then hold the separator and line
//!   breaks.
//! - A header row naming the columns, in any order, case, accents and surrounding spaces ignored:
//!   « Titre », « Porteur » (or « Organisation »), « Résumé », and optionally « Courriel » and
//!   « Référence » ([`Column`]). Other columns are ignored.
//! - One application per row, at most [`ROWS_MAX`]. Rows whose cells are all empty are skipped
//!   (a spreadsheet writes some at the end); they still count in the numbering of rows.
//!
//! Each row is parsed by the domain's parser of applications
//! ([`plan_ouvert_domain::JuryApplicationInput::parse`]): a title and an applicant are required,
//! an e-mail must look like one, a reference is at most 100 characters. References, when given,
//! must differ (case, accents and spaces ignored).
//!
//! # Problems
//!
//! Rows are numbered as a spreadsheet shows them (the header is row 1; a quoted cell spanning
//! several lines of text is one row), and a problem also gives the line of the text where its row
//! starts when that differs. Columns are named as the file's header names them (a column missing
//! from it, by its French name). The file is refused when it is empty, binary or a workbook, not
//! UTF-8 (the byte and its line are given), when its header lacks a required column or names one
//! twice (« Porteur » and « Organisation » are the same column), when it has no application or
//! more than [`ROWS_MAX`], when a quote is never closed or is followed by text, when a row has a
//! different number of values than the header, and for each value the parser refuses and each
//! reference given twice (both rows named).

use std::collections::HashMap;
use std::fmt;

use plan_ouvert_domain::{folded, JuryApplicationInput, Locale, ValidJuryApplication};

use crate::ogp::reader::{Broken, Record, Records};

/// Most applications a file may hold (the first cohort had 187).
pub const ROWS_MAX: usize = 2_000;

/// A column the file is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    Applicant,
    Summary,
    Email,
    Reference,
}

impl Column {
    /// Every column, in the order of the header's usual layout.
    pub const ALL: [Column; 5] = [Column::Title, Column::Applicant, Column::Summary, Column::Email, Column::Reference];

    /// Its name in French, as a header writes it.
    pub fn name(self) -> &'static str {
        match self {
            Column::Title => "Titre",
            Column::Applicant => "Porteur",
            Column::Summary => "Résumé",
            Column::Email => "Courriel",
            Column::Reference => "Référence",
        }
    }

    /// The header names it is found by, folded ([`folded`]).
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Title => &["titre"],
            Column::Applicant => &["porteur", "organisation"],
            Column::Summary => &["resume"],
            Column::Email => &["courriel"],
            Column::Reference => &["reference"],
        }
    }

    /// Whether a file without it is refused.
    pub fn is_required(self) -> bool {
        matches!(self, Column::Title | Column::Applicant | Column::Summary)
    }

    /// How a missing column is named in a message: « Porteur » (ou « Organisation »).
    fn wanted(self, locale: Locale) -> String {
        match (self, locale) {
            (Column::Applicant, Locale::Fr) => "« Porteur » (ou « Organisation »)".into(),
            (Column::Applicant, Locale::En) => "“Porteur” (or “Organisation”)".into(),
            (column, Locale::Fr) => format!("« {} »", column.name()),
            (column, Locale::En) => format!("“{}”", column.name()),
        }
    }

    /// The column of a field of [`JuryApplicationInput`], as the domain's parser names it.
    fn of_field(field: &str) -> Option<Column> {
        Some(match field {
            "title" => Column::Title,
            "applicant" => Column::Applicant,
            "summary" => Column::Summary,
            "contactEmail" => Column::Email,
            "reference" => Column::Reference,
            _ => return None,
        })
    }
}

/// One application read, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    /// Its row, as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The line of the text its row starts on.
    pub text_line: usize,
    pub application: ValidJuryApplication,
}

/// A file read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationsFile {
    /// The separator found in the header: `;` or `,`.
    pub separator: char,
    /// The applications, in the file's order.
    pub applications: Vec<ApplicationRow>,
}

/// One problem of a file, with its place when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationsProblem {
    /// The row, as a spreadsheet numbers it (the header is row 1); none: the file as a whole.
    pub row: Option<usize>,
    /// The line of the text the row starts on.
    pub text_line: Option<usize>,
    /// The column, as the file's header names it (a missing one: its French name).
    pub column: Option<String>,
    pub message_fr: String,
    pub message_en: String,
}

impl ApplicationsProblem {
    fn whole(fr: String, en: String) -> Self {
        ApplicationsProblem { row: None, text_line: None, column: None, message_fr: fr, message_en: en }
    }

    /// The problem with its place: `Ligne 12, colonne « Titre » : …` / `Row 12, column “Titre”: …`
    /// (and the line of the text when it differs from the row).
    pub fn message(&self, locale: Locale) -> String {
        let text = locale.pick(&self.message_fr, &self.message_en);
        let mut place = match (self.row, locale) {
            (Some(row), Locale::Fr) => format!("Ligne {row}"),
            (Some(row), Locale::En) => format!("Row {row}"),
            (None, _) => String::new(),
        };
        if let (Some(row), Some(line)) = (self.row, self.text_line) {
            if line != row {
                place.push_str(&locale.pick(format!(" (ligne {line} du texte)"), format!(" (text line {line})")));
            }
        }
        if let Some(column) = &self.column {
            if !place.is_empty() {
                place.push_str(", ");
            }
            place.push_str(&match locale {
                Locale::Fr => format!("colonne « {column} »"),
                Locale::En => format!("column “{column}”"),
            });
        }
        match (place.is_empty(), locale) {
            (true, _) => text.clone(),
            (false, Locale::Fr) => format!("{place} : {text}"),
            (false, Locale::En) => format!("{place}: {text}"),
        }
    }
}

/// Why a file was not read: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationsRefusal {
    pub problems: Vec<ApplicationsProblem>,
}

impl ApplicationsRefusal {
    fn one(fr: String, en: String) -> Self {
        ApplicationsRefusal { problems: vec![ApplicationsProblem::whole(fr, en)] }
    }

    /// The whole refusal, one problem per line.
    pub fn message(&self, locale: Locale) -> String {
        let mut out = locale
            .pick(
                "Les candidatures n'ont pas été importées (rien n'a été enregistré) :",
                "The applications were not imported (nothing was saved):",
            )
            .to_string();
        for problem in &self.problems {
            out.push_str("\n- ");
            out.push_str(&problem.message(locale));
        }
        out
    }
}

impl fmt::Display for ApplicationsRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::Fr))
    }
}

impl std::error::Error for ApplicationsRefusal {}

/// A number as written in a sentence: `2 000` in French (a no-break space), `2,000` in English.
fn number(n: usize, locale: Locale) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(locale.pick('\u{a0}', ','));
        }
        out.push(digit);
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// Reads the applications of a CSV file (see the module's documentation).
pub fn read_jury_applications(bytes: &[u8]) -> Result<ApplicationsFile, ApplicationsRefusal> {
    let text = decode(bytes)?;
    let separator = separator_of(text);
    let mut records = Records::with_separator(text, separator);
    let mut problems = Vec::new();
    let header = match records.next() {
        None => return Err(empty_file()),
        Some(Err(broken)) => {
            problems.push(broken_problem(&broken, separator));
            return Err(ApplicationsRefusal { problems });
        }
        Some(Ok(header)) => header,
    };
    let columns = columns_of(&header)?;

    let mut applications = Vec::new();
    let mut references: HashMap<String, usize> = HashMap::new();
    let mut count = 0usize;
    for record in records.by_ref() {
        let record = match record {
            Ok(record) => record,
            Err(broken) => {
                problems.push(broken_problem(&broken, separator));
                continue;
            }
        };
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        count += 1;
        if count > ROWS_MAX {
            break;
        }
        let place = |column: Option<Column>, fr: String, en: String| ApplicationsProblem {
            row: Some(record.row),
            text_line: Some(record.line),
            column: column.map(|c| columns.header(c)),
            message_fr: fr,
            message_en: en,
        };
        if record.fields.len() != header.fields.len() {
            let (found, expected) = (record.fields.len(), header.fields.len());
            problems.push(place(
                None,
                format!("{found} valeur{} alors que la ligne d'en-tête a {expected} colonnes.", plural(found)),
                format!("{found} value{} but the header row has {expected} columns.", plural(found)),
            ));
            continue;
        }
        let cell = |column: Column| columns.cell(&record, column).to_string();
        let input = JuryApplicationInput {
            title: cell(Column::Title),
            applicant: cell(Column::Applicant),
            summary: cell(Column::Summary),
            contact_email: cell(Column::Email),
            reference: cell(Column::Reference),
        };
        let reference = folded(&input.reference);
        if !reference.is_empty() {
            if let Some(first) = references.get(&reference) {
                let shown = input.reference.trim();
                problems.push(place(
                    Some(Column::Reference),
                    format!(
                        "la référence « {shown} » est déjà celle de la ligne {first} : chaque candidature a la sienne."
                    ),
                    format!("the reference “{shown}” is already that of row {first}: each application has its own."),
                ));
            } else {
                references.insert(reference, record.row);
            }
        }
        match input.parse() {
            Ok(application) => {
                applications.push(ApplicationRow { row: record.row, text_line: record.line, application })
            }
            Err(invalid) => {
                for invalid in invalid {
                    problems.push(place(
                        Column::of_field(invalid.field),
                        invalid.problem.message(Locale::Fr),
                        invalid.problem.message(Locale::En),
                    ));
                }
            }
        }
    }
    if count > ROWS_MAX {
        // A file this long is not read further: only its length is reported.
        let rest = records.flatten().filter(|r| r.fields.iter().any(|f| !f.trim().is_empty())).count();
        return Err(too_many(count + rest));
    }
    if !problems.is_empty() {
        return Err(ApplicationsRefusal { problems });
    }
    if count == 0 {
        return Err(ApplicationsRefusal::one(
            "Le fichier n'a que sa ligne d'en-tête : aucune candidature à importer.".into(),
            "The file has only its header row: no application to import.".into(),
        ));
    }
    Ok(ApplicationsFile { separator: char::from(separator), applications })
}

fn empty_file() -> ApplicationsRefusal {
    ApplicationsRefusal::one("Le fichier est vide.".into(), "The file is empty.".into())
}

fn too_many(total: usize) -> ApplicationsRefusal {
    let (fr_total, en_total) = (number(total, Locale::Fr), number(total, Locale::En));
    let (fr_max, en_max) = (number(ROWS_MAX, Locale::Fr), number(ROWS_MAX, Locale::En));
    ApplicationsRefusal::one(
        format!(
            "Le fichier compte {fr_total} candidatures : {fr_max} au plus. Vérifiez qu'il s'agit bien de la liste des candidatures d'une promotion, ou découpez-le."
        ),
        format!(
            "The file holds {en_total} applications: at most {en_max}. Check that it is the list of one cohort's applications, or split it."
        ),
    )
}

/// The separator of the file, read from its header row: `;` or `,`, whichever it holds more of
/// outside quotes; `;` when it holds as many of each.
fn separator_of(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0usize, 0usize, false);
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// Where each column is in the file, and how its header names it.
#[derive(Debug)]
struct Columns {
    at: [Option<(usize, String)>; 5],
}

impl Columns {
    fn slot(column: Column) -> usize {
        column as usize
    }

    /// The header naming `column` in the file, or its French name when the file has none.
    fn header(&self, column: Column) -> String {
        self.at[Self::slot(column)].as_ref().map_or_else(|| column.name().to_string(), |(_, h)| h.clone())
    }

    /// The cell of `record` in `column`; empty when the file has no such column.
    fn cell<'r>(&self, record: &'r Record<'_>, column: Column) -> &'r str {
        self.at[Self::slot(column)].as_ref().and_then(|(i, _)| record.fields.get(*i)).map_or("", |c| c.as_ref())
    }
}

/// Reads the header row: every column found, or every problem of the header.
fn columns_of(header: &Record<'_>) -> Result<Columns, ApplicationsRefusal> {
    let mut at: [Option<(usize, String)>; 5] = Default::default();
    let mut problems = Vec::new();
    let problem = |column: String, fr: String, en: String| ApplicationsProblem {
        row: Some(1),
        text_line: Some(1),
        column: Some(column),
        message_fr: fr,
        message_en: en,
    };
    for (i, raw) in header.fields.iter().enumerate() {
        let name = folded(raw);
        let Some(column) = Column::ALL.into_iter().find(|c| c.names().contains(&name.as_str())) else {
            continue;
        };
        let written = raw.trim().to_string();
        match &at[Columns::slot(column)] {
            Some((first, first_name)) => problems.push(problem(
                written.clone(),
                format!(
                    "« {written} » (colonne {}) désigne la même colonne que « {first_name} » (colonne {}) : gardez-en une seule.",
                    i + 1,
                    first + 1
                ),
                format!(
                    "“{written}” (column {}) names the same column as “{first_name}” (column {}): keep only one.",
                    i + 1,
                    first + 1
                ),
            )),
            None => at[Columns::slot(column)] = Some((i, written)),
        }
    }
    let found: Vec<String> =
        header.fields.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).map(str::to_string).collect();
    for column in Column::ALL.into_iter().filter(|c| c.is_required() && at[Columns::slot(*c)].is_none()) {
        let (found_fr, found_en) = if found.is_empty() {
            ("la ligne d'en-tête est vide".to_string(), "the header row is empty".to_string())
        } else {
            (
                format!(
                    "colonnes trouvées : {}",
                    found.iter().map(|f| format!("« {f} »")).collect::<Vec<_>>().join(", ")
                ),
                format!("columns found: {}", found.iter().map(|f| format!("“{f}”")).collect::<Vec<_>>().join(", ")),
            )
        };
        problems.push(problem(
            column.name().to_string(),
            format!(
                "la colonne obligatoire {} est absente de la ligne d'en-tête ({found_fr}).",
                column.wanted(Locale::Fr)
            ),
            format!("the required column {} is missing from the header row ({found_en}).", column.wanted(Locale::En)),
        ));
    }
    if problems.is_empty() {
        Ok(Columns { at })
    } else {
        Err(ApplicationsRefusal { problems })
    }
}

fn broken_problem(broken: &Broken, separator: u8) -> ApplicationsProblem {
    let separator = char::from(separator);
    let (row, line, fr, en) = match broken {
        Broken::UnclosedQuote { row, line } => (
            *row,
            *line,
            "des guillemets ouverts ici ne sont jamais refermés : tout le reste du fichier serait dans ce champ. Le fichier est coupé ou mal exporté.".to_string(),
            "a quote opened here is never closed: the whole rest of the file would be in this field. The file is cut or badly exported.".to_string(),
        ),
        Broken::AfterClosingQuote { row, line, found } => (
            *row,
            *line,
            format!(
                "« {found} » suit des guillemets fermants : un champ entre guillemets doit être suivi du séparateur « {separator} » ou d'une fin de ligne, et un guillemet dans un champ doit être doublé."
            ),
            format!(
                "“{found}” follows a closing quote: a quoted field must be followed by the separator “{separator}” or the end of the line, and a quote inside a field must be doubled."
            ),
        ),
    };
    ApplicationsProblem { row: Some(row), text_line: Some(line), column: None, message_fr: fr, message_en: en }
}

/// Checks the bytes are UTF-8 text and returns them as text, without a byte order mark.
fn decode(bytes: &[u8]) -> Result<&str, ApplicationsRefusal> {
    let kinds: [(&[u8], &str, &str); 5] = [
        (b"PK\x03\x04", "un classeur (.xlsx, .ods) ou une archive ZIP", "a workbook (.xlsx, .ods) or a ZIP archive"),
        (b"\xD0\xCF\x11\xE0", "un classeur Excel ancien (.xls)", "an old Excel workbook (.xls)"),
        (b"%PDF", "un document PDF", "a PDF document"),
        (b"\x89PNG", "une image PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "une image JPEG", "a JPEG image"),
    ];
    for (magic, fr, en) in kinds {
        if bytes.starts_with(magic) {
            return Err(ApplicationsRefusal::one(
                format!("Le fichier est {fr}, pas un fichier CSV : enregistrez la liste au format « CSV UTF-8 »."),
                format!("The file is {en}, not a CSV file: save the list as “CSV UTF-8”."),
            ));
        }
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ApplicationsRefusal::one(
            "Le fichier est encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 ».".into(),
            "The file is encoded in UTF-16: save it as “CSV UTF-8”.".into(),
        ));
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let body = &bytes[bom..];
    if body.contains(&0) {
        return Err(ApplicationsRefusal::one(
            "Le fichier contient des octets nuls : c'est un fichier binaire, pas un fichier CSV.".into(),
            "The file contains NUL bytes: it is a binary file, not a CSV file.".into(),
        ));
    }
    match std::str::from_utf8(body) {
        Ok(text) if text.trim().is_empty() => Err(empty_file()),
        Ok(text) => Ok(text),
        Err(error) => {
            let valid = error.valid_up_to();
            let line = 1 + body[..valid].iter().filter(|b| **b == b'\n').count();
            let (position, byte) = (bom + valid + 1, body[valid]);
            Err(ApplicationsRefusal::one(
                format!(
                    "Le fichier n'est pas en UTF-8 : l'octet {position} (0x{byte:02X}, ligne {line} du texte) n'en est pas. Il est sans doute en Windows-1252 (le « CSV » simple d'Excel) : enregistrez-le au format « CSV UTF-8 »."
                ),
                format!(
                    "The file is not UTF-8: byte {position} (0x{byte:02X}, text line {line}) is not. It is probably Windows-1252 (Excel's plain “CSV”): save it as “CSV UTF-8”."
                ),
            ))
        }
    }
}
