//! `plan-ouvert-server`: serve the central plan API, and administer who may use it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use plan_ouvert_server::{api, database, directory};

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
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let conn = database::open(&cli.db).with_context(|| format!("cannot open the database {}", cli.db.display()))?;
    match cli.command {
        Command::Serve { listen } => {
            let listener = tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
            println!("plan-ouvert-server: listening on {}", listener.local_addr()?);
            let app = api::app(Arc::new(api::ServerState::new(conn)));
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
            println!("{count} jeton(s) révoqué(s)");
        }
    }
    Ok(())
}
