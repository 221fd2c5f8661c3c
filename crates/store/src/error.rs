//! What can go wrong in the store, and how it is told to the person.

use plan_ouvert_domain::{ErrorCode, Failure, Invalid, Locale};

/// The kinds of records, to say which one is missing or in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Plan,
    Area,
    Commitment,
    Milestone,
    Institution,
    /// A sync conflict (already resolved elsewhere, or unknown).
    Conflict,
    /// A change the server refused (already discarded).
    Rejection,
    /// An import (already undone, or unknown).
    Import,
    /// A deletion (already undone, or unknown).
    Deletion,
    /// A progress report.
    Report,
    /// A reporting round.
    Round,
    /// A co-construction workshop.
    Workshop,
    /// A workshop's participant.
    Participant,
    /// A workshop's contribution.
    Contribution,
    /// A citizen jury's session.
    JurySession,
    /// A juror.
    Juror,
    /// An application to a jury.
    JuryApplication,
    /// A juror's score sheet.
    ScoreSheet,
}

impl Entity {
    /// The entity of a record kind.
    pub fn of(kind: plan_ouvert_sync::protocol::RecordKind) -> Self {
        use plan_ouvert_sync::protocol::RecordKind;
        match kind {
            RecordKind::Plan => Entity::Plan,
            RecordKind::Area => Entity::Area,
            RecordKind::Commitment => Entity::Commitment,
            RecordKind::Milestone => Entity::Milestone,
            RecordKind::Institution => Entity::Institution,
            RecordKind::Report => Entity::Report,
            RecordKind::Round => Entity::Round,
            RecordKind::Workshop => Entity::Workshop,
            RecordKind::Participant | RecordKind::Identity => Entity::Participant,
            RecordKind::Contribution => Entity::Contribution,
            RecordKind::JurySession => Entity::JurySession,
            RecordKind::Juror => Entity::Juror,
            RecordKind::JuryApplication => Entity::JuryApplication,
            RecordKind::ScoreSheet => Entity::ScoreSheet,
        }
    }
}

/// A failure of a store operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Values were refused; nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Invalid>),
    /// The record does not exist (any more).
    #[error("{0:?} not found")]
    NotFound(Entity),
    /// The record is used by `count` others and cannot be deleted.
    #[error("{entity:?} used by {count} records")]
    InUse { entity: Entity, count: u32 },
    /// SQLite refused or failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// Sync data in the database could not be read back (a bug or a damaged file).
    #[error("corrupt sync data: {0}")]
    Corrupt(String),
    /// The data folder could not be created.
    #[error("data folder error: {0}")]
    Io(#[from] std::io::Error),
    /// Another person signs in while the previous one's changes are not all sent or resolved.
    #[error("{pending} changes unsent and {conflicts} conflicts of the previous account")]
    Unsent { pending: u32, conflicts: u32 },
    /// A record of a plan kept as a reference library (another country's) cannot be changed.
    #[error("a record of the reference library cannot be changed")]
    InLibrary,
    /// Progress was reported on the record (`count` reports): it is kept with them.
    #[error("{count} progress reports on the record")]
    HasReports { count: u32 },
    /// The person may not report here, or this laptop does not know whom to sign for.
    #[error("cannot report: {0:?}")]
    CannotReport(crate::report::CannotReport),
    /// Undoing an import would erase `changed` records a person changed (or added) since.
    #[error("{changed} records changed since the import")]
    ChangedSinceImport { changed: u32 },
    /// Who a participant is may only be kept by the institution that runs the workshop (its
    /// name): this laptop's person is of another one.
    #[error("personal data of a workshop of {institution}")]
    PersonalDataElsewhere { institution: String },
    /// Someone of another institution tried to change a citizen jury: it stays with the
    /// institution that runs it (`institution`, its name).
    #[error("the jury is kept by {institution}")]
    JuryElsewhere { institution: String },
    /// An exchange file was not taken in; nothing was written.
    #[error("exchange file refused: {0:?}")]
    Exchange(crate::exchange::ExchangeRefusal),
}

/// `Result` of store operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Invalid> for Error {
    fn from(invalid: Invalid) -> Self {
        Error::Invalid(vec![invalid])
    }
}

impl From<Vec<Invalid>> for Error {
    fn from(invalid: Vec<Invalid>) -> Self {
        Error::Invalid(invalid)
    }
}

