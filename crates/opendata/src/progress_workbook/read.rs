//! Reading a filled progress workbook back (see the module's documentation): what each cell
//! holds, never whether it is acceptable — that is the report parser's to say.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use plan_ouvert_domain::{
    CommitmentId, EvidenceLink, Locale, MilestoneId, ProgressStatus, ReportInput, WorkbookProblem,
};
use uuid::Uuid;

use super::{problem_at, progress_sheet_name, Column, FORMAT, META_SHEET};

/// A row the institution filled in, as read: the spreadsheet's row number and the report it
/// holds, not checked yet.
#[derive(Debug, Clone)]
pub struct FilledRow {
    pub row: u32,
    pub input: ReportInput,
    /// The fields whose cell could not be read (a status not of the list, a cell in error):
    /// their problem is already in [`FilledWorkbook::problems`], and what the report parser would
    /// say of the value left in their place is not news.
    pub unreadable: Vec<&'static str>,
}

/// A progress workbook read back.
#[derive(Debug, Clone)]
pub struct FilledWorkbook {
    /// The plan it was made from (none when that cannot be read: see `problems`).
    pub plan: Option<Uuid>,
    /// The institution it was made for; none: every institution.
    pub institution: Option<Uuid>,
    /// The language it was written in (its headers').
    pub language: Locale,
    /// The progress sheet's name.
    pub sheet: String,
    /// The rows filled in, in order.
    pub rows: Vec<FilledRow>,
    /// Rows left empty.
    pub empty: u32,
    /// What could not be read, with where; messages in the language asked for.
    pub problems: Vec<WorkbookProblem>,
}

impl FilledWorkbook {
    fn refused(language: Locale, sheet: &str, problem: WorkbookProblem) -> Self {
        FilledWorkbook {
            plan: None,
            institution: None,
            language,
            sheet: sheet.to_string(),
            rows: Vec::new(),
            empty: 0,
            problems: vec![problem],
        }
    }
}

fn whole(sheet: &str, message: String) -> WorkbookProblem {
    WorkbookProblem { sheet: sheet.to_string(), row: None, column: None, column_title: None, message }
}

fn not_a_progress_workbook(locale: Locale, why: &str) -> String {
    match locale {
        Locale::Fr => format!(
            "Ce classeur n'est pas un classeur de suivi exporté par Plan ouvert ({why}). Exportez-le depuis la vue d'ensemble du plan, « Suivre l'avancement »."
        ),
        Locale::En => format!(
            "This workbook is not a progress workbook exported by Plan ouvert ({why}). Export one from the plan's overview, “Follow progress”."
        ),
    }
}

/// Reads a filled progress workbook; messages in `locale`. Never fails: what cannot be read is
/// in the result's problems (with a problem of the workbook as a whole, nothing else is read).
pub fn read_progress_workbook(bytes: &[u8], locale: Locale) -> FilledWorkbook {
    let mut workbook: Xlsx<_> = match open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(error) => {
            tracing::info!(%error, "a file that is not a readable workbook");
            return FilledWorkbook::refused(
                locale,
                "",
                whole(
                    "",
                    locale
                        .pick(
                            "Ce fichier n'est pas un classeur Excel (.xlsx) lisible : il est peut-être abîmé, incomplet ou d'un autre format.",
                            "This file is not a readable Excel workbook (.xlsx): it may be damaged, incomplete or of another format.",
                        )
                        .into(),
                ),
            );
        }
    };
    let names = workbook.sheet_names();
    let sheet_problem = |name: &str| match locale {
        Locale::Fr => {
            format!("La feuille « {name} » n'a pas pu être lue : le fichier est peut-être abîmé ou incomplet.")
        }
        Locale::En => format!("The sheet “{name}” could not be read: the file may be damaged or incomplete."),
    };

    // What the workbook was made from.
    if !names.iter().any(|n| n == META_SHEET) {
        let why = match locale {
            Locale::Fr => format!("la feuille cachée « {META_SHEET} » en est absente"),
            Locale::En => format!("its hidden sheet “{META_SHEET}” is missing"),
        };
        return FilledWorkbook::refused(locale, "", whole(META_SHEET, not_a_progress_workbook(locale, &why)));
    }
    let meta = match workbook.worksheet_range(META_SHEET) {
        Ok(range) => range,
        Err(_) => return FilledWorkbook::refused(locale, "", whole(META_SHEET, sheet_problem(META_SHEET))),
    };
    let value = |key: &str| -> String {
        meta.rows()
            .find(|row| row.first().map(text).is_some_and(|k| k.trim() == key))
            .and_then(|row| row.get(1).map(text))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    if value("format") != FORMAT {
        let why = locale.pick("son format n'est pas reconnu", "its format is not recognised");
        return FilledWorkbook::refused(locale, "", whole(META_SHEET, not_a_progress_workbook(locale, why)));
    }
    let language = Locale::from_code(&value("language"));
    let sheet = match value("sheet") {
        name if name.is_empty() => progress_sheet_name(language).to_string(),
        name => name,
    };
    let Some(plan) = Uuid::parse_str(&value("plan")).ok() else {
        let why = locale.pick("l'identifiant du plan y est illisible", "the plan's identifier in it cannot be read");
        return FilledWorkbook::refused(language, &sheet, whole(META_SHEET, not_a_progress_workbook(locale, why)));
    };
    let institution = match value("institution") {
        id if id.is_empty() => None,
        id => match Uuid::parse_str(&id) {
            Ok(id) => Some(id),
            Err(_) => {
                let why = locale.pick(
                    "l'identifiant de l'institution y est illisible",
                    "the institution's identifier in it cannot be read",
                );
                return FilledWorkbook::refused(
                    language,
                    &sheet,
                    whole(META_SHEET, not_a_progress_workbook(locale, why)),
                );
            }
        },
    };
    let mut read = FilledWorkbook {
        plan: Some(plan),
        institution,
        language,
        sheet: sheet.clone(),
        rows: Vec::new(),
        empty: 0,
        problems: Vec::new(),
    };

    // The progress sheet.
    if !names.contains(&sheet) {
        read.problems.push(whole(
            &sheet,
            match locale {
                Locale::Fr => format!("La feuille « {sheet} » est absente du classeur : elle a été renommée ou supprimée. Rendez-lui son nom, ou repartez du classeur exporté."),
                Locale::En => format!("The sheet “{sheet}” is missing from the workbook: it was renamed or deleted. Give it back its name, or start again from the exported workbook."),
            },
        ));
        return read;
    }
    let range = match workbook.worksheet_range(&sheet) {
        Ok(range) => range,
        Err(_) => {
            read.problems.push(whole(&sheet, sheet_problem(&sheet)));
            return read;
        }
    };
    for column in Column::ALL {
        let found = text(cell(&range, 0, column));
        let expected = column.header(language);
        if found.trim() != expected {
            read.problems.push(problem_at(
                &sheet,
                Some(1),
                Some(column),
                language,
                match locale {
                    Locale::Fr => format!("L'en-tête de cette colonne devrait être « {expected} », et non « {} » : les colonnes ne se renomment, ne se déplacent ni ne se suppriment.", found.trim()),
                    Locale::En => format!("This column's header should be “{expected}”, not “{}”: columns are not renamed, moved or deleted.", found.trim()),
                },
            ));
        }
    }
    if !read.problems.is_empty() {
        return read;
    }

    let last = range.end().map_or(0, |(row, _)| row);
    for r in 1..=last {
        read_row(&range, r, locale, &mut read);
    }
    read
}

