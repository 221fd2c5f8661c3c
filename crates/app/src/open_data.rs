//! Open data from the app: importing the OGP commitment database, exporting a plan and its
//! self-assessment report. The file is asked of the person through the shell, so the window itself
//! has no access to the file system.

use std::path::{Path, PathBuf};

use std::collections::HashMap;

use plan_ouvert_domain::{
    parse_as_of, CommitmentId, ErrorCode, ExportFormat, Failure, ImportCounts, ImportId, ImportPlanChoice,
    ImportPreview, ImportProgress, ImportRecord, ImportStage, ImportSummary, ImportWarningKind, ImportWarningView,
    JurySessionId, Locale, PlanId, SelfAssessmentTerm, UndoImportSummary, WorkshopId,
};
use plan_ouvert_opendata::{export, ogp, Dataset};
use plan_ouvert_store::import::{Counts, ImportReport, Selection, UndoReport};
use plan_ouvert_sync::protocol::RecordKind;
use uuid::Uuid;

use crate::laptop::{internal, Laptop};
use crate::shell::{Event, FileRequest};

fn counts(c: Counts) -> ImportCounts {
    ImportCounts { created: c.created, updated: c.updated, unchanged: c.unchanged }
}

pub(crate) fn read_failure(error: &std::io::Error, path: &Path, locale: Locale) -> Failure {
    let message = match locale {
        Locale::Fr => format!("Le fichier {} n'a pas pu être lu : {error}.", path.display()),
        Locale::En => format!("The file {} could not be read: {error}.", path.display()),
    };
    Failure::new(ErrorCode::Storage, message)
}

/// A file read and shown, waiting for the person's choice of plans.
#[derive(Debug)]
pub(crate) struct PendingImport {
    file_name: String,
    import: ogp::OgpImport,
    own_country: String,
}

impl PendingImport {
    fn plan_ids(&self) -> impl Iterator<Item = (Uuid, &Fields)> {
        self.import.dataset.records.iter().filter(|(k, _)| k.kind == RecordKind::Plan).map(|(k, f)| (k.id, f))
    }

    /// The plans chosen, those of other countries kept as a library.
    fn selection(&self, plans: &[PlanId]) -> Result<Selection, Failure> {
        let mut selection = Selection::default();
        for plan in plans {
            let fields = self
                .import
                .dataset
                .get(RecordKind::Plan, plan.0)
                .ok_or_else(|| internal(&format!("plan {} is not in the file", plan.0)))?;
            selection.plans.insert(plan.0);
            if !same_country(&text(fields, "country"), &self.own_country) {
                selection.library.insert(plan.0);
            }
        }
        Ok(selection)
    }

    fn warnings(&self, locale: Locale, only: Option<&[PlanId]>) -> Vec<ImportWarningView> {
        let plans: HashMap<&str, (Uuid, String)> = self
            .plan_ids()
            .map(|(id, f)| (f.get("ogpPlanId").and_then(|v| v.as_str()).unwrap_or(""), (id, text(f, "country"))))
            .collect();
        self.import
            .warnings
            .iter()
            .filter_map(|w| {
                let (plan, country) = plans.get(w.plan.as_str())?;
                if only.is_some_and(|only| !only.contains(&PlanId(*plan))) {
                    return None;
                }
                let commitment = ogp::commitment_id(&w.identifier);
                Some(ImportWarningView {
                    row: u32::try_from(w.row).unwrap_or(u32::MAX),
                    identifier: w.identifier.clone(),
                    column: w.column.clone(),
                    message: w.message(locale).to_string(),
                    kind: match w.kind {
                        ogp::WarningKind::Date => ImportWarningKind::Date,
                        ogp::WarningKind::Institution => ImportWarningKind::Institution,
                        ogp::WarningKind::Assessment => ImportWarningKind::Assessment,
                        ogp::WarningKind::Value => ImportWarningKind::Value,
                    },
                    plan_id: PlanId(*plan),
                    country: country.clone(),
                    commitment_id: only
                        .is_some()
                        .then_some(commitment)
                        .filter(|c| self.import.dataset.get(RecordKind::Commitment, *c).is_some())
                        .map(CommitmentId),
                })
            })
            .collect()
    }
}

