/**
 * The demonstration plan: France's 2021-2023 national action plan, shortened to a few
 * commitments per engagement area. The Rust backend holds its own copy of the same shape
 * (plan, six areas, eight institutions); this one feeds the in-memory mock.
 */
import type { AreaKind, InstitutionKind } from "../../bindings";

export type DemoMilestone = {
    title: string;
    expectedOutputs: string;
    startDate: string | null;
    dueDate: string | null;
    lead: string | null;
};

export type DemoCommitment = {
    title: string;
    lead: string | null;
    supporting: string[];
    texts: Partial<Record<DemoText, string>>;
    startDate: string | null;
    endDate: string | null;
    values: Partial<Record<"accessToInformation" | "civicParticipation" | "publicAccountability" | "technologyInnovation", boolean>>;
    milestones: DemoMilestone[];
};

export type DemoText =
    | "briefDescription"
    | "problem"
    | "causes"
    | "doneSoFar"
    | "solution"
    | "expectedResults"
    | "transparency"
    | "accountability"
    | "participation"
    | "otherSupporters"
    | "contactName"
    | "contactTitle"
    | "contactDepartment"
    | "contactEmail"
    | "contactPhone";

export type DemoArea = { kind: AreaKind; title: string; description: string; commitments: DemoCommitment[] };

export const DEMO_PLAN = {
    country: "France",
    title: "France — Plan d'action national 2021-2023",
    periodStart: "2021-12-17",
    periodEnd: "2023-12-31"
};

/** Institutions, named by their acronym in the areas below. */
export const DEMO_INSTITUTIONS: { name: string; acronym: string; kind: InstitutionKind }[] = [
    { name: "Direction interministérielle de la transformation publique", acronym: "DITP", kind: "ministry" },
    { name: "Ministère de la Transition écologique", acronym: "MTE", kind: "ministry" },
    { name: "Ministère des Solidarités et de la Santé", acronym: "MSS", kind: "ministry" },
    { name: "Ministère de l'Europe et des Affaires étrangères", acronym: "MEAE", kind: "ministry" },
    { name: "Haute Autorité pour la transparence de la vie publique", acronym: "HATVP", kind: "independentAuthority" },
    { name: "Commission nationale de l'informatique et des libertés", acronym: "CNIL", kind: "independentAuthority" },
    { name: "Cour de cassation", acronym: "", kind: "court" },
    { name: "Assemblée nationale", acronym: "", kind: "parliament" }
];

const commitment = (c: Partial<DemoCommitment> & { title: string }): DemoCommitment => ({
    lead: null,
    supporting: [],
    texts: {},
    startDate: null,
    endDate: null,
    values: {},
    milestones: [],
    ...c
});

