//! Import of the OGP commitment database (the CSV export of the Open Government Partnership's
//! commitments, one row per commitment, 171 columns).
//!
//! [`read_ogp_csv`] reads the whole file and either returns every record it makes
//! ([`OgpImport`]: a [`Dataset`] plus warnings) or refuses the file with every problem it found
//! ([`OgpRefusal`]). It never returns half a file. The same bytes always give the same
//! [`Dataset`]: ids come from [`deterministic_id`] and nothing depends on time or hashing order,
//! so importing again updates the same records instead of duplicating them.
//!
//! # Records made
//!
//! | record | id key | fields |
//! |---|---|---|
//! | plan, one per `Action Plan ID` | `plan:<Action Plan ID>` | `country` (Country/Locality), `title` = `"{country} — Plan d'action {n} ({start}-{end})"`, `periodStart` = `"{Year Of Submission}-01-01"`, `periodEnd` = `"{Action Plan End Year}-12-31"`, `ogpPlanId`, `planNumber` (integer) |
//! | area, one per plan and `Theme` | `area:<Action Plan ID>:<title>` | `planId`, `kind` = `"thematic"`, `title` (the theme; `"Sans thème"` when empty or `NA`), `description` = `""`, `position` (order of first appearance in the plan, from 0) |
//! | institution, one per country and name | `institution:<country>:<name>` (both in lower case, spaces collapsed) | `name` (first spelling met), `acronym` = `""`, `kind`, `country` (its plans' `Country/Locality`) |
//! | commitment, one per row | `commitment:<Commitment Unique Identifier>` | see below |
//!
//! Rows of one plan must agree on its country, number and years; otherwise the file is refused.
//!
//! A commitment has `planId`, `areaId`, `position` (rank in its area by commitment number, from
//! 0, numbers compared part by part: `1.2` before `1.10`), `title` (`Commitment Title`, else
//! `Short Title`; both empty: refused), `shortTitle`, `fullText` (verbatim), `ogpId`, `number`,
//! `startDate` / `endDate` and `startDateSource` / `endDateSource`, `leadInstitutionId`,
//! `supportingInstitutionIds`, `policyAreas`, `url`, `assessment`, `sourceColumns`, the template
//! fields (`briefDescription`, `problem`, `causes`, `doneSoFar`, `solution`, `expectedResults`,
//! `transparency`, `accountability`, `participation`, `otherSupporters`), the four OGP-value
//! flags of the template (`accessToInformation`, `civicParticipation`, `publicAccountability`,
//! `technologyInnovation`: `false`, the export does not carry the government's own ticks) and
//! the contact fields (`""`), so that every record is complete.
//!
//! - `number`: `Commitment Number` as text. A decimal written with ten or more decimals is a
//!   floating-point artefact and is written back in its shortest form (`1.1000000000000001` →
//!   `"1.1"`, `4.0999999999999996` → `"4.1"`); `59.0` → `"59"`; anything else (`3.3.3.6`, `2A`)
//!   is kept as written. When the text changed, the raw value is kept in `sourceColumns`.
//! - `policyAreas`: the names of the policy-area columns (from `Anti-Corruption and Integrity` to
//!   `Money in Politics`, in the file's order) whose value is `1`. `0` and empty mean "not
//!   tagged"; any other value (`ND`, `NA`) is kept in `sourceColumns`.
//! - `assessment`: [`plan_ouvert_domain::Assessment`] as JSON, read from the human-readable IRM
//!   columns (`Specificity`, `Verifiable`, `OGP Value …`, `Potential Impact`, `Potential for
//!   Results`, `Completion (Progress Report)`, `Completion (End Of Term)`, `Did It Open Government
//!   …`, `Early Results`). `ND` is not assessed, `NR` not relevant, `NA` / `Not Applicable` not
//!   applicable, empty missing. `starred` is `Starred (Current Formula) End of Term` when it is a
//!   yes/no, else `Starred (Current Formula) Progress Report`, else `Starred (2015 Only)`; when
//!   none is, the first of them that says why (`ND`, `NR`, `NA`). A value not understood gives a
//!   warning, `Missing`, and the raw value in `sourceColumns`.
//! - `sourceColumns`: an object holding, verbatim, every non-empty cell of the row that no field
//!   above holds (the `_` numeric codes, `Region`, `Cluster`, `id`, unknown extra columns…), plus
//!   the raw `Lead Institution` and `Supporting Institution(s)` (their split into institutions is
//!   a reading, the source text stays available). Keys are the header's names.
//!
//! # Dates
//!
//! `Start Date` and `End Date` become `"YYYY-MM-DD"` or null; the raw text is kept in
//! `startDateSource` / `endDateSource` whenever it is not a clean date with a single reading
//! (else `""`). Never guessed:
//!
//! - empty → null, `""`, no warning; `NA`, `ND`, `NR`, `N/A` → null, the raw text kept, no warning;
//! - `2019-05-06` (ISO) → that date;
//! - `a/b/yyyy` or `a/b/yy` (two-digit years are 20yy) is read both as day/month and as
//!   month/day. One valid reading (`31/12/2014`, `12/31/15`, `9/30/2018`) → that date. Two equal
//!   readings (`1/1/2019`) → that date. Two different valid readings (`5/6/2019`) → the reading
//!   of the plan's convention, the raw text kept. The database writes each plan's dates in one
//!   convention (each plan of the sample does, in both date columns; the file as a whole mixes
//!   them): a plan whose unambiguous dates (both columns, such as `9/30/2018`) are all
//!   month/day reads its ambiguous ones month/day, and likewise day/month ([`DateRule`], in
//!   [`OgpImport::date_rules`], says which rule each plan got and from how many dates). A plan
//!   whose unambiguous dates show both conventions, or none, decides nothing: null, raw kept,
//!   warning;
//! - a year alone (`2016`) or a month and a year (`January 2016`, `Sept. 2016`, `enero de 2016`)
//!   is a period, not a day: null, the text kept as written, no warning — never made 1 January
//!   or the 1st of the month. A plan's own period, given in years by `Year Of Submission` and
//!   `Action Plan End Year`, is stored as 1 January – 31 December and shown as years;
//! - a valid date outside 1990–2100 (`7/15/1905`: the year 2023 typed into a cell formatted as a
//!   date) → null, raw kept, warning;
//! - anything else (`In progress`, `IV quarter of 2021`) → null, raw kept, warning;
//! - when both dates are read and the start is after the end: the start is kept, the end is set
//!   to null, both raw texts are kept, warning.
//!
//! # Institutions
//!
//! `Lead Institution` and `Supporting Institution(s)` are free text. Names are cut:
//!
//! - at `;` (not the one ending an HTML entity such as `&#39;`), at bullets (`●`, `•`, `▪`,
//!   symbol-font bullets, a `-` opening a line or following a comma), and at line breaks —
//!   except a line break inside parentheses, after a comma, after an unfinished phrase (`of`,
//!   `de`, `and`, `&`…), before a line starting in lower case, or between a line ending in a
//!   space and an indented line: these only wrap a long name;
//! - at each next number of a list opened by `1.` / `1)` (`1. A, 2. B 3. C`) or letter of a list
//!   opened by `(a)`;
//! - at commas, only in two cases that are clearly lists:
//!   - three names or more, each starting with a capital (or `iLab`) and of at most twelve words
//!     (`Oxfam, Water Aid, IITA`), where the portfolio of a ministry stays with it (`Ministry of
//!     Education, Science, Culture and Sport`) and so does a short capitalised tail after a name
//!     ending in `of X` (`Center of Customs, Taxation and Finance`);
//!   - otherwise, when both the text before the first comma and the text after this comma start
//!     with a word that opens an institution's name (`Ministry`, `Department`, `Office`,
//!     `Commission`, `Agency`, `Secretariat`, `Parliament`, `National`, `State`…).
//!
//!   So `Ministry of Justice, IT Department` or `Public Participation Innovation Division,
//!   Ministry of the Interior and Safety` stay one name; `Department of Treasury, Department of
//!   Justice` are two;
//! - at ` & ` / ` and ` / ` y ` / ` et ` only before `Ministry` (and its translations), when the
//!   text starts with such a word too.
//!
//! Bullets, list numbering, surrounding punctuation, a trailing `etc.` and repeated spaces are
//! removed, and `&#39;`, `&amp;`, `&quot;` are decoded; `NA`, `ND`, `N/A`, `None` name nobody.
//! A piece that is not an institution's name stays text: it goes, as written, into the
//! commitment's `otherSupporters` (pieces separated by a blank line), with a warning. It is not a
//! name when it is longer than 200 characters; a sentence (ten words or more with a verb such as
//! `will`, `is`, `have been`); several words wholly in parentheses (`(Relevant partners will be
//! involved as appropriate)`); a text starting with a lower-case word (`civil society
//! institutions`; `the Ministry of Culture`, after an article, is a name); a label followed by a
//! colon (`CSOs: Involve`), unless the label opens an institution's name (`Ministry of Finance:
//! Planning Department`); a telephone number (six digits or more); a text with a word that
//! describes rather than names (`other`, `all`, `relevant`, `interested`, `unspecified`,
//! `various`, `etc`, `e.g.`, `among`, `as appropriate`, `by agreement`, `upon consent`,
//! `involved`, `such as`, `including`, and their Spanish and French forms); or only a kind of
//! actors (`Civil Society Organisations`, `CSOs`, `NGOs`, `Private sector`, `Academia`,
//! `Citizens`, `Media`, `Development partners`, `Government`…). Names are matched
//! without case, within a country (the same name in two countries is two institutions): the
//! first spelling met is kept, except that one in capitals gives way to the first in mixed case.
//! The first lead name is `leadInstitutionId`; the other lead names, then the supporting ones, are `supportingInstitutionIds` (no repeats, never the lead). `kind` is
//! `ministry` for a name starting with Ministry / Ministère / Ministerio / Minister of…,
//! `parliament` for one starting with Parliament / National Assembly / Congress / Congreso /
//! Senate / House of Representatives / Assembly… or ending with Parliament / Senate / National
//! Assembly, or starting with a legislature's own name (Knesset, Riigikogu, Saeima, Jogorku
//! Kenesh…), `court` for one containing the word Court / Tribunal / Corte / Cour, `other`
//! otherwise. The raw cells stay in `sourceColumns`.
//!
//! # Template sections
//!
//! Where the Full Text contains the OGP template's own headings, the text between a heading and
//! the next recognised heading, trimmed, fills the matching field. It is always an exact slice of
//! the Full Text: never rewritten, never invented; a field is filled once, by its first non-empty
//! section. A heading is recognised only at the start of a line (after an optional `1.` / `2)`
//! numbering), compared without case, with any white space (line breaks included) between its
//! words, and only when it is:
//!
//! - alone on its line, or followed by `:`, or by a tab or three spaces (a table cell); or
//! - a question of the template (ending in `?`): the question mark ends it, its text may follow
//!   on the same line.
//!
//! A heading of several words followed by text on the same line, or a line `Label<TAB>value`
//! (a table row), only ends the section before it.
//!
//! | field | headings (and variants seen in the export) |
//! |---|---|
//! | `briefDescription` | Brief description of the commitment / of commitment / of the action; Descripción breve del compromiso; Brève description de l'engagement |
//! | `problem` | Problem definition; Status quo (or problem addressed by the commitment…); Problem/Issue to be addressed; What problem does the commitment (aim to) address?; What is the public problem that the commitment will address?; What issues does the commitment address?; Which public problem is addressed by the commitment?; ¿Cuál es la problemática que el compromiso aborda?; ¿Cuál es el problema (público) que…?; Définition du problème; Quel est le problème (public) que l'engagement vise à résoudre ? |
//! | `causes` | What are the causes of / reasons for the problem?; ¿Cuáles son las causas del problema?; Quelles sont les causes du problème ? |
//! | `doneSoFar` | What has been done so far to solve the problem?; ¿Qué se ha hecho hasta ahora…?; Qu'est-ce qui a été fait jusqu'à présent… ? |
//! | `solution` | What is the commitment?; What solution are you proposing?; What does the commitment consist of?; ¿Cuál es el compromiso?; ¿Qué solución propone (el compromiso)?; Quel est l'engagement ?; Quelle solution proposez-vous ? |
//! | `expectedResults` | What results do we want to achieve by implementing this commitment?; How will (shall) the commitment contribute to solve / solving / the resolution of / addressing the public problem?; How will / does the commitment address the problem?; ¿Cómo contribuirá a resolver la problemática?; Expected results; Main objective (of the commitment); Objetivo principal; Objectif principal; Résultats attendus |
//! | `transparency` | How will the commitment promote transparency?; Comment l'engagement favorisera-t-il la transparence ? |
//! | `accountability` | How will (the) commitment help foster accountability?; How will the commitment help to encourage responsibility?; Comment l'engagement contribuera-t-il à renforcer la redevabilité ? |
//! | `participation` | How will the commitment improve (the) citizen(s') participation in defining, implementing(,) and monitoring (of the) solutions? (and translations) |
//!
//! Headings that only end a section: Commitment description / analysis / planning, Why is this
//! commitment relevant to OGP values? (and variants), Relevance, Ambition, OGP challenge addressed
//! by the commitment, Additional information, Contact information, Milestones (and the milestone
//! table headers), Start date, End date, Lead implementing agency, Other actors involved,
//! Indicators, Summary, and their Spanish / French forms. The full list is [`template::HEADINGS`].
//!
//! # Refusals
//!
//! The file is refused, with every problem (row as a spreadsheet numbers it: the header is row 1)
//! in French and English, when it is empty, binary (NUL bytes, or an image, PDF, workbook…), not
//! UTF-8 (the byte, row and line are given), without a required column (named), when a quoted
//! field is never closed (the row where it opens), when text follows a closing quote, when a row
//! has a different number of values than the header, when it has no commitment row, and for each
//! row without identifier, with a duplicate identifier (both rows named), without any title, with
//! an unreadable plan number or year, or disagreeing with another row about its plan. At most
//! [`MAX_PROBLEMS`] problems are listed, followed by a count of the others; a large file of
//! garbage is read once, in a single pass over borrowed text, and refused.

