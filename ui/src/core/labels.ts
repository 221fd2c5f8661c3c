// Generated from crates/domain/src/labels.rs (and the IRM scales of crates/domain/src/assessment.rs)
// by crates/domain/tests/bindings.rs. Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings

import type { Completion, EarlyResults, JuryCriterion, OpenedGovernment, PotentialForResults, PotentialImpact, Specificity } from "./bindings";

/** The words for the OGP template's sections and fields, the same on the screen and in the printable plan. */
export type Labels = {
    commitment: {
        accessToInformation: string;
        accountability: string;
        areaId: string;
        briefDescription: string;
        causes: string;
        civicParticipation: string;
        contactDepartment: string;
        contactEmail: string;
        contactName: string;
        contactPhone: string;
        contactTitle: string;
        doneSoFar: string;
        endDate: string;
        expectedResults: string;
        leadInstitutionId: string;
        otherSupporters: string;
        participation: string;
        problem: string;
        publicAccountability: string;
        solution: string;
        startDate: string;
        supportingInstitutionIds: string;
        technologyInnovation: string;
        title: string;
        transparency: string;
        values: string;
    };
    jury: {
        abstained: string;
        abstention: string;
        abstentionReason: string;
        applicant: string;
        applicationTitle: string;
        applications: string;
        contactEmail: string;
        criterionMeans: string;
        heldOn: string;
        jurorName: string;
        jurors: string;
        jurorsHint: string;
        jury: string;
        mean: string;
        notSelected: string;
        places: string;
        placesHint: string;
        placesToDecide: string;
        placesUnfilled: string;
        quorumNotMet: string;
        rank: string;
        ranking: string;
        reference: string;
        rule: string;
        scoreScale: string;
        scoreSheet: string;
        scored: string;
        selected: string;
        session: string;
        sessionTitle: string;
        summary: string;
        tieToBreak: string;
        unscored: string;
    };
    juryCriteria: Record<JuryCriterion, string>;
    milestone: {
        dueDate: string;
        expectedOutputs: string;
        leadInstitutionId: string;
        list: string;
        startDate: string;
        title: string;
    };
    origin: {
        assessmentTitle: string;
        completionEndOfTerm: string;
        completionProgressReport: string;
        design: string;
        earlyResults: string;
        fullText: string;
        implementation: string;
        missing: string;
        no: string;
        noAssessment: string;
        notApplicable: string;
        notAssessed: string;
        notRelevant: string;
        number: string;
        ogpId: string;
        openedGovernment: string;
        overall: string;
        page: string;
        policyAreas: string;
        potentialForResults: string;
        potentialImpact: string;
        relevance: string;
        shortTitle: string;
        specificity: string;
        starred: string;
        title: string;
        verifiable: string;
        yes: string;
    };
    progress: {
        corrects: string;
        difficulties: string;
        done: string;
        dueRule: string;
        dueSoon: string;
        linkTitle: string;
        linkUrl: string;
        links: string;
        nextSteps: string;
        notReported: string;
        onBehalf: string;
        openedGovernment: string;
        overdue: string;
        ownAccount: string;
        progress: string;
        reportedOn: string;
        reports: string;
        results: string;
        rule: string;
        section: string;
        signedBy: string;
        status: string;
        weight: string;
    };
    scales: {
        completion: Record<Completion, string>;
        earlyResults: Record<EarlyResults, string>;
        openedGovernment: Record<OpenedGovernment, string>;
        potentialForResults: Record<PotentialForResults, string>;
        potentialImpact: Record<PotentialImpact, string>;
        specificity: Record<Specificity, string>;
    };
    sections: {
        analysis: string;
        commitment: string;
        contacts: string;
        planning: string;
        problem: string;
    };
    selfAssessment: {
        asOf: string;
        coCreation: string;
        completion: string;
        completionDeclared: string;
        completionDerived: string;
        completionRule: string;
        computedProgress: string;
        endOfTerm: string;
        endOfTermTitle: string;
        entries: string;
        evidence: string;
        evidenceFiles: string;
        implementation: string;
        latestEntry: string;
        midTerm: string;
        midTermTitle: string;
        overallProgress: string;
        progressByArea: string;
        results: string;
        toComplete: string;
    };
    workshop: {
        about: string;
        administration: string;
        anonymous: string;
        areaId: string;
        association: string;
        author: string;
        byFacilitator: string;
        byKind: string;
        cameFrom: string;
        choices: string;
        citizen: string;
        comment: string;
        comments: string;
        commitmentIds: string;
        company: string;
        consentText: string;
        consentedOn: string;
        contactEmail: string;
        contactPurpose: string;
        contributions: string;
        count: string;
        defaultConsentText: string;
        defaultContactPurpose: string;
        electedOfficial: string;
        facilitator: string;
        fed: string;
        firstChoices: string;
        heldOn: string;
        institutionId: string;
        keepUntil: string;
        kept: string;
        kindOfOrganisation: string;
        merged: string;
        name: string;
        noLongerInPlan: string;
        notKept: string;
        notNamed: string;
        organisationKind: string;
        outcome: string;
        outcomeReason: string;
        outcomes: string;
        participants: string;
        place: string;
        proposal: string;
        proposals: string;
        report: string;
        text: string;
        title: string;
        total: string;
        undecided: string;
        vote: string;
        votes: string;
        votesReceived: string;
        workshop: string;
    };
};

