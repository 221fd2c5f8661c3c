//! Why a value was refused, for which field, in words a person understands.

use chrono::NaiveDate;

use crate::locale::Locale;

/// What is wrong with one value, independent of the field it was typed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was typed where something is needed.
    Required,
    /// The text is longer than allowed.
    TooLong { max: usize, len: usize },
    /// The text holds control characters that cannot be typed on a keyboard.
    ControlCharacters,
    /// Not an e-mail address.
    Email,
    /// Not a phone number.
    Phone,
    /// Not a calendar date written as YYYY-MM-DD.
    Date,
    /// A date outside the action plan's period.
    OutsidePeriod { start: chrono::NaiveDate, end: chrono::NaiveDate },
    /// An end (or due) date before the start date it goes with.
    EndBeforeStart { start: NaiveDate },
    /// A start date after the end (or due) date it goes with.
    StartAfterEnd { end: NaiveDate },
    /// The record this value points to does not exist.
    UnknownReference,
    /// Another record already uses this name.
    Duplicate,
    /// Changing the plan's period would leave dates outside it.
    DatesOutsideNewPeriod { count: usize },
    /// Not a web address (`https://…`).
    Url,
    /// A date after today, for something that has happened.
    FutureDate { today: NaiveDate },
    /// More items than a list may hold.
    TooMany { max: usize },
    /// A report that takes a record back from "complete" without saying why.
    LeavesComplete,
    /// An empty file attached.
    FileEmpty,
    /// A file larger than allowed (bytes).
    FileTooLarge { max: u64, size: u64 },
    /// A kind of file that is not accepted as evidence.
    FileType,
    /// A file whose content is not what its name says.
    FileContent,
    /// A weight outside 1..=max.
    Weight { max: u32 },
    /// A problem with one link of a list (numbered from 1), in its title or its address.
    Link { number: usize, address: bool, problem: Box<Problem> },
    /// A participant who has not accepted the workshop's consent text.
    ConsentRequired,
    /// A participant's data kept past what the law allows a workshop to keep it.
    KeptTooLong { max_days: u32 },
    /// A jury score outside the scale: a whole number from 0 to `max`.
    Score { max: u8 },
    /// The same criterion given twice on one score sheet.
    ScoredTwice,
    /// A juror handing in a second score sheet for the same application.
    AlreadyScored,
    /// A juror beyond the jury's size.
    JuryFull { max: usize },
    /// Another juror of the session already goes by this name.
    SameJurorName,
    /// A number of places to fill outside 1..=max.
    Places { max: u32 },
}

