/**
 * The glossary: the words of the Open Government Partnership and of its action plans, in French
 * (the interface's words) with their English equivalents, and in English. The French texts of
 * the interface (`fr.ts`) use these words and never their English equivalents (`vocabulary.test.ts`
 * checks it); the IRM's scales are listed with their labels as the core writes them
 * (`core/labels.ts`).
 */
import { LABELS } from "../../core/labels";

type Words = {
    /** The word as this language says it. */
    term: string;
    definition: string;
};

export type GlossaryEntry = {
    /** The entry's anchor on the glossary page: `#/glossaire` then `glossary-<id>`. */
    id: string;
    fr: Words;
    en: Words;
    /** English words for this notion that French texts must not use (`OGP` for `PGO`…). */
    notInFrench: string[];
};

const scale = (labels: Record<string, string>) => Object.values(labels).join(", ");
const fr = LABELS.fr;
const en = LABELS.en;

export const GLOSSARY: GlossaryEntry[] = [
    {
        id: "pgo",
        fr: {
            term: "PGO — Partenariat pour un gouvernement ouvert",
            definition:
                "Partenariat international créé en 2011, que la France a rejoint en 2014. Tous les deux ans, chaque pays membre y présente un plan d'action national co-construit avec la société civile, le met en œuvre et en rend compte."
        },
        en: {
            term: "OGP — Open Government Partnership",
            definition:
                "International partnership founded in 2011, which France joined in 2014. Every two years, each member country presents a national action plan co-created with civil society, implements it and reports on it."
        },
        notInFrench: ["OGP", "Open Government Partnership", "Open Government"]
    },
    {
        id: "plan",
        fr: {
            term: "Plan d'action national",
            definition:
                "Les engagements qu'un pays prend pour une période (par exemple 2021-2023), regroupés en axes. Il est co-construit, mis en œuvre, suivi, puis évalué par le MRI."
        },
        en: {
            term: "National action plan",
            definition:
                "The commitments a country makes for a period (for example 2021-2023), grouped in engagement areas. It is co-created, implemented, monitored, then assessed by the IRM."
        },
        notInFrench: ["action plan"]
    },
    {
        id: "axe",
        fr: {
            term: "Axe (axe d'engagement)",
            definition:
                "Un groupe d'engagements du plan : transversal (participation citoyenne, transparence de l'action publique, société numérique inclusive) ou thématique (transition écologique, crise sanitaire, valeurs d'ouverture en Europe et à l'international). Les axes sont numérotés dans l'ordre du plan : axe 1, axe 2…"
        },
        en: {
            term: "Engagement area",
            definition:
                "A group of commitments of the plan: cross-cutting (citizen participation, transparency of public action, an inclusive digital society) or thematic (ecological transition, the health crisis, openness values in Europe and internationally). Areas are numbered in the plan's order: area 1, area 2…"
        },
        notInFrench: ["engagement area"]
    },
    {
        id: "engagement",
        fr: {
            term: "Engagement",
            definition:
                "Une action qu'une ou plusieurs institutions s'engagent à mener : l'unité que le PGO évalue. Il doit être concret, activable et mesurable, et se décrit selon le modèle du PGO (définition du problème, description, analyse, planification, contact). Il est numéroté dans son axe : l'engagement 2.3 est le troisième de l'axe 2."
        },
        en: {
            term: "Commitment",
            definition:
                "An action one or more institutions undertake to carry out: the unit the OGP assesses. It must be concrete, actionable and measurable, and is described with the OGP's template (problem definition, description, analysis, planning, contact). It is numbered within its area: commitment 2.3 is the third of area 2."
        },
        notInFrench: ["commitment"]
    },
    {
        id: "jalon",
        fr: {
            term: "Jalon",
            definition:
                "Un livrable vérifiable d'un engagement, avec ses résultats attendus, sa date de début et sa date d'échéance. Il est numéroté après son engagement : le jalon 2.3.1 est le premier de l'engagement 2.3."
        },
        en: {
            term: "Milestone",
            definition:
                "A verifiable deliverable of a commitment, with its expected outputs, its start date and its due date. It is numbered after its commitment: milestone 2.3.1 is the first of commitment 2.3."
        },
        notInFrench: ["milestone", "deliverable"]
    },
    {
        id: "porteuse",
        fr: {
            term: "Institution porteuse",
            definition:
                "L'institution publique (ministère, autorité administrative indépendante, juridiction, Parlement) responsable d'un engagement ou d'un jalon : ses équipes le rédigent et en rendent compte."
        },
        en: {
            term: "Lead institution",
            definition:
                "The public institution (ministry, independent authority, court, Parliament) responsible for a commitment or a milestone: its teams draft it and report on it."
        },
        notInFrench: ["lead institution", "lead agency"]
    },
    {
        id: "partenaires",
        fr: {
            term: "Institutions partenaires",
            definition:
                "Les autres acteurs publics qui soutiennent un engagement. Les acteurs de la société civile et du secteur privé qui y contribuent sont les « autres partenaires »."
        },
        en: {
            term: "Supporting institutions",
            definition:
                "The other public bodies that support a commitment. Civil society and private sector actors who contribute to it are its “other supporters”."
        },
        notInFrench: ["supporting institution", "supporting institutions", "other supporters"]
    },
    {
        id: "societe-civile",
        fr: {
            term: "Société civile",
            definition:
                "Les associations, collectifs, chercheurs et citoyens qui participent à la co-construction du plan, le suivent et le critiquent (par exemple Transparency International France, Démocratie Ouverte, Regards Citoyens)."
        },
        en: {
            term: "Civil society",
            definition:
                "The associations, groups, researchers and citizens who take part in co-creating the plan, follow it and criticise it (for example Transparency International France, Démocratie Ouverte, Regards Citoyens)."
        },
        notInFrench: ["civil society"]
    },
    {
        id: "co-construction",
        fr: {
            term: "Co-construction",
            definition:
                "L'élaboration du plan avec la société civile : ateliers, contributions en ligne, forums. Le plan dit ensuite ce qu'il est advenu de chaque contribution."
        },
        en: {
            term: "Co-creation",
            definition:
                "Drafting the plan with civil society: workshops, online contributions, forums. The plan then says what became of each contribution."
        },
        notInFrench: ["co-creation"]
    },
    {
        id: "atelier",
        fr: {
            term: "Atelier",
            definition:
                "Une réunion de co-construction animée sur un thème (un axe, des projets d'engagements), où citoyens, associations, entreprises, administrations et élus font des contributions."
        },
        en: {
            term: "Workshop",
            definition:
                "A co-creation meeting led on a theme (an engagement area, draft commitments), where citizens, associations, companies, administrations and elected officials make contributions."
        },
        notInFrench: ["workshop"]
    },
    {
        id: "contribution",
        fr: {
            term: "Contribution",
            definition:
                "Une proposition, un commentaire sur un projet d'engagement ou une priorité exprimés par un participant ; retenue, fusionnée ou non retenue, avec la raison."
        },
        en: {
            term: "Contribution",
            definition:
                "A proposal, a comment on a draft commitment or a priority from a participant; kept, merged or not kept, with the reason."
        },
        notInFrench: []
    },
    {
        id: "valeurs",
        fr: {
            term: fr.commitment.values,
            definition: `Les valeurs auxquelles un engagement contribue : ${[
                fr.commitment.accessToInformation,
                fr.commitment.civicParticipation,
                fr.commitment.publicAccountability,
                fr.commitment.technologyInnovation
            ]
                .join(", ")
                .toLowerCase()}.`
        },
        en: {
            term: en.commitment.values,
            definition: `The values a commitment contributes to: ${[
                en.commitment.accessToInformation,
                en.commitment.civicParticipation,
                en.commitment.publicAccountability,
                en.commitment.technologyInnovation
            ]
                .join(", ")
                .toLowerCase()}.`
        },
        notInFrench: ["access to information", "civic participation", "public accountability"]
    },
    {
        id: "redevabilite",
        fr: {
            term: "Redevabilité",
            definition: "L'obligation, pour les pouvoirs publics, de rendre compte de leurs décisions et de leurs actions, et d'en répondre."
        },
        en: {
            term: "Accountability",
            definition: "The obligation of public authorities to give an account of their decisions and actions, and to answer for them."
        },
        notInFrench: ["accountability"]
    },
    {
        id: "mri",
        fr: {
            term: "MRI — Mécanisme de rapport indépendant",
            definition:
                "L'organe du PGO qui évalue de façon indépendante chaque plan d'action et chacun de ses engagements, à leur conception puis à leur mise en œuvre, sur les échelles ci-dessous."
        },
        en: {
            term: "IRM — Independent Reporting Mechanism",
            definition:
                "The OGP body that independently assesses every action plan and each of its commitments, as designed and then as implemented, on the scales below."
        },
        notInFrench: ["IRM", "Independent Reporting Mechanism"]
    },
    {
        id: "specificite",
        fr: {
            term: fr.origin.specificity,
            definition: `La précision avec laquelle les activités et les résultats d'un engagement sont décrits : ${scale(fr.scales.specificity).toLowerCase()}.`
        },
        en: {
            term: en.origin.specificity,
            definition: `How precisely a commitment's activities and results are described: ${scale(en.scales.specificity).toLowerCase()}.`
        },
        notInFrench: ["specificity"]
    },
    {
        id: "impact",
        fr: {
            term: fr.origin.potentialImpact,
            definition: `Ce que l'engagement changerait aux pratiques de l'administration s'il était réalisé : ${scale(fr.scales.potentialImpact).toLowerCase()}.`
        },
        en: {
            term: en.origin.potentialImpact,
            definition: `What the commitment would change in government practice if completed: ${scale(en.scales.potentialImpact).toLowerCase()}.`
        },
        notInFrench: ["potential impact", "transformative"]
    },
    {
        id: "achevement",
        fr: {
            term: "Achèvement",
            definition: `Le degré de réalisation d'un engagement, au rapport d'étape puis en fin de mandat : ${scale(fr.scales.completion).toLowerCase()}.`
        },
        en: {
            term: "Completion",
            definition: `How far a commitment was carried out, at the progress report then at the end of term: ${scale(en.scales.completion).toLowerCase()}.`
        },
        notInFrench: ["completion"]
    },
    {
        id: "ouverture",
        fr: {
            term: fr.origin.openedGovernment,
            definition: `Le changement de pratique que le MRI constate, dans l'ensemble et pour chaque valeur du PGO : ${scale(fr.scales.openedGovernment).toLowerCase()}.`
        },
        en: {
            term: en.origin.openedGovernment,
            definition: `The change in government practice the IRM observes, overall and for each OGP value: ${scale(en.scales.openedGovernment).toLowerCase()}.`
        },
        notInFrench: ["did it open government", "opened government"]
    },
    {
        id: "etoile",
        fr: {
            term: fr.origin.starred,
            definition:
                "Un engagement que le MRI distingue : de spécificité moyenne ou élevée, pertinent pour une valeur du PGO, d'impact potentiel modéré ou transformateur, et d'achèvement substantiel ou complet."
        },
        en: {
            term: en.origin.starred,
            definition:
                "A commitment the IRM singles out: of medium or high specificity, relevant to an OGP value, of moderate or transformative potential impact, and substantially or completely carried out."
        },
        notInFrench: ["starred"]
    },
    {
        id: "rapport-avancement",
        fr: {
            term: "Rapport d'avancement",
            definition:
                "Le point sur la mise en œuvre, par jalon et par engagement, sur l'échelle d'achèvement du MRI : ce qui a été fait, les difficultés, les prochaines étapes et leurs preuves (documents, liens)."
        },
        en: {
            term: "Progress report",
            definition:
                "Where implementation stands, milestone by milestone and commitment by commitment, on the IRM's completion scale: what was done, the difficulties, the next steps and their evidence (documents, links)."
        },
        notInFrench: ["progress report"]
    },
    {
        id: "autoevaluation",
        fr: {
            term: "Autoévaluation",
            definition:
                "Le rapport que le gouvernement rédige à mi-parcours et en fin de plan : pour chaque engagement, son achèvement, ses résultats, s'il a ouvert le gouvernement, les enseignements et les suites ; et comment le plan a été co-construit."
        },
        en: {
            term: "Self-assessment",
            definition:
                "The report the government writes at mid-term and at the end of the plan: for each commitment, its completion, its results, whether it opened government, what was learnt and what comes next; and how the plan was co-created."
        },
        notInFrench: ["self-assessment", "self assessment"]
    },
    {
        id: "coordination",
        fr: {
            term: "Coordination du plan",
            definition:
                "L'équipe qui coordonne le plan — en France, la direction interministérielle de la transformation publique (DITP) : elle voit les projets de toutes les institutions, les commente, les valide et publie le plan."
        },
        en: {
            term: "Plan coordination",
            definition:
                "The team that coordinates the plan — in France, the interministerial directorate for public transformation (DITP): it sees every institution's drafts, comments on them, validates them and publishes the plan."
        },
        notInFrench: ["coordinator"]
    }
];

/**
 * Anglicisms that French texts say otherwise (`atelier`, `tableau de bord`, `échéance`…), and the
 * plural written as `(s)`, which French texts replace by the count's rule (`plural` in `fr.ts`).
 */
export const NOT_IN_FRENCH = ["dashboard", "deadline", "feedback", "upload", "download", "e-mail", "email", "token", "draft", "update"];
