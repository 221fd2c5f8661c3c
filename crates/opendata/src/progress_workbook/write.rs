//! Writing a progress workbook (see the module's documentation).

use chrono::{Datelike as _, NaiveDate};
use plan_ouvert_domain::{numbering, ExportFormat, Labels, Locale, ProgressStatus};
use plan_ouvert_sync::fields::parse_date;
use plan_ouvert_sync::protocol::RecordKind;
use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, FormatAlign, Formula,
    ProtectionOptions, RowNum, Workbook, Worksheet, XlsxError,
};
use uuid::Uuid;

use super::{instructions_sheet_name, progress_sheet_name, Column, FORMAT, META_SHEET};
use crate::export::tree::{PlanTree, Rec};
use crate::export::{file_name, ExportError};
use crate::Dataset;

/// The progress workbook of `plan` for `institution` (none: every institution that carries a
/// commitment of the plan), with its headers and instructions in `locale`, made on `today`.
pub fn progress_workbook(
    dataset: &Dataset,
    plan: Uuid,
    institution: Option<Uuid>,
    locale: Locale,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let named = institution.map(|id| institution_names(dataset, id)).transpose()?;
    write(&tree, institution, named.map(|(long, _)| long), locale, today)
        .map_err(|e| ExportError::Workbook(e.to_string()))
}

/// The name the app proposes for the workbook: `Suivi — HATVP — 2026-11-30.xlsx` (the
/// institution's acronym, or its name when it has none), `Suivi — toutes les institutions — …`.
pub fn progress_workbook_name(
    dataset: &Dataset,
    institution: Option<Uuid>,
    day: NaiveDate,
    locale: Locale,
) -> Result<String, ExportError> {
    let who = match institution {
        Some(id) => institution_names(dataset, id)?.1,
        None => locale.pick("toutes les institutions", "all institutions").to_string(),
    };
    Ok(file_name(&format!("{} — {who}", progress_sheet_name(locale)), day, ExportFormat::Xlsx))
}

/// An institution's name as the cells show it (`name (acronym)`) and as a file name has it
/// (its acronym, or its name).
fn institution_names(dataset: &Dataset, id: Uuid) -> Result<(String, String), ExportError> {
    let fields = dataset.get(RecordKind::Institution, id).ok_or(ExportError::UnknownInstitution { institution: id })?;
    let text = |field: &str| fields.get(field).and_then(|v| v.as_str()).unwrap_or("").trim().to_string();
    let (name, acronym) = (text("name"), text("acronym"));
    Ok(match acronym.as_str() {
        "" => (name.clone(), name),
        a if a == name => (name.clone(), name),
        _ => (format!("{name} ({acronym})"), acronym),
    })
}

fn institution_label(tree: &PlanTree, id: Uuid) -> String {
    match tree.institution(id) {
        Some(i) if !i.text("acronym").is_empty() && i.text("acronym") != i.text("name") => {
            format!("{} ({})", i.text("name"), i.text("acronym"))
        }
        Some(i) => i.text("name").to_string(),
        None => String::new(),
    }
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// One row of the progress sheet: a commitment's own account (`milestone` none) or a milestone.
struct Line<'a> {
    number: String,
    commitment: &'a Rec,
    milestone: Option<&'a Rec>,
    lead: String,
    /// The latest entry of its timeline.
    latest: Option<&'a Rec>,
}

fn lines(tree: &PlanTree, institution: Option<Uuid>) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for (a, area) in tree.areas.iter().enumerate() {
        for (c, node) in area.commitments.iter().enumerate() {
            let Some(lead) = node.rec.id_of("leadInstitutionId") else { continue };
            if institution.is_some_and(|wanted| wanted != lead) {
                continue;
            }
            let number = numbering::commitment_number(a, c);
            let lead = institution_label(tree, lead);
            out.push(Line {
                number: number.clone(),
                commitment: &node.rec,
                milestone: None,
                lead: lead.clone(),
                latest: node.timeline(None).last(),
            });
            for (rank, milestone) in node.milestones.iter().enumerate() {
                out.push(Line {
                    number: numbering::milestone_number(&number, rank),
                    commitment: &node.rec,
                    milestone: Some(milestone),
                    lead: lead.clone(),
                    latest: node.timeline(Some(milestone.id)).last(),
                });
            }
        }
    }
    out
}