impl Problem {
    /// The sentence shown under the field.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Problem::Required => locale.pick("Ce champ est obligatoire.", "This field is required.").into(),
            Problem::TooLong { max, len } => match locale {
                Locale::Fr => format!("Ce texte est trop long : {len} caractères pour {max} au plus."),
                Locale::En => format!("This text is too long: {len} characters, at most {max}."),
            },
            Problem::ControlCharacters => locale
                .pick(
                    "Ce texte contient des caractères de contrôle invisibles ; retirez-les.",
                    "This text contains invisible control characters; remove them.",
                )
                .into(),
            Problem::Email => locale
                .pick(
                    "Adresse électronique invalide : elle doit être de la forme prenom.nom@exemple.gouv.fr.",
                    "Invalid e-mail address: it must look like first.last@example.gouv.fr.",
                )
                .into(),
            Problem::Phone => locale
                .pick(
                    "Numéro de téléphone invalide : chiffres, espaces, points, tirets, parenthèses et « + » uniquement.",
                    "Invalid phone number: digits, spaces, dots, dashes, brackets and “+” only.",
                )
                .into(),
            Problem::Date => locale
                .pick("Date invalide : utilisez le format JJ/MM/AAAA.", "Invalid date: use the format YYYY-MM-DD.")
                .into(),
            Problem::OutsidePeriod { start, end } => match locale {
                Locale::Fr => format!(
                    "La date doit être comprise dans la période du plan d'action, du {} au {}.",
                    locale.date(*start),
                    locale.date(*end)
                ),
                Locale::En => format!(
                    "The date must fall within the action plan's period, from {} to {}.",
                    locale.date(*start),
                    locale.date(*end)
                ),
            },
            Problem::EndBeforeStart { start } => match locale {
                Locale::Fr => format!(
                    "Cette date doit être postérieure ou égale à la date de début ({}).",
                    locale.date(*start)
                ),
                Locale::En => format!("This date must be on or after the start date ({}).", locale.date(*start)),
            },
            Problem::StartAfterEnd { end } => match locale {
                Locale::Fr => format!(
                    "Cette date doit être antérieure ou égale à la date de fin ({}).",
                    locale.date(*end)
                ),
                Locale::En => format!("This date must be on or before the end date ({}).", locale.date(*end)),
            },
            Problem::UnknownReference => locale
                .pick(
                    "L'élément choisi n'existe plus ; choisissez-en un autre.",
                    "The chosen item no longer exists; choose another one.",
                )
                .into(),
            Problem::Duplicate => locale
                .pick("Une institution porte déjà ce nom.", "An institution with this name already exists.")
                .into(),
            Problem::DatesOutsideNewPeriod { count } => {
                let records = locale.count(
                    *count as u64,
                    ("engagement ou jalon a une date", "engagements ou jalons ont des dates"),
                    ("commitment or milestone has a date", "commitments or milestones have dates"),
                );
                match locale {
                    Locale::Fr => format!("Impossible : {records} hors de cette période. Modifiez-les d'abord."),
                    Locale::En => format!("Not possible: {records} outside this period. Change them first."),
                }
            }
            Problem::Url => locale
                .pick(
                    "Adresse web invalide : elle doit commencer par https:// (ou http://) et ne pas contenir d'espace.",
                    "Invalid web address: it must begin with https:// (or http://) and contain no space.",
                )
                .into(),
            Problem::FutureDate { today } => match locale {
                Locale::Fr => format!(
                    "Un rapport décrit ce qui a été fait : sa date ne peut pas être postérieure à aujourd'hui ({}).",
                    locale.date(*today)
                ),
                Locale::En => format!(
                    "A report describes what was done: its date cannot be after today ({}).",
                    locale.date(*today)
                ),
            },
            Problem::TooMany { max } => match locale {
                Locale::Fr => format!("Trop d'éléments : {max} au plus."),
                Locale::En => format!("Too many items: at most {max}."),
            },
            Problem::LeavesComplete => locale
                .pick(
                    "Le rapport précédent disait « Achevé » : expliquez pourquoi ce n'est plus le cas (ce qui a été fait ou les difficultés).",
                    "The previous report said “Complete”: explain why this is no longer so (what was done or the difficulties).",
                )
                .into(),
            Problem::FileEmpty => locale.pick("Ce fichier est vide.", "This file is empty.").into(),
            Problem::FileTooLarge { max, size } => {
                let mb = |bytes: u64| bytes.div_ceil(1024 * 1024);
                match locale {
                    Locale::Fr => format!(
                        "Ce fichier est trop lourd : {} Mo pour {} Mo au plus. Réduisez-le (PDF compressé, images moins grandes) ou donnez plutôt un lien.",
                        mb(*size),
                        mb(*max)
                    ),
                    Locale::En => format!(
                        "This file is too large: {} MB, at most {} MB. Make it smaller (compressed PDF, smaller images) or give a link instead.",
                        mb(*size),
                        mb(*max)
                    ),
                }
            }
            Problem::FileType => locale
                .pick(
                    "Ce type de fichier n'est pas accepté : joignez un PDF, un document bureautique (Word, Excel, PowerPoint, OpenDocument) ou une image (PNG, JPEG, WebP).",
                    "This kind of file is not accepted: attach a PDF, an office document (Word, Excel, PowerPoint, OpenDocument) or an image (PNG, JPEG, WebP).",
                )
                .into(),
            Problem::FileContent => locale
                .pick(
                    "Le contenu de ce fichier ne correspond pas à son extension : il ne peut pas être lu comme tel. Vérifiez le fichier.",
                    "This file's content does not match its extension: it cannot be read as such. Check the file.",
                )
                .into(),
            Problem::Weight { max } => match locale {
                Locale::Fr => format!("Le poids est un nombre entier de 1 à {max} (1 : le même poids que les autres)."),
                Locale::En => format!("The weight is a whole number from 1 to {max} (1: the same weight as the others)."),
            },
            Problem::Link { number, address, problem } => {
                let part = match (locale, address) {
                    (Locale::Fr, true) => "adresse",
                    (Locale::Fr, false) => "titre",
                    (Locale::En, true) => "address",
                    (Locale::En, false) => "title",
                };
                match locale {
                    Locale::Fr => format!("Lien {number} ({part}) : {}", problem.message(locale)),
                    Locale::En => format!("Link {number} ({part}): {}", problem.message(locale)),
                }
            }
            Problem::ConsentRequired => locale
                .pick(
                    "La personne doit d'abord lire et accepter le texte d'information : sans son accord, rien n'est enregistré.",
                    "The person must first read and accept the information text: without their agreement, nothing is recorded.",
                )
                .into(),
            Problem::KeptTooLong { max_days } => match locale {
                Locale::Fr => format!(
                    "Les données des participants sont conservées au plus {max_days} jours après l'atelier : choisissez une date plus proche."
                ),
                Locale::En => format!(
                    "Participants' data is kept at most {max_days} days after the workshop: choose an earlier date."
                ),
            },
            Problem::Score { max } => match locale {
                Locale::Fr => format!("La note est un nombre entier de 0 à {max}."),
                Locale::En => format!("The score is a whole number from 0 to {max}."),
            },
            Problem::ScoredTwice => locale
                .pick(
                    "Ce critère est noté deux fois sur la même fiche : gardez une seule note.",
                    "This criterion is scored twice on the same sheet: keep a single score.",
                )
                .into(),
            Problem::AlreadyScored => locale
                .pick(
                    "Ce juré a déjà rendu sa fiche pour cette candidature : corrigez-la plutôt que d'en ajouter une seconde.",
                    "This juror has already handed in a sheet for this application: correct it rather than adding a second one.",
                )
                .into(),
            Problem::JuryFull { max } => match locale {
                Locale::Fr => format!("Le jury est complet : {max} jurés au plus par session."),
                Locale::En => format!("The jury is full: at most {max} jurors per session."),
            },
            Problem::SameJurorName => locale
                .pick(
                    "Un juré de cette session porte déjà ce nom : ajoutez une initiale ou choisissez un autre pseudonyme.",
                    "A juror of this session already goes by this name: add an initial or choose another pseudonym.",
                )
                .into(),
            Problem::Places { max } => match locale {
                Locale::Fr => format!("Le nombre de places à pourvoir est un nombre entier de 1 à {max}."),
                Locale::En => format!("The number of places to fill is a whole number from 1 to {max}."),
            },
        }
    }

    /// Attaches this problem to a field.
    pub fn on(self, field: &'static str) -> Invalid {
        Invalid { field, problem: self }
    }
}

/// A refused value: which field (its camelCase name in the interface) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {field}: {problem:?}")]
pub struct Invalid {
    /// Name of the field, as the interface knows it (`title`, `dueDate`, `contactEmail`…).
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: Problem,
}

impl Invalid {
    /// A closure for `map_err`, attaching a [`Problem`] to `field`.
    pub fn on(field: &'static str) -> impl Fn(Problem) -> Invalid {
        move |problem| Invalid { field, problem }
    }
}

/// Collects the problems of several fields so a form shows them all at once.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<Invalid>);

impl Problems {
    /// Keeps the value when it parsed, records the problem otherwise.
    pub(crate) fn check<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(problem.on(field));
                None
            }
        }
    }

    pub(crate) fn push(&mut self, invalid: Invalid) {
        self.0.push(invalid);
    }

    /// `Ok` when nothing was refused.
    pub(crate) fn finish(self) -> Result<(), Vec<Invalid>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