export const DEMO_AREAS: DemoArea[] = [
    {
        kind: "transversal",
        title: "Associer les citoyens à l'élaboration des politiques publiques",
        description: "Donner à chacun les moyens de contribuer aux décisions publiques qui le concernent.",
        commitments: [
            commitment({
                title: "Créer un accélérateur d'initiatives citoyennes",
                lead: "DITP",
                texts: {
                    briefDescription:
                        "Un dispositif qui repère, sélectionne et accompagne les projets citoyens d'intérêt général.",
                    problem: "Les initiatives citoyennes peinent à obtenir le soutien de l'État.",
                    solution:
                        "Candidature en moins de 30 minutes, sélection par un jury de 15 citoyens sur 5 critères, jusqu'à 10 projets par promotion de 3 mois.",
                    expectedResults: "Des projets citoyens accompagnés jusqu'à leur passage à l'échelle.",
                    participation: "Un jury citoyen sélectionne les projets.",
                    contactName: "Équipe Gouvernement ouvert",
                    contactEmail: "gouvernement-ouvert@modernisation.gouv.fr"
                },
                startDate: "2021-12-17",
                endDate: "2023-06-30",
                values: { civicParticipation: true, technologyInnovation: true },
                milestones: [
                    {
                        title: "Lancer le premier appel à candidatures",
                        expectedOutputs: "Formulaire de candidature en ligne, critères publiés.",
                        startDate: "2022-01-03",
                        dueDate: "2022-03-31",
                        lead: "DITP"
                    },
                    {
                        title: "Sélectionner la première promotion",
                        expectedOutputs: "9 lauréats retenus sur 187 candidatures par le jury citoyen.",
                        startDate: "2022-04-01",
                        dueDate: "2022-06-30",
                        lead: "DITP"
                    },
                    {
                        title: "Publier le bilan des deux premières promotions",
                        expectedOutputs: "Rapport public d'évaluation.",
                        startDate: null,
                        dueDate: "2023-06-30",
                        lead: null
                    }
                ]
            }),
            commitment({
                title: "Développer la participation citoyenne dans les ministères",
                lead: "DITP",
                supporting: ["MTE", "MSS"],
                texts: {
                    briefDescription: "Outiller les ministères pour mener des concertations de qualité.",
                    problem: "Les concertations sont inégales d'un ministère à l'autre."
                },
                values: { civicParticipation: true },
                milestones: [
                    {
                        title: "Publier une boîte à outils de la participation",
                        expectedOutputs: "Guides et méthodes en ligne.",
                        startDate: null,
                        dueDate: "2022-09-30",
                        lead: "DITP"
                    }
                ]
            })
        ]
    },
    {
        kind: "transversal",
        title: "Renforcer la transparence de l'action publique",
        description: "Rendre lisibles les décisions publiques et ceux qui cherchent à les influencer.",
        commitments: [
            commitment({
                title: "Renforcer la transparence des représentants d'intérêts",
                lead: "HATVP",
                texts: {
                    briefDescription: "Améliorer le répertoire des représentants d'intérêts et la qualité de ses données.",
                    problem: "Les données du répertoire sont difficiles à exploiter.",
                    transparency: "Les actions de lobbying deviennent consultables par tous.",
                    accountability: "Les décideurs publics rendent compte de leurs rencontres."
                },
                values: { accessToInformation: true, publicAccountability: true },
                startDate: "2022-01-01",
                endDate: "2023-12-31",
                milestones: [
                    {
                        title: "Publier les données du répertoire en format ouvert",
                        expectedOutputs: "Jeu de données mis à jour chaque semaine.",
                        startDate: "2022-01-01",
                        dueDate: "2022-12-31",
                        lead: "HATVP"
                    }
                ]
            }),
            commitment({
                title: "Ouvrir les décisions de justice",
                lead: "Cour de cassation",
                texts: {
                    briefDescription: "Mettre à disposition du public les décisions des juridictions judiciaires.",
                    transparency: "Les décisions deviennent accessibles à tous, gratuitement."
                },
                values: { accessToInformation: true },
                milestones: []
            }),
            commitment({
                title: "Ouvrir les travaux parlementaires",
                lead: "Assemblée nationale",
                texts: { briefDescription: "Publier les amendements et les votes en données ouvertes." },
                milestones: []
            })
        ]
    },
    {
        kind: "transversal",
        title: "Construire une société numérique plus inclusive",
        description: "Que chacun puisse comprendre et maîtriser ses données et les services numériques publics.",
        commitments: [
            commitment({
                title: "Sensibiliser les citoyens à la protection de leurs données personnelles",
                lead: "CNIL",
                texts: {
                    briefDescription: "Des ressources pédagogiques pour tous les publics.",
                    problem: "Beaucoup ignorent leurs droits sur leurs données."
                },
                values: { accessToInformation: true, technologyInnovation: true },
                milestones: [
                    {
                        title: "Diffuser un kit pédagogique dans les espaces France services",
                        expectedOutputs: "Kit imprimé et en ligne.",
                        startDate: null,
                        dueDate: "2022-12-31",
                        lead: "CNIL"
                    }
                ]
            })
        ]
    },
    {
        kind: "thematic",
        title: "Accélérer la transition écologique",
        description: "Associer les citoyens et ouvrir les données pour agir pour le climat.",
        commitments: [
            commitment({
                title: "Ouvrir les données environnementales",
                lead: "MTE",
                supporting: ["DITP"],
                texts: {
                    briefDescription: "Publier les données sur l'eau, l'air, la biodiversité et l'énergie.",
                    problem: "Les données environnementales sont dispersées.",
                    solution: "Un portail unique et des jeux de données ouverts."
                },
                values: { accessToInformation: true },
                startDate: "2022-01-01",
                endDate: "2023-12-31",
                milestones: [
                    {
                        title: "Publier l'inventaire des données environnementales",
                        expectedOutputs: "Inventaire publié sur data.gouv.fr.",
                        startDate: "2022-01-01",
                        dueDate: "2022-06-30",
                        lead: "MTE"
                    },
                    {
                        title: "Ouvrir les données de qualité de l'air",
                        expectedOutputs: "Jeux de données mis à jour quotidiennement.",
                        startDate: null,
                        dueDate: "2023-03-31",
                        lead: "MTE"
                    }
                ]
            }),
            commitment({
                title: "Associer les citoyens au suivi des mesures de la Convention citoyenne pour le climat",
                lead: "MTE",
                texts: { briefDescription: "Rendre compte de la mise en œuvre de chaque mesure." },
                values: { civicParticipation: true, publicAccountability: true },
                milestones: []
            })
        ]
    },
    {
        kind: "thematic",
        title: "Répondre à la crise sanitaire",
        description: "Informer de façon transparente et associer les citoyens face à la crise.",
        commitments: [
            commitment({
                title: "Publier les données de la crise sanitaire en données ouvertes",
                lead: "MSS",
                supporting: ["DITP"],
                texts: {
                    briefDescription: "Indicateurs de suivi de l'épidémie et de la vaccination publiés chaque jour.",
                    transparency: "Chacun peut consulter et réutiliser les indicateurs."
                },
                values: { accessToInformation: true },
                milestones: [
                    {
                        title: "Documenter les jeux de données sanitaires",
                        expectedOutputs: "Documentation publique des indicateurs.",
                        startDate: null,
                        dueDate: "2022-06-30",
                        lead: "MSS"
                    }
                ]
            })
        ]
    },
    {
        kind: "thematic",
        title: "Promouvoir les valeurs d'ouverture en Europe et à l'international",
        description: "Porter le gouvernement ouvert dans les enceintes européennes et internationales.",
        commitments: [
            commitment({
                title: "Promouvoir le gouvernement ouvert au sein de l'Union européenne",
                lead: "MEAE",
                texts: { briefDescription: "Faire du gouvernement ouvert un thème de la présidence française de l'UE." },
                milestones: []
            }),
            commitment({
                title: "Ouvrir les données de l'aide publique au développement",
                lead: "MEAE",
                texts: { briefDescription: "Publier les projets financés selon le standard IATI." },
                values: { accessToInformation: true, publicAccountability: true },
                milestones: []
            })
        ]
    }
];