struct Formats {
    header: Format,
    /// What the institution reads, locked, on grey.
    shown: Format,
    shown_date: Format,
    /// What the institution fills, unlocked.
    filled: Format,
    filled_date: Format,
    title: Format,
    paragraph: Format,
}

impl Formats {
    fn new(locale: Locale) -> Self {
        let grey = 0xEEEEEE;
        Formats {
            header: Format::new().set_bold().set_text_wrap().set_background_color(0xE3E3FD).set_align(FormatAlign::Top),
            shown: Format::new().set_text_wrap().set_align(FormatAlign::Top).set_background_color(grey),
            shown_date: Format::new()
                .set_num_format(locale.pick("dd/mm/yyyy", "d mmm yyyy"))
                .set_align(FormatAlign::Top)
                .set_background_color(grey),
            filled: Format::new().set_text_wrap().set_align(FormatAlign::Top).set_unlocked(),
            filled_date: Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Top).set_unlocked(),
            title: Format::new().set_bold().set_font_size(14),
            paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

fn width(column: Column) -> f64 {
    match column {
        Column::Number => 9.0,
        Column::Commitment | Column::Milestone => 40.0,
        Column::Institution => 28.0,
        Column::DueDate | Column::CurrentDate => 13.0,
        Column::CurrentStatus => 16.0,
        Column::ReportedOn => 14.0,
        Column::Status => 20.0,
        Column::Done | Column::Links => 50.0,
        Column::Difficulties | Column::NextSteps => 40.0,
        Column::CommitmentId | Column::MilestoneId => 38.0,
    }
}

fn col(column: Column) -> ColNum {
    column.index()
}

fn write(
    tree: &PlanTree,
    institution: Option<Uuid>,
    institution_name: Option<String>,
    locale: Locale,
    today: NaiveDate,
) -> Result<Vec<u8>, XlsxError> {
    let labels = Labels::of(locale);
    let formats = Formats::new(locale);
    let mut workbook = Workbook::new();
    let lines = lines(tree, institution);

    let sheet = workbook.add_worksheet();
    sheet.set_name(progress_sheet_name(locale))?;
    for column in Column::ALL {
        sheet.write_string_with_format(0, col(column), column.header(locale), &formats.header)?;
        sheet.set_column_width(col(column), width(column))?;
        if column.is_hidden() {
            sheet.set_column_hidden(col(column))?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (index, line) in lines.iter().enumerate() {
        let row = (index + 1) as RowNum;
        write_line(sheet, row, line, &labels, locale, &formats)?;
    }
    let last = lines.len() as RowNum;
    sheet.autofilter(0, 0, last.max(1), col(Column::MilestoneId))?;
    if last > 0 {
        validations(sheet, last, locale)?;
    }
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::new()
    });

    let plan_title = tree.plan.text("title").to_string();
    let sheet = workbook.add_worksheet();
    sheet.set_name(instructions_sheet_name(locale))?;
    sheet.set_column_width(0, 110.0)?;
    let text = instructions(&plan_title, institution_name.as_deref(), today, locale);
    sheet.write_string_with_format(0, 0, text[0].as_str(), &formats.title)?;
    for (index, line) in text.iter().enumerate().skip(1) {
        sheet.write_string_with_format(index as RowNum, 0, line.as_str(), &formats.paragraph)?;
    }
    sheet.protect();

    let sheet = workbook.add_worksheet();
    sheet.set_name(META_SHEET)?;
    let meta = [
        ("format", FORMAT.to_string()),
        ("plan", tree.plan.id.to_string()),
        ("institution", institution.map(|i| i.to_string()).unwrap_or_default()),
        ("language", locale.code().to_string()),
        ("sheet", progress_sheet_name(locale).to_string()),
        ("exported", today.format("%Y-%m-%d").to_string()),
    ];
    for (row, (key, value)) in meta.iter().enumerate() {
        sheet.write_string(row as RowNum, 0, *key)?;
        sheet.write_string(row as RowNum, 1, value)?;
    }
    sheet.set_column_width(1, 40.0)?;
    sheet.set_hidden(true);
    sheet.protect();

    workbook.save_to_buffer()
}

fn write_line(
    sheet: &mut Worksheet,
    row: RowNum,
    line: &Line<'_>,
    labels: &Labels,
    locale: Locale,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let shown = |sheet: &mut Worksheet, column: Column, text: &str| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, col(column), text, &formats.shown)?;
        Ok(())
    };
    let shown_date = |sheet: &mut Worksheet, column: Column, text: &str| -> Result<(), XlsxError> {
        match parse_date(text) {
            Some(date) => sheet.write_datetime_with_format(row, col(column), excel_date(date)?, &formats.shown_date)?,
            None => sheet.write_string_with_format(row, col(column), text, &formats.shown)?,
        };
        Ok(())
    };
    shown(sheet, Column::Number, &line.number)?;
    shown(sheet, Column::Commitment, line.commitment.text("title"))?;
    match line.milestone {
        Some(milestone) => {
            shown(sheet, Column::Milestone, milestone.text("title"))?;
            shown_date(sheet, Column::DueDate, milestone.text("dueDate"))?;
        }
        None => {
            shown(sheet, Column::Milestone, labels.progress.own_account)?;
            shown_date(sheet, Column::DueDate, line.commitment.text("endDate"))?;
        }
    }
    shown(sheet, Column::Institution, &line.lead)?;
    match line.latest {
        Some(report) => {
            let status = ProgressStatus::from_code(report.text("status")).map_or("", |s| s.label(locale));
            shown(sheet, Column::CurrentStatus, status)?;
            shown_date(sheet, Column::CurrentDate, report.text("reportedOn"))?;
        }
        None => {
            shown(sheet, Column::CurrentStatus, labels.progress.not_reported)?;
            shown(sheet, Column::CurrentDate, "")?;
        }
    }
    for column in Column::ALL.into_iter().filter(|c| c.is_filled()) {
        let format = if column == Column::ReportedOn { &formats.filled_date } else { &formats.filled };
        sheet.write_blank(row, col(column), format)?;
    }
    shown(sheet, Column::CommitmentId, &line.commitment.id.to_string())?;
    shown(sheet, Column::MilestoneId, &line.milestone.map(|m| m.id.to_string()).unwrap_or_default())?;
    Ok(())
}

