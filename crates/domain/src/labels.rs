//! The words for the OGP commitment template — its sections, the fields of a commitment and of a
//! milestone, what an imported commitment brings and the IRM's assessment — and for the citizen
//! jury (its criteria, its scale, its ranking rule), in French and English, written once: the
//! screens show them, and the printable plan and the self-assessment report print them.
//!
//! The interface reads them from `ui/src/core/labels.ts`, generated from this module by
//! `tests/bindings.rs` (with the IRM scales' labels, [`crate::assessment`]), so a label changed
//! here changes on the screen and on paper together, and a test fails until the generated file
//! follows. Hints, buttons and messages that only the screen has stay in the interface's texts.

use serde::Serialize;

use crate::locale::Locale;

macro_rules! labels {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $fr:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $($(#[$field_doc])* pub $field: &'static str,)*
        }

        impl $name {
            pub const FR: Self = Self { $($field: $fr,)* };
            pub const EN: Self = Self { $($field: $en,)* };

            pub fn of(locale: Locale) -> Self {
                locale.pick(Self::FR, Self::EN)
            }
        }
    };
}

labels!(
    /// The sections of the template, in the order of the commitment screen.
    SectionLabels {
        problem: "Définition du problème", "Problem definition";
        commitment: "Description de l'engagement", "Commitment description";
        analysis: "Analyse de l'engagement", "Commitment analysis";
        planning: "Planification", "Planning";
        contacts: "Contact", "Contact";
    }
);

labels!(
    /// The fields of a commitment, by their name in the records (`briefDescription`…).
    CommitmentLabels {
        title: "Titre de l'engagement", "Commitment title";
        area_id: "Axe d'engagement", "Engagement area";
        brief_description: "Description succincte", "Brief description";
        problem: "Problème à résoudre", "Problem to solve";
        causes: "Causes du problème", "Causes of the problem";
        done_so_far: "Actions déjà menées", "What has been done so far";
        solution: "Solution proposée", "Proposed solution";
        expected_results: "Résultats attendus", "Expected results";
        transparency: "Contribution à la transparence", "How it promotes transparency";
        accountability: "Contribution à la redevabilité", "How it fosters accountability";
        participation: "Contribution à la participation citoyenne", "How it improves citizen participation";
        /// The group of the four OGP values below.
        values: "Valeurs du PGO", "OGP values";
        access_to_information: "Accès à l'information", "Access to information";
        civic_participation: "Participation civique", "Civic participation";
        public_accountability: "Redevabilité publique", "Public accountability";
        technology_innovation: "Technologie et innovation", "Technology and innovation";
        start_date: "Date de début", "Start date";
        end_date: "Date de fin", "End date";
        lead_institution_id: "Institution porteuse", "Lead institution";
        supporting_institution_ids: "Institutions partenaires", "Supporting institutions";
        other_supporters: "Autres partenaires", "Other supporters";
        contact_name: "Nom", "Name";
        contact_title: "Fonction", "Title";
        contact_department: "Service", "Department";
        contact_email: "Adresse électronique", "E-mail address";
        contact_phone: "Téléphone", "Phone";
    }
);

labels!(
    /// The milestones of a commitment and their fields.
    MilestoneLabels {
        /// The list's title.
        list: "Jalons", "Milestones";
        title: "Livrable", "Deliverable";
        expected_outputs: "Résultats attendus", "Expected outputs";
        start_date: "Date de début", "Start date";
        due_date: "Date d'échéance", "Due date";
        lead_institution_id: "Institution porteuse", "Lead institution";
    }
);