impl Error {
    /// The refusal as the interface receives it, in the person's language. Database internals
    /// are not included: they go to the log, not to the screen.
    pub fn to_failure(&self, locale: Locale) -> Failure {
        match self {
            Error::Invalid(problems) => Failure::invalid(problems, locale),
            Error::NotFound(entity) => Failure::new(ErrorCode::NotFound, not_found(*entity, locale)),
            Error::InUse { entity, count } => Failure::new(ErrorCode::InUse, in_use(*entity, *count, locale)),
            Error::Unsent { pending, conflicts } => Failure::new(ErrorCode::InUse, unsent(*pending, *conflicts, locale)),
            Error::InLibrary => Failure::new(
                ErrorCode::InUse,
                locale.pick(
                    "Ce plan d'un autre pays est gardé comme référence : il se consulte, il ne se modifie pas. Rien n'a été enregistré.",
                    "This plan of another country is kept as a reference: it can be read, not changed. Nothing was saved.",
                ),
            ),
            Error::HasReports { .. } => Failure::new(
                ErrorCode::InUse,
                crate::sync_views::refusal_message(plan_ouvert_sync::protocol::Refusal::HasReports, locale),
            ),
            Error::CannotReport(reason) => Failure::new(ErrorCode::InUse, reason.message(locale)),
            Error::Exchange(refusal) => Failure::new(ErrorCode::Validation, refusal.message(locale)),
            Error::PersonalDataElsewhere { institution } => Failure::new(
                ErrorCode::InUse,
                match locale {
                    Locale::Fr => format!(
                        "Seules les personnes de l'institution organisatrice ({institution}) enregistrent les participants : leurs données personnelles restent à cette institution. Rien n'a été enregistré."
                    ),
                    Locale::En => format!(
                        "Only the people of the organising institution ({institution}) record participants: their personal data stays with that institution. Nothing was saved."
                    ),
                },
            ),
            Error::JuryElsewhere { institution } => Failure::new(
                ErrorCode::InUse,
                match locale {
                    Locale::Fr => format!(
                        "Seules les personnes de l'institution qui tient ce jury ({institution}) le modifient : les jurés, les candidatures et les notes restent à cette institution. Rien n'a été enregistré."
                    ),
                    Locale::En => format!(
                        "Only the people of the institution that runs this jury ({institution}) change it: jurors, applications and scores stay with that institution. Nothing was saved."
                    ),
                },
            ),
            Error::ChangedSinceImport { changed } => crate::import::changed_since_import(*changed, locale),
            Error::Database(_) | Error::Migration(_) | Error::Io(_) | Error::Corrupt(_) => Failure::new(
                ErrorCode::Storage,
                locale.pick(
                    "La base de données locale n'a pas pu être lue ou écrite. Vos données déjà enregistrées sont intactes ; réessayez.",
                    "The local database could not be read or written. Data already saved is intact; try again.",
                ),
            ),
        }
    }
}