export const LABELS: { fr: Labels; en: Labels } = {
    fr: {
        "sections": {
            "problem": "Définition du problème",
            "commitment": "Description de l'engagement",
            "analysis": "Analyse de l'engagement",
            "planning": "Planification",
            "contacts": "Contact"
        },
        "commitment": {
            "title": "Titre de l'engagement",
            "areaId": "Axe d'engagement",
            "briefDescription": "Description succincte",
            "problem": "Problème à résoudre",
            "causes": "Causes du problème",
            "doneSoFar": "Actions déjà menées",
            "solution": "Solution proposée",
            "expectedResults": "Résultats attendus",
            "transparency": "Contribution à la transparence",
            "accountability": "Contribution à la redevabilité",
            "participation": "Contribution à la participation citoyenne",
            "values": "Valeurs du PGO",
            "accessToInformation": "Accès à l'information",
            "civicParticipation": "Participation civique",
            "publicAccountability": "Redevabilité publique",
            "technologyInnovation": "Technologie et innovation",
            "startDate": "Date de début",
            "endDate": "Date de fin",
            "leadInstitutionId": "Institution porteuse",
            "supportingInstitutionIds": "Institutions partenaires",
            "otherSupporters": "Autres partenaires",
            "contactName": "Nom",
            "contactTitle": "Fonction",
            "contactDepartment": "Service",
            "contactEmail": "Adresse électronique",
            "contactPhone": "Téléphone"
        },
        "milestone": {
            "list": "Jalons",
            "title": "Livrable",
            "expectedOutputs": "Résultats attendus",
            "startDate": "Date de début",
            "dueDate": "Date d'échéance",
            "leadInstitutionId": "Institution porteuse"
        },
        "origin": {
            "title": "Origine et évaluation du MRI",
            "ogpId": "Identifiant PGO",
            "number": "Numéro dans le plan publié par le PGO",
            "shortTitle": "Titre court",
            "page": "Page sur le site du PGO",
            "policyAreas": "Domaines d'action",
            "fullText": "Texte d'origine de l'engagement",
            "starred": "Engagement étoilé",
            "assessmentTitle": "Évaluation du Mécanisme de rapport indépendant (MRI)",
            "noAssessment": "Le MRI n'a pas publié d'évaluation de cet engagement.",
            "design": "Conception",
            "implementation": "Mise en œuvre",
            "specificity": "Spécificité",
            "verifiable": "Vérifiable",
            "relevance": "Pertinence pour les valeurs du PGO",
            "potentialImpact": "Impact potentiel",
            "potentialForResults": "Potentiel de résultats",
            "completionProgressReport": "Achèvement (rapport d'étape)",
            "completionEndOfTerm": "Achèvement (fin de mandat)",
            "openedGovernment": "A-t-il ouvert le gouvernement ?",
            "overall": "Dans l'ensemble",
            "earlyResults": "Premiers résultats",
            "yes": "Oui",
            "no": "Non",
            "notAssessed": "Non évalué (ND)",
            "notRelevant": "Non pertinent (NR)",
            "notApplicable": "Sans objet (NA)",
            "missing": "non renseigné"
        },
        "progress": {
            "section": "Suivi de l'avancement",
            "progress": "Avancement",
            "rule": "Chaque jalon compte selon son dernier rapport : non commencé 0 %, limité 33 %, substantiel 67 %, achevé 100 % (sans rapport : 0 %). Un engagement vaut la moyenne de ses jalons (ou son propre état s'il n'a pas de jalon) ; un axe et le plan, la moyenne de leurs engagements. Les moyennes sont pondérées par les poids, égaux par défaut ; ce qui est retiré ne compte pas.",
            "weight": "Poids",
            "reports": "Rapports d'avancement",
            "ownAccount": "Compte rendu de l'engagement",
            "reportedOn": "Date du rapport",
            "status": "État d'avancement",
            "notReported": "Aucun rapport",
            "done": "Ce qui a été fait",
            "difficulties": "Difficultés rencontrées",
            "nextSteps": "Prochaines étapes",
            "results": "Résultats obtenus",
            "openedGovernment": "Selon l'institution, a-t-il ouvert l'action publique ?",
            "links": "Preuves (liens)",
            "linkTitle": "Titre",
            "linkUrl": "Adresse",
            "signedBy": "Signé par",
            "onBehalf": "au nom de",
            "corrects": "Corrige le rapport du",
            "overdue": "En retard",
            "dueSoon": "À échéance",
            "dueRule": "Un jalon est en retard quand sa date d'échéance est passée et que son dernier rapport ne le dit ni achevé ni retiré ; il est à échéance quand cette date tombe dans les 30 jours qui viennent, aujourd'hui compris. Les jalons d'un engagement retiré ne sont ni en retard ni à échéance."
        },
        "selfAssessment": {
            "midTerm": "Mi-parcours",
            "endOfTerm": "Fin de parcours",
            "midTermTitle": "Rapport d'autoévaluation à mi-parcours",
            "endOfTermTitle": "Rapport d'autoévaluation de fin de parcours",
            "asOf": "Situation au",
            "coCreation": "Co-création du plan et participants",
            "toComplete": "À compléter",
            "overallProgress": "Avancement d'ensemble",
            "progressByArea": "Avancement par axe",
            "implementation": "Mise en œuvre des engagements",
            "completion": "Niveau d'achèvement",
            "completionDeclared": "État déclaré dans le compte rendu de l'engagement",
            "completionDerived": "Déduit de l'avancement de ses jalons",
            "completionRule": "Le niveau d'achèvement d'un engagement est l'état de son dernier compte rendu. Quand l'engagement n'a pas de compte rendu à la date du rapport, il est déduit de l'avancement calculé de ses jalons : 0 % non commencé, moins de 50 % limité, de 50 % à moins de 100 % substantiel, 100 % achevé ; tous ses jalons retirés, retiré.",
            "computedProgress": "Avancement calculé",
            "results": "Description des résultats",
            "evidence": "Preuves",
            "evidenceFiles": "Preuves (fichiers)",
            "entries": "Rapports pris en compte",
            "latestEntry": "Dernier rapport"
        },
        "workshop": {
            "workshop": "Atelier",
            "title": "Titre de l'atelier",
            "heldOn": "Date",
            "place": "Lieu",
            "areaId": "Axe discuté",
            "commitmentIds": "Engagements discutés",
            "facilitator": "Animateur ou animatrice",
            "institutionId": "Institution organisatrice",
            "keepUntil": "Données des participants conservées jusqu'au",
            "consentText": "Texte d'information des participants",
            "defaultConsentText": "Ce que vous dites aujourd'hui sert à construire le plan d'action national pour un gouvernement ouvert. Nous enregistrons vos contributions, votre prénom ou un pseudonyme et le type d'organisation dont vous venez ; votre adresse électronique seulement si vous acceptez d'être recontacté. Votre nom et votre adresse ne sont jamais publiés ni transmis à d'autres administrations : le compte rendu public dit seulement combien de personnes de chaque type ont participé. Ces données sont conservées jusqu'à la date indiquée, puis effacées ; vos contributions restent, sans votre nom. Vous pouvez à tout moment demander à l'institution organisatrice de consulter ou d'effacer vos données.",
            "defaultContactPurpose": "Être informé de ce que deviennent mes contributions",
            "name": "Prénom ou pseudonyme",
            "organisationKind": "Vous venez",
            "citizen": "Citoyen ou citoyenne",
            "association": "Association",
            "company": "Entreprise",
            "administration": "Administration",
            "electedOfficial": "Élu ou élue",
            "contactEmail": "Adresse électronique",
            "contactPurpose": "Pour",
            "consentedOn": "Accord donné le",
            "proposal": "Proposition",
            "comment": "Commentaire",
            "vote": "Vote de priorité",
            "text": "Contribution",
            "outcome": "Suite donnée",
            "kept": "Retenue",
            "merged": "Fusionnée",
            "notKept": "Non retenue",
            "undecided": "À examiner",
            "outcomeReason": "Raison",
            "fed": "A nourri",
            "cameFrom": "Contributions d'ateliers à l'origine",
            "anonymous": "Participant anonyme",
            "report": "Compte rendu d'atelier",
            "participants": "Participants",
            "byKind": "Participants par type d'organisation",
            "kindOfOrganisation": "Type d'organisation",
            "count": "Nombre",
            "total": "Total",
            "notNamed": "Ce compte rendu ne nomme aucun participant : il dit seulement combien de personnes de chaque type d'organisation ont pris part.",
            "contributions": "Contributions",
            "proposals": "Propositions",
            "comments": "Commentaires",
            "votes": "Votes de priorité",
            "votesReceived": "Votes reçus",
            "firstChoices": "en premier choix",
            "choices": "Propositions choisies, dans l'ordre",
            "about": "Porte sur",
            "author": "Origine",
            "byFacilitator": "L'animation de l'atelier",
            "outcomes": "Ce que sont devenues les contributions",
            "noLongerInPlan": "n'est plus dans le plan"
        },
        "jury": {
            "jury": "Jury citoyen",
            "session": "Session du jury",
            "sessionTitle": "Promotion",
            "heldOn": "Date de la session",
            "places": "Places à pourvoir",
            "placesHint": "De 1 à 10 projets retenus par promotion (10 par défaut).",
            "jurors": "Jurés",
            "jurorsHint": "15 citoyens au plus par session.",
            "jurorName": "Nom ou pseudonyme",
            "applications": "Candidatures",
            "applicationTitle": "Titre",
            "applicant": "Porteur ou organisation",
            "summary": "Résumé",
            "contactEmail": "Courriel",
            "reference": "Référence",
            "scoreSheet": "Fiche de notation",
            "scoreScale": "Chaque critère est noté par un nombre entier de 0 (pas du tout) à 5 (pleinement) ; le total d'un juré est sur 25.",
            "abstention": "Abstention pour conflit d'intérêts",
            "abstentionReason": "Motif du conflit d'intérêts",
            "ranking": "Classement",
            "rank": "Rang",
            "mean": "Moyenne sur 25",
            "criterionMeans": "Moyennes par critère (sur 5)",
            "scored": "Jurés ayant noté",
            "abstained": "Abstentions",
            "selected": "Retenue",
            "tieToBreak": "Ex æquo à départager",
            "notSelected": "Non retenue",
            "quorumNotMet": "Quorum non atteint",
            "unscored": "Non notée",
            "placesToDecide": "Places restant à départager",
            "placesUnfilled": "Places non pourvues",
            "rule": "Chaque juré note chaque candidature sur les cinq critères, de 0 à 5 par critère : son total est sur 25. Un juré qui déclare un conflit d'intérêts s'abstient sur cette candidature : il n'est compté ni dans ses moyennes ni pour le quorum. La note d'une candidature est la moyenne des totaux des jurés qui l'ont notée, affichée avec deux décimales (de même, la moyenne de chaque critère). Les candidatures sont classées par note décroissante ; des notes exactement égales, comparées avant tout arrondi, partagent le même rang (1, 2, 2, 4) et sont présentées par ordre alphabétique de titre. Une candidature notée par moins de la moitié des jurés de la session (arrondie à l'entier supérieur) est marquée « quorum non atteint » et n'est pas retenue ; une candidature qu'aucun juré n'a notée est listée à part, « non notée ». Les places sont attribuées dans l'ordre du classement aux seules candidatures qui atteignent le quorum. Quand des candidatures ex æquo sont plus nombreuses que les places restantes, aucune d'elles n'est retenue d'office : elles sont marquées « ex æquo à départager » et le jury décide qui obtient ces places. Aucune règle ne départage automatiquement les ex æquo. S'il y a moins de candidatures possibles que de places, des places restent non pourvues."
        },
        "juryCriteria": {
            "generalInterest": "Objectif d'intérêt général",
            "impactForAll": "Impact pour tous",
            "projectQuality": "Qualité du projet",
            "openness": "Ouverture et transparence",
            "stateSupport": "Valeur ajoutée de l'accompagnement de l'État"
        },
        "scales": {
            "specificity": {
                "none": "Aucune",
                "low": "Faible",
                "medium": "Moyenne",
                "high": "Élevée"
            },
            "potentialImpact": {
                "none": "Aucun",
                "minor": "Mineur",
                "moderate": "Modéré",
                "transformative": "Transformateur"
            },
            "completion": {
                "notStarted": "Non commencé",
                "limited": "Limité",
                "substantial": "Substantiel",
                "complete": "Achevé",
                "withdrawn": "Retiré",
                "unclear": "Incertain"
            },
            "potentialForResults": {
                "unclear": "Incertain",
                "modest": "Modeste",
                "substantial": "Substantiel"
            },
            "earlyResults": {
                "noNotableResults": "Pas de résultat notable",
                "moderate": "Modérés",
                "significant": "Significatifs",
                "outstanding": "Exceptionnels"
            },
            "openedGovernment": {
                "worsens": "Recul",
                "didNotChange": "Aucun changement",
                "marginal": "Marginal",
                "major": "Majeur",
                "outstanding": "Exceptionnel",
                "noEarlyResultsYet": "Pas encore de résultats à rapporter"
            }
        }
    },
    en: {
        "sections": {
            "problem": "Problem definition",
            "commitment": "Commitment description",
            "analysis": "Commitment analysis",
            "planning": "Planning",
            "contacts": "Contact"
        },
        "commitment": {
            "title": "Commitment title",
            "areaId": "Engagement area",
            "briefDescription": "Brief description",
            "problem": "Problem to solve",
            "causes": "Causes of the problem",
            "doneSoFar": "What has been done so far",
            "solution": "Proposed solution",
            "expectedResults": "Expected results",
            "transparency": "How it promotes transparency",
            "accountability": "How it fosters accountability",
            "participation": "How it improves citizen participation",
            "values": "OGP values",
            "accessToInformation": "Access to information",
            "civicParticipation": "Civic participation",
            "publicAccountability": "Public accountability",
            "technologyInnovation": "Technology and innovation",
            "startDate": "Start date",
            "endDate": "End date",
            "leadInstitutionId": "Lead institution",
            "supportingInstitutionIds": "Supporting institutions",
            "otherSupporters": "Other supporters",
            "contactName": "Name",
            "contactTitle": "Title",
            "contactDepartment": "Department",
            "contactEmail": "E-mail address",
            "contactPhone": "Phone"
        },
        "milestone": {
            "list": "Milestones",
            "title": "Deliverable",
            "expectedOutputs": "Expected outputs",
            "startDate": "Start date",
            "dueDate": "Due date",
            "leadInstitutionId": "Lead institution"
        },
        "origin": {
            "title": "Origin and IRM assessment",
            "ogpId": "OGP identifier",
            "number": "Number in the plan published by the OGP",
            "shortTitle": "Short title",
            "page": "Page on the OGP website",
            "policyAreas": "Policy areas",
            "fullText": "Original text of the commitment",
            "starred": "Starred commitment",
            "assessmentTitle": "Independent Reporting Mechanism (IRM) assessment",
            "noAssessment": "The IRM has not published an assessment of this commitment.",
            "design": "Design",
            "implementation": "Implementation",
            "specificity": "Specificity",
            "verifiable": "Verifiable",
            "relevance": "Relevance to OGP values",
            "potentialImpact": "Potential impact",
            "potentialForResults": "Potential for results",
            "completionProgressReport": "Completion (progress report)",
            "completionEndOfTerm": "Completion (end of term)",
            "openedGovernment": "Did it open government?",
            "overall": "Overall",
            "earlyResults": "Early results",
            "yes": "Yes",
            "no": "No",
            "notAssessed": "Not assessed (ND)",
            "notRelevant": "Not relevant (NR)",
            "notApplicable": "Not applicable (NA)",
            "missing": "not provided"
        },
        "progress": {
            "section": "Progress",
            "progress": "Progress",
            "rule": "Each milestone counts by its latest report: not started 0%, limited 33%, substantial 67%, complete 100% (no report: 0%). A commitment is the mean of its milestones (or its own status when it has none); an area and the plan, the mean of their commitments. Means are weighted by the weights, equal by default; what is withdrawn does not count.",
            "weight": "Weight",
            "reports": "Progress reports",
            "ownAccount": "The commitment's own account",
            "reportedOn": "Report date",
            "status": "Status",
            "notReported": "Not reported yet",
            "done": "What was done",
            "difficulties": "Difficulties",
            "nextSteps": "Next steps",
            "results": "Results",
            "openedGovernment": "In the institution's view, did it open government?",
            "links": "Evidence (links)",
            "linkTitle": "Title",
            "linkUrl": "Address",
            "signedBy": "Signed by",
            "onBehalf": "on behalf of",
            "corrects": "Corrects the report of",
            "overdue": "Overdue",
            "dueSoon": "Due soon",
            "dueRule": "A milestone is overdue when its due date is past and its latest report says it is neither complete nor withdrawn; it is due soon when that date falls within the next 30 days, today included. The milestones of a withdrawn commitment are neither overdue nor due soon."
        },
        "selfAssessment": {
            "midTerm": "Mid-term",
            "endOfTerm": "End of term",
            "midTermTitle": "Mid-term self-assessment report",
            "endOfTermTitle": "End-of-term self-assessment report",
            "asOf": "Status as of",
            "coCreation": "Co-creation of the plan and participants",
            "toComplete": "To be completed",
            "overallProgress": "Overall progress",
            "progressByArea": "Progress by engagement area",
            "implementation": "Implementation of the commitments",
            "completion": "Completion level",
            "completionDeclared": "Status given in the commitment's own account",
            "completionDerived": "Derived from its milestones' progress",
            "completionRule": "A commitment's completion level is the status of its latest own account. When the commitment has no account of its own at the report's date, it is derived from its milestones' computed progress: 0% not started, under 50% limited, from 50% to under 100% substantial, 100% complete; every milestone withdrawn, withdrawn.",
            "computedProgress": "Computed progress",
            "results": "Description of results",
            "evidence": "Evidence",
            "evidenceFiles": "Evidence (files)",
            "entries": "Reports taken into account",
            "latestEntry": "Latest report"
        },
        "workshop": {
            "workshop": "Workshop",
            "title": "Workshop title",
            "heldOn": "Date",
            "place": "Place",
            "areaId": "Engagement area discussed",
            "commitmentIds": "Commitments discussed",
            "facilitator": "Facilitator",
            "institutionId": "Organising institution",
            "keepUntil": "Participants' data kept until",
            "consentText": "Information text for participants",
            "defaultConsentText": "What you say today helps build the national open government action plan. We record your contributions, your first name or a pseudonym and the kind of organisation you come from; your e-mail address only if you accept to be contacted. Your name and address are never published nor passed to other administrations: the public report only says how many people of each kind took part. This data is kept until the date shown, then erased; your contributions stay, without your name. You may at any time ask the organising institution to see or erase your data.",
            "defaultContactPurpose": "Be told what becomes of my contributions",
            "name": "First name or pseudonym",
            "organisationKind": "You come as",
            "citizen": "Citizen",
            "association": "Association",
            "company": "Company",
            "administration": "Administration",
            "electedOfficial": "Elected official",
            "contactEmail": "E-mail address",
            "contactPurpose": "For",
            "consentedOn": "Agreed on",
            "proposal": "Proposal",
            "comment": "Comment",
            "vote": "Priority vote",
            "text": "Contribution",
            "outcome": "What became of it",
            "kept": "Kept",
            "merged": "Merged",
            "notKept": "Not kept",
            "undecided": "To be examined",
            "outcomeReason": "Reason",
            "fed": "Fed",
            "cameFrom": "Workshop contributions it came from",
            "anonymous": "Anonymous participant",
            "report": "Workshop report",
            "participants": "Participants",
            "byKind": "Participants by kind of organisation",
            "kindOfOrganisation": "Kind of organisation",
            "count": "Number",
            "total": "Total",
            "notNamed": "This report names no participant: it only says how many people of each kind of organisation took part.",
            "contributions": "Contributions",
            "proposals": "Proposals",
            "comments": "Comments",
            "votes": "Priority votes",
            "votesReceived": "Votes received",
            "firstChoices": "as first choice",
            "choices": "Proposals chosen, in order",
            "about": "About",
            "author": "From",
            "byFacilitator": "The workshop's facilitation",
            "outcomes": "What became of the contributions",
            "noLongerInPlan": "no longer in the plan"
        },
        "jury": {
            "jury": "Citizen jury",
            "session": "Jury session",
            "sessionTitle": "Cohort",
            "heldOn": "Session date",
            "places": "Places to fill",
            "placesHint": "From 1 to 10 projects selected per cohort (10 by default).",
            "jurors": "Jurors",
            "jurorsHint": "At most 15 citizens per session.",
            "jurorName": "Name or pseudonym",
            "applications": "Applications",
            "applicationTitle": "Title",
            "applicant": "Applicant or organisation",
            "summary": "Summary",
            "contactEmail": "E-mail",
            "reference": "Reference",
            "scoreSheet": "Score sheet",
            "scoreScale": "Each criterion is scored with a whole number from 0 (not at all) to 5 (fully); a juror's total is out of 25.",
            "abstention": "Abstention for a conflict of interest",
            "abstentionReason": "Reason for the conflict of interest",
            "ranking": "Ranking",
            "rank": "Rank",
            "mean": "Mean out of 25",
            "criterionMeans": "Means per criterion (out of 5)",
            "scored": "Jurors who scored",
            "abstained": "Abstentions",
            "selected": "Selected",
            "tieToBreak": "Tied, for the jury to decide",
            "notSelected": "Not selected",
            "quorumNotMet": "Quorum not reached",
            "unscored": "Not scored",
            "placesToDecide": "Places left for the jury to decide",
            "placesUnfilled": "Places not filled",
            "rule": "Each juror scores each application on the five criteria, from 0 to 5 per criterion: their total is out of 25. A juror who declares a conflict of interest abstains on that application: they count neither in its means nor towards the quorum. An application's score is the mean of the totals of the jurors who scored it, shown with two decimals (and likewise each criterion's mean). Applications are ranked by score, highest first; exactly equal scores, compared before any rounding, share the same rank (1, 2, 2, 4) and are listed in alphabetical order of title. An application scored by fewer than half of the session's jurors (rounded up) is marked “quorum not reached” and is not selected; an application no juror scored is listed apart, “not scored”. Places are given in ranking order to the applications that reach the quorum only. When tied applications outnumber the places left, none of them is selected automatically: they are marked “tied, for the jury to decide” and the jury decides who gets those places. No rule breaks ties automatically. When fewer applications can be selected than there are places, places remain unfilled."
        },
        "juryCriteria": {
            "generalInterest": "General-interest goal",
            "impactForAll": "Impact for all",
            "projectQuality": "Project quality",
            "openness": "Openness and transparency",
            "stateSupport": "Value added by the State's support"
        },
        "scales": {
            "specificity": {
                "none": "None",
                "low": "Low",
                "medium": "Medium",
                "high": "High"
            },
            "potentialImpact": {
                "none": "None",
                "minor": "Minor",
                "moderate": "Moderate",
                "transformative": "Transformative"
            },
            "completion": {
                "notStarted": "Not started",
                "limited": "Limited",
                "substantial": "Substantial",
                "complete": "Complete",
                "withdrawn": "Withdrawn",
                "unclear": "Unclear"
            },
            "potentialForResults": {
                "unclear": "Unclear",
                "modest": "Modest",
                "substantial": "Substantial"
            },
            "earlyResults": {
                "noNotableResults": "No notable results",
                "moderate": "Moderate",
                "significant": "Significant",
                "outstanding": "Outstanding"
            },
            "openedGovernment": {
                "worsens": "Worsened",
                "didNotChange": "Did not change",
                "marginal": "Marginal",
                "major": "Major",
                "outstanding": "Outstanding",
                "noEarlyResultsYet": "No early results to report yet"
            }
        }
    }
};