labels!(
    /// What a commitment imported from the OGP commitment database brings, and the IRM's
    /// assessment of it: in two parts, design then implementation, as the IRM reports it.
    OriginLabels {
        title: "Origine et évaluation du MRI", "Origin and IRM assessment";
        ogp_id: "Identifiant PGO", "OGP identifier";
        /// The commitment's number in the plan the OGP published (not its number here).
        number: "Numéro dans le plan publié par le PGO", "Number in the plan published by the OGP";
        short_title: "Titre court", "Short title";
        page: "Page sur le site du PGO", "Page on the OGP website";
        policy_areas: "Domaines d'action", "Policy areas";
        full_text: "Texte d'origine de l'engagement", "Original text of the commitment";
        starred: "Engagement étoilé", "Starred commitment";
        assessment_title: "Évaluation du Mécanisme de rapport indépendant (MRI)",
            "Independent Reporting Mechanism (IRM) assessment";
        no_assessment: "Le MRI n'a pas publié d'évaluation de cet engagement.",
            "The IRM has not published an assessment of this commitment.";
        design: "Conception", "Design";
        implementation: "Mise en œuvre", "Implementation";
        specificity: "Spécificité", "Specificity";
        verifiable: "Vérifiable", "Verifiable";
        relevance: "Pertinence pour les valeurs du PGO", "Relevance to OGP values";
        potential_impact: "Impact potentiel", "Potential impact";
        potential_for_results: "Potentiel de résultats", "Potential for results";
        completion_progress_report: "Achèvement (rapport d'étape)", "Completion (progress report)";
        completion_end_of_term: "Achèvement (fin de mandat)", "Completion (end of term)";
        opened_government: "A-t-il ouvert le gouvernement ?", "Did it open government?";
        overall: "Dans l'ensemble", "Overall";
        early_results: "Premiers résultats", "Early results";
        yes: "Oui", "Yes";
        no: "Non", "No";
        not_assessed: "Non évalué (ND)", "Not assessed (ND)";
        not_relevant: "Non pertinent (NR)", "Not relevant (NR)";
        not_applicable: "Sans objet (NA)", "Not applicable (NA)";
        missing: "non renseigné", "not provided";
    }
);

labels!(
    /// Following the plan: progress reports and the roll-up of progress. A status is worded by the
    /// IRM's completion scale (`Completion`).
    ProgressLabels {
        section: "Suivi de l'avancement", "Progress";
        progress: "Avancement", "Progress";
        /// How the figures are computed, shown next to them.
        rule: "Chaque jalon compte selon son dernier rapport : non commencé 0 %, limité 33 %, substantiel 67 %, achevé 100 % (sans rapport : 0 %). Un engagement vaut la moyenne de ses jalons (ou son propre état s'il n'a pas de jalon) ; un axe et le plan, la moyenne de leurs engagements. Les moyennes sont pondérées par les poids, égaux par défaut ; ce qui est retiré ne compte pas.",
            "Each milestone counts by its latest report: not started 0%, limited 33%, substantial 67%, complete 100% (no report: 0%). A commitment is the mean of its milestones (or its own status when it has none); an area and the plan, the mean of their commitments. Means are weighted by the weights, equal by default; what is withdrawn does not count.";
        weight: "Poids", "Weight";
        reports: "Rapports d'avancement", "Progress reports";
        /// The commitment's own timeline: the institution's account of its results.
        own_account: "Compte rendu de l'engagement", "The commitment's own account";
        reported_on: "Date du rapport", "Report date";
        status: "État d'avancement", "Status";
        not_reported: "Aucun rapport", "Not reported yet";
        done: "Ce qui a été fait", "What was done";
        difficulties: "Difficultés rencontrées", "Difficulties";
        next_steps: "Prochaines étapes", "Next steps";
        results: "Résultats obtenus", "Results";
        opened_government: "Selon l'institution, a-t-il ouvert l'action publique ?",
            "In the institution's view, did it open government?";
        links: "Preuves (liens)", "Evidence (links)";
        link_title: "Titre", "Title";
        link_url: "Adresse", "Address";
        signed_by: "Signé par", "Signed by";
        on_behalf: "au nom de", "on behalf of";
        corrects: "Corrige le rapport du", "Corrects the report of";
        /// A milestone whose due date is past and that is neither complete nor withdrawn.
        overdue: "En retard", "Overdue";
        /// A milestone due within the next days ([`crate::dashboard::DUE_SOON_DAYS`]).
        due_soon: "À échéance", "Due soon";
        /// What is late and what is due soon ([`crate::dashboard::due_state`]), shown next to
        /// the lists.
        due_rule: "Un jalon est en retard quand sa date d'échéance est passée et que son dernier rapport ne le dit ni achevé ni retiré ; il est à échéance quand cette date tombe dans les 30 jours qui viennent, aujourd'hui compris. Les jalons d'un engagement retiré ne sont ni en retard ni à échéance.",
            "A milestone is overdue when its due date is past and its latest report says it is neither complete nor withdrawn; it is due soon when that date falls within the next 30 days, today included. The milestones of a withdrawn commitment are neither overdue nor due soon.";
    }
);

