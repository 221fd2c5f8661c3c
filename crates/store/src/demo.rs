//! The built-in demonstration plan: the six engagement areas of the French 2021-2023 national
//! action plan, a handful of real institutions and a few commitments written in the spirit of that
//! plan (illustrative texts, not the official ones), so a newcomer sees a realistic plan at once.

use plan_ouvert_domain::{
    AreaInput, AreaKind, CommitmentEdit, Institution, InstitutionInput, InstitutionKind, MilestoneInput, Plan,
    PlanInput,
};
use rusqlite::OptionalExtension;

use crate::read::read_plan;
use crate::row::uuid;
use crate::{Result, Store};

const INSTITUTIONS: &[(&str, &str, InstitutionKind)] = &[
    ("Direction interministérielle de la transformation publique", "DITP", InstitutionKind::Ministry),
    ("Ministère de la Transition écologique", "MTE", InstitutionKind::Ministry),
    ("Ministère des Solidarités et de la Santé", "MSS", InstitutionKind::Ministry),
    ("Ministère de l'Europe et des Affaires étrangères", "MEAE", InstitutionKind::Ministry),
    ("Haute Autorité pour la transparence de la vie publique", "HATVP", InstitutionKind::IndependentAuthority),
    ("Commission nationale de l'informatique et des libertés", "CNIL", InstitutionKind::IndependentAuthority),
    ("Cour de cassation", "", InstitutionKind::Court),
    ("Assemblée nationale", "", InstitutionKind::Parliament),
];

struct DemoMilestone {
    title: &'static str,
    start: &'static str,
    due: &'static str,
}

struct DemoCommitment {
    area: usize,
    lead: &'static str,
    title: &'static str,
    brief: &'static str,
    problem: &'static str,
    solution: &'static str,
    start: &'static str,
    end: &'static str,
    values: [bool; 4],
    milestones: &'static [DemoMilestone],
}

const AREAS: &[(AreaKind, &str, &str)] = &[
    (
        AreaKind::Transversal,
        "Associer les citoyens à l'élaboration des politiques publiques",
        "Participation citoyenne : consultations, conventions et budgets participatifs.",
    ),
    (
        AreaKind::Transversal,
        "Renforcer la transparence de l'action publique",
        "Ouverture des données, des algorithmes et des codes sources publics ; transparence de la vie publique.",
    ),
    (
        AreaKind::Transversal,
        "Construire une société numérique plus inclusive",
        "Inclusion numérique, accessibilité des services publics en ligne, médiation.",
    ),
    (
        AreaKind::Thematic,
        "Accélérer la transition écologique",
        "Ouverture des données environnementales et participation du public aux décisions climatiques.",
    ),
    (
        AreaKind::Thematic,
        "Répondre à la crise sanitaire",
        "Transparence des données de santé publique et des décisions prises pendant la crise.",
    ),
    (
        AreaKind::Thematic,
        "Promouvoir les valeurs d'ouverture en Europe et à l'international",
        "Diplomatie du gouvernement ouvert, coopération avec les partenaires européens et internationaux.",
    ),
];

const COMMITMENTS: &[DemoCommitment] = &[
    DemoCommitment {
        area: 0,
        lead: "DITP",
        title: "Lancer un accélérateur d'initiatives citoyennes",
        brief: "Repérer et accompagner des projets citoyens d'intérêt général, sélectionnés par un jury de citoyens.",
        problem: "Des initiatives citoyennes utiles peinent à trouver l'appui de l'État pour changer d'échelle.",
        solution: "Un appel à candidatures en moins de 30 minutes, un jury de 15 citoyens et 5 critères publics, jusqu'à 10 projets accompagnés par promotion de 3 mois.",
        start: "2022-01-01",
        end: "2023-12-31",
        values: [true, true, false, false],
        milestones: &[
            DemoMilestone { title: "Ouvrir l'appel à candidatures de la première promotion", start: "2022-01-01", due: "2022-03-31" },
            DemoMilestone { title: "Réunir le jury citoyen et publier la liste des lauréats", start: "2022-04-01", due: "2022-06-30" },
        ],
    },
    DemoCommitment {
        area: 0,
        lead: "Assemblée nationale",
        title: "Ouvrir davantage la procédure parlementaire aux contributions citoyennes",
        brief: "Permettre aux citoyens de contribuer en ligne à l'examen de certains textes.",
        problem: "",
        solution: "",
        start: "",
        end: "",
        values: [false, true, false, false],
        milestones: &[],
    },
    DemoCommitment {
        area: 1,
        lead: "HATVP",
        title: "Publier en données ouvertes les déclarations des responsables publics",
        brief: "Mettre à disposition, dans un format réutilisable, les déclarations de patrimoine et d'intérêts publiées.",
        problem: "Les déclarations publiées sont difficiles à exploiter pour les journalistes et les chercheurs.",
        solution: "Un jeu de données mis à jour régulièrement, documenté et accompagné d'une interface de consultation.",
        start: "2022-01-01",
        end: "2023-06-30",
        values: [true, false, true, true],
        milestones: &[
            DemoMilestone { title: "Publier le schéma de données des déclarations", start: "2022-01-01", due: "2022-06-30" },
            DemoMilestone { title: "Mettre en ligne le jeu de données et sa documentation", start: "2022-07-01", due: "2023-06-30" },
        ],
    },
    DemoCommitment {
        area: 1,
        lead: "Cour de cassation",
        title: "Diffuser les décisions de justice en données ouvertes",
        brief: "Rendre accessibles au public les décisions de la Cour de cassation, pseudonymisées.",
        problem: "",
        solution: "",
        start: "2021-12-17",
        end: "2023-12-31",
        values: [true, false, true, false],
        milestones: &[DemoMilestone { title: "Publier les décisions rendues depuis l'ouverture du service", start: "2021-12-17", due: "2022-09-30" }],
    },
    DemoCommitment {
        area: 2,
        lead: "CNIL",
        title: "Accompagner les administrations dans l'ouverture des données personnelles protégées",
        brief: "Publier des guides pratiques pour concilier ouverture des données et protection de la vie privée.",
        problem: "",
        solution: "",
        start: "",
        end: "",
        values: [true, false, false, true],
        milestones: &[],
    },
    DemoCommitment {
        area: 3,
        lead: "MTE",
        title: "Accélérer la transition écologique par l'ouverture des données environnementales",
        brief: "Ouvrir et documenter les données publiques sur l'eau, l'air, la biodiversité et les émissions.",
        problem: "Les données environnementales sont dispersées entre de nombreux producteurs.",
        solution: "Un catalogue commun, des jeux de données prioritaires ouverts et des outils de visualisation.",
        start: "2022-01-01",
        end: "2023-12-31",
        values: [true, true, false, true],
        milestones: &[
            DemoMilestone { title: "Recenser les jeux de données environnementales prioritaires", start: "2022-01-01", due: "2022-06-30" },
            DemoMilestone { title: "Ouvrir les jeux de données recensés", start: "2022-07-01", due: "2023-06-30" },
            DemoMilestone { title: "Organiser un défi de réutilisation avec la société civile", start: "2023-01-01", due: "2023-12-31" },
        ],
    },
    DemoCommitment {
        area: 4,
        lead: "MSS",
        title: "Publier les données de la campagne de vaccination",
        brief: "Publier chaque jour, en données ouvertes, les chiffres de la vaccination par territoire.",
        problem: "",
        solution: "",
        start: "2021-12-17",
        end: "2022-12-31",
        values: [true, false, true, false],
        milestones: &[],
    },
    DemoCommitment {
        area: 5,
        lead: "MEAE",
        title: "Promouvoir le gouvernement ouvert dans l'action extérieure de la France",
        brief: "Porter les principes du gouvernement ouvert dans les enceintes européennes et internationales.",
        problem: "",
        solution: "",
        start: "",
        end: "",
        values: [false, true, true, false],
        milestones: &[],
    },
];