fn not_found(entity: Entity, locale: Locale) -> &'static str {
    match (entity, locale) {
        (Entity::Plan, Locale::Fr) => "Ce plan d'action n'existe pas ou a été supprimé.",
        (Entity::Plan, Locale::En) => "This action plan does not exist or was deleted.",
        (Entity::Area, Locale::Fr) => "Cet axe n'existe pas ou a été supprimé.",
        (Entity::Area, Locale::En) => "This engagement area does not exist or was deleted.",
        (Entity::Commitment, Locale::Fr) => "Cet engagement n'existe pas ou a été supprimé.",
        (Entity::Commitment, Locale::En) => "This commitment does not exist or was deleted.",
        (Entity::Milestone, Locale::Fr) => "Ce jalon n'existe pas ou a été supprimé.",
        (Entity::Milestone, Locale::En) => "This milestone does not exist or was deleted.",
        (Entity::Institution, Locale::Fr) => "Cette institution n'existe pas ou a été supprimée.",
        (Entity::Institution, Locale::En) => "This institution does not exist or was deleted.",
        (Entity::Conflict, Locale::Fr) => "Ce conflit a déjà été résolu.",
        (Entity::Conflict, Locale::En) => "This conflict has already been resolved.",
        (Entity::Rejection, Locale::Fr) => "Cette modification refusée a déjà été écartée.",
        (Entity::Rejection, Locale::En) => "This refused change has already been discarded.",
        (Entity::Import, Locale::Fr) => "Cet import a déjà été annulé.",
        (Entity::Import, Locale::En) => "This import has already been undone.",
        (Entity::Deletion, Locale::Fr) => "Cette suppression a déjà été annulée.",
        (Entity::Deletion, Locale::En) => "This deletion has already been undone.",
        (Entity::Report, Locale::Fr) => "Ce rapport d'avancement n'existe pas sur ce poste.",
        (Entity::Report, Locale::En) => "This progress report is not on this computer.",
        (Entity::Round, Locale::Fr) => "Cette campagne de suivi n'existe pas ou a été supprimée.",
        (Entity::Round, Locale::En) => "This reporting round does not exist or was deleted.",
        (Entity::Workshop, Locale::Fr) => "Cet atelier n'existe pas ou a été supprimé.",
        (Entity::Workshop, Locale::En) => "This workshop does not exist or was deleted.",
        (Entity::Participant, Locale::Fr) => {
            "Ce participant n'est pas sur ce poste : ses données ont été effacées, ou elles sont gardées par l'institution qui a tenu l'atelier."
        }
        (Entity::Participant, Locale::En) => {
            "This participant is not on this computer: their data was erased, or it is kept by the institution that ran the workshop."
        }
        (Entity::Contribution, Locale::Fr) => "Cette contribution n'existe pas ou a été supprimée.",
        (Entity::Contribution, Locale::En) => "This contribution does not exist or was deleted.",
        (Entity::JurySession, Locale::Fr) => {
            "Ce jury n'est pas sur ce poste : il a été supprimé, ou il est gardé par l'institution qui le tient."
        }
        (Entity::JurySession, Locale::En) => {
            "This jury is not on this computer: it was deleted, or it is kept by the institution that runs it."
        }
        (Entity::Juror, Locale::Fr) => "Ce juré n'existe pas ou a été retiré du jury.",
        (Entity::Juror, Locale::En) => "This juror does not exist or was removed from the jury.",
        (Entity::JuryApplication, Locale::Fr) => "Cette candidature n'existe pas ou a été supprimée.",
        (Entity::JuryApplication, Locale::En) => "This application does not exist or was deleted.",
        (Entity::ScoreSheet, Locale::Fr) => "Cette fiche de notation n'existe pas ou a été supprimée.",
        (Entity::ScoreSheet, Locale::En) => "This score sheet does not exist or was deleted.",
    }
}

fn unsent(pending: u32, conflicts: u32, locale: Locale) -> String {
    let pending = locale.count(pending.into(), ("à envoyer", "à envoyer"), ("to send", "to send"));
    let conflicts = locale.count(
        conflicts.into(),
        ("conflit à résoudre", "conflits à résoudre"),
        ("conflict to resolve", "conflicts to resolve"),
    );
    match locale {
        Locale::Fr => format!(
            "Ce poste garde des modifications du compte précédent ({pending}, {conflicts}) : \
             reconnectez-vous avec ce compte pour les envoyer ou les résoudre avant d'utiliser un autre compte."
        ),
        Locale::En => format!(
            "This computer holds changes of the previous account ({pending}, {conflicts}): \
             sign in with that account again to send or resolve them before using another account."
        ),
    }
}

fn in_use(entity: Entity, count: u32, locale: Locale) -> String {
    let n = u64::from(count);
    match (entity, locale) {
        (Entity::Institution, Locale::Fr) => format!(
            "Cette institution ne peut pas être supprimée : elle est citée dans {}. Retirez-la d'abord.",
            locale.count(n, ("engagement ou jalon", "engagements ou jalons"), ("", ""))
        ),
        (Entity::Institution, Locale::En) => format!(
            "This institution cannot be deleted: {} to it. Remove it from them first.",
            locale.count(n, ("", ""), ("commitment or milestone refers", "commitments or milestones refer"))
        ),
        (Entity::Area, Locale::Fr) => format!(
            "Cet axe ne peut pas être supprimé : il contient {}. Déplacez-les ou supprimez-les d'abord.",
            locale.count(n, ("engagement", "engagements"), ("", ""))
        ),
        (Entity::Area, Locale::En) => format!(
            "This engagement area cannot be deleted: it holds {}. Move or delete them first.",
            locale.count(n, ("", ""), ("commitment", "commitments"))
        ),
        (_, Locale::Fr) => format!(
            "Cet élément est utilisé par {} et ne peut pas être supprimé.",
            locale.count(n, ("autre élément", "autres éléments"), ("", ""))
        ),
        (_, Locale::En) => format!(
            "This item is used by {} and cannot be deleted.",
            locale.count(n, ("", ""), ("other item", "other items"))
        ),
    }
}