labels!(
    /// The government's self-assessment report, mid-term or end-of-term: the OGP's template asks,
    /// per commitment, its completion level, a description of its results, whether it opened
    /// government, what was done, the difficulties and the next steps; and how the plan was
    /// co-created.
    SelfAssessmentLabels {
        mid_term: "Mi-parcours", "Mid-term";
        end_of_term: "Fin de parcours", "End of term";
        mid_term_title: "Rapport d'autoévaluation à mi-parcours", "Mid-term self-assessment report";
        end_of_term_title: "Rapport d'autoévaluation de fin de parcours", "End-of-term self-assessment report";
        /// The day the report describes: only the progress reports dated on or before it count.
        as_of: "Situation au", "Status as of";
        co_creation: "Co-création du plan et participants", "Co-creation of the plan and participants";
        /// A part of the report the app has no data for: the coordination writes it.
        to_complete: "À compléter", "To be completed";
        overall_progress: "Avancement d'ensemble", "Overall progress";
        progress_by_area: "Avancement par axe", "Progress by engagement area";
        implementation: "Mise en œuvre des engagements", "Implementation of the commitments";
        completion: "Niveau d'achèvement", "Completion level";
        /// Where the completion level comes from: the commitment's own account…
        completion_declared: "État déclaré dans le compte rendu de l'engagement",
            "Status given in the commitment's own account";
        /// … or, without one, its milestones' roll-up ([`crate::progress::completion_from_share`]).
        completion_derived: "Déduit de l'avancement de ses jalons", "Derived from its milestones' progress";
        completion_rule: "Le niveau d'achèvement d'un engagement est l'état de son dernier compte rendu. Quand l'engagement n'a pas de compte rendu à la date du rapport, il est déduit de l'avancement calculé de ses jalons : 0 % non commencé, moins de 50 % limité, de 50 % à moins de 100 % substantiel, 100 % achevé ; tous ses jalons retirés, retiré.",
            "A commitment's completion level is the status of its latest own account. When the commitment has no account of its own at the report's date, it is derived from its milestones' computed progress: 0% not started, under 50% limited, from 50% to under 100% substantial, 100% complete; every milestone withdrawn, withdrawn.";
        computed_progress: "Avancement calculé", "Computed progress";
        results: "Description des résultats", "Description of results";
        evidence: "Preuves", "Evidence";
        evidence_files: "Preuves (fichiers)", "Evidence (files)";
        /// The entries of the timelines dated on or before the report's date: who signed what.
        entries: "Rapports pris en compte", "Reports taken into account";
        latest_entry: "Dernier rapport", "Latest report";
    }
);

labels!(
    /// Co-construction workshops: what participants read and what the report says of them. The
    /// information text is the default a facilitator starts from; each participant's agreement
    /// keeps the wording they accepted.
    WorkshopLabels {
        workshop: "Atelier", "Workshop";
        title: "Titre de l'atelier", "Workshop title";
        held_on: "Date", "Date";
        place: "Lieu", "Place";
        area_id: "Axe discuté", "Engagement area discussed";
        commitment_ids: "Engagements discutés", "Commitments discussed";
        facilitator: "Animateur ou animatrice", "Facilitator";
        institution_id: "Institution organisatrice", "Organising institution";
        keep_until: "Données des participants conservées jusqu'au", "Participants' data kept until";
        consent_text: "Texte d'information des participants", "Information text for participants";
        default_consent_text: "Ce que vous dites aujourd'hui sert à construire le plan d'action national pour un gouvernement ouvert. Nous enregistrons vos contributions, votre prénom ou un pseudonyme et le type d'organisation dont vous venez ; votre adresse électronique seulement si vous acceptez d'être recontacté. Votre nom et votre adresse ne sont jamais publiés ni transmis à d'autres administrations : le compte rendu public dit seulement combien de personnes de chaque type ont participé. Ces données sont conservées jusqu'à la date indiquée, puis effacées ; vos contributions restent, sans votre nom. Vous pouvez à tout moment demander à l'institution organisatrice de consulter ou d'effacer vos données.",
            "What you say today helps build the national open government action plan. We record your contributions, your first name or a pseudonym and the kind of organisation you come from; your e-mail address only if you accept to be contacted. Your name and address are never published nor passed to other administrations: the public report only says how many people of each kind took part. This data is kept until the date shown, then erased; your contributions stay, without your name. You may at any time ask the organising institution to see or erase your data.";
        default_contact_purpose: "Être informé de ce que deviennent mes contributions", "Be told what becomes of my contributions";
        name: "Prénom ou pseudonyme", "First name or pseudonym";
        organisation_kind: "Vous venez", "You come as";
        citizen: "Citoyen ou citoyenne", "Citizen";
        association: "Association", "Association";
        company: "Entreprise", "Company";
        administration: "Administration", "Administration";
        elected_official: "Élu ou élue", "Elected official";
        contact_email: "Adresse électronique", "E-mail address";
        contact_purpose: "Pour", "For";
        consented_on: "Accord donné le", "Agreed on";
        proposal: "Proposition", "Proposal";
        comment: "Commentaire", "Comment";
        vote: "Vote de priorité", "Priority vote";
        text: "Contribution", "Contribution";
        outcome: "Suite donnée", "What became of it";
        kept: "Retenue", "Kept";
        merged: "Fusionnée", "Merged";
        not_kept: "Non retenue", "Not kept";
        undecided: "À examiner", "To be examined";
        outcome_reason: "Raison", "Reason";
        fed: "A nourri", "Fed";
        came_from: "Contributions d'ateliers à l'origine", "Workshop contributions it came from";
        anonymous: "Participant anonyme", "Anonymous participant";
        /// The title of a workshop's public report (the open-data crate's `workshop_report_html`).
        report: "Compte rendu d'atelier", "Workshop report";
        participants: "Participants", "Participants";
        by_kind: "Participants par type d'organisation", "Participants by kind of organisation";
        kind_of_organisation: "Type d'organisation", "Kind of organisation";
        count: "Nombre", "Number";
        total: "Total", "Total";
        /// Said under the counts: the report names nobody.
        not_named: "Ce compte rendu ne nomme aucun participant : il dit seulement combien de personnes de chaque type d'organisation ont pris part.",
            "This report names no participant: it only says how many people of each kind of organisation took part.";
        contributions: "Contributions", "Contributions";
        proposals: "Propositions", "Proposals";
        comments: "Commentaires", "Comments";
        votes: "Votes de priorité", "Priority votes";
        /// How many priority votes name a proposal…
        votes_received: "Votes reçus", "Votes received";
        /// … and how many of them put it first.
        first_choices: "en premier choix", "as first choice";
        /// The proposals a vote names, first choice first.
        choices: "Propositions choisies, dans l'ordre", "Proposals chosen, in order";
        /// What a comment is about.
        about: "Porte sur", "About";
        /// Who a contribution comes from: a kind of organisation, never a name.
        author: "Origine", "From";
        /// A contribution written by the facilitator, of no participant.
        by_facilitator: "L'animation de l'atelier", "The workshop's facilitation";
        outcomes: "Ce que sont devenues les contributions", "What became of the contributions";
        /// A commitment or milestone a contribution named, deleted since.
        no_longer_in_plan: "n'est plus dans le plan", "no longer in the plan";
    }
);