fn cell(range: &Range<Data>, row: u32, column: Column) -> &Data {
    range.get_value((row, u32::from(column.index()))).unwrap_or(&Data::Empty)
}

/// A cell as text: a number as written, a date as the app shows it.
fn text(data: &Data) -> String {
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map_or_else(|| d.to_string(), |d| Locale::Fr.date(d.date())),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// A date cell as `YYYY-MM-DD` when it holds a date (a real date, an ISO date, or a date typed
/// day first: `31/12/2026`); otherwise its text as typed, for the parser to refuse.
fn date(data: &Data) -> String {
    match data {
        Data::DateTime(d) if d.is_datetime() => {
            d.as_datetime().map_or_else(|| d.to_string(), |d| d.date().format("%Y-%m-%d").to_string())
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
        Data::String(s) => {
            let s = s.trim();
            NaiveDate::parse_from_str(s, "%d/%m/%Y")
                .map_or_else(|_| s.to_string(), |d| d.format("%Y-%m-%d").to_string())
        }
        other => text(other),
    }
}

/// A status as its label in either language (case aside).
fn status(label: &str) -> Option<ProgressStatus> {
    let label = label.trim().to_lowercase();
    ProgressStatus::ALL
        .into_iter()
        .find(|s| [Locale::Fr, Locale::En].into_iter().any(|l| s.label(l).to_lowercase() == label))
}

/// The links of a cell: one per line, `title — address` (the last dash between spaces divides
/// them; an en dash or a hyphen does too). A line with no dash is an address when it begins like
/// one, a title otherwise: the parser then says which part is missing.
fn links(cell: &str) -> Vec<EvidenceLink> {
    cell.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let divide = [" — ", " – ", " - "]
                .into_iter()
                .filter_map(|dash| line.rfind(dash).map(|at| (at, dash.len())))
                .max_by_key(|(at, _)| *at);
            let (title, url) = match divide {
                Some((at, len)) => (line[..at].trim(), line[at + len..].trim()),
                None if line.starts_with("http") || line.starts_with("www.") => ("", line),
                None => (line, ""),
            };
            EvidenceLink { title: title.to_string(), url: url.to_string() }
        })
        .collect()
}