/// The drop-down list of statuses, the date never after today, and a word on the links' form,
/// on rows 2 to `last + 1`.
fn validations(sheet: &mut Worksheet, last: RowNum, locale: Locale) -> Result<(), XlsxError> {
    let labels: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.label(locale)).collect();
    let status = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_input_title(locale.pick("Nouvel état", "New status"))?
        .set_input_message(
            locale.pick("Choisissez l'état d'avancement dans la liste.", "Choose the status from the list."),
        )?
        .set_error_title(locale.pick("État inconnu", "Unknown status"))?
        .set_error_message(locale.pick(
            "Choisissez un état de la liste : Non commencé, Limité, Substantiel, Achevé ou Retiré.",
            "Choose a status from the list: Not started, Limited, Substantial, Complete or Withdrawn.",
        ))?;
    sheet.add_data_validation(1, col(Column::Status), last, col(Column::Status), &status)?;

    let date = DataValidation::new()
        .allow_date_formula(DataValidationRule::LessThanOrEqualTo(Formula::new("=TODAY()")))
        .set_input_title(locale.pick("Date du rapport", "Report date"))?
        .set_input_message(locale.pick(
            "JJ/MM/AAAA. Un rapport décrit ce qui a été fait : jamais après aujourd'hui.",
            "DD/MM/YYYY. A report describes what was done: never after today.",
        ))?
        .set_error_title(locale.pick("Date refusée", "Date refused"))?
        .set_error_message(locale.pick(
            "Une date, jamais postérieure à aujourd'hui (JJ/MM/AAAA).",
            "A date, never after today (DD/MM/YYYY).",
        ))?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(1, col(Column::ReportedOn), last, col(Column::ReportedOn), &date)?;

    let links = DataValidation::new()
        .allow_any_value()
        .set_input_title(locale.pick("Preuves", "Evidence"))?
        .set_input_message(locale.pick(
            "Un lien par ligne : titre — https://… (Alt+Entrée pour aller à la ligne dans Excel, Ctrl+Entrée dans LibreOffice).",
            "One link per line: title — https://… (Alt+Enter for a new line in Excel, Ctrl+Enter in LibreOffice).",
        ))?;
    sheet.add_data_validation(1, col(Column::Links), last, col(Column::Links), &links)?;
    Ok(())
}