impl Store {
    /// Loads the demonstration plan, once: when it is already there, returns it unchanged.
    pub fn load_demo_plan(&mut self) -> Result<Plan> {
        let existing = self
            .conn
            .query_row("SELECT id FROM plan WHERE is_demo = 1 ORDER BY created_at LIMIT 1", [], |row| uuid(row, "id"))
            .optional()?;
        if let Some(id) = existing {
            return read_plan(&self.conn, plan_ouvert_domain::PlanId(id));
        }
        // One transaction for the whole plan: a crash leaves either no demo or all of it.
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match self.insert_demo() {
            Ok(plan) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(plan)
            }
            Err(err) => {
                self.conn.execute_batch("ROLLBACK")?;
                Err(err)
            }
        }
    }

    fn insert_demo(&mut self) -> Result<Plan> {
        let outbox_before = self.last_sync_seq()?;
        let plan = self.insert_plan(
            &PlanInput {
                country: "France".into(),
                title: "France — Plan d'action national 2021-2023".into(),
                period_start: "2021-12-17".into(),
                period_end: "2023-12-31".into(),
            },
            true,
        )?;
        let mut institutions: Vec<Institution> = self.list_institutions()?;
        for (name, acronym, kind) in INSTITUTIONS {
            if !institutions.iter().any(|i| i.name.eq_ignore_ascii_case(name)) {
                let created = self.create_institution(&InstitutionInput {
                    name: (*name).into(),
                    acronym: (*acronym).into(),
                    kind: *kind,
                })?;
                institutions.push(created);
            }
        }
        let find = |key: &str| institutions.iter().find(|i| i.acronym == key || i.name == key).map(|i| i.id);
        let mut areas = Vec::new();
        for (kind, title, description) in AREAS {
            let input = AreaInput { kind: *kind, title: (*title).into(), description: (*description).into() };
            areas.push(self.create_area(plan.id, &input)?);
        }
        for demo in COMMITMENTS {
            let commitment = self.create_commitment(areas[demo.area].id, demo.title)?;
            let edits = [
                CommitmentEdit::BriefDescription(demo.brief.into()),
                CommitmentEdit::Problem(demo.problem.into()),
                CommitmentEdit::Solution(demo.solution.into()),
                CommitmentEdit::StartDate(demo.start.into()),
                CommitmentEdit::EndDate(demo.end.into()),
                CommitmentEdit::LeadInstitutionId(find(demo.lead)),
                CommitmentEdit::AccessToInformation(demo.values[0]),
                CommitmentEdit::CivicParticipation(demo.values[1]),
                CommitmentEdit::PublicAccountability(demo.values[2]),
                CommitmentEdit::TechnologyInnovation(demo.values[3]),
            ];
            for edit in &edits {
                self.edit_commitment(commitment.id, edit)?;
            }
            for milestone in demo.milestones {
                self.create_milestone(
                    commitment.id,
                    &MilestoneInput {
                        title: milestone.title.into(),
                        expected_outputs: String::new(),
                        start_date: milestone.start.into(),
                        due_date: milestone.due.into(),
                        lead_institution_id: find(demo.lead),
                    },
                )?;
            }
        }
        // The demonstration never reaches the national plan, nor do the institutions it added.
        self.keep_demo_local(outbox_before)?;
        read_plan(&self.conn, plan.id)
    }
}
