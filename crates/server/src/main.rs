//! `plan-ouvert-server`: serve the central plan API, administer who may use it, import the OGP
//! commitment database and export a plan as open data.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use plan_ouvert_domain::Locale;
use plan_ouvert_server::{api, database, directory, opendata, routes};
use plan_ouvert_sync::protocol::RecordKind;

#[derive(Parser)]
#[command(name = "plan-ouvert-server", version, about = "Serveur central de Plan ouvert (API du plan d'action)")]
struct Cli {
    /// The server's SQLite database (created if missing).
    #[arg(long, global = true, env = "PLAN_OUVERT_SERVER_DB", default_value = "plan-ouvert-server.sqlite3")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API.
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
    },
    /// Institutions.
    Institution {
        #[command(subcommand)]
        command: InstitutionCommand,
    },
    /// People and their roles.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Access tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Imports open data into the plan.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// To run once after the database file was replaced by a backup, before serving again: the
    /// plan's history starts anew from the backup, so that every laptop sends again the changes
    /// the backup lacks and receives everything again.
    Restored,
    /// Exports a plan as open data, or its self-assessment report.
    Export {
        /// json (the whole plan), csv (commitments and milestones, with their Table Schemas), html
        /// (a printable document), xlsx (a workbook for spreadsheets, named after the plan's
        /// title and the day by default) or self-assessment (the OGP's self-assessment report, a
        /// printable document, see --term and --as-of).
        format: ExportFormat,
        /// The plan: its id or its OGP identifier (e.g. AP_FRA01). Needed when the server holds
        /// several plans.
        #[arg(long)]
        plan: Option<String>,
        /// Where to write: a file for json, html and xlsx (default: standard output for json and
        /// html), or a folder, where the file is named after the plan's title and the day
        /// ("France — Plan d'action 2025-2027 — 2026-11-30.html"); a folder for csv (default: the
        /// current folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Language of the html document and the self-assessment report: fr or en.
        #[arg(long, default_value = "fr")]
        lang: String,
        /// The self-assessment report: mid-term (default) or end-of-term.
        #[arg(long)]
        term: Option<Term>,
        /// The self-assessment report: the day it describes, YYYY-MM-DD (default: today); only the
        /// progress reports dated on or before it count. Into a folder, the file is named after
        /// the report, the plan's title and this day ("Autoévaluation mi-parcours — France — Plan
        /// d'action 2025-2027 — 2026-06-30.html").
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Term {
    MidTerm,
    EndOfTerm,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// The OGP commitment database, as exported by the Open Government Partnership (CSV): every
    /// row or nothing; importing the same file again changes nothing.
    OgpCsv { path: PathBuf },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
    Html,
    Xlsx,
    SelfAssessment,
}

#[derive(Subcommand)]
enum InstitutionCommand {
    /// Adds an institution.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        acronym: String,
        /// ministry, independentAuthority, parliament, court or other.
        #[arg(long, default_value = "ministry")]
        kind: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Adds a person with a role in an institution.
    Add {
        name: String,
        /// The institution's name, acronym or id.
        #[arg(long)]
        institution: String,
        /// drafter, coordinator or reader.
        #[arg(long)]
        role: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issues a token for a person and prints it (the only time it is shown).
    Issue { user: String },
    /// Revokes a token, or every token of a person.
    Revoke { user_or_token: String },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // Structured log on standard error (PLAN_OUVERT_LOG or RUST_LOG, e.g. `debug`); standard
    // output stays for what a command prints (an id, a token, a file).
    let filter = std::env::var("PLAN_OUVERT_LOG")
        .ok()
        .and_then(|f| tracing_subscriber::EnvFilter::try_new(f).ok())
        .or_else(|| tracing_subscriber::EnvFilter::try_from_default_env().ok())
        .unwrap_or_else(|| "info".into());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // The reason and its causes, for the administrator; no backtrace.
            eprintln!("plan-ouvert-server : {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let conn = database::open(&cli.db).with_context(|| format!("cannot open the database {}", cli.db.display()))?;
    match cli.command {
        Command::Serve { listen } => {
            let listener =
                tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
            println!("plan-ouvert-server: listening on {}", listener.local_addr()?);
            tracing::info!(address = %listener.local_addr()?, database = %cli.db.display(), "serving the central plan API");
            let app = routes::app(Arc::new(api::ServerState::new(conn)));
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await?;
        }
        Command::Institution { command: InstitutionCommand::Add { name, acronym, kind } } => {
            let id = directory::add_institution(&conn, &name, &acronym, &kind)?;
            println!("{id}");
        }
        Command::User { command: UserCommand::Add { name, institution, role } } => {
            let id = directory::add_person(&conn, &name, &institution, directory::parse_role(&role)?)?;
            println!("{id}");
        }
        Command::Token { command: TokenCommand::Issue { user } } => {
            println!("{}", directory::issue_token(&conn, &user)?);
        }
        Command::Token { command: TokenCommand::Revoke { user_or_token } } => {
            let count = directory::revoke(&conn, &user_or_token)?;
            println!("{}", Locale::Fr.count(count as u64, ("jeton révoqué", "jetons révoqués"), ("", "")));
        }
        Command::Import { command: ImportCommand::OgpCsv { path } } => import_ogp_csv(conn, &path)?,
        Command::Restored => {
            let mut conn = conn;
            let timeline = plan_ouvert_server::ledger::SqliteLedger::new(&mut conn).restored()?;
            println!(
                "Nouvel historique {} à partir de la version {} : chaque ordinateur renverra ce que la sauvegarde ne contient pas.",
                timeline.id, timeline.from
            );
        }
        Command::Export { format, plan, out, lang, term, as_of } => {
            export(conn, format, plan.as_deref(), out, &lang, (term, as_of.as_deref()))?
        }
    }
    Ok(())
}

fn import_ogp_csv(mut conn: rusqlite::Connection, path: &std::path::Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("impossible de lire {}", path.display()))?;
    let import = match plan_ouvert_opendata::ogp::read_ogp_csv(&bytes) {
        Ok(import) => import,
        Err(refusal) => {
            eprintln!("{}", refusal.message(Locale::Fr));
            anyhow::bail!("fichier refusé : rien n'a été écrit");
        }
    };
    let counts = opendata::import(&mut conn, &import.dataset)?;
    for (kind, label) in [
        (RecordKind::Plan, "plans d'action"),
        (RecordKind::Area, "axes"),
        (RecordKind::Institution, "institutions"),
        (RecordKind::Commitment, "engagements"),
    ] {
        let c = counts.get(&kind).copied().unwrap_or_default();
        let fr = |n: usize, one, many| Locale::Fr.count(n as u64, (one, many), ("", ""));
        println!(
            "{label} : {}, {}, {}",
            fr(c.created, "créé", "créés"),
            fr(c.updated, "mis à jour", "mis à jour"),
            fr(c.unchanged, "inchangé", "inchangés")
        );
    }
    for warning in &import.warnings {
        println!(
            "avertissement, ligne {} ({}, {}) : {}",
            warning.row, warning.identifier, warning.column, warning.message_fr
        );
    }
    println!("{}", Locale::Fr.count(import.warnings.len() as u64, ("avertissement", "avertissements"), ("", "")));
    Ok(())
}

/// The plan named by `key` (id or OGP identifier), or the only one.
fn find_plan(dataset: &plan_ouvert_opendata::Dataset, key: Option<&str>) -> anyhow::Result<uuid::Uuid> {
    let plans: Vec<(uuid::Uuid, String, String)> = dataset
        .of_kind(RecordKind::Plan)
        .map(|(id, f)| {
            let text = |name: &str| f.get(name).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            (id, text("ogpPlanId"), text("title"))
        })
        .collect();
    let found: Vec<&(uuid::Uuid, String, String)> = match key {
        Some(key) => {
            plans.iter().filter(|(id, ogp, _)| id.to_string() == key || ogp.eq_ignore_ascii_case(key)).collect()
        }
        None => plans.iter().collect(),
    };
    match found.as_slice() {
        [one] => Ok(one.0),
        [] => anyhow::bail!("aucun plan ne correspond ; plans connus : {}", list(&plans)),
        _ => anyhow::bail!("plusieurs plans : précisez --plan parmi {}", list(&plans)),
    }
}

fn list(plans: &[(uuid::Uuid, String, String)]) -> String {
    plans.iter().map(|(id, ogp, title)| format!("\n  {id} {ogp} {title}")).collect()
}

/// What a self-assessment report is asked with: `--term` and `--as-of`.
type ReportOptions<'a> = (Option<Term>, Option<&'a str>);

fn export(
    mut conn: rusqlite::Connection,
    format: ExportFormat,
    plan: Option<&str>,
    out: Option<PathBuf>,
    lang: &str,
    (term, as_of): ReportOptions,
) -> anyhow::Result<()> {
    use plan_ouvert_domain::ExportFormat as Format;
    use plan_ouvert_opendata::export;
    let locale = match lang {
        "fr" => Locale::Fr,
        "en" => Locale::En,
        other => anyhow::bail!("langue inconnue « {other} » : fr ou en"),
    };
    let format = match format {
        ExportFormat::Json => Some(Format::Json),
        ExportFormat::Csv => Some(Format::Csv),
        ExportFormat::Html => Some(Format::Html),
        ExportFormat::Xlsx => Some(Format::Xlsx),
        ExportFormat::SelfAssessment => None,
    };
    if format.is_some() && (term.is_some() || as_of.is_some()) {
        anyhow::bail!("--term et --as-of ne valent que pour le rapport d'autoévaluation (self-assessment)");
    }
    let dataset = opendata::load(&mut conn)?;
    let plan = find_plan(&dataset, plan)?;
    // The same files as the app writes (export::render_plan, export::self_assessment_html); a
    // document without --out goes to standard output. A file written into a folder (--out naming a
    // folder, or a workbook without --out) is named as the app proposes: the plan's title and the
    // day (for a self-assessment report, the report and the day it describes).
    let refused = |e: export::ExportError| anyhow::anyhow!(e.message(Locale::Fr));
    let (rendered, name) = match format {
        Some(format) => (
            export::render_plan(&dataset, plan, format, locale).map_err(refused)?,
            export::plan_file_name(&dataset, plan, format),
        ),
        None => {
            let term = match term.unwrap_or(Term::MidTerm) {
                Term::MidTerm => plan_ouvert_domain::SelfAssessmentTerm::MidTerm,
                Term::EndOfTerm => plan_ouvert_domain::SelfAssessmentTerm::EndOfTerm,
            };
            let today = chrono::Local::now().date_naive();
            let as_of = match as_of {
                Some(day) => plan_ouvert_domain::parse_as_of(day, today)
                    .map_err(|i| anyhow::anyhow!("--as-of {day} : {}", i.problem.message(Locale::Fr)))?,
                None => today,
            };
            let html = export::self_assessment_html(&dataset, plan, term, as_of, locale).map_err(refused)?;
            (export::Rendered::Document(html), export::self_assessment_file_name(&dataset, plan, term, as_of, locale))
        }
    };
    match (out, rendered) {
        (None, export::Rendered::Document(text)) => print!("{text}"),
        (out, rendered) => {
            let binary = matches!(rendered, export::Rendered::Binary(_));
            let folder = matches!(rendered, export::Rendered::Folder(_));
            // Whether the name was chosen here: then it is said.
            let (path, named_here) = match out {
                Some(dir) if dir.is_dir() && !folder => (dir.join(&name), true),
                Some(path) => (path, false),
                None if binary => (PathBuf::from(&name), true),
                None => (PathBuf::from("."), false),
            };
            let written =
                export::write_rendered(rendered, &path).map_err(|e| anyhow::anyhow!(e.message(Locale::Fr)))?;
            if folder || binary || named_here {
                for file in written {
                    println!("{}", file.display());
                }
            }
        }
    }
    Ok(())
}