labels!(
    /// The five criteria of the citizen jury of the accelerator of citizen initiatives, by their
    /// codes ([`crate::jury::JuryCriterion::CODES`]), in the order of the score sheet.
    JuryCriterionLabels {
        general_interest: "Objectif d'intérêt général", "General-interest goal";
        impact_for_all: "Impact pour tous", "Impact for all";
        project_quality: "Qualité du projet", "Project quality";
        openness: "Ouverture et transparence", "Openness and transparency";
        state_support: "Valeur ajoutée de l'accompagnement de l'État", "Value added by the State's support";
    }
);

labels!(
    /// The citizen jury of the accelerator of citizen initiatives: its sessions, jurors,
    /// applications, score sheets and ranking ([`crate::jury`]).
    JuryLabels {
        jury: "Jury citoyen", "Citizen jury";
        session: "Session du jury", "Jury session";
        session_title: "Promotion", "Cohort";
        held_on: "Date de la session", "Session date";
        places: "Places à pourvoir", "Places to fill";
        /// Next to the number of places ([`crate::jury::SELECTION_MAX`]).
        places_hint: "De 1 à 10 projets retenus par promotion (10 par défaut).",
            "From 1 to 10 projects selected per cohort (10 by default).";
        jurors: "Jurés", "Jurors";
        /// Next to the list of jurors ([`crate::jury::JURORS_MAX`]).
        jurors_hint: "15 citoyens au plus par session.", "At most 15 citizens per session.";
        juror_name: "Nom ou pseudonyme", "Name or pseudonym";
        applications: "Candidatures", "Applications";
        application_title: "Titre", "Title";
        applicant: "Porteur ou organisation", "Applicant or organisation";
        summary: "Résumé", "Summary";
        contact_email: "Courriel", "E-mail";
        reference: "Référence", "Reference";
        score_sheet: "Fiche de notation", "Score sheet";
        /// The score scale ([`crate::jury::SCORE_MAX`]), next to the criteria.
        score_scale: "Chaque critère est noté par un nombre entier de 0 (pas du tout) à 5 (pleinement) ; le total d'un juré est sur 25.",
            "Each criterion is scored with a whole number from 0 (not at all) to 5 (fully); a juror's total is out of 25.";
        abstention: "Abstention pour conflit d'intérêts", "Abstention for a conflict of interest";
        abstention_reason: "Motif du conflit d'intérêts", "Reason for the conflict of interest";
        ranking: "Classement", "Ranking";
        rank: "Rang", "Rank";
        mean: "Moyenne sur 25", "Mean out of 25";
        criterion_means: "Moyennes par critère (sur 5)", "Means per criterion (out of 5)";
        scored: "Jurés ayant noté", "Jurors who scored";
        abstained: "Abstentions", "Abstentions";
        /// The standings of a ranked application ([`crate::jury::Standing`]).
        selected: "Retenue", "Selected";
        tie_to_break: "Ex æquo à départager", "Tied, for the jury to decide";
        not_selected: "Non retenue", "Not selected";
        quorum_not_met: "Quorum non atteint", "Quorum not reached";
        /// An application no juror scored, listed apart.
        unscored: "Non notée", "Not scored";
        places_to_decide: "Places restant à départager", "Places left for the jury to decide";
        places_unfilled: "Places non pourvues", "Places not filled";
        /// How the ranking and the selection are made ([`crate::jury::rank`]), shown next to the
        /// ranking.
        rule: "Chaque juré note chaque candidature sur les cinq critères, de 0 à 5 par critère : son total est sur 25. Un juré qui déclare un conflit d'intérêts s'abstient sur cette candidature : il n'est compté ni dans ses moyennes ni pour le quorum. La note d'une candidature est la moyenne des totaux des jurés qui l'ont notée, affichée avec deux décimales (de même, la moyenne de chaque critère). Les candidatures sont classées par note décroissante ; des notes exactement égales, comparées avant tout arrondi, partagent le même rang (1, 2, 2, 4) et sont présentées par ordre alphabétique de titre. Une candidature notée par moins de la moitié des jurés de la session (arrondie à l'entier supérieur) est marquée « quorum non atteint » et n'est pas retenue ; une candidature qu'aucun juré n'a notée est listée à part, « non notée ». Les places sont attribuées dans l'ordre du classement aux seules candidatures qui atteignent le quorum. Quand des candidatures ex æquo sont plus nombreuses que les places restantes, aucune d'elles n'est retenue d'office : elles sont marquées « ex æquo à départager » et le jury décide qui obtient ces places. Aucune règle ne départage automatiquement les ex æquo. S'il y a moins de candidatures possibles que de places, des places restent non pourvues.",
            "Each juror scores each application on the five criteria, from 0 to 5 per criterion: their total is out of 25. A juror who declares a conflict of interest abstains on that application: they count neither in its means nor towards the quorum. An application's score is the mean of the totals of the jurors who scored it, shown with two decimals (and likewise each criterion's mean). Applications are ranked by score, highest first; exactly equal scores, compared before any rounding, share the same rank (1, 2, 2, 4) and are listed in alphabetical order of title. An application scored by fewer than half of the session's jurors (rounded up) is marked “quorum not reached” and is not selected; an application no juror scored is listed apart, “not scored”. Places are given in ranking order to the applications that reach the quorum only. When tied applications outnumber the places left, none of them is selected automatically: they are marked “tied, for the jury to decide” and the jury decides who gets those places. No rule breaks ties automatically. When fewer applications can be selected than there are places, places remain unfilled.";
    }
);