fn read_row(range: &Range<Data>, r: u32, locale: Locale, read: &mut FilledWorkbook) {
    let row = r + 1;
    let sheet = read.sheet.clone();
    let language = read.language;
    let at = |column: Column, message: String| problem_at(&sheet, Some(row), Some(column), language, message);
    let filled = Column::ALL.into_iter().filter(|c| c.is_filled()).any(|c| !text(cell(range, r, c)).trim().is_empty());
    let id = |column: Column| -> Result<Option<Uuid>, ()> {
        match cell(range, r, column) {
            Data::Empty => Ok(None),
            Data::String(s) if s.trim().is_empty() => Ok(None),
            Data::String(s) => Uuid::parse_str(s.trim()).map(Some).map_err(|_| ()),
            _ => Err(()),
        }
    };
    let (commitment, milestone) = (id(Column::CommitmentId), id(Column::MilestoneId));
    if !filled {
        if matches!(commitment, Ok(Some(_))) {
            read.empty += 1;
        }
        return;
    }
    let unreadable_id = match locale {
        Locale::Fr => "Cet identifiant est illisible : les colonnes cachées ne se modifient pas. Repartez du classeur exporté.",
        Locale::En => "This identifier cannot be read: the hidden columns are not to be changed. Start again from the exported workbook.",
    };
    let commitment = match commitment {
        Ok(Some(id)) => id,
        Ok(None) => {
            read.problems.push(at(
                Column::CommitmentId,
                locale
                    .pick(
                        "Cette ligne n'a pas d'identifiant : seules les lignes du classeur exporté se remplissent, on n'en ajoute pas.",
                        "This row has no identifier: only the rows of the exported workbook are filled in, none is added.",
                    )
                    .into(),
            ));
            return;
        }
        Err(()) => {
            read.problems.push(at(Column::CommitmentId, unreadable_id.into()));
            return;
        }
    };
    let Ok(milestone) = milestone else {
        read.problems.push(at(Column::MilestoneId, unreadable_id.into()));
        return;
    };

    let mut unreadable = Vec::new();
    let mut value = |column: Column, field: &'static str, read: &mut FilledWorkbook| -> String {
        match cell(range, r, column) {
            Data::Error(e) => {
                read.problems.push(at(
                    column,
                    match locale {
                        Locale::Fr => format!("Cette cellule est en erreur ({e}) : tapez-y une valeur."),
                        Locale::En => format!("This cell is in error ({e}): type a value in it."),
                    },
                ));
                unreadable.push(field);
                String::new()
            }
            data if column == Column::ReportedOn => date(data),
            data => text(data),
        }
    };
    let reported_on = value(Column::ReportedOn, "reportedOn", read);
    let status_text = value(Column::Status, "status", read);
    let done = value(Column::Done, "done", read);
    let difficulties = value(Column::Difficulties, "difficulties", read);
    let next_steps = value(Column::NextSteps, "nextSteps", read);
    let links_text = value(Column::Links, "links", read);
    let status = match status_text.trim() {
        "" => None,
        typed => {
            let found = status(typed);
            if found.is_none() {
                let list: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.label(language)).collect();
                read.problems.push(at(
                    Column::Status,
                    match locale {
                        Locale::Fr => format!("« {typed} » n'est pas un état de la liste : {}.", list.join(", ")),
                        Locale::En => format!("“{typed}” is not a status of the list: {}.", list.join(", ")),
                    },
                ));
                unreadable.push("status");
            }
            found
        }
    };
    read.rows.push(FilledRow {
        row,
        input: ReportInput {
            commitment_id: CommitmentId(commitment),
            milestone_id: milestone.map(MilestoneId),
            reported_on,
            status,
            done,
            difficulties,
            next_steps,
            results: String::new(),
            opened_government: None,
            links: links(&links_text),
            // A workbook carries no files: evidence files are attached in the app.
            files: Vec::new(),
            corrects: None,
        },
        unreadable,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_links_cell_is_one_link_per_line_title_then_address() {
        let cell = "Rapport 2023 - annexe — https://www.example.gouv.fr/a\r\n\n  Décret – https://legifrance.gouv.fr/x  \nhttps://seule.fr\nTitre seul";
        let found: Vec<(String, String)> = links(cell).into_iter().map(|l| (l.title, l.url)).collect();
        assert_eq!(
            found,
            [
                ("Rapport 2023 - annexe".into(), "https://www.example.gouv.fr/a".into()),
                ("Décret".into(), "https://legifrance.gouv.fr/x".into()),
                (String::new(), "https://seule.fr".into()),
                ("Titre seul".into(), String::new()),
            ]
        );
        assert!(links("  \n ").is_empty());
    }

    #[test]
    fn a_status_is_a_label_of_the_list_in_either_language() {
        assert_eq!(status(" achevé "), Some(ProgressStatus::Complete));
        assert_eq!(status("Not started"), Some(ProgressStatus::NotStarted));
        assert_eq!(status("Acheve"), None);
        assert_eq!(status("complete!"), None);
    }

    #[test]
    fn a_date_typed_as_text_is_read_day_first_and_anything_else_is_left_for_the_parser() {
        assert_eq!(date(&Data::String(" 15/03/2024 ".into())), "2024-03-15");
        assert_eq!(date(&Data::String("2024-03-15".into())), "2024-03-15");
        assert_eq!(date(&Data::String("31/02/2024".into())), "31/02/2024");
        assert_eq!(date(&Data::Float(45366.0)), "45366");
        assert_eq!(date(&Data::Empty), "");
    }
}