/// The instructions sheet's lines: a title, then paragraphs.
fn instructions(plan: &str, institution: Option<&str>, today: NaiveDate, locale: Locale) -> Vec<String> {
    let sheet = progress_sheet_name(locale);
    let statuses: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.label(locale)).collect();
    let statuses = statuses.join(", ");
    let complete = ProgressStatus::Complete.label(locale);
    match locale {
        Locale::Fr => vec![
            "Rendre compte de l'avancement du plan d'action".into(),
            format!("Plan d'action : {plan}"),
            match institution {
                Some(name) => format!("Institution porteuse : {name}"),
                None => "Institutions porteuses : toutes celles qui portent un engagement du plan".into(),
            },
            format!("Classeur préparé le {} par Plan ouvert.", locale.date(today)),
            String::new(),
            format!("1. Dans la feuille « {sheet} », chaque ligne porte sur un jalon, ou sur un engagement dans son ensemble (« Compte rendu de l'engagement »). Les colonnes grisées disent où il en est : elles ne se modifient pas."),
            format!("2. Pour chaque jalon ou engagement qui a avancé, remplissez les colonnes blanches : la date du rapport (JJ/MM/AAAA, jamais après aujourd'hui), le nouvel état choisi dans la liste ({statuses}), ce qui a été fait, les difficultés rencontrées et les prochaines étapes."),
            "3. Preuves : un lien par ligne de la cellule, sous la forme « titre — https://… » (Alt+Entrée pour aller à la ligne dans Excel, Ctrl+Entrée dans LibreOffice).".into(),
            format!("4. Laissez vides les lignes sans nouvelle : elles sont ignorées. Revenir sur un état « {complete} » demande d'expliquer pourquoi, dans « Ce qui a été fait » ou « Difficultés rencontrées »."),
            "5. Renvoyez le classeur à la coordination du plan. Elle l'importe dans Plan ouvert : chaque ligne remplie devient un rapport d'avancement signé. Si une valeur ne convient pas, rien n'est enregistré et chaque problème est indiqué avec sa ligne et sa colonne. Importer deux fois le même classeur n'enregistre rien de plus.".into(),
            "Des colonnes cachées rattachent chaque ligne à son jalon : ne les modifiez pas, n'ajoutez ni ne supprimez de ligne.".into(),
        ],
        Locale::En => vec![
            "Reporting on the action plan's progress".into(),
            format!("Action plan: {plan}"),
            match institution {
                Some(name) => format!("Lead institution: {name}"),
                None => "Lead institutions: every institution that carries a commitment of the plan".into(),
            },
            format!("Workbook made on {} by Plan ouvert.", locale.date(today)),
            String::new(),
            format!("1. In the “{sheet}” sheet, each row is about a milestone, or about a commitment as a whole (“The commitment's own account”). The grey columns say where it stands: they cannot be changed."),
            format!("2. For each milestone or commitment that moved on, fill in the white columns: the report date (DD/MM/YYYY, never after today), the new status chosen from the list ({statuses}), what was done, difficulties and next steps."),
            "3. Evidence: one link per line of the cell, as “title — https://…” (Alt+Enter for a new line in Excel, Ctrl+Enter in LibreOffice).".into(),
            format!("4. Leave rows with no news empty: they are skipped. Going back from “{complete}” needs a word of explanation, in “What was done” or “Difficulties”."),
            "5. Send the workbook back to the plan's coordination. It imports it into Plan ouvert: each filled row becomes a signed progress report. If a value does not fit, nothing is saved and each problem is given with its row and column. Importing the same workbook twice saves nothing more.".into(),
            "Hidden columns tie each row to its milestone: do not change them, and do not add or delete rows.".into(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instructions_name_the_progress_sheet_and_every_status() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        for locale in [Locale::Fr, Locale::En] {
            let text = instructions("Plan", Some("HATVP"), day, locale).join("\n");
            assert!(text.contains(progress_sheet_name(locale)));
            for status in ProgressStatus::ALL {
                assert!(text.contains(status.label(locale)), "{}", status.label(locale));
            }
        }
        assert_ne!(instructions_sheet_name(Locale::Fr), instructions_sheet_name(Locale::En));
    }
}