mod assess;
mod dates;
mod institutions;
pub(crate) mod reader;
pub mod template;

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use plan_ouvert_domain::{Assessment, Locale};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use serde_json::{json, Map};
use uuid::Uuid;

use crate::dataset::{canonicalise, deterministic_id, Dataset, Fields};
use dates::{read_date_with, DateReading};
pub use dates::{Convention, DateRule};
use reader::{Broken, Record, Records};

/// How many problems a refusal lists; the others are counted.
pub const MAX_PROBLEMS: usize = 50;

/// The title of the area of commitments without a theme.
pub const NO_THEME: &str = "Sans thème";

/// Column names of the export.
pub mod columns {
    pub const ID: &str = "Commitment Unique Identifier";
    pub const COUNTRY: &str = "Country/Locality";
    pub const PLAN_NUMBER: &str = "Action Plan Number";
    pub const NUMBER: &str = "Commitment Number";
    pub const YEAR_OF_SUBMISSION: &str = "Year Of Submission";
    pub const END_YEAR: &str = "Action Plan End Year";
    pub const THEME: &str = "Theme";
    pub const TITLE: &str = "Commitment Title";
    pub const SHORT_TITLE: &str = "Short Title";
    pub const FULL_TEXT: &str = "Full Text";
    pub const START_DATE: &str = "Start Date";
    pub const END_DATE: &str = "End Date";
    pub const LEAD: &str = "Lead Institution";
    pub const SUPPORTING: &str = "Supporting Institution(s)";
    pub const URL: &str = "URL";
    pub const PLAN_ID: &str = "Action Plan ID";
    /// The first and last policy-area columns.
    pub const FIRST_POLICY_AREA: &str = "Anti-Corruption and Integrity";
    pub const LAST_POLICY_AREA: &str = "Money in Politics";