/// Every label of the template, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    pub sections: SectionLabels,
    pub commitment: CommitmentLabels,
    pub milestone: MilestoneLabels,
    pub origin: OriginLabels,
    pub progress: ProgressLabels,
    pub self_assessment: SelfAssessmentLabels,
    pub workshop: WorkshopLabels,
    pub jury: JuryLabels,
    pub jury_criteria: JuryCriterionLabels,
}

impl Labels {
    pub fn of(locale: Locale) -> Self {
        Labels {
            sections: SectionLabels::of(locale),
            commitment: CommitmentLabels::of(locale),
            milestone: MilestoneLabels::of(locale),
            origin: OriginLabels::of(locale),
            progress: ProgressLabels::of(locale),
            self_assessment: SelfAssessmentLabels::of(locale),
            workshop: WorkshopLabels::of(locale),
            jury: JuryLabels::of(locale),
            jury_criteria: JuryCriterionLabels::of(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_named_as_the_records_fields_are() {
        let commitment = serde_json::to_value(CommitmentLabels::FR).unwrap();
        for field in ["briefDescription", "leadInstitutionId", "supportingInstitutionIds", "contactEmail"] {
            assert!(commitment.get(field).is_some(), "{field}");
        }
        assert_eq!(Labels::of(Locale::En).milestone.due_date, "Due date");
    }
}