type Fields = std::collections::BTreeMap<String, serde_json::Value>;

fn text(fields: &Fields, name: &str) -> String {
    fields.get(name).and_then(|v| v.as_str()).unwrap_or("").to_string()
}

fn same_country(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// How a plan's dates were read, in words.
fn date_rule(rule: Option<&ogp::DateRule>, locale: Locale) -> (String, bool) {
    let rule = rule.copied().unwrap_or_default();
    let ambiguous = |l: Locale| {
        l.count(rule.ambiguous as u64, ("date ambiguë", "dates ambiguës"), ("ambiguous date", "ambiguous dates"))
    };
    let (fr, en) = match rule.convention {
        _ if rule.ambiguous == 0 => (
            "Aucune date ambiguë : chaque date se lit d'une seule façon.".to_string(),
            "No ambiguous date: each date reads one way only.".to_string(),
        ),
        Some(convention) => {
            let (order_fr, order_en, n) = match convention {
                ogp::Convention::DayMonth => ("jour/mois", "day/month", rule.day_month),
                ogp::Convention::MonthDay => ("mois/jour", "month/day", rule.month_day),
            };
            let read = |l: Locale| {
                l.count(
                    rule.resolved as u64,
                    ("date ambiguë lue", "dates ambiguës lues"),
                    ("ambiguous date read", "ambiguous dates read"),
                )
            };
            (
                format!(
                    "{} {order_fr} : l'ordre de {} de ce plan qui ne se lisent que d'une façon.",
                    capitalised(&read(Locale::Fr)),
                    Locale::Fr.count(n as u64, ("date", "dates"), ("date", "dates"))
                ),
                format!(
                    "{} {order_en}: the order of {} of this plan that read one way only.",
                    capitalised(&read(Locale::En)),
                    Locale::En.count(n as u64, ("date", "dates"), ("date", "dates"))
                ),
            )
        }
        None if rule.day_month > 0 && rule.month_day > 0 => (
            format!(
                "{} non lues : ce plan mélange jour/mois et mois/jour (texte d'origine conservé, à vérifier).",
                capitalised(&ambiguous(Locale::Fr))
            ),
            format!(
                "{} not read: this plan mixes day/month and month/day (original text kept, to check).",
                capitalised(&ambiguous(Locale::En))
            ),
        ),
        None => (
            format!(
                "{} non lues : aucune autre date du plan ne dit l'ordre jour/mois (texte d'origine conservé, à vérifier).",
                capitalised(&ambiguous(Locale::Fr))
            ),
            format!(
                "{} not read: no other date of the plan tells the day/month order (original text kept, to check).",
                capitalised(&ambiguous(Locale::En))
            ),
        ),
    };
    (locale.pick(&fr, &en).clone(), rule.convention.is_some() && rule.resolved > 0)
}

/// Reads a file of the OGP commitment database that the person picks (`None` when they
/// cancel) and says what it holds, writing nothing: the person then chooses the plans.
pub(crate) fn read_ogp_csv(app: &Laptop) -> Result<Option<ImportPreview>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(FileRequest::OgpCsv, None, locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    progress(app, ImportStage::Reading, 0, 0);
    let bytes = std::fs::read(&path).map_err(|e| read_failure(&e, &path, locale))?;
    let import =
        ogp::read_ogp_csv_with_progress(&bytes, &mut |done, total| progress(app, ImportStage::Reading, done, total))
            .map_err(|refusal| Failure::new(ErrorCode::Validation, refusal.message(locale)))?;
    let own_country = app.run(|store| store.own_country())?;
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let pending = PendingImport { file_name, import, own_country };
    let here: std::collections::HashSet<Uuid> =
        app.run(|store| store.list_plans())?.into_iter().map(|p| p.id.0).collect();
    let mut commitments: HashMap<String, u32> = HashMap::new();
    for (key, fields) in &pending.import.dataset.records {
        if key.kind == RecordKind::Commitment {
            *commitments.entry(text(fields, "planId")).or_default() += 1;
        }
    }
    let mut plans: Vec<(ImportPlanChoice, i64)> = pending
        .plan_ids()
        .map(|(id, fields)| {
            let ogp_plan_id = text(fields, "ogpPlanId");
            let (rule, deduced) = date_rule(pending.import.date_rules.get(&ogp_plan_id), locale);
            let country = text(fields, "country");
            let choice = ImportPlanChoice {
                id: PlanId(id),
                own_country: same_country(&country, &pending.own_country),
                already_here: here.contains(&id),
                commitments: commitments.get(&id.to_string()).copied().unwrap_or(0),
                title: text(fields, "title"),
                date_rule: rule,
                dates_deduced: deduced,
                ogp_plan_id,
                country,
            };
            (choice, fields.get("planNumber").and_then(|n| n.as_i64()).unwrap_or(0))
        })
        .collect();
    plans.sort_by(|(a, an), (b, bn)| {
        (!a.own_country, a.country.to_lowercase(), an).cmp(&(!b.own_country, b.country.to_lowercase(), bn))
    });
    let preview = ImportPreview {
        file_name: pending.file_name.clone(),
        rows: u32::try_from(pending.import.rows).unwrap_or(u32::MAX),
        own_country: pending.own_country.clone(),
        plans: plans.into_iter().map(|(p, _)| p).collect(),
        warnings: pending.warnings(locale, None),
    };
    tracing::info!(file = %path.display(), rows = pending.import.rows, "read a file of the OGP commitment database");
    app.with_pending(|slot: &mut Option<PendingImport>| *slot = Some(pending));
    Ok(Some(preview))
}

fn progress(app: &Laptop, stage: ImportStage, done: usize, total: usize) {
    let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    app.emit(Event::ImportProgress(ImportProgress { stage, done: as_u32(done), total: as_u32(total) }));
}

fn summary(pending: &PendingImport, report: &ImportReport, warnings: Vec<ImportWarningView>) -> ImportSummary {
    ImportSummary {
        rows: u32::try_from(pending.import.rows).unwrap_or(u32::MAX),
        plans: counts(report.of(RecordKind::Plan)),
        areas: counts(report.of(RecordKind::Area)),
        institutions: counts(report.of(RecordKind::Institution)),
        commitments: counts(report.of(RecordKind::Commitment)),
        queued: report.queued,
        kept_here: report.kept_here,
        import_id: report.batch.map(ImportId),
        warnings,
    }
}

fn no_file_read(locale: Locale) -> Failure {
    Failure::new(
        ErrorCode::NotFound,
        locale.pick(
            "Aucun fichier lu n'attend d'être importé : choisissez d'abord le fichier.",
            "No file read is waiting to be imported: choose the file first.",
        ),
    )
}

/// What importing `plans` of the file read would write and send, written nowhere.
pub(crate) fn preview_ogp_import(app: &Laptop, plans: &[PlanId]) -> Result<ImportSummary, Failure> {
    let locale = app.locale();
    app.with_pending(|slot: &mut Option<PendingImport>| {
        let pending = slot.as_ref().ok_or_else(|| no_file_read(locale))?;
        let selection = pending.selection(plans)?;
        let report = app.run(|store| store.preview_import(&pending.import.dataset.records, &selection))?;
        Ok(summary(pending, &report, Vec::new()))
    })
}

/// Imports `plans` of the file read, all or nothing: the own country's are queued for the
/// server, the others kept here as a read-only library.
pub(crate) fn confirm_ogp_import(app: &Laptop, plans: &[PlanId]) -> Result<ImportSummary, Failure> {
    let locale = app.locale();
    app.with_pending(|slot: &mut Option<PendingImport>| confirm(app, slot, plans, locale))
}

fn confirm(
    app: &Laptop,
    slot: &mut Option<PendingImport>,
    plans: &[PlanId],
    locale: Locale,
) -> Result<ImportSummary, Failure> {
    let pending = slot.as_ref().ok_or_else(|| no_file_read(locale))?;
    if plans.is_empty() {
        return Err(Failure::new(
            ErrorCode::Validation,
            locale.pick("Choisissez au moins un plan à importer.", "Choose at least one plan to import."),
        ));
    }
    let selection = pending.selection(plans)?;
    let report = app.run(|store| {
        store.import_records(&pending.import.dataset.records, &selection, &pending.file_name, &mut |done, total| {
            progress(app, ImportStage::Writing, done, total)
        })
    })?;
    tracing::info!(plans = plans.len(), queued = report.queued, "imported plans of the OGP commitment database");
    let summary = summary(pending, &report, pending.warnings(locale, Some(plans)));
    *slot = None;
    Ok(summary)
}

fn undo_summary(report: UndoReport) -> UndoImportSummary {
    UndoImportSummary { deleted: report.deleted, restored: report.restored, kept: report.kept, queued: report.queued }
}

/// The imports that can be undone, the latest first.
pub(crate) fn list_imports(app: &Laptop) -> Result<Vec<ImportRecord>, Failure> {
    let batches = app.run(|store| store.import_batches())?;
    Ok(batches
        .into_iter()
        .map(|b| ImportRecord {
            id: ImportId(b.id),
            at: b.at,
            file_name: b.file_name,
            library_plans: u32::try_from(b.plans.iter().filter(|p| p.2).count()).unwrap_or(u32::MAX),
            plans: b.plans.into_iter().map(|p| p.0).collect(),
            records: b.records,
        })
        .collect())
}

/// What undoing an import would do.
pub(crate) fn preview_undo_import(app: &Laptop, id: ImportId) -> Result<UndoImportSummary, Failure> {
    app.run(|store| store.preview_undo_import(id.0)).map(undo_summary)
}

/// Undoes an import as a whole.
pub(crate) fn undo_import(app: &Laptop, id: ImportId) -> Result<UndoImportSummary, Failure> {
    let report = app.run(|store| store.undo_import(id.0))?;
    tracing::info!(import = id.0, deleted = report.deleted, restored = report.restored, "undid an import");
    Ok(undo_summary(report))
}

/// Asks the person where to save what an export made (proposing `name`) and writes it there:
/// `None` when they cancel, else where it wrote.
pub(crate) fn save_where_asked(
    app: &Laptop,
    request: FileRequest,
    name: &str,
    rendered: export::Rendered,
) -> Result<Option<PathBuf>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(request, Some(name), locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    export::write_rendered(rendered, &path).map_err(|e| Failure::new(ErrorCode::Storage, e.message(locale)))?;
    Ok(Some(path))
}

/// Writes a plan as open data where the person chooses (`None` when they cancel): a JSON file,
/// a folder receiving the CSV files, or an HTML file. Resolves to where it wrote.
pub(crate) fn export_plan(app: &Laptop, plan_id: PlanId, format: ExportFormat) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let records = app.run(|store| store.plan_records(plan_id))?;
    let dataset = Dataset { records };
    // Refused before asking where to write: a plan that cannot be exported is said at once.
    let rendered = export::render_plan(&dataset, plan_id.0, format, locale)
        .map_err(|e| Failure::new(ErrorCode::NotFound, e.message(locale)))?;
    let request = match format {
        ExportFormat::Json => FileRequest::SaveJson,
        ExportFormat::Html => FileRequest::SaveHtml,
        ExportFormat::Xlsx => FileRequest::SaveXlsx,
        ExportFormat::Csv => FileRequest::CsvFolder,
    };
    // The plan's title and the day, as the server's command line names it too.
    let name = export::plan_file_name(&dataset, plan_id.0, format);
    let Some(path) = save_where_asked(app, request, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(file = %path.display(), ?format, "exported a plan");
    Ok(Some(path.display().to_string()))
}

/// Writes the plan's self-assessment report (`term`, as of the day `as_of`, `YYYY-MM-DD`, never
/// after today) where the person chooses, proposing « Autoévaluation mi-parcours — <the plan's
/// title> — <the day>.html »; `None` when they cancel. Resolves to where it wrote.
pub(crate) fn export_self_assessment(
    app: &Laptop,
    plan_id: PlanId,
    term: SelfAssessmentTerm,
    as_of: &str,
) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let as_of = parse_as_of(as_of, chrono::Local::now().date_naive()).map_err(|i| Failure::invalid(&[i], locale))?;
    let dataset = Dataset { records: app.run(|store| store.plan_records(plan_id))? };
    // Made before asking where to write: a report that cannot be made is said at once.
    let html = export::self_assessment_html(&dataset, plan_id.0, term, as_of, locale)
        .map_err(|e| Failure::new(ErrorCode::NotFound, e.message(locale)))?;
    let name = export::self_assessment_file_name(&dataset, plan_id.0, term, as_of, locale);
    let rendered = export::Rendered::Document(html);
    let Some(path) = save_where_asked(app, FileRequest::SaveSelfAssessment, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(file = %path.display(), ?term, %as_of, "exported a self-assessment report");
    Ok(Some(path.display().to_string()))
}

/// Writes a workshop's report (`html`: the printable page, participants counted, never named) or
/// its data (`json`, `csv`: the plan's formats filtered to it) where the person chooses,
/// proposing « Atelier — <its title> — <the day>.html »; `None` when they cancel. Resolves to
/// where it wrote.
pub(crate) fn export_workshop(
    app: &Laptop,
    workshop_id: WorkshopId,
    format: ExportFormat,
) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let records = app.run(|store| {
        let plan = store.workshop(workshop_id)?.workshop.plan_id;
        store.plan_records(plan)
    })?;
    let dataset = Dataset { records };
    // Made before asking where to write: a workshop that cannot be exported is said at once.
    let rendered = export::render_workshop(&dataset, workshop_id.0, format, locale)
        .map_err(|e| Failure::new(ErrorCode::NotFound, e.message(locale)))?;
    let request = match format {
        ExportFormat::Json => FileRequest::SaveWorkshopJson,
        ExportFormat::Csv => FileRequest::WorkshopCsvFolder,
        ExportFormat::Html | ExportFormat::Xlsx => FileRequest::SaveWorkshopReport,
    };
    let name = export::workshop_file_name(&dataset, workshop_id.0, format, locale);
    let Some(path) = save_where_asked(app, request, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(file = %path.display(), ?format, "exported a workshop");
    Ok(Some(path.display().to_string()))
}

/// Writes a jury session's ranking where the person chooses (`None` when they cancel): a
/// printable document with its rule (`html`) or a CSV file with its Table Schema (`csv`); no
/// juror is named in either. Resolves to where it wrote.
pub(crate) fn export_jury_ranking(
    app: &Laptop,
    session_id: JurySessionId,
    format: ExportFormat,
) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let (detail, plan) = app.run(|store| {
        let detail = store.jury_session(session_id)?;
        let plan = store.plan(detail.session.plan_id)?;
        Ok((detail, plan))
    })?;
    // Made before asking where to write: a format the ranking has not is said at once.
    let (rendered, request, extension) = match format {
        ExportFormat::Html => (
            export::Rendered::Document(export::jury_ranking_html(&detail, &plan.title, &plan.country, locale)),
            FileRequest::SaveJuryRanking,
            "html",
        ),
        ExportFormat::Csv => {
            (export::Rendered::Document(export::jury_ranking_csv(&detail)), FileRequest::SaveCsv, "csv")
        }
        ExportFormat::Json | ExportFormat::Xlsx => {
            return Err(Failure::new(
                ErrorCode::Validation,
                locale.pick(
                    "Le classement d'un jury s'exporte en document imprimable ou en CSV.",
                    "A jury's ranking is exported as a printable document or as CSV.",
                ),
            ))
        }
    };
    let title = format!("{} — {}", plan_ouvert_domain::labels::JuryLabels::of(locale).ranking, detail.session.title);
    let name = format!("{}.{extension}", export::file_stem(&title, detail.session.held_on));
    let Some(path) = save_where_asked(app, request, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(file = %path.display(), ?format, "exported a jury's ranking");
    Ok(Some(path.display().to_string()))
}