    /// Without these the file is refused.
    pub const REQUIRED: [&str; 8] = [ID, COUNTRY, PLAN_ID, PLAN_NUMBER, YEAR_OF_SUBMISSION, END_YEAR, TITLE, FULL_TEXT];
}

/// What an import made.
#[derive(Debug, Clone, PartialEq)]
pub struct OgpImport {
    pub dataset: Dataset,
    /// What was kept without being understood, row by row.
    pub warnings: Vec<ImportWarning>,
    /// Commitment rows read.
    pub rows: usize,
    /// How each plan's dates were read, by `Action Plan ID`.
    pub date_rules: BTreeMap<String, DateRule>,
}

/// What a warning is about, to group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WarningKind {
    /// A date not read (ambiguous, imprecise, implausible, out of order).
    Date,
    /// Text of the institution columns that is not an institution's name.
    Institution,
    /// A value of the IRM's assessment not understood.
    Assessment,
    /// Any other value the app cannot store as it is.
    Value,
}

/// Something read but not fully understood: the import goes on, the raw text is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// The row as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// The row's `Commitment Unique Identifier`.
    pub identifier: String,
    /// The row's `Action Plan ID`.
    pub plan: String,
    pub kind: WarningKind,
    /// The column concerned, as named in the header.
    pub column: String,
    pub message_fr: String,
    pub message_en: String,
}

impl ImportWarning {
    pub fn message(&self, locale: Locale) -> &str {
        locale.pick(&self.message_fr, &self.message_en)
    }
}

/// Why a file was not imported: every problem found (at most [`MAX_PROBLEMS`], then one entry
/// without row counting the others).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OgpRefusal {
    pub problems: Vec<RowProblem>,
}

/// One problem, with its row when it has one (as a spreadsheet numbers rows: the header is 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: Option<usize>,
    pub message_fr: String,
    pub message_en: String,
}

impl RowProblem {
    /// The problem with its row: `Ligne 12 : …` / `Row 12: …`.
    pub fn message(&self, locale: Locale) -> String {
        let text = locale.pick(&self.message_fr, &self.message_en);
        match (self.row, locale) {
            (Some(row), Locale::Fr) => format!("Ligne {row} : {text}"),
            (Some(row), Locale::En) => format!("Row {row}: {text}"),
            (None, _) => text.clone(),
        }
    }
}

impl OgpRefusal {
    fn one(row: Option<usize>, fr: String, en: String) -> Self {
        OgpRefusal { problems: vec![RowProblem { row, message_fr: fr, message_en: en }] }
    }

    /// The whole refusal, one problem per line.
    pub fn message(&self, locale: Locale) -> String {
        let mut out = locale
            .pick(
                "Le fichier n'a pas été importé (rien n'a été enregistré) :",
                "The file was not imported (nothing was saved):",
            )
            .to_string();
        for problem in &self.problems {
            out.push_str("\n- ");
            out.push_str(&problem.message(locale));
        }
        out
    }
}

impl fmt::Display for OgpRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::Fr))
    }
}

impl std::error::Error for OgpRefusal {}

/// Problems found so far, capped.
#[derive(Debug, Default)]
struct Problems {
    list: Vec<RowProblem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, row: Option<usize>, make: impl FnOnce() -> (String, String)) {
        if self.list.len() < MAX_PROBLEMS {
            let (fr, en) = make();
            self.list.push(RowProblem { row, message_fr: fr, message_en: en });
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn into_refusal(mut self) -> OgpRefusal {
        if self.more > 0 {
            let n = self.more;
            self.list.push(RowProblem {
                row: None,
                message_fr: format!("… et {n} autre{} problème{} non listé{}.", plural(n), plural(n), plural(n)),
                message_en: format!("… and {n} more problem{} not listed.", plural(n)),
            });
        }
        OgpRefusal { problems: self.list }
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// A value quoted in a message, cut if long.
fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// The id of the commitment made from the row whose `Commitment Unique Identifier` is `ogp_id`:
/// the same on every import, so that its warnings can point to it.
pub fn commitment_id(ogp_id: &str) -> Uuid {
    deterministic_id(&format!("commitment:{ogp_id}"))
}

/// Reads the OGP commitment database export. See the module documentation.
pub fn read_ogp_csv(bytes: &[u8]) -> Result<OgpImport, OgpRefusal> {
    read_ogp_csv_with_progress(bytes, &mut |_, _| {})
}

/// [`read_ogp_csv`], calling `progress(rows done, total rows)` while it builds the records (the
/// total is known after a first quick pass; `0` means not known yet).
pub fn read_ogp_csv_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<OgpImport, OgpRefusal> {
    let text = decode(bytes)?;
    progress(0, 0);
    let mut records = Records::new(text);
    let header = match records.next() {
        None => return Err(empty_file()),
        Some(Err(broken)) => {
            let mut problems = Problems::default();
            push_broken(&mut problems, &broken);
            problems.push(Some(1), || {
                (
                    "l'en-tête (la première ligne) n'a pas pu être lu.".into(),
                    "the header (the first row) could not be read.".into(),
                )
            });
            return Err(problems.into_refusal());
        }
        Some(Ok(header)) => header,
    };
    let columns = Columns::from_header(&header)?;

    // First pass: the structure of every row, nothing built.
    let mut problems = Problems::default();
    let mut total = 0usize;
    // Each plan's dates follow one convention: its unambiguous dates tell which.
    let mut date_rules: BTreeMap<String, DateRule> = BTreeMap::new();
    for record in records {
        match record {
            Err(broken) => push_broken(&mut problems, &broken),
            Ok(record) if record.is_blank() => {}
            Ok(record) => {
                total += 1;
                let cell = |name: &str| columns.at(name).and_then(|i| record.fields.get(i)).map_or("", |c| c.as_ref());
                let rule = date_rules.entry(cell(columns::PLAN_ID).trim().to_string()).or_default();
                rule.observe(cell(columns::START_DATE));
                rule.observe(cell(columns::END_DATE));
                if record.fields.len() != columns.keys.len() {
                    let (found, expected) = (record.fields.len(), columns.keys.len());
                    problems.push(Some(record.row), || {
                        (
                            format!(
                                "{found} valeur{} alors que l'en-tête a {expected} colonnes (ligne {} du texte).",
                                plural(found),
                                record.line
                            ),
                            format!(
                                "{found} value{} but the header has {expected} columns (text line {}).",
                                plural(found),
                                record.line
                            ),
                        )
                    });
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_refusal());
    }
    if total == 0 {
        return Err(OgpRefusal::one(
            None,
            "Le fichier n'a que son en-tête : aucun engagement à importer.".into(),
            "The file has only its header: no commitment to import.".into(),
        ));
    }

    // Second pass: the records.
    date_rules.values_mut().for_each(DateRule::settle);
    progress(0, total);
    let mut builder = Builder::new(&columns, date_rules);
    let mut done = 0;
    for record in Records::new(text).skip(1).flatten() {
        if record.is_blank() {
            continue;
        }
        builder.row(&record, &mut problems);
        done += 1;
        if done % 25 == 0 || done == total {
            progress(done, total);
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_refusal());
    }
    let (dataset, warnings, date_rules) = builder.finish();
    Ok(OgpImport { dataset, warnings, rows: total, date_rules })
}

fn empty_file() -> OgpRefusal {
    OgpRefusal::one(None, "Le fichier est vide.".into(), "The file is empty.".into())
}

fn push_broken(problems: &mut Problems, broken: &Broken) {
    match broken {
        Broken::UnclosedQuote { row, line } => problems.push(Some(*row), || {
            (
                format!(
                    "des guillemets ouverts ici (ligne {line} du texte) ne sont jamais refermés : tout le reste du fichier \
                     serait dans ce champ. Le fichier est coupé ou mal exporté."
                ),
                format!(
                    "a quote opened here (text line {line}) is never closed: the whole rest of the file would be in this \
                     field. The file is cut or badly exported."
                ),
            )
        }),
        Broken::AfterClosingQuote { row, line, found } => problems.push(Some(*row), || {
            (
                format!(
                    "« {found} » suit des guillemets fermants (ligne {line} du texte) : un champ entre guillemets doit être \
                     suivi d'une virgule ou d'une fin de ligne, et un guillemet dans un champ doit être doublé."
                ),
                format!(
                    "\"{found}\" follows a closing quote (text line {line}): a quoted field must be followed by a comma \
                     or the end of the line, and a quote inside a field must be doubled."
                ),
            )
        }),
    }
}

/// Checks the bytes are UTF-8 text and returns them as text (without a byte order mark).
fn decode(bytes: &[u8]) -> Result<&str, OgpRefusal> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(empty_file());
    }
    let kinds: [(&[u8], &str, &str); 7] = [
        (b"\x89PNG", "une image PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "une image JPEG", "a JPEG image"),
        (b"GIF8", "une image GIF", "a GIF image"),
        (b"%PDF", "un document PDF", "a PDF document"),
        (b"PK\x03\x04", "une archive ZIP ou un classeur (.xlsx, .ods)", "a ZIP archive or a workbook (.xlsx, .ods)"),
        (b"\xD0\xCF\x11\xE0", "un classeur Excel ancien (.xls)", "an old Excel workbook (.xls)"),
        (b"\x1F\x8B", "une archive gzip", "a gzip archive"),
    ];
    for (magic, fr, en) in kinds {
        if bytes.starts_with(magic) {
            return Err(OgpRefusal::one(
                None,
                format!("Le fichier est {fr}, pas un fichier CSV. Exportez la base en CSV (UTF-8)."),
                format!("The file is {en}, not a CSV file. Export the database as CSV (UTF-8)."),
            ));
        }
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(OgpRefusal::one(
            None,
            "Le fichier est encodé en UTF-16 ; enregistrez-le en CSV UTF-8.".into(),
            "The file is encoded in UTF-16; save it as CSV UTF-8.".into(),
        ));
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(OgpRefusal::one(
            None,
            format!(
                "Le fichier contient des octets nuls (le premier à l'octet {}) : c'est un fichier binaire, pas un \
                 fichier CSV.",
                at + 1
            ),
            format!("The file contains NUL bytes (the first at byte {}): it is a binary file, not a CSV file.", at + 1),
        ));
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let body = &bytes[bom..];
    match std::str::from_utf8(body) {
        Ok(text) => {
            if text.trim().is_empty() {
                Err(empty_file())
            } else {
                Ok(text)
            }
        }
        Err(error) => {
            let valid = error.valid_up_to();
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(&body[..valid]).unwrap_or("");
            let row = Records::new(prefix).row_at_end();
            let line = prefix.bytes().filter(|b| *b == b'\n').count() + 1;
            let byte = body[valid];
            let position = bom + valid + 1;
            Err(OgpRefusal::one(
                Some(row),
                format!(
                    "le fichier n'est pas en UTF-8 : l'octet {position} (0x{byte:02X}, ligne {line} du texte) n'est pas \
                     de l'UTF-8 valide. Il est sans doute en Latin-1 / Windows-1252 ; enregistrez-le en CSV UTF-8."
                ),
                format!(
                    "the file is not UTF-8: byte {position} (0x{byte:02X}, text line {line}) is not valid UTF-8. It is \
                     probably Latin-1 / Windows-1252; save it as CSV UTF-8."
                ),
            ))
        }
    }
}

/// The header: names, where each known column is, and the keys used in `sourceColumns`.
#[derive(Debug)]
struct Columns {
    /// The name of each column (trimmed), or `Column N` when empty, made unique.
    keys: Vec<String>,
    index: HashMap<String, usize>,
    /// The policy-area columns.
    policy: std::ops::Range<usize>,
    /// Whether each column is held by a field (and so not repeated in `sourceColumns`).
    mapped: Vec<bool>,
}

/// The columns held by fields of their own (besides the policy areas).
const MAPPED: [&str; 14] = [
    columns::ID,
    columns::COUNTRY,
    columns::PLAN_NUMBER,
    columns::NUMBER,
    columns::YEAR_OF_SUBMISSION,
    columns::END_YEAR,
    columns::THEME,
    columns::TITLE,
    columns::SHORT_TITLE,
    columns::FULL_TEXT,
    columns::START_DATE,
    columns::END_DATE,
    columns::URL,
    columns::PLAN_ID,
];

impl Columns {
    fn from_header(header: &Record<'_>) -> Result<Self, OgpRefusal> {
        let mut keys = Vec::with_capacity(header.fields.len());
        let mut index = HashMap::new();
        let mut duplicated = Vec::new();
        for (i, raw) in header.fields.iter().enumerate() {
            let name = raw.trim().to_string();
            let lower = name.to_lowercase();
            let key = if name.is_empty() {
                format!("Column {}", i + 1)
            } else {
                match index.entry(lower) {
                    std::collections::hash_map::Entry::Occupied(_) => {
                        if columns::REQUIRED.iter().any(|r| r.eq_ignore_ascii_case(&name)) {
                            duplicated.push(name.clone());
                        }
                        format!("{name} (column {})", i + 1)
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(i);
                        name
                    }
                }
            };
            keys.push(key);
        }
        let missing: Vec<&str> =
            columns::REQUIRED.iter().copied().filter(|r| !index.contains_key(&r.to_lowercase())).collect();
        let mut problems = Problems::default();
        if !missing.is_empty() {
            let list = |open: &str, close: &str| {
                missing.iter().map(|m| format!("{open}{m}{close}")).collect::<Vec<_>>().join(", ")
            };
            problems.push(Some(1), || {
                (
                    format!(
                        "colonne{} obligatoire{} absente{} de l'en-tête : {}. Le fichier n'est pas un export de la base \
                         des engagements OGP, ou sa première ligne n'est pas l'en-tête.",
                        plural(missing.len()),
                        plural(missing.len()),
                        plural(missing.len()),
                        list("« ", " »")
                    ),
                    format!(
                        "required column{} missing from the header: {}. The file is not an export of the OGP commitment \
                         database, or its first row is not the header.",
                        plural(missing.len()),
                        list("\"", "\"")
                    ),
                )
            });
        }
        for name in duplicated {
            problems.push(Some(1), || {
                (
                    format!("la colonne « {} » apparaît deux fois dans l'en-tête.", excerpt(&name)),
                    format!("column \"{}\" appears twice in the header.", excerpt(&name)),
                )
            });
        }
        if !problems.is_empty() {
            return Err(problems.into_refusal());
        }
        let first = index.get(&columns::FIRST_POLICY_AREA.to_lowercase()).copied();
        let last = index.get(&columns::LAST_POLICY_AREA.to_lowercase()).copied();
        let policy = match (first, last) {
            (Some(a), Some(b)) if a <= b => a..b + 1,
            _ => 0..0,
        };
        let mut mapped: Vec<bool> = (0..keys.len()).map(|i| policy.contains(&i)).collect();
        for name in MAPPED.iter().chain(assess::COLUMNS.iter()) {
            if let Some(i) = index.get(&name.to_lowercase()) {
                mapped[*i] = true;
            }
        }
        Ok(Columns { keys, index, policy, mapped })
    }

    fn at(&self, name: &str) -> Option<usize> {
        self.index.get(&name.to_lowercase()).copied()
    }
}

/// A plan as first met.
#[derive(Debug)]
struct PlanSeen {
    row: usize,
    id: Uuid,
    country: String,
    number: i64,
    start: i32,
    end: i32,
    areas: usize,
}

/// A commitment waiting for its position.
#[derive(Debug)]
struct Pending {
    id: Uuid,
    area: Uuid,
    number: String,
    ogp_id: String,
    fields: Fields,
}

#[derive(Debug)]
struct Builder<'c> {
    columns: &'c Columns,
    dataset: Dataset,
    warnings: Vec<ImportWarning>,
    plans: HashMap<String, PlanSeen>,
    areas: HashMap<(String, String), Uuid>,
    institutions: HashMap<String, Uuid>,
    identifiers: HashMap<String, usize>,
    commitments: Vec<Pending>,
    date_rules: BTreeMap<String, DateRule>,
    /// The row's plan, for its warnings.
    plan_key: String,
}

fn number_value(raw: &str) -> Option<i64> {
    let t = raw.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || t.len() > 9 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn year_value(raw: &str) -> Option<i32> {
    number_value(raw).and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..=2200).contains(y))
}

/// `Commitment Number` as text: see the module documentation.
pub fn normalise_number(raw: &str) -> String {
    let t = raw.trim();
    if let Some((int, frac)) = t.split_once('.') {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(int) && digits(frac) {
            if frac.bytes().all(|b| b == b'0') {
                return int.to_string();
            }
            if frac.len() >= 10 {
                if let Ok(value) = t.parse::<f64>() {
                    return format!("{value}");
                }
            }
        }
    }
    t.to_string()
}

/// Compares commitment numbers part by part, digits as numbers: `1.2` < `1.10` < `2`.
pub fn compare_numbers(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, part)) if *d == digit => part.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (pa, pb) = (parts(a), parts(b));
    for ((da, a), (db, b)) in pa.iter().zip(pb.iter()) {
        let order = match (da, db) {
            (true, true) => {
                let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
                a.len().cmp(&b.len()).then_with(|| a.cmp(b))
            }
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => a.to_lowercase().cmp(&b.to_lowercase()),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

impl<'c> Builder<'c> {
    fn new(columns: &'c Columns, date_rules: BTreeMap<String, DateRule>) -> Self {
        Builder {
            date_rules,
            plan_key: String::new(),
            columns,
            dataset: Dataset::default(),
            warnings: Vec::new(),
            plans: HashMap::new(),
            areas: HashMap::new(),
            institutions: HashMap::new(),
            identifiers: HashMap::new(),
            commitments: Vec::new(),
        }
    }

    fn warn(&mut self, row: usize, identifier: &str, column: &str, fr: String, en: String) {
        let kind = match column {
            columns::START_DATE | columns::END_DATE => WarningKind::Date,
            columns::LEAD | columns::SUPPORTING => WarningKind::Institution,
            _ => WarningKind::Value,
        };
        self.warn_as(kind, row, identifier, column, fr, en);
    }

    fn warn_as(&mut self, kind: WarningKind, row: usize, identifier: &str, column: &str, fr: String, en: String) {
        self.warnings.push(ImportWarning {
            row,
            identifier: identifier.to_string(),
            plan: self.plan_key.clone(),
            kind,
            column: column.to_string(),
            message_fr: fr,
            message_en: en,
        });
    }

    /// The id of an institution of `country`, made on first sight.
    fn institution(&mut self, country: &str, name: &str) -> Uuid {
        let key = format!("{}:{}", institutions::institution_key(country), institutions::institution_key(name));
        if let Some(id) = self.institutions.get(&key) {
            let id = *id;
            // A spelling in capitals gives way to the first one in mixed case.
            if let Some(fields) = self.dataset.records.get_mut(&RecordKey { kind: RecordKind::Institution, id }) {
                let shouting = |n: &str| !n.chars().any(char::is_lowercase);
                if fields.get("name").and_then(Value::as_str).is_some_and(shouting) && !shouting(name) {
                    fields.insert("name".into(), json!(name));
                }
            }
            return id;
        }
        let id = deterministic_id(&format!("institution:{key}"));
        let mut fields = Fields::new();
        fields.insert("name".into(), json!(name));
        fields.insert("acronym".into(), json!(""));
        fields.insert("kind".into(), json!(institutions::institution_kind(name)));
        fields.insert("country".into(), json!(country));
        self.dataset.insert(RecordKind::Institution, id, fields);
        self.institutions.insert(key, id);
        id
    }

    fn row(&mut self, record: &Record<'_>, problems: &mut Problems) {
        let columns = self.columns;
        let row = record.row;
        let cell =
            |name: &str| -> &str { columns.at(name).and_then(|i| record.fields.get(i)).map_or("", |c| c.as_ref()) };
        let before = problems.list.len() + problems.more;

        // Identifier.
        let ogp_id = cell(columns::ID).trim().to_string();
        if ogp_id.is_empty() {
            problems.push(Some(row), || {
                (format!("« {} » est vide.", columns::ID), format!("\"{}\" is empty.", columns::ID))
            });
        } else if let Some(first) = self.identifiers.get(&ogp_id) {
            let first = *first;
            problems.push(Some(row), || {
                (
                    format!("l'identifiant « {} » est déjà celui de la ligne {first}.", excerpt(&ogp_id)),
                    format!("identifier \"{}\" is already the one of row {first}.", excerpt(&ogp_id)),
                )
            });
        } else {
            self.identifiers.insert(ogp_id.clone(), row);
        }

        // Title.
        let title = cell(columns::TITLE).trim();
        let short_title = cell(columns::SHORT_TITLE).trim();
        let title = if title.is_empty() { short_title } else { title };
        if title.is_empty() {
            problems.push(Some(row), || {
                (
                    format!(
                        "ni « {} » ni « {} » : l'engagement n'a pas de titre.",
                        columns::TITLE,
                        columns::SHORT_TITLE
                    ),
                    format!(
                        "neither \"{}\" nor \"{}\": the commitment has no title.",
                        columns::TITLE,
                        columns::SHORT_TITLE
                    ),
                )
            });
        }

        // Plan.
        let plan_key = cell(columns::PLAN_ID).trim().to_string();
        self.plan_key.clone_from(&plan_key);
        let country = cell(columns::COUNTRY).trim().to_string();
        let plan_number = number_value(cell(columns::PLAN_NUMBER));
        let start_year = year_value(cell(columns::YEAR_OF_SUBMISSION));
        let end_year = year_value(cell(columns::END_YEAR));
        for (name, empty) in [(columns::PLAN_ID, plan_key.is_empty()), (columns::COUNTRY, country.is_empty())] {
            if empty {
                problems.push(Some(row), || (format!("« {name} » est vide."), format!("\"{name}\" is empty.")));
            }
        }
        for (name, ok, what_fr, what_en) in [
            (columns::PLAN_NUMBER, plan_number.is_some(), "un nombre entier", "a whole number"),
            (columns::YEAR_OF_SUBMISSION, start_year.is_some(), "une année", "a year"),
            (columns::END_YEAR, end_year.is_some(), "une année", "a year"),
        ] {
            if !ok {
                let raw = excerpt(cell(name));
                problems.push(Some(row), || {
                    (
                        format!("« {name} » vaut « {raw} », pas {what_fr}."),
                        format!("\"{name}\" is \"{raw}\", not {what_en}."),
                    )
                });
            }
        }
        if let (Some(start), Some(end)) = (start_year, end_year) {
            if end < start {
                problems.push(Some(row), || {
                    (
                        format!("le plan finit en {end}, avant d'être déposé en {start}."),
                        format!("the plan ends in {end}, before its submission in {start}."),
                    )
                });
            }
        }
        let plan_id = match (plan_key.is_empty(), plan_number, start_year, end_year) {
            (false, Some(number), Some(start), Some(end)) if !country.is_empty() => match self.plans.get(&plan_key) {
                Some(seen) => {
                    let mut differences_fr = Vec::new();
                    let mut differences_en = Vec::new();
                    let mut differ = |name: &str, here: String, there: String| {
                        if here != there {
                            differences_fr
                                .push(format!("« {name} » = « {here} » (« {there} » à la ligne {})", seen.row));
                            differences_en.push(format!("\"{name}\" = \"{here}\" (\"{there}\" on row {})", seen.row));
                        }
                    };
                    differ(columns::COUNTRY, excerpt(&country), seen.country.clone());
                    differ(columns::PLAN_NUMBER, number.to_string(), seen.number.to_string());
                    differ(columns::YEAR_OF_SUBMISSION, start.to_string(), seen.start.to_string());
                    differ(columns::END_YEAR, end.to_string(), seen.end.to_string());
                    if !differences_fr.is_empty() {
                        problems.push(Some(row), || {
                            (
                                format!(
                                    "le plan « {} » n'a pas les mêmes données qu'ailleurs : {}.",
                                    excerpt(&plan_key),
                                    differences_fr.join(", ")
                                ),
                                format!(
                                    "plan \"{}\" does not have the same data as elsewhere: {}.",
                                    excerpt(&plan_key),
                                    differences_en.join(", ")
                                ),
                            )
                        });
                    }
                    Some(seen.id)
                }
                None => {
                    let id = deterministic_id(&format!("plan:{plan_key}"));
                    let mut fields = Fields::new();
                    fields.insert("country".into(), json!(country));
                    fields.insert("title".into(), json!(format!("{country} — Plan d'action {number} ({start}-{end})")));
                    fields.insert("periodStart".into(), json!(format!("{start:04}-01-01")));
                    fields.insert("periodEnd".into(), json!(format!("{end:04}-12-31")));
                    fields.insert("ogpPlanId".into(), json!(plan_key));
                    fields.insert("planNumber".into(), json!(number));
                    self.dataset.insert(RecordKind::Plan, id, fields);
                    self.plans.insert(
                        plan_key.clone(),
                        PlanSeen { row, id, country: country.clone(), number, start, end, areas: 0 },
                    );
                    Some(id)
                }
            },
            _ => None,
        };
        if problems.list.len() + problems.more > before {
            return;
        }
        let Some(plan_id) = plan_id else { return };

        // Area.
        let theme = cell(columns::THEME).trim();
        let area_title =
            if theme.is_empty() || theme.eq_ignore_ascii_case("NA") { NO_THEME.to_string() } else { theme.to_string() };
        let area_id = match self.areas.get(&(plan_key.clone(), area_title.clone())) {
            Some(id) => *id,
            None => {
                let id = deterministic_id(&format!("area:{plan_key}:{area_title}"));
                let position = self.plans.get_mut(&plan_key).map_or(0, |p| {
                    p.areas += 1;
                    p.areas - 1
                });
                let mut fields = Fields::new();
                fields.insert("planId".into(), json!(plan_id.to_string()));
                fields.insert("kind".into(), json!("thematic"));
                fields.insert("title".into(), json!(area_title));
                fields.insert("description".into(), json!(""));
                fields.insert("position".into(), json!(position));
                self.dataset.insert(RecordKind::Area, id, fields);
                self.areas.insert((plan_key.clone(), area_title), id);
                id
            }
        };

        let mut source = Map::new();
        let mut kept = vec![false; record.fields.len()];
        let mut keep = |i: usize| {
            if let Some(k) = kept.get_mut(i) {
                *k = true;
            }
        };

        // Number.
        let raw_number = cell(columns::NUMBER);
        let number = normalise_number(raw_number);
        if number != raw_number {
            if let Some(i) = columns.at(columns::NUMBER) {
                keep(i);
            }
        }

        // Dates.
        let (start_date, mut start_source) = self.date(row, &ogp_id, columns::START_DATE, cell(columns::START_DATE));
        let (mut end_date, mut end_source) = self.date(row, &ogp_id, columns::END_DATE, cell(columns::END_DATE));
        if let (Some(start), Some(end)) = (start_date, end_date) {
            if start > end {
                let (raw_start, raw_end) = (cell(columns::START_DATE).trim(), cell(columns::END_DATE).trim());
                self.warn(
                    row,
                    &ogp_id,
                    columns::END_DATE,
                    format!(
                        "la date de fin « {raw_end} » ({}) précède la date de début « {raw_start} » ({}) : la date de fin \
                         n'est pas retenue ; les deux textes d'origine sont conservés.",
                        dates::long_fr(end),
                        dates::long_fr(start)
                    ),
                    format!(
                        "end date \"{raw_end}\" ({}) is before start date \"{raw_start}\" ({}): the end date is not used; \
                         both original texts are kept.",
                        dates::long_en(end),
                        dates::long_en(start)
                    ),
                );
                end_date = None;
                end_source = cell(columns::END_DATE).to_string();
                start_source = cell(columns::START_DATE).to_string();
            }
        }

        // Institutions.
        let lead = institutions::split_institutions(cell(columns::LEAD));
        let supporting = institutions::split_institutions(cell(columns::SUPPORTING));
        let mut other_supporters = Vec::new();
        for (column, named) in [(columns::LEAD, &lead), (columns::SUPPORTING, &supporting)] {
            for prose in &named.prose {
                let n = prose.chars().count();
                self.warn(
                    row,
                    &ogp_id,
                    column,
                    format!(
                        "un passage de {n} caractères (« {} ») n'est pas un nom d'institution : il est conservé tel quel \
                         dans « Autres soutiens ».",
                        excerpt(prose)
                    ),
                    format!(
                        "a passage of {n} characters (\"{}\") is not an institution's name: it is kept as written in \
                         \"Other supporters\".",
                        excerpt(prose)
                    ),
                );
                other_supporters.push(prose.clone());
            }
        }
        let mut lead_id = None;
        let mut supporting_ids: Vec<Uuid> = Vec::new();
        for name in lead.names.iter().chain(supporting.names.iter()) {
            let id = self.institution(&country, name);
            if lead_id.is_none() {
                lead_id = Some(id);
            } else if lead_id != Some(id) && !supporting_ids.contains(&id) {
                supporting_ids.push(id);
            }
        }

        // Policy areas.
        let mut policy_areas = Vec::new();
        for i in columns.policy.clone() {
            let value = record.fields.get(i).map_or("", |c| c.trim());
            match value {
                "1" => policy_areas.push(Value::String(columns.keys[i].clone())),
                "0" | "" => {}
                _ => keep(i),
            }
        }

        // Assessment.
        let (assessment, not_understood) =
            assess::read_assessment(|name| columns.at(name).and_then(|i| record.fields.get(i)).map(|c| c.as_ref()));
        for (column, raw) in not_understood {
            if let Some(i) = columns.at(column) {
                keep(i);
            }
            self.warn_as(
                WarningKind::Assessment,
                row,
                &ogp_id,
                column,
                format!("valeur « {} » non reconnue : laissée vide, texte d'origine conservé.", excerpt(raw)),
                format!("value \"{}\" not understood: left empty, original text kept.", excerpt(raw)),
            );
        }

        // Everything else, verbatim.
        for (i, value) in record.fields.iter().enumerate() {
            if value.trim().is_empty() {
                continue;
            }
            if !columns.mapped.get(i).copied().unwrap_or(false) || kept[i] {
                source.insert(columns.keys[i].clone(), Value::String(value.to_string()));
            }
        }

        // Template sections.
        let full_text = cell(columns::FULL_TEXT);
        let sections = template::template_sections(full_text);

        let id = commitment_id(&ogp_id);
        let mut fields = Fields::new();
        fields.insert("planId".into(), json!(plan_id.to_string()));
        fields.insert("areaId".into(), json!(area_id.to_string()));
        fields.insert("title".into(), json!(title));
        fields.insert("shortTitle".into(), json!(short_title));
        fields.insert("fullText".into(), json!(full_text));
        fields.insert("ogpId".into(), json!(ogp_id));
        fields.insert("number".into(), json!(number));
        fields.insert("startDate".into(), start_date.map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string())));
        fields.insert("endDate".into(), end_date.map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string())));
        fields.insert("startDateSource".into(), json!(start_source));
        fields.insert("endDateSource".into(), json!(end_source));
        fields.insert("leadInstitutionId".into(), lead_id.map_or(Value::Null, |id| json!(id.to_string())));
        fields.insert(
            "supportingInstitutionIds".into(),
            Value::Array(supporting_ids.iter().map(|id| json!(id.to_string())).collect()),
        );
        fields.insert("policyAreas".into(), Value::Array(policy_areas));
        fields.insert("url".into(), json!(cell(columns::URL).trim()));
        // A row whose every IRM cell is empty has no assessment at all (the IRM published none),
        // which the commitment's page says in words rather than as sixteen empty values.
        let assessment = if assessment == Assessment::default() {
            Value::Null
        } else {
            serde_json::to_value(&assessment).unwrap_or(Value::Null)
        };
        fields.insert("assessment".into(), assessment);
        fields.insert("sourceColumns".into(), Value::Object(source));
        for field in template::FIELDS {
            let text = sections.iter().find(|(f, _)| *f == field).map_or("", |(_, t)| *t);
            fields.insert(field.into(), json!(text));
        }
        fields.insert("otherSupporters".into(), json!(other_supporters.join("\n\n")));
        for flag in ["accessToInformation", "civicParticipation", "publicAccountability", "technologyInnovation"] {
            fields.insert(flag.into(), json!(false));
        }
        for contact in ["contactName", "contactTitle", "contactDepartment", "contactEmail", "contactPhone"] {
            fields.insert(contact.into(), json!(""));
        }
        // Every value as the app stores it; one the app cannot store is left empty, with a
        // warning (the source text stays in the full text), and a title it cannot store refuses
        // the row.
        for (field, problem) in canonicalise(RecordKind::Commitment, &mut fields) {
            let reason = crate::export::Problem::from(problem);
            match plan_ouvert_sync::fields::field(RecordKind::Commitment, &field).and_then(|f| f.holds.empty()) {
                Some(empty) => {
                    fields.insert(field.clone(), empty);
                    self.warn(
                        row,
                        &ogp_id,
                        &field,
                        format!("{} : laissé vide.", reason.message(Locale::Fr)),
                        format!("{}: left empty.", reason.message(Locale::En)),
                    );
                }
                None => problems.push(Some(row), || {
                    (
                        format!("{field} : {}", reason.message(Locale::Fr)),
                        format!("{field}: {}", reason.message(Locale::En)),
                    )
                }),
            }
        }
        if problems.list.len() + problems.more > before {
            return;
        }
        self.commitments.push(Pending { id, area: area_id, number, ogp_id, fields });
    }

    /// One date cell: the date, the raw text to keep, and a warning when needed.
    fn date(&mut self, row: usize, ogp_id: &str, column: &str, raw: &str) -> (Option<chrono::NaiveDate>, String) {
        let shown = excerpt(raw);
        let rule = self.date_rules.get_mut(&self.plan_key);
        let convention = rule.as_ref().and_then(|r| r.convention);
        let reading = read_date_with(raw, convention);
        if convention.is_some() && matches!(dates::read_date(raw), DateReading::Ambiguous { .. }) {
            if let Some(rule) = rule {
                rule.resolved += 1;
            }
            // Read by the plan's convention: the text stays, so the reading can be checked.
            if let DateReading::Date(date) = reading {
                return (Some(date), raw.to_string());
            }
        }
        match reading {
            DateReading::Empty => (None, String::new()),
            DateReading::NoDate | DateReading::Year(_) | DateReading::Month(..) => (None, raw.to_string()),
            DateReading::Date(date) => (Some(date), String::new()),
            DateReading::Ambiguous { day_month, month_day } => {
                self.warn(
                    row,
                    ogp_id,
                    column,
                    format!(
                        "date ambiguë « {shown} » : jour/mois ({}) ou mois/jour ({}) ; aucune date retenue, texte \
                         d'origine conservé.",
                        dates::long_fr(day_month),
                        dates::long_fr(month_day)
                    ),
                    format!(
                        "ambiguous date \"{shown}\": day/month ({}) or month/day ({}); no date used, original text kept.",
                        dates::long_en(day_month),
                        dates::long_en(month_day)
                    ),
                );
                (None, raw.to_string())
            }
            DateReading::Implausible(date) => {
                self.warn(
                    row,
                    ogp_id,
                    column,
                    format!(
                        "« {shown} » donnerait le {}, invraisemblable pour un plan d'action (sans doute une année saisie \
                         dans une cellule au format date) ; aucune date retenue, texte d'origine conservé.",
                        dates::long_fr(date)
                    ),
                    format!(
                        "\"{shown}\" would be {}, implausible for an action plan (probably a year typed into a cell \
                         formatted as a date); no date used, original text kept.",
                        dates::long_en(date)
                    ),
                );
                (None, raw.to_string())
            }
            DateReading::Invalid | DateReading::Text => {
                self.warn(
                    row,
                    ogp_id,
                    column,
                    format!("« {shown} » n'est pas une date précise ; aucune date retenue, texte d'origine conservé."),
                    format!("\"{shown}\" is not a precise date; no date used, original text kept."),
                );
                (None, raw.to_string())
            }
        }
    }

    /// Positions, then the records.
    fn finish(mut self) -> (Dataset, Vec<ImportWarning>, BTreeMap<String, DateRule>) {
        let mut by_area: BTreeMap<Uuid, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.commitments.iter().enumerate() {
            by_area.entry(c.area).or_default().push(i);
        }
        for members in by_area.values_mut() {
            members.sort_by(|a, b| {
                let (a, b) = (&self.commitments[*a], &self.commitments[*b]);
                compare_numbers(&a.number, &b.number).then_with(|| a.ogp_id.cmp(&b.ogp_id))
            });
            for (position, i) in members.iter().enumerate() {
                self.commitments[*i].fields.insert("position".into(), json!(position));
            }
        }
        for c in self.commitments {
            self.dataset.insert(RecordKind::Commitment, c.id, c.fields);
        }
        // Names and titles the import made itself, in the form the app stores.
        for (key, fields) in self.dataset.records.iter_mut() {
            for (field, problem) in canonicalise(key.kind, fields) {
                tracing::warn!(?key, field, ?problem, "an imported value the app cannot store");
            }
        }
        (self.dataset, self.warnings, self.date_rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_their_float_artefacts_only() {
        assert_eq!(normalise_number("1.1000000000000001"), "1.1");
        assert_eq!(normalise_number("4.4000000000000004"), "4.4");
        assert_eq!(normalise_number("4.0999999999999996"), "4.1");
        assert_eq!(normalise_number("10.130000000000001"), "10.13");
        assert_eq!(normalise_number("59"), "59");
        assert_eq!(normalise_number("59.0"), "59");
        assert_eq!(normalise_number("1.50"), "1.50");
        assert_eq!(normalise_number("3.3.3.6"), "3.3.3.6");
        assert_eq!(normalise_number(" 2A "), "2A");
    }

    #[test]
    fn numbers_compare_part_by_part() {
        let mut numbers = vec!["10", "1.10", "2", "1.2", "1", "B.1.A", "2A"];
        numbers.sort_by(|a, b| compare_numbers(a, b));
        assert_eq!(numbers, ["1", "1.2", "1.10", "2", "2A", "10", "B.1.A"]);
    }
}
