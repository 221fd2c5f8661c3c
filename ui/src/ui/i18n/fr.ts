/**
 * The interface's texts in French, the source language. Its shape is the type every
 * translation must have (see `en.ts`): a missing or extra key is a type error, and
 * `i18n.test.ts` checks the same at run time. Texts that depend on a number or a name are
 * functions.
 */
import { LABELS } from "../../core/labels";
import { UNDO_SECONDS } from "../shared/undoWindow";

/** The template's labels, written once in the core (`crates/domain/src/labels.rs`). */
const L = LABELS.fr;

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
/** `1 020`: thousands grouped the French way. */
const count = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
/** "12 plans sur 150", or "150 plans" when nothing is left out. */
const outOf = (n: number, total: number, one: string, many: string) =>
    n === total ? `${count(n)} ${plural(n, one, many)}` : `${count(n)} ${plural(n, one, many)} sur ${count(total)}`;

export const fr = {
    app: {
        serviceTitle: "Plan ouvert",
        serviceTagline: "Co-construire le plan d'action national pour un gouvernement ouvert",
        homeTitle: "Accueil — Plan ouvert",
        navPlans: "Plans d'action",
        navInstitutions: "Institutions",
        navSync: "Synchronisation",
        navImport: "Importer",
        footerDescription:
            "Plan ouvert aide les administrations à rédiger, hors connexion, le plan d'action national de la France pour le Partenariat pour un gouvernement ouvert (PGO).",
        license: "Sauf mention contraire, les contenus de cette application sont proposés sous licence ouverte Etalab 2.0.",
        languageFr: "Français",
        languageEn: "English",
        languageCurrent: "langue actuelle",
        skipToContent: "Contenu",
        skipToFooter: "Pied de page",
        loading: "Chargement…",
        retry: "Réessayer",
        errorTitle: "Une erreur est survenue",
        notFoundTitle: "Page introuvable",
        notFoundText: "Cette page n'existe pas ou plus.",
        backHome: "Retour à l'accueil",
        cancel: "Annuler",
        save: "Enregistrer",
        delete: "Supprimer",
        edit: "Modifier",
        close: "Fermer",
        required: "obligatoire",
        none: "Aucune",
        notSaved: "Non enregistré."
    },
    /** Date fields: typed day, month, year, whatever the system's language (see `dates.ts`). */
    dates: {
        hint: "Au format jj/mm/aaaa, par exemple 31/12/2026.",
        monthNames: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        problems: {
            unreadable: (text: string) => `« ${text} » n'est pas une date : écrivez-la au format jj/mm/aaaa, par exemple 31/12/2026.`,
            incomplete: "Date incomplète : écrivez le jour, le mois et l'année, au format jj/mm/aaaa, par exemple 31/12/2026.",
            shortYear: "Écrivez l'année en entier, sur quatre chiffres : par exemple 31/12/2026 et non 31/12/26.",
            month: (month: number) => `Il n'y a pas de mois ${month} : écrivez d'abord le jour, puis le mois (de 1 à 12), puis l'année.`,
            day: (day: number, month: string, year: number, last: number) => `Il n'y a pas de ${day} ${month} ${year} : ce mois compte ${last} jours.`
        }
    },
    glossary: {
        title: "Glossaire",
        intro: "Les mots du Partenariat pour un gouvernement ouvert (PGO) et de ses plans d'action, tels que Plan ouvert les emploie, avec leur équivalent en anglais, la langue des documents du PGO.",
        otherLanguage: "En anglais :",
        contents: "Termes du glossaire"
    },
    accessibility: {
        title: "Déclaration d'accessibilité",
        status: "Plan ouvert est partiellement conforme au référentiel général d'amélioration de l'accessibilité (RGAA 4.1).",
        tested:
            "Chaque écran est contrôlé automatiquement (axe-core) en thème clair et en thème sombre, et se parcourt entièrement au clavier.",
        contact:
            "Si vous ne parvenez pas à accéder à un contenu ou à un service, signalez-le à l'équipe Gouvernement ouvert de votre ministère."
    },
    /** The personal data page (footer, workshop page): what is kept, why, for how long. */
    privacy: {
        title: "Données personnelles",
        footer: "Données personnelles",
        intro: "Plan ouvert sert à co-construire et à suivre le plan d'action national pour un gouvernement ouvert. Cette page dit quelles données personnelles il conserve, pourquoi, qui les voit, combien de temps, et comment exercer vos droits, conformément au règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.",
        contents: "Sur cette page",
        sections: [
            {
                id: "ateliers",
                /** A part of the workshops' section (a sub-heading), or a section of its own. */
                sub: false,
                title: "Participants aux ateliers de co-construction",
                paragraphs: [
                    "Les institutions qui portent le plan organisent des ateliers où chacun peut proposer, commenter et voter. Les contributions y sont saisies sur un ordinateur partagé, une personne après l'autre."
                ],
                items: []
            },
            {
                id: "responsable",
                sub: true,
                title: "Qui est responsable de ces données",
                paragraphs: [
                    "L'institution qui organise l'atelier est responsable du traitement des données de ses participants. Son nom figure sur la page de l'atelier et dans le texte d'information que chaque participant lit avant de participer. Son délégué ou sa déléguée à la protection des données peut être saisi de toute question."
                ],
                items: []
            },
            {
                id: "donnees",
                sub: true,
                title: "Ce qui est conservé",
                paragraphs: ["Le strict nécessaire :"],
                items: [
                    "un prénom ou un pseudonyme, au choix du participant ;",
                    "le type d'organisation dont il vient (citoyen ou citoyenne, association, entreprise, administration, élu ou élue) ;",
                    "son adresse électronique, seulement s'il accepte qu'on le recontacte, avec l'objet de ce recontact ;",
                    "le texte d'information tel qu'il l'a lu et accepté, et le jour de son accord ;",
                    "ses contributions : propositions, commentaires, votes de priorité."
                ]
            },
            {
                id: "finalites",
                sub: true,
                title: "Pourquoi, et sur quelle base",
                paragraphs: [
                    "Ces données servent à construire le plan d'action avec la société civile, à rendre compte de ce qu'il est advenu de chaque contribution (retenue, fusionnée, non retenue, et pourquoi) et, pour ceux qui l'ont accepté, à les en informer.",
                    "Elles reposent sur l'accord du participant (article 6, paragraphe 1, point a, du RGPD), recueilli avant toute saisie : sans cet accord, rien n'est enregistré. L'accord est conservé avec le texte accepté et sa date. Participer est libre, et un pseudonyme suffit."
                ],
                items: []
            },
            {
                id: "destinataires",
                sub: true,
                title: "Qui les voit",
                paragraphs: [
                    "Le prénom ou pseudonyme et l'adresse ne sont visibles que des équipes de l'institution organisatrice, sur leurs ordinateurs. Le serveur central du plan les conserve pour les transmettre à ces seules équipes : il ne les donne jamais aux autres institutions, ni à la coordination d'une autre institution.",
                    "Ils ne figurent jamais dans les exports publics (données ouvertes, plan imprimable, rapport d'autoévaluation, compte rendu d'atelier). Ce qui est public, c'est le texte des contributions, sans nom, et le nombre de participants de chaque type. Aucune donnée n'est transférée hors de l'Union européenne par Plan ouvert, et aucune décision automatisée n'est prise.",
                    "Un atelier peut être porté d'un poste à un autre sur une clé USB, dans un fichier d'échange : celui-ci ne contient l'identité des participants que s'il est écrit pour un poste de l'institution organisatrice, et un poste d'une autre institution refuse de l'importer."
                ],
                items: []
            },
            {
                id: "duree",
                sub: true,
                title: "Combien de temps",
                paragraphs: [
                    "Jusqu'à la date de conservation fixée pour l'atelier, indiquée dans le texte d'information et sur la page de l'atelier : un an après l'atelier par défaut, jamais plus de deux ans. Ce jour passé, chaque poste qui les détient les efface de lui-même, dès son démarrage ou sa synchronisation suivante, et le serveur avec lui ; les contributions restent, sans nom."
                ],
                items: []
            },
            {
                id: "droits",
                sub: true,
                title: "Vos droits",
                paragraphs: [
                    "Vous pouvez à tout moment consulter vos données, les faire corriger ou effacer, et retirer votre accord : adressez-vous à l'animateur ou l'animatrice de l'atelier, ou à l'institution organisatrice, qui répond dans un délai d'un mois. Depuis la page de l'atelier, elle exporte vos données dans un fichier qu'elle vous remet, ou les efface : l'effacement retire votre prénom ou pseudonyme, le texte accepté et votre adresse de son poste, puis, à leur synchronisation suivante, du serveur et des autres postes de l'institution ; il ne peut pas être annulé. Votre participation reste comptée et vos contributions restent, anonymes.",
                    "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL)."
                ],
                items: []
            },
            {
                id: "comptes",
                sub: false,
                title: "Agents qui utilisent Plan ouvert",
                paragraphs: [
                    "Pour synchroniser un ordinateur avec le serveur du plan, l'administrateur du serveur crée un compte : nom, institution et rôle (rédaction, coordination ou consultation). L'ordinateur garde ces informations et le jeton de connexion, dans le trousseau du système quand il y en a un, sinon dans un fichier que vous seul pouvez lire ; le jeton est oublié quand vous vous déconnectez.",
                    "Un rapport d'avancement est signé du nom de la personne qui l'écrit et de son institution : il fait partie du suivi public du plan, publié avec lui, et n'est jamais modifié. Le contact d'un engagement (nom, fonction, service, adresse électronique, téléphone), demandé par le modèle d'engagement du PGO, est publié avec le plan. Ces données reposent sur la mission d'intérêt public des institutions (article 6, paragraphe 1, point e, du RGPD). Les journaux de l'application et du serveur ne contiennent ni le contenu des échanges ni les jetons."
                ],
                items: []
            }
        ]
    },
    plans: {
        title: "Plans d'action",
        intro: "Choisissez un plan d'action national pour en voir les axes, les engagements et les jalons.",
        listTitle: "Vos plans d'action",
        emptyTitle: "Aucun plan d'action pour l'instant",
        emptyText:
            "Créez le plan d'action de votre pays avec le formulaire ci-dessous, ou chargez le plan de démonstration (le plan national 2021-2023 de la France) pour découvrir l'application.",
        libraryBadge: "Bibliothèque, consultation seule",
        demoBadge: "Démonstration",
        countryLine: (country: string) => `Pays : ${country}`,
        periodLine: (period: string) => `Période : ${period}`,
        open: "Ouvrir",
        loadDemo: "Charger le plan de démonstration",
        demoHint: "Le plan national 2021-2023 de la France, avec ses six axes, pour découvrir l'application.",
        importOgp: "Importer la base des engagements du PGO (CSV)",
        importOgpHint: "Les plans d'action déjà publiés, leurs engagements et leur évaluation par le Mécanisme de rapport indépendant (MRI).",
        createTitle: "Créer un plan d'action",
        fieldCountry: "Pays",
        fieldCountryHint: "Ou collectivité, par exemple « France ».",
        fieldTitle: "Titre",
        fieldTitlePlaceholder: "France — Plan d'action national 2021-2023",
        fieldPeriodStart: "Début de période",
        fieldPeriodEnd: "Fin de période",
        submit: "Créer le plan d'action",
        created: (title: string) => `Le plan « ${title} » a été créé.`,
        filtersTitle: "Rechercher un plan d'action",
        search: "Rechercher un plan",
        searchHint: "Titre ou pays.",
        allCountries: "Tous les pays",
        ownCountries: "Pays de vos plans",
        otherCountries: "Autres pays",
        countryOption: (country: string, plans: number) => `${country} (${count(plans)})`,
        sorts: {
            ownFirst: "Vos plans d'abord, les plus récents en premier",
            periodDesc: "Période, la plus récente d'abord",
            periodAsc: "Période, la plus ancienne d'abord",
            title: "Titre, de A à Z",
            country: "Pays, de A à Z"
        },
        shown: (n: number, total: number) => outOf(n, total, "plan", "plans"),
        noMatch: "Aucun plan ne correspond à votre recherche."
    },
    overview: {
        breadcrumbHome: "Plans d'action",
        counts: (areas: number, commitments: number, milestones: number) =>
            `${count(areas)} ${plural(areas, "axe", "axes")}, ${count(commitments)} ${plural(commitments, "engagement", "engagements")}, ${count(milestones)} ${plural(milestones, "jalon", "jalons")}`,
        planLine: (country: string, period: string) => `${country} · Période : ${period}`,
        editPlan: "Modifier le plan",
        editPlanTitle: "Modifier le plan d'action",
        planSaved: "Le plan d'action a été mis à jour.",
        filtersTitle: "Rechercher dans le plan",
        search: "Rechercher un engagement",
        searchHint: "Titre ou texte d'un engagement, titre d'un axe.",
        institution: "Institution",
        institutionHint: "Porteuse ou partenaire de l'engagement.",
        allInstitutions: "Toutes les institutions",
        matching: (n: number) =>
            `${n} ${plural(n, "engagement correspond", "engagements correspondent")} à votre recherche.`,
        noMatchTitle: "Aucun engagement ne correspond à votre recherche.",
        noMatchText: "Essayez d'autres mots ou une autre institution.",
        noAreasTitle: "Ce plan n'a pas encore d'axe",
        noAreasText: "Ajoutez un premier axe d'engagement pour y rédiger des engagements.",
        /** "Axe 2": the area's number in the plan, as the core gives it. */
        areaNumber: (number: string) => `Axe ${number}`,
        kind: { transversal: "Transversal", thematic: "Thématique" },
        areaEmpty: "Aucun engagement dans cet axe pour l'instant.",
        addCommitment: "Ajouter un engagement",
        addCommitmentIn: (area: string) => `Ajouter un engagement à l'axe « ${area} »`,
        newCommitmentTitle: "Nouvel engagement",
        newCommitmentField: "Titre de l'engagement",
        newCommitmentHint: "Concret, activable et mesurable. Vous pourrez le modifier ensuite.",
        create: "Créer",
        addArea: "Ajouter un axe",
        addAreaTitle: "Ajouter un axe d'engagement",
        editArea: "Renommer",
        editAreaOf: (area: string) => `Renommer l'axe « ${area} »`,
        editAreaTitle: "Modifier l'axe d'engagement",
        deleteArea: "Supprimer",
        deleteAreaOf: (area: string) => `Supprimer l'axe « ${area} »`,
        deleteAreaTitle: "Supprimer l'axe",
        deleteAreaConfirm: (area: string) => `Supprimer l'axe « ${area} » ? Vous pourrez annuler la suppression pendant ${UNDO_SECONDS} secondes.`,
        areaFieldTitle: "Titre de l'axe",
        areaFieldKind: "Type d'axe",
        areaFieldDescription: "Description",
        areaDeleted: (area: string) => `L'axe « ${area} » a été supprimé.`,
        leadPrefix: "Institution porteuse : ",
        noLead: "Institution porteuse à choisir",
        milestones: (n: number) => `${n} ${plural(n, "jalon", "jalons")}`,
        completeness: (filled: number, total: number) => `${filled}/${total} champs remplis`,
        progress: (percent: number) => `Avancement ${percent} %`,
        exportTitle: "Exporter le plan",
        exportIntro:
            "Le plan en données ouvertes, pour le publier ou le partager, ou en classeur à ouvrir dans un tableur. Vous choisirez où l'enregistrer ; le CSV s'enregistre dans un dossier (un fichier pour les engagements, un pour les jalons).",
        exportJson: "JSON (plan complet)",
        exportCsv: "CSV (engagements et jalons)",
        exportHtml: "Document imprimable (HTML)",
        exportXlsx: "Classeur pour tableur (Excel, LibreOffice)",
        exporting: "Export en cours…",
        exported: (path: string) => `Plan exporté : ${path}`,
        exportFailedTitle: "L'export n'a pas abouti"
    },
    commitment: {
        breadcrumbArea: (area: string) => `Axe : ${area}`,
        /** "Engagement 2.3": the commitment's number in the plan, as the core gives it. */
        number: (number: string) => `Engagement ${number}`,
        titleLabel: L.commitment.title,
        areaLabel: L.commitment.areaId,
        areaHint: "Pour déplacer l'engagement dans un autre axe.",
        menuTitle: "Sections",
        menuButton: "Sections de l'engagement",
        sections: { ...L.sections, origin: "Origine et évaluation", progress: L.progress.section },
        /** The template's labels (from the core, the same as the printable plan's) and the screen's hints. */
        fields: {
            ...L.commitment,
            briefDescriptionHint: "En quelques lignes : ce que l'engagement va changer.",
            problemHint: "Quel problème l'engagement traite-t-il ?",
            doneSoFarHint: "Ce qui a été fait jusqu'ici pour résoudre le problème.",
            expectedResultsHint: "Concrets, activables et mesurables.",
            participationHint: "À la définition, à la mise en œuvre et au suivi des solutions.",
            valuesHint: "Les valeurs du Partenariat pour un gouvernement ouvert auxquelles l'engagement contribue.",
            supportingHint: "Acteurs publics qui soutiennent l'engagement.",
            otherSupportersHint: "Société civile, secteur privé, autres acteurs.",
            contactEmailHint: "Par exemple prenom.nom@exemple.gouv.fr"
        },
        characters: (n: number, max: number) => `${n} / ${max} caractères`,
        saving: "Enregistrement…",
        savedAt: (time: string) => `Enregistré à ${time}`,
        allSaved: "Enregistrement automatique",
        unsaved: (n: number) => `Non enregistré : ${n} ${plural(n, "champ", "champs")} à corriger`,
        saveFailedTitle: "Une modification n'a pas pu être enregistrée",
        deleteCommitment: "Supprimer l'engagement",
        deleteCommitmentTitle: "Supprimer l'engagement",
        deleteCommitmentConfirm: (title: string) =>
            `Supprimer l'engagement « ${title} » et tous ses jalons ? Vous pourrez annuler la suppression pendant ${UNDO_SECONDS} secondes.`,
        deleted: (title: string) => `L'engagement « ${title} » a été supprimé.`
    },
    milestones: {
        title: L.milestone.list,
        intro: "Les livrables vérifiables de l'engagement, dans l'ordre de leur réalisation.",
        empty: "Aucun jalon pour l'instant.",
        /** "Jalon 2.3.1": the milestone's number in the plan, as the core gives it. */
        heading: (number: string) => `Jalon ${number}`,
        fieldTitle: L.milestone.title,
        fieldTitleHint: "Un résultat vérifiable, par exemple « Publier le rapport d'évaluation ».",
        fieldExpectedOutputs: L.milestone.expectedOutputs,
        fieldStartDate: L.milestone.startDate,
        fieldDueDate: L.milestone.dueDate,
        fieldLead: L.milestone.leadInstitutionId,
        moveUp: (title: string) => `Monter le jalon « ${title} »`,
        moveDown: (title: string) => `Descendre le jalon « ${title} »`,
        moveUpShort: "Monter",
        moveDownShort: "Descendre",
        moved: (title: string, position: number) => `Jalon « ${title} » déplacé en position ${position}.`,
        delete: (title: string) => `Supprimer le jalon « ${title} »`,
        deleteTitle: "Supprimer le jalon",
        deleteConfirm: (title: string) => `Supprimer le jalon « ${title} » ? Vous pourrez annuler la suppression pendant ${UNDO_SECONDS} secondes.`,
        deleted: (title: string) => `Le jalon « ${title} » a été supprimé.`,
        addTitle: "Ajouter un jalon",
        addSubmit: "Ajouter le jalon",
        added: (title: string) => `Le jalon « ${title} » a été ajouté.`
    },
    /** Following the plan on the commitment screen: timelines, reports, the roll-up. */
    progress: {
        ...L.progress,
        statuses: L.scales.completion,
        openedGovernmentScale: L.scales.openedGovernment,
        intro: "Chaque rapport est une entrée datée et signée, qui ne se modifie plus : une correction est un nouveau rapport, et le précédent reste lisible.",
        percent: (n: number) => `${n} %`,
        meter: (n: number) => `Avancement : ${n} %`,
        withdrawn: "Retiré : ne compte pas",
        ruleTitle: "Comment ce chiffre est calculé",
        weightHint: "De 1 à 100 : ce que ce jalon pèse parmi ceux de l'engagement.",
        commitmentWeightHint: "De 1 à 100 : ce que cet engagement pèse dans son axe et dans le plan.",
        signedAs: (author: string, institution: string) => `Vos rapports seront signés ${author}, pour ${institution}.`,
        signedOnBehalf: (author: string, institution: string) =>
            `Vos rapports seront signés ${author}, au nom de ${institution} (coordination).`,
        cannotReport: "Vous ne pouvez pas rendre compte ici",
        reportMilestone: "Rendre compte de ce jalon",
        reportCommitment: "Rendre compte de l'engagement",
        correct: "Corriger ce rapport",
        formMilestone: (number: string) => `Nouveau rapport sur le jalon ${number}`,
        formCommitment: "Nouveau rapport sur l'engagement",
        formCorrection: (date: string) => `Correction du rapport du ${date}`,
        reportedOnHint: "Le jour que décrit le rapport, au plus tard aujourd'hui.",
        statusHint: "L'échelle d'achèvement du PGO.",
        openedGovernmentNone: "Ne se prononce pas",
        linksHint: "Un document en ligne, une page, un jeu de données : un titre et son adresse (https://…).",
        link: (n: number) => `Lien ${n}`,
        addLink: "Ajouter un lien",
        removeLink: (n: number) => `Retirer le lien ${n}`,
        submit: "Enregistrer le rapport",
        cancel: "Annuler",
        saved: "Rapport enregistré. Il partira au serveur à la prochaine synchronisation ; il ne se modifie plus, une correction sera un nouveau rapport.",
        noReports: "Aucun rapport pour l'instant.",
        entries: (n: number) => `${n} ${plural(n, "rapport", "rapports")}`,
        signature: (author: string, institution: string) => `${L.progress.signedBy} ${author} (${institution})`,
        signatureOnBehalf: (author: string, institution: string) =>
            `${L.progress.signedBy} ${author}, ${L.progress.onBehalf} ${institution}`,
        correctionOf: (date: string) => `${L.progress.corrects} ${date}`,
        newWindow: "nouvelle fenêtre",
        files: "Preuves (fichiers)",
        filesHint: "PDF, documents bureautiques (Word, Excel, PowerPoint, OpenDocument) ou images, 25 Mo au plus chacun. Le fichier est gardé sur ce poste et envoyé avec le rapport.",
        attachFile: "Joindre un fichier",
        removeFile: (name: string) => `Retirer le fichier « ${name} »`,
        openFile: (name: string) => `Ouvrir « ${name} »`,
        fileArriving: (percent: number) => `en cours de réception (${percent} %)`,
        fileNotHere: "pas encore reçu sur ce poste : il arrivera à la prochaine synchronisation",
        size: (bytes: number) =>
            bytes < 1024 * 1024
                ? `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} Ko`
                : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} Mo`
    },
    /** The plan at a glance: figures, charts with their data, what is late, the latest reports. */
    dashboard: {
        title: "Tableau de bord",
        open: "Tableau de bord",
        breadcrumb: "Tableau de bord",
        intro: "Le plan en un coup d'œil : où en sont ses axes et ses institutions porteuses, les jalons en retard ou à échéance, les derniers rapports d'avancement.",
        asOf: (date: string) => `Chiffres au ${date}, d'après les rapports enregistrés sur cet ordinateur.`,
        figuresTitle: "Chiffres clés",
        planProgress: L.progress.progress,
        commitments: "Engagements",
        milestones: "Jalons",
        overdue: "Jalons en retard",
        dueSoon: (days: number) => `Jalons à échéance sous ${days} jours`,
        noProgress: "Rien ne compte encore",
        areasTitle: "Avancement par axe",
        institutionsTitle: "Avancement par institution porteuse",
        statusesTitle: "Jalons par état d'avancement",
        chartNote: "Graphique ; ses données sont dans le tableau qui l'accompagne.",
        showData: "Voir les données",
        hideData: "Masquer les données",
        dataOf: (chart: string) => `Données : ${chart}`,
        saveImage: "Enregistrer en image (PNG)",
        savingImage: "Préparation de l'image…",
        imageSaved: (path: string) => `Image enregistrée : ${path}`,
        imageFailedTitle: "L'image n'a pas pu être enregistrée",
        area: (number: string, title: string) => `${number}. ${title}`,
        areaColumn: "Axe",
        institutionColumn: L.commitment.leadInstitutionId,
        commitmentsColumn: "Engagements",
        progressColumn: L.progress.progress,
        overdueColumn: "Jalons en retard",
        statusColumn: L.progress.status,
        milestonesColumn: "Jalons",
        noLead: "Sans institution porteuse",
        notCounted: "Ne compte pas (retiré)",
        percent: (n: number) => `${n} %`,
        milestoneCount: (n: number) => `${count(n)} ${plural(n, "jalon", "jalons")}`,
        commitmentCount: (n: number) => `${count(n)} ${plural(n, "engagement", "engagements")}`,
        overdueTitle: "Jalons en retard",
        overdueNone: "Aucun jalon en retard.",
        dueSoonTitle: (days: number) => `Jalons à échéance dans les ${days} jours`,
        dueSoonNone: (days: number) => `Aucun jalon à échéance dans les ${days} jours.`,
        milestoneColumn: "Jalon",
        commitmentColumn: "Engagement",
        dueDateColumn: L.milestone.dueDate,
        lateColumn: "Retard",
        leftColumn: "Dans",
        lastStatusColumn: "Dernier état",
        days: (n: number) => `${count(n)} ${plural(n, "jour", "jours")}`,
        today: "aujourd'hui",
        recentTitle: "Derniers rapports d'avancement",
        recentNone: "Aucun rapport d'avancement pour l'instant.",
        recentIntro: "Du plus récent au plus ancien, par la date qu'ils décrivent.",
        imageSource: (plan: string, date: string) => `${plan} — chiffres au ${date}`,
        dateColumn: L.progress.reportedOn,
        onColumn: "Sur",
        authorColumn: L.progress.signedBy,
        onBehalf: (institution: string) => `${L.progress.onBehalf} ${institution}`,
        ownAccount: L.progress.ownAccount,
        ruleTitle: "Comment ces chiffres sont calculés",
        todoLink: "Voir ce qui est à faire"
    },
    /** "À faire": what is late and due soon for the person signed in. */
    todo: {
        title: "À faire",
        nav: "À faire",
        scopeEveryone: (days: number) =>
            `Les jalons en retard et ceux à échéance dans les ${days} jours, de tous les engagements : personne n'est connecté sur cet ordinateur. Connectez-le à votre compte (Synchronisation) pour ne voir que ceux de votre institution.`,
        scopeCoordination: (days: number) =>
            `Les jalons en retard et ceux à échéance dans les ${days} jours, de toutes les institutions : vous coordonnez le plan.`,
        scopeInstitution: (institution: string, days: number) =>
            `Les jalons en retard et ceux à échéance dans les ${days} jours des engagements que porte ${institution}.`,
        asOf: (date: string) => `Au ${date}, par date d'échéance.`,
        overdueTitle: (n: number) => `${L.progress.overdue} : ${count(n)} ${plural(n, "jalon", "jalons")}`,
        dueSoonTitle: (n: number) => `${L.progress.dueSoon} : ${count(n)} ${plural(n, "jalon", "jalons")}`,
        noneTitle: "Rien à faire pour l'instant",
        none: (days: number) => `Aucun jalon en retard ni à échéance dans les ${days} jours.`,
        late: (n: number) => `En retard de ${count(n)} ${plural(n, "jour", "jours")}`,
        dueIn: (n: number) => (n === 0 ? "Échéance aujourd'hui" : `Échéance dans ${count(n)} ${plural(n, "jour", "jours")}`),
        dueOn: (date: string) => `${L.milestone.dueDate} : ${date}`,
        plan: (title: string) => `Plan : ${title}`,
        leadLabel: "Institution porteuse :",
        lastStatus: "Dernier état :",
        homeTitle: "À faire",
        homeSummary: (overdue: number, dueSoon: number, days: number) =>
            `${count(overdue)} ${plural(overdue, "jalon en retard", "jalons en retard")} et ${count(dueSoon)} ${plural(dueSoon, "jalon", "jalons")} à échéance dans les ${days} jours.`,
        homeLink: "Voir la liste",
        roundsTitle: (n: number) => `${plural(n, "Campagne de suivi", "Campagnes de suivi")} : ${plural(n, "rapports attendus", "rapports attendus")}`,
        roundPending: (late: number, toDo: number) => `${count(late)} en retard, ${count(toDo)} à faire`,
        roundDue: (date: string) => `Date limite : ${date}`
    },
    /** A workshop's words shared with the printed report (`core/labels.ts`). */
    workshopLabels: L.workshop,
    juryLabels: L.jury,
    juryCriteria: L.juryCriteria,
    /** Co-construction workshops: the plan's list, a workshop's page, the room's capture. */
    workshops: {
        open: "Ateliers",
        title: "Ateliers",
        breadcrumb: "Ateliers",
        intro: "Les ateliers de co-construction du plan : qui y a pris part, ce qui y a été proposé, et ce qu'il est advenu de chaque contribution.",
        none: "Aucun atelier pour l'instant.",
        prepare: "Préparer un atelier",
        prepareTitle: "Préparer un atelier",
        preparationTitle: "Préparation",
        editTitle: "Modifier la préparation",
        edit: "Modifier la préparation",
        submit: "Enregistrer l'atelier",
        save: "Enregistrer",
        cancel: "Annuler",
        saved: "Préparation enregistrée.",
        tableCaption: "Ateliers du plan, le plus récent en premier",
        columns: { date: "Date", title: "Atelier", institution: "Institution organisatrice", participants: "Participants", contributions: "Contributions", decided: "Suites données" },
        decided: (decided: number, total: number) => `${count(decided)} sur ${count(total)}`,
        titleHint: "Par exemple « Atelier transparence de la vie publique — Lyon ».",
        placeHint: "Adresse ou salle ; « En ligne » pour un atelier à distance.",
        noArea: "Aucun axe en particulier",
        areaHint: "Facultatif : l'axe dont parle l'atelier.",
        commitmentsHint: "Facultatif : les engagements soumis aux participants. Pendant l'atelier, ils pourront commenter ces engagements et leurs jalons.",
        facilitatorHint: "La personne qui anime l'atelier et répond aux demandes des participants sur leurs données.",
        institutionRequired: "Choisissez l'institution qui organise l'atelier.",
        institutionHint: "Elle conserve les données des participants ; elles ne sont jamais transmises aux autres institutions.",
        ownInstitution: (name: string) => `${name} (votre institution)`,
        consentHint: "Ce que chaque participant lit et accepte avant que quoi que ce soit de lui soit enregistré. Le texte proposé convient à la plupart des ateliers ; adaptez-le si besoin.",
        keepUntilHint: (days: number) => `Proposée un an après l'atelier ; au plus ${count(days)} jours après.`,
        readOnly: (institution: string) => `Cet atelier est organisé par ${institution} : seules ses équipes et la coordination du plan peuvent le modifier. Vous pouvez le consulter.`,
        heldLine: (date: string, place: string) => (place === "" ? date : `${date} — ${place}`),
        facts: {
            institution: "Institution organisatrice",
            facilitator: "Animation",
            area: "Axe discuté",
            discussed: "Engagements discutés",
            keepUntil: "Données des participants conservées jusqu'au"
        },
        nothingDiscussed: "Aucun engagement en particulier.",
        consentTitle: "Texte d'information lu et accepté par les participants",
        room: "Mode atelier",
        roomHint: "Pour saisir les contributions sur cet ordinateur, une personne après l'autre.",
        delete: "Supprimer l'atelier",
        deleteTitle: "Supprimer l'atelier",
        deleteConfirm: (title: string) =>
            `Supprimer l'atelier « ${title} », ses participants et leurs contributions ? Cette suppression est définitive.`,
        participantsTitle: "Participants",
        participantsCount: (n: number) => `${count(n)} ${plural(n, "personne a pris part", "personnes ont pris part")} à l'atelier.`,
        byKindCaption: "Participants par type d'organisation",
        kindColumn: "Type d'organisation",
        countColumn: "Nombre",
        namesTitle: "Qui a participé",
        namesIntro: "Données personnelles : visibles seulement des équipes de l'institution organisatrice.",
        namesHidden: "Les noms des participants restent auprès de l'institution qui a organisé l'atelier : ils ne sont pas sur cet ordinateur.",
        nameColumn: "Prénom ou pseudonyme",
        agreedColumn: "Accord donné le",
        contactColumn: "Recontact",
        contributionsColumn: "Contributions",
        noContact: "Non",
        privacyLink: "Données personnelles : ce qui est conservé, pourquoi et combien de temps",
        contributionsTitle: "Contributions",
        contributionsEmpty: "Aucune contribution pour l'instant. Elles se saisissent en mode atelier.",
        groups: { proposal: "Propositions", comment: "Commentaires", vote: "Votes de priorité" },
        groupCount: (n: number) => `(${count(n)})`,
        byAuthor: (author: string) => `Par ${author}`,
        byKind: (kind: string) => `Participant : ${kind}`,
        byFacilitator: "Saisie par l'animation",
        votes: (votes: number, first: number) =>
            votes === 0
                ? "Aucun vote"
                : `${count(votes)} ${plural(votes, "vote", "votes")}, dont ${count(first)} en premier choix`,
        about: (number: string, title: string) => `Sur ${number} — ${title}`,
        aboutGone: "Sur un engagement ou un jalon qui n'est plus dans le plan",
        ranked: "Propositions choisies, dans l'ordre :",
        proposalGone: "Proposition supprimée",
        outcomeLine: (outcome: string) => `${L.workshop.outcome} : ${outcome}`,
        fedLine: "A nourri :",
        trace: "Dire la suite donnée",
        retrace: "Modifier la suite donnée",
        traceTitle: (text: string) => `Suite donnée à « ${text} »`,
        reasonHint: "Obligatoire quand la contribution est fusionnée ou non retenue : le participant pourra la lire.",
        fedHint: "Les engagements et jalons que la contribution a nourris (au moins un quand elle est retenue ou fusionnée).",
        traceSave: "Enregistrer la suite donnée",
        deleteContribution: "Supprimer",
        deleteContributionOf: (text: string) => `Supprimer la contribution « ${text} »`,
        contributionDeleted: (text: string) => `La contribution « ${text} » a été supprimée.`,
        dataColumn: "Ses données",
        exportData: "Exporter ses données",
        /** Said after « Exporter ses données », « Effacer ses données » to screen readers: whose. */
        whose: (name: string) => ` — ${name}`,
        exportingData: "Export…",
        dataExported: (path: string) => `Données du participant exportées : ${path}`,
        dataErased: "Effacées",
        erase: "Effacer ses données",
        eraseTitle: "Effacer les données du participant",
        eraseConfirm: (name: string) =>
            `Effacer les données de ${name} ? Son prénom ou pseudonyme, le texte qu'il a accepté et son adresse sont effacés de ce poste et, à la prochaine synchronisation, du serveur et des postes de l'institution. Restent, anonymes : sa participation, comptée par type d'organisation, et ses contributions. Cet effacement ne peut pas être annulé.`,
        erased: "Les données du participant ont été effacées : il figure désormais comme « Participant anonyme ».",
        dataRights:
            "À la demande d'un participant, exportez ses données pour les lui remettre, ou effacez-les. Elles sont de toute façon effacées après la date de conservation.",
        reportTitle: "Compte rendu de l'atelier",
        reportIntro:
            "Le compte rendu public de l'atelier : les participants comptés par type d'organisation, jamais nommés, les propositions avec leurs votes et la suite donnée à chacune. Ses données s'exportent aussi dans les formats ouverts du plan.",
        reportHtml: "Compte rendu imprimable",
        reportJson: "Données (JSON)",
        reportCsv: "Données (CSV)",
        reportExporting: "Export en cours…",
        reportExported: (path: string) => `Compte rendu exporté : ${path}`,
        reportFailedTitle: "L'export n'a pas abouti",
        exchangeTitle: "Emporter l'atelier sur un autre poste",
        exchangeIntro:
            "Sans réseau, un fichier d'échange porte l'atelier sur une clé USB jusqu'au poste d'un collègue, qui l'importe et le transmet au serveur à sa prochaine synchronisation.",
        importIntro: "Un atelier apporté d'un autre poste sur une clé USB ?"
    },
    /** Choosing commitments and milestones among a whole plan's: a filtered list. */
    /** The citizen jury of the accelerator of citizen initiatives (its words of the rule and criteria: `juryLabels`, `juryCriteria`). */
    jury: {
        exportTitle: "Publier le classement",
        exportIntro: "Le classement et sa règle, en document imprimable ou en fichier CSV décrit par son schéma : aucun juré n'y est nommé, aucune note individuelle ni adresse n'y figure.",
        exportHtml: "Document imprimable",
        exportCsv: "Données (CSV)",
        exporting: "Export…",
        exported: (path: string) => `Classement enregistré : ${path}`,
        exportFailedTitle: "Le classement n'a pas été enregistré",
        exchangeTitle: "Fichier d'échange",
        exchangeIntro: "Sans réseau ni salle, copiez le jury sur une clé USB pour un autre poste de votre institution : ses notes reviendront par le même chemin.",
        exchangeWrite: "Écrire le fichier d'échange du jury",
        open: "Jurys citoyens",
        title: "Jurys citoyens",
        intro: "Le jury de l'accélérateur d'initiatives citoyennes : 15 citoyens au plus notent les candidatures d'une promotion sur cinq critères, et 10 projets au plus sont retenus. Jurés, candidatures et notes restent à l'institution qui tient le jury.",
        none: "Aucune session de jury pour l'instant.",
        newSession: "Ouvrir une session",
        newSessionTitle: "Ouvrir une session du jury",
        editSession: "Modifier la session",
        editSessionTitle: "Modifier la session",
        sessionTitleHint: "Par exemple « Promotion 2 — printemps 2025 ».",
        institutionHint: "Elle seule conserve les jurés, les candidatures et les notes ; ils ne sont jamais transmis aux autres institutions.",
        institutionRequired: "Choisissez l'institution qui tient le jury.",
        institution: "Institution qui tient le jury",
        submit: "Ouvrir la session",
        save: "Enregistrer",
        cancel: "Annuler",
        tableCaption: "Sessions du jury, la plus récente en premier",
        columns: { date: "Date", title: "Promotion", institution: "Institution", jurors: "Jurés", applications: "Candidatures", sheets: "Fiches rendues" },
        outOf: (n: number, max: number) => `${count(n)} / ${count(max)}`,
        sessionLine: (date: string, institution: string) => `${date} — ${institution}`,
        placesLine: (n: number) => `${count(n)} ${plural(n, "place à pourvoir", "places à pourvoir")}`,
        readOnly: (institution: string) => `Ce jury est tenu par ${institution} : seules ses équipes peuvent le modifier. Vous pouvez le consulter.`,
        deleteSession: "Supprimer la session",
        deleteSessionConfirm: (title: string) =>
            `Supprimer la session « ${title} », ses jurés, ses candidatures et toutes les fiches de notation ? Cette suppression est définitive.`,
        tabsLabel: "Parties de la session",
        // Jurors
        jurorsCount: (n: number, max: number) => `${count(n)} / ${count(max)} jurés`,
        addJuror: "Ajouter le juré",
        noJurors: "Aucun juré pour l'instant.",
        jurorsCaption: "Jurés de la session",
        jurorColumns: { name: "Juré", sheets: "Fiches rendues", actions: "Actions" },
        sheetsOf: (n: number, total: number) => `${count(n)} / ${count(total)} ${plural(total, "fiche", "fiches")}`,
        rename: "Renommer",
        renameLabel: (name: string) => `Renommer ${name}`,
        removeJuror: "Retirer",
        removeJurorLabel: (name: string) => `Retirer ${name} du jury`,
        removeJurorTitle: "Retirer un juré",
        removeJurorConfirm: (name: string, sheets: number) =>
            sheets === 0
                ? `Retirer ${name} du jury ?`
                : `Retirer ${name} du jury ? ${plural(sheets, "Sa fiche rendue sera supprimée", `Ses ${count(sheets)} fiches rendues seront supprimées`)}.`,
        // Applications
        applicationsCount: (n: number) => `${count(n)} ${plural(n, "candidature", "candidatures")}`,
        addApplication: "Ajouter une candidature",
        addApplicationTitle: "Ajouter une candidature",
        editApplicationTitle: "Modifier la candidature",
        saveApplication: "Enregistrer la candidature",
        noApplications: "Aucune candidature pour l'instant.",
        applicationsCaption: "Candidatures de la session, dans l'ordre où elles ont été ajoutées",
        applicationColumns: { reference: "Réf.", title: "Candidature", applicant: "Porteur", actions: "Actions" },
        edit: "Modifier",
        editLabel: (title: string) => `Modifier « ${title} »`,
        deleteApplication: "Supprimer",
        deleteApplicationLabel: (title: string) => `Supprimer « ${title} »`,
        deleteApplicationTitle: "Supprimer une candidature",
        deleteApplicationConfirm: (title: string) =>
            `Supprimer la candidature « ${title} » et les fiches qui la notent ? Cette suppression est définitive.`,
        search: "Rechercher une candidature",
        searchHint: "Titre, porteur ou référence.",
        matching: (n: number, total: number) => outOf(n, total, "candidature", "candidatures"),
        importCsv: "Importer un fichier CSV",
        reading: "Lecture du fichier…",
        importHint:
            "Le fichier de l'appel à candidatures, une candidature par ligne, avec une ligne d'en-tête nommant les colonnes « Titre », « Porteur », « Résumé » et, si vous les avez, « Courriel » et « Référence ». Rien n'est enregistré avant votre confirmation.",
        previewTitle: (file: string) => `Fichier « ${file} »`,
        problemsTitle: (n: number) => `${count(n)} ${plural(n, "problème", "problèmes")} dans le fichier : rien n'a été importé`,
        problemsIntro: "Corrigez le fichier dans votre tableur, enregistrez-le en CSV, puis importez-le de nouveau.",
        problemsCaption: (file: string) => `Problèmes du fichier « ${file} », par ligne`,
        problemColumns: { row: "Ligne", column: "Colonne", problem: "Problème" },
        wholeFile: "Tout le fichier",
        willImport: (n: number) => `${count(n)} ${plural(n, "candidature lue", "candidatures lues")} dans le fichier.`,
        confirmImport: (n: number) => `Importer ${plural(n, "la candidature", `les ${count(n)} candidatures`)}`,
        importing: "Import en cours…",
        imported: (added: number, already: number) =>
            `${count(added)} ${plural(added, "candidature ajoutée", "candidatures ajoutées")}, ${count(already)} ${plural(already, "déjà présente", "déjà présentes")}.`,
        close: "Fermer",
        // Scoring
        scoringTitle: "Notation",
        scoringIntro:
            "Sur un ordinateur partagé dans la salle du jury : chaque juré choisit son nom et note les candidatures une à une. L'écran de notation ne montre à chacun que ses propres fiches, jamais les notes des autres.",
        startScoring: "Commencer la notation sur cet ordinateur",
        scoringProgressCaption: "Avancement de la notation, par juré",
        roomTitle: "Plusieurs ordinateurs dans la salle, sans internet",
        roomIntro: "Ouvrez la salle sur cet ordinateur pour que les jurés notent aussi sur d'autres : leurs fiches s'y retrouvent, et le classement les compte toutes.",
        noJurorsToScore: "Ajoutez d'abord les jurés et les candidatures.",
        whoAreYou: "Qui note ?",
        whoAreYouHint: "Choisissez votre nom : seules vos fiches s'affichent.",
        startAsJuror: "Commencer ma notation",
        leaveScoring: "Quitter la notation",
        changeJuror: "J'ai terminé : passer au juré suivant",
        scoringAs: (name: string) => `Notation de ${name}`,
        progress: (done: number, total: number) => `${count(done)} / ${count(total)} ${plural(total, "fiche", "fiches")}`,
        sheetOf: (n: number, total: number) => `Candidature ${count(n)} sur ${count(total)}`,
        goTo: "Aller à la candidature",
        statusScored: "notée",
        statusAbstained: "abstention",
        statusToDo: "à noter",
        declareConflict: "Je déclare un conflit d'intérêts",
        declareConflictHint: "Vous ne notez pas cette candidature : votre abstention n'est comptée ni dans ses moyennes ni pour le quorum.",
        next: "Fiche suivante",
        previous: "Fiche précédente",
        saveSheet: "Enregistrer ma fiche",
        handedIn: "Fiche enregistrée.",
        withdraw: "Retirer ma fiche",
        withdrawn: "Fiche retirée.",
        allDone: (n: number) => `Vous avez rendu vos ${count(n)} fiches. Merci !`,
        scoreLabel: (score: number) => `${score}`,
        // Ranking
        rankingCaption: "Classement des candidatures notées",
        summary: {
            places: "Places à pourvoir",
            jurors: "Jurés",
            quorum: "Quorum (jurés ayant noté)",
            selected: "Candidatures retenues"
        },
        noRanking: "Aucune candidature n'a encore été notée.",
        unscoredTitle: "Candidatures non notées",
        unscoredCaption: "Candidatures qu'aucun juré n'a notées",
        ruleTitle: "Règle du classement",
        standing: "Décision",
        columnName: (name: string) => `« ${name} »`,
        rankedShown: (from: number, to: number, total: number) =>
            from === 1 && to === total ? `${count(total)} ${plural(total, "candidature classée", "candidatures classées")}` : `Candidatures classées ${count(from)} à ${count(to)} sur ${count(total)}`,
        criteriaLegend: "Critères",
        criterionShort: (n: number) => `C${n}`
    },
    targets: {
        filter: "Filtrer",
        filterHint: "Un numéro (2.3) ou des mots du titre.",
        chosen: "Choisis :",
        noneChosen: "Aucun choisi.",
        remove: (label: string) => `Retirer ${label}`,
        more: (n: number) => `${count(n)} de plus : précisez le filtre pour les voir.`,
        noMatch: "Aucun engagement ni jalon ne correspond au filtre.",
        empty: "Ce plan n'a encore aucun engagement.",
        label: (number: string, title: string) => `${number} — ${title}`,
        matching: (n: number) => `${count(n)} ${plural(n, "résultat", "résultats")}`
    },
    /** « Mode atelier »: the shared laptop in the room, one participant after another. */
    room: {
        title: "Mode atelier",
        quit: "Quitter le mode atelier",
        next: "Participant suivant",
        nextHint: "Efface de l'écran tout ce qui concerne la personne précédente.",
        steps: (step: number) => `Étape ${step} sur 3`,
        welcomeTitle: "Bienvenue",
        welcomeIntro: "Avant de participer, lisez ce texte : il dit ce que nous enregistrons et pourquoi.",
        accept: "J'ai lu et j'accepte",
        mustAccept: "Cochez « J'ai lu et j'accepte » pour participer : sans votre accord, rien n'est enregistré.",
        continue: "Continuer",
        identityTitle: "Qui êtes-vous ?",
        identityIntro: "Un prénom ou un pseudonyme suffit. Il n'est jamais publié.",
        kindRequired: "Choisissez d'où vous venez.",
        contact: "J'accepte qu'on me recontacte",
        contactHint: "Pour vous dire ce que deviennent vos contributions. Votre adresse ne sert qu'à cela.",
        contributeTitle: (name: string) => `À vous, ${name}`,
        contributeIntro: "Ajoutez autant de propositions et de commentaires que vous voulez, et votez pour les propositions que vous jugez prioritaires.",
        what: "Que voulez-vous ajouter ?",
        proposalLabel: "Votre proposition",
        commentLabel: "Votre commentaire",
        textHint: "Entrée pour ajouter ; Maj + Entrée pour aller à la ligne.",
        aboutLabel: "Sur quel engagement ou jalon ?",
        aboutPlaceholder: "Choisissez",
        noDiscussed: "Cet atelier ne soumet aucun engagement en particulier : faites plutôt une proposition.",
        commitmentOption: (number: string, title: string) => `Engagement ${number} — ${title}`,
        milestoneOption: (number: string, title: string) => `Jalon ${number} — ${title}`,
        choice: (rank: number) => ["Premier choix", "Deuxième choix", "Troisième choix"][rank - 1] ?? `Choix ${rank}`,
        choiceNone: "Aucun",
        voteHint: (max: number) => `Jusqu'à ${count(max)} propositions de l'atelier, de la plus importante à la moins importante.`,
        noProposals: "Aucune proposition pour l'instant : il n'y a pas encore de vote possible.",
        addProposal: "Ajouter ma proposition",
        addComment: "Ajouter mon commentaire",
        addVote: "Enregistrer mon vote",
        mine: "Vos contributions",
        mineEmpty: "Rien pour l'instant.",
        added: { proposal: "Proposition ajoutée.", comment: "Commentaire ajouté.", vote: "Vote enregistré." },
        thanks: "Merci ! Quand vous avez fini, appuyez sur « Participant suivant ».",
        /** Between the proposals of a vote, each said with its rank ("1. …"). */
        voteSeparator: " ; "
    },
    /** The commitment's workshop contributions it came from. */
    cameFrom: {
        intro: "Les contributions d'ateliers qui ont nourri cet engagement ou ses jalons.",
        workshop: (title: string, date: string) => `${title}, ${date}`,
        milestone: (number: string, title: string) => `A nourri le jalon ${number} — ${title}`,
        milestoneUnnumbered: (title: string) => `A nourri le jalon « ${title} »`
    },
    /** Reporting rounds: the coordination asks every institution to report by a date. */
    rounds: {
        title: "Campagnes de suivi",
        intro: "Une campagne demande à chaque institution porteuse de rendre compte de ses engagements et de leurs jalons avant une date. Chaque institution voit ce qu'elle doit rendre ; la coordination voit ce qui est rendu, en retard ou à faire, et qui relancer.",
        none: "Aucune campagne pour l'instant.",
        open: "Ouvrir une campagne",
        editTitle: "Modifier la campagne",
        kind: "Type de campagne",
        kinds: { midTerm: "Rapport à mi-parcours", endOfTerm: "Rapport de fin de parcours", other: "Autre campagne" },
        defaultTitle: { midTerm: "Rapport à mi-parcours", endOfTerm: "Rapport de fin de parcours", other: "Point d'étape" },
        titleLabel: "Titre",
        opensOn: "Ouverture",
        opensOnHint: "Les rapports datés de ce jour ou après comptent pour la campagne.",
        dueOn: "Date limite",
        instructions: "Consignes aux institutions",
        instructionsHint: "Ce qui est attendu, à qui écrire en cas de question.",
        submit: "Ouvrir la campagne",
        save: "Enregistrer",
        edit: "Modifier",
        delete: "Supprimer la campagne",
        deleted: (title: string) => `La campagne « ${title} » a été supprimée (les rapports restent).`,
        dates: (opens: string, due: string) => `Du ${opens} au ${due}`,
        ownIntro: (due: string) => `Ce que votre institution doit rendre avant le ${due} :`,
        summary: (reported: number, late: number, toDo: number) =>
            `${reported} ${plural(reported, "rendu", "rendus")}, ${late} en retard, ${toDo} à faire.`,
        exportContacts: (n: number) => `Exporter les contacts à relancer (${n})`,
        exported: (path: string) => `Liste enregistrée : ${path}`,
        nothingExpected: "Aucun engagement de ce plan n'a d'institution porteuse : rien n'est attendu.",
        tableCaption: "Rapports attendus, par institution porteuse",
        institution: "Institution",
        reported: "Rendus",
        late: "En retard",
        toDo: "À faire",
        items: "Engagements et jalons",
        states: { reported: "Rendu", late: "En retard", toDo: "À faire" }
    },
    /** A searchable list of institutions to choose from: lead, supporting, a milestone's, a filter. */
    picker: {
        instructions: "Tapez quelques lettres du nom ou du sigle, puis choisissez dans la liste.",
        choose: "Choisir une institution",
        add: "Ajouter une institution",
        chosen: "Institutions choisies",
        recentGroup: "Choisies récemment",
        othersGroup: "Par ordre alphabétique",
        remove: (label: string) => `Retirer ${label}`,
        picked: (label: string) => `Institution choisie : ${label}.`,
        removed: (label: string) => `Institution retirée : ${label}.`,
        matching: (n: number) => `${count(n)} ${plural(n, "institution correspond", "institutions correspondent")}.`,
        noMatch: (query: string) => `Aucune institution ne correspond à « ${query} ».`,
        hidden: (n: number) =>
            `${count(n)} ${plural(n, "autre institution n'est pas affichée", "autres institutions ne sont pas affichées")} : précisez votre recherche par le nom ou le sigle.`
    },
    /** Searching, filtering, sorting and paging a long list. */
    lists: {
        ignoresCase: "Les accents et majuscules sont ignorés.",
        sortBy: "Trier par",
        clearFilters: "Effacer les filtres",
        pagination: "Pagination",
        firstPage: "Première page",
        previousPage: "Page précédente",
        nextPage: "Page suivante",
        lastPage: "Dernière page",
        page: (n: number) => `Page ${n}`
    },
    origin: {
        ...L.origin,
        intro: "Engagement importé de la base des engagements du PGO. Ces informations viennent de la source : elles ne se modifient pas ici.",
        newWindow: "nouvelle fenêtre",
        values: {
            accessToInformation: L.commitment.accessToInformation,
            civicParticipation: L.commitment.civicParticipation,
            publicAccountability: L.commitment.publicAccountability,
            technology: L.commitment.technologyInnovation
        },
        scales: L.scales,
        sourceColumns: "Autres colonnes de la base du PGO",
        rawDate: (text: string) => `Date d'origine non interprétée : « ${text} »`
    },
    importOgp: {
        title: "Importer la base des engagements du PGO",
        intro: "Reprenez dans Plan ouvert les plans d'action déjà publiés, leurs engagements et l'évaluation de chacun par le Mécanisme de rapport indépendant (MRI).",
        aboutTitle: "Avant d'importer",
        file: "Le fichier attendu est l'export CSV de la base des engagements du Partenariat pour un gouvernement ouvert, tel que le PGO le publie sur son site.",
        allOrNothing: "Tout ou rien : si une ligne ne peut pas être lue, rien n'est enregistré, et chaque problème est indiqué avec le numéro de sa ligne.",
        again: "Importer de nouveau le fichier, ou une version plus récente, met à jour ce qui a changé : rien n'est jamais créé en double.",
        dates: "Les dates ne sont jamais devinées : une date ambiguë, comme « 5/6/2019 », est lue selon l'ordre jour/mois ou mois/jour que suivent les autres dates de son plan ; si rien ne le dit, elle reste vide. Une année seule reste une année. Le texte d'origine est toujours conservé.",
        runTitle: "Importer le fichier",
        runHint: "Plan ouvert vous demandera de choisir le fichier CSV sur ce poste. L'import prend quelques secondes.",
        start: "Choisir le fichier CSV et importer",
        running: "Import en cours…",
        progressLabel: "Avancement de l'import",
        opening: "Ouverture du fichier…",
        reading: (done: number, total: number) =>
            total > 0 ? `Lecture du fichier… ${count(done)} / ${count(total)} ${plural(total, "ligne", "lignes")}` : `Lecture du fichier… ${count(done)} ${plural(done, "ligne", "lignes")}`,
        writing: (done: number, total: number) => (total > 0 ? `Enregistrement… ${count(done)} / ${count(total)}` : `Enregistrement… ${count(done)}`),
        doneTitle: "Import terminé",
        /** A number in a table, written as the language writes numbers. */
        number: (n: number) => count(n),
        rowsRead: (n: number) => `${count(n)} ${plural(n, "ligne lue", "lignes lues")} ; les données sont enregistrées sur ce poste.`,
        countsCaption: "Ce que l'import a enregistré",
        kindHeader: "Données",
        created: "Créés",
        updated: "Mis à jour",
        unchanged: "Inchangés",
        kinds: {
            plans: "Plans d'action",
            areas: "Axes d'engagement",
            institutions: "Institutions",
            commitments: "Engagements"
        },
        warningsTitle: (n: number) => `${count(n)} ${plural(n, "point à vérifier", "points à vérifier")}`,
        warningsIntro: "L'import a tout enregistré ; ces valeurs n'ont pas pu être reprises telles quelles. Vérifiez-les dans les engagements concernés.",
        noWarnings: "Aucun point à vérifier.",
        warningsShow: (n: number) => `Afficher les ${count(n)} points à vérifier`,
        warningsCaption: "Points à vérifier, ligne par ligne",
        row: "Ligne",
        identifier: "Identifiant",
        column: "Colonne",
        message: "Message",
        seePlans: "Voir les plans d'action",
        refusedTitle: "Le fichier n'a pas été importé",
        failedTitle: "L'import n'a pas abouti",
        nothingWritten: "Rien n'a été enregistré. Corrigez le fichier, puis importez-le de nouveau.",
        startChoice: "Choisir le fichier CSV",
        readingDone: "Fichier lu : choisissez les plans à importer.",
        choiceTitle: (file: string) => `Ce que contient « ${file} »`,
        choiceIntro: (rows: number, countries: number, plans: number) =>
            `${count(rows)} ${plural(rows, "engagement", "engagements")}, ${count(plans)} ${plural(plans, "plan d'action", "plans d'action")}, ${count(countries)} ${plural(countries, "pays", "pays")}. Rien n'est encore enregistré.`,
        choiceHelp: (country: string) =>
            `Les plans de ${country} sont choisis d'avance et seront envoyés au serveur. Les plans d'autres pays que vous cochez restent sur ce poste, en consultation seule, comme bibliothèque de référence ; leurs institutions ne sont proposées que pour leurs propres plans.`,
        search: "Rechercher un pays ou un plan",
        searchHint: "Par exemple « Kenya » ou « 2019 ».",
        chooseShown: "Cocher les plans affichés",
        clearShown: "Décocher les plans affichés",
        plansCaption: "Plans d'action du fichier, par pays",
        country: "Pays",
        plan: "Plan d'action",
        commitmentsHeader: "Engagements",
        datesHeader: "Lecture des dates",
        shared: "À envoyer au serveur",
        library: "Bibliothèque sur ce poste",
        alreadyHere: "Déjà importé",
        noPlanShown: "Aucun plan ne correspond à cette recherche.",
        chosen: (n: number) => `${count(n)} ${plural(n, "plan choisi", "plans choisis")}`,
        computing: "Calcul de ce qui sera enregistré…",
        willWrite: (commitments: number, institutions: number) =>
            `Seront enregistrés : ${count(commitments)} ${plural(commitments, "engagement", "engagements")} et ${count(institutions)} ${plural(institutions, "institution", "institutions")} (créations et mises à jour).`,
        willSend: (n: number) =>
            n === 0 ? "Aucune modification ne sera envoyée au serveur." : `${count(n)} ${plural(n, "modification sera envoyée", "modifications seront envoyées")} au serveur à la prochaine synchronisation.`,
        willKeep: (n: number) =>
            `${count(n)} ${plural(n, "enregistrement restera", "enregistrements resteront")} sur ce poste seulement (bibliothèque de référence).`,
        confirm: (n: number) => `Importer ${plural(n, "le plan choisi", `les ${count(n)} plans choisis`)}`,
        cancelChoice: "Abandonner",
        sent: (n: number) =>
            n === 0 ? "Rien n'est envoyé au serveur." : `${count(n)} ${plural(n, "modification attend d'être envoyée", "modifications attendent d'être envoyées")} au serveur.`,
        kept: (n: number) => `${count(n)} ${plural(n, "enregistrement reste", "enregistrements restent")} sur ce poste, en consultation seule.`,
        undo: "Annuler cet import",
        undoAsk: (deleted: number, restored: number, queued: number) =>
            `Annuler l'import supprimera ${count(deleted)} ${plural(deleted, "enregistrement créé", "enregistrements créés")} et rétablira ${count(restored)} ${plural(restored, "enregistrement modifié", "enregistrements modifiés")} ; ${count(queued)} ${plural(queued, "modification sera envoyée", "modifications seront envoyées")} au serveur.`,
        undoConfirm: "Confirmer l'annulation",
        undoKeep: "Garder l'import",
        undone: (deleted: number, restored: number) =>
            `Import annulé : ${count(deleted)} ${plural(deleted, "enregistrement supprimé", "enregistrements supprimés")}, ${count(restored)} ${plural(restored, "rétabli", "rétablis")}.`,
        pastTitle: "Imports précédents",
        pastEmpty: "Aucun import à annuler.",
        pastItem: (file: string, when: string, plans: number, library: number) =>
            `« ${file} », ${when} : ${count(plans)} ${plural(plans, "plan", "plans")}${library > 0 ? `, dont ${count(library)} en bibliothèque` : ""}`,
        warningKinds: {
            date: "Dates",
            institution: "Institutions",
            assessment: "Évaluation du MRI",
            value: "Autres valeurs"
        },
        dateRulesTitle: (deduced: number) =>
            deduced === 0
                ? "Lecture des dates, plan par plan"
                : `Lecture des dates, plan par plan : l'ordre jour/mois déduit pour ${count(deduced)} ${plural(deduced, "plan", "plans")}`,
        warningsSearch: "Rechercher dans les points à vérifier",
        warningsSort: "Trier par",
        sortByRow: "Ligne du fichier",
        sortByCountry: "Pays",
        noWarningShown: "Aucun point à vérifier ne correspond.",
        onlyCountry: (country: string) => `Seulement les plans de ${country}`,
        warningPlan: "Plan d'action",
        allPlans: "Tous les plans",
        showMore: (n: number) => `Afficher ${count(n)} de plus`,
        openCommitment: (identifier: string) => `Ouvrir l'engagement ${identifier}`
    },
    /** The OGP's self-assessment report, exported from the plan's overview. */
    selfAssessment: {
        title: "Rapport d'autoévaluation",
        intro: "Le rapport que le PGO demande à mi-parcours et en fin de parcours, prêt à imprimer ou à joindre : l'avancement du plan et de chaque axe, puis pour chaque engagement son niveau d'achèvement, ses résultats, ses jalons, ses preuves et qui a signé chaque rapport. Il est établi d'après les rapports d'avancement datés au plus tard du jour choisi ; la co-construction du plan reste à compléter.",
        term: "Rapport",
        midTerm: L.selfAssessment.midTerm,
        endOfTerm: L.selfAssessment.endOfTerm,
        asOf: L.selfAssessment.asOf,
        asOfHint: "Seuls les rapports d'avancement datés de ce jour ou avant sont pris en compte.",
        export: "Exporter le rapport d'autoévaluation",
        exporting: "Export en cours…",
        exported: (path: string) => `Rapport d'autoévaluation exporté : ${path}`,
        exportFailedTitle: "L'export du rapport n'a pas abouti"
    },
    workbook: {
        title: "Suivre l'avancement par classeur",
        intro: "Comme les ministères en ont l'habitude : un classeur par institution porteuse, une ligne par jalon et une par engagement. L'institution le remplit et le renvoie ; vous l'importez ici, et chaque ligne remplie devient un rapport d'avancement signé.",
        institution: "Institution porteuse",
        institutionHint: "Les institutions qui portent au moins un engagement de ce plan.",
        allInstitutions: "Toutes les institutions porteuses",
        export: "Exporter le classeur de suivi",
        exporting: "Export en cours…",
        exported: (path: string) => `Classeur de suivi exporté : ${path}`,
        exportFailedTitle: "L'export du classeur n'a pas abouti",
        importTitle: "Importer un classeur rempli",
        importHint: "Plan ouvert vous demandera de choisir le fichier .xlsx renvoyé par l'institution. Rien n'est enregistré avant votre confirmation, et si une ligne ne convient pas, rien ne l'est.",
        read: "Choisir le classeur rempli",
        reading: "Lecture du classeur…",
        previewTitle: (file: string) => `Ce que contient « ${file} »`,
        planLine: (plan: string) => `Plan d'action : ${plan}`,
        institutionLine: (name: string) => `Institution porteuse : ${name}`,
        everyInstitution: "Classeur de toutes les institutions porteuses",
        willWrite: (n: number) =>
            n === 0 ? "Aucun rapport à enregistrer." : `${count(n)} ${plural(n, "rapport sera enregistré", "rapports seront enregistrés")}.`,
        unchanged: (n: number) => `${count(n)} ${plural(n, "ligne déjà importée est ignorée", "lignes déjà importées sont ignorées")}.`,
        empty: (n: number) => `${count(n)} ${plural(n, "ligne vide est ignorée", "lignes vides sont ignorées")}.`,
        signedBy: (name: string) => `Ils seront signés par ${name}.`,
        signedOnBehalf: (name: string) => `Ils seront signés par ${name}, au nom de l'institution porteuse.`,
        confirm: (n: number) => `Enregistrer ${plural(n, "le rapport", `les ${count(n)} rapports`)}`,
        cancel: "Abandonner",
        close: "Fermer",
        importing: "Enregistrement…",
        imported: (n: number) =>
            n === 0
                ? "Aucun nouveau rapport : tout était déjà enregistré."
                : `${count(n)} ${plural(n, "rapport d'avancement enregistré", "rapports d'avancement enregistrés")}.`,
        problemsTitle: (n: number) => `Le classeur ne peut pas être importé : ${count(n)} ${plural(n, "problème", "problèmes")}`,
        problemsIntro: "Rien n'a été enregistré. Corrigez le classeur aux lignes et aux colonnes indiquées, puis importez-le de nouveau.",
        problemsCaption: (file: string) => `Problèmes du classeur « ${file} »`,
        row: "Ligne",
        column: "Colonne",
        problem: "Problème",
        wholeWorkbook: "Tout le classeur",
        columnOf: (letter: string, title: string) => `${letter} — ${title}`,
        importFailedTitle: "L'import du classeur n'a pas abouti"
    },
    institutions: {
        title: "Institutions",
        intro: "Les institutions publiques qui portent ou soutiennent les engagements : ministères, autorités indépendantes, Parlement, juridictions.",
        empty: "Aucune institution pour l'instant. Ajoutez-en une, ou chargez le plan de démonstration depuis l'accueil.",
        caption: "Institutions enregistrées",
        name: "Nom",
        acronym: "Sigle",
        acronymHint: "Facultatif, par exemple « HATVP ».",
        kind: "Type",
        actions: "Actions",
        kinds: {
            ministry: "Ministère",
            independentAuthority: "Autorité administrative indépendante",
            parliament: "Parlement",
            court: "Juridiction",
            other: "Autre"
        },
        createTitle: "Ajouter une institution",
        submit: "Ajouter l'institution",
        created: (name: string) => `L'institution « ${name} » a été ajoutée.`,
        editOf: (name: string) => `Modifier l'institution « ${name} »`,
        editTitle: "Modifier l'institution",
        saved: (name: string) => `L'institution « ${name} » a été mise à jour.`,
        deleteOf: (name: string) => `Supprimer l'institution « ${name} »`,
        deleteTitle: "Supprimer l'institution",
        deleteConfirm: (name: string) => `Supprimer l'institution « ${name} » ? Cette action est définitive.`,
        deleted: (name: string) => `L'institution « ${name} » a été supprimée.`,
        refusedTitle: "Suppression impossible",
        filtersTitle: "Rechercher une institution",
        search: "Rechercher une institution",
        searchHint: "Nom ou sigle.",
        allKinds: "Tous les types",
        sorts: {
            name: "Nom, de A à Z",
            nameDesc: "Nom, de Z à A",
            acronym: "Sigle, de A à Z",
            kind: "Type, puis nom"
        },
        shown: (n: number, total: number) => outOf(n, total, "institution", "institutions"),
        noMatch: "Aucune institution ne correspond à votre recherche."
    },
    syncLine: {
        notSent: "Pas encore envoyé au serveur",
        sent: "Envoyé au serveur",
        refused: (n: number) => `${count(n)} ${plural(n, "modification refusée", "modifications refusées")} par le serveur : voir pourquoi`
    },
    leave: {
        title: "Quitter la page ?",
        unsaved: (n: number) =>
            `${count(n)} ${plural(n, "valeur saisie n'est pas enregistrée", "valeurs saisies ne sont pas enregistrées")} : ${plural(n, "elle est refusée telle quelle", "elles sont refusées telles quelles")}. Si vous quittez la page, ${plural(n, "elle sera perdue", "elles seront perdues")}.`,
        stay: "Rester sur la page",
        leave: "Quitter sans enregistrer"
    },
    deletion: {
        undo: "Annuler la suppression",
        restored: "Suppression annulée : c'est de retour à sa place.",
        close: "Masquer"
    },
    library: {
        share: "Partager ce plan avec le serveur",
        ask: (n: number) =>
            `Partager ce plan l'enverra au serveur, avec tout ce qu'il contient : ${count(n)} ${plural(n, "modification", "modifications")} à la prochaine synchronisation. Il pourra alors être modifié par ceux que le serveur autorise.`,
        confirm: "Partager",
        shared: (n: number) =>
            `Plan partagé : ${count(n)} ${plural(n, "modification attend d'être envoyée", "modifications attendent d'être envoyées")} au serveur.`
    },
    readOnly: {
        title: "Consultation seule",
        reader: "Votre rôle de lecteur permet de consulter le plan, pas de le modifier.",
        otherInstitution: (lead: string) =>
            `Cet engagement est porté par ${lead} : seules ses équipes et la coordination du plan peuvent le modifier. Vous pouvez le consulter.`,
        coordinationOnly: "Seule la coordination du plan peut modifier le plan et ses axes, et la liste des institutions. Vous pouvez ajouter et rédiger les engagements de votre institution.",
        library: (country: string) =>
            `Plan de ${country} gardé comme référence sur ce poste : il se consulte, il ne se modifie pas, et il n'est pas envoyé au serveur.`
    },
    /** A workshop room: the workshop opened to the room's laptops over its local network, or another laptop's room joined. */
    roomLink: {
        title: "Salle sans internet",
        hostHint: "Les autres ordinateurs de la salle, sur le même réseau, rejoignent l'atelier avec l'adresse et le code affichés ; leurs contributions arrivent ici en quelques secondes.",
        open: "Ouvrir la salle",
        opening: "Ouverture…",
        close: "Fermer la salle",
        address: "Adresse",
        code: "Code",
        otherWorkshop: "La salle ouverte sur cet ordinateur est celle d'un autre atelier : l'ouvrir pour celui-ci ferme l'autre.",
        hostHintJury:
            "Les autres ordinateurs de la salle du jury, sur le même réseau, rejoignent la session avec l'adresse et le code affichés ; les fiches qu'on y rend arrivent ici en quelques secondes.",
        otherRoomJury: "La salle ouverte sur cet ordinateur est celle d'un atelier ou d'une autre session : l'ouvrir pour celle-ci ferme l'autre.",
        recentLaptops: (n: number, minutes: number) =>
            n === 0
                ? `Aucun ordinateur n'a échangé dans les ${minutes} dernières minutes`
                : `${count(n)} ${plural(n, "ordinateur a échangé", "ordinateurs ont échangé")} dans les ${minutes} dernières minutes`,
        lastExchangeAt: (time: string) => `Dernier échange à ${time}`,
        join: "Rejoindre une salle",
        joinHint: "Tapez l'adresse et le code à six chiffres affichés sur l'ordinateur de la salle.",
        addressHint: "Par exemple 192.168.1.20:7878",
        codeHint: "Six chiffres",
        joining: "Connexion…",
        joinSubmit: "Rejoindre la salle",
        joined: (address: string) => `Salle rejointe (${address})`,
        lastExchange: (seconds: number) => `Dernier échange il y a ${seconds} s`,
        noExchange: "Aucun échange encore",
        leave: "Quitter la salle",
        openWorkshop: "Voir l'atelier",
        status: (address: string, state: string) => `Salle ${address} : ${state}`
    },
    /** Exchange files: a workshop, or the changes not yet sent, carried to another computer on a USB stick. */
    exchange: {
        write: "Écrire le fichier d'échange",
        writeUnsent: "Écrire mes modifications non envoyées",
        writing: "Écriture…",
        import: "Importer un fichier d'échange",
        importing: "Importation…",
        dialogTitle: "Écrire le fichier d'échange",
        dialogUnsentTitle: "Écrire mes modifications non envoyées",
        identitiesLegend: "Identité des participants",
        identitiesRule:
            "Le prénom ou pseudonyme et l'adresse des participants sont des données personnelles qui doivent rester au sein de l'institution qui a organisé l'atelier : ne les mettez dans le fichier que s'il va sur l'un de ses postes.",
        withIdentities: "Avec l'identité des participants",
        withIdentitiesHint: "Pour un poste de l'institution organisatrice.",
        withoutIdentities: "Sans l'identité des participants",
        withoutIdentitiesHint: "Pour tout autre poste : les participants restent comptés, sans nom.",
        noIdentitiesHere: "Ce poste ne détient pas l'identité des participants : le fichier n'en contiendra pas.",
        juryRule:
            "Le fichier contient tout le jury : les jurés, les candidatures avec l'adresse de leurs porteurs, et toutes les notes. Ces données restent à l'institution qui tient le jury : ne le remettez qu'à l'un de ses postes, qui seul pourra l'importer.",
        holdsJury: (records: number, changes: number, size: string) =>
            `Il contient ${count(records)} ${plural(records, "enregistrement", "enregistrements")} et ${count(changes)} ${plural(changes, "modification non envoyée", "modifications non envoyées")} (${size}), avec les jurés, les candidatures et les notes.`,
        openJury: (title: string) => `Voir le jury « ${title} »`,
        confirm: "Écrire le fichier",
        written: (path: string) => `Fichier d'échange écrit : ${path}`,
        holds: (records: number, changes: number, size: string, identities: boolean) =>
            `Il contient ${count(records)} ${plural(records, "enregistrement", "enregistrements")} et ${count(changes)} ${plural(changes, "modification non envoyée", "modifications non envoyées")} (${size}), ${identities ? "avec" : "sans"} l'identité des participants.`,
        size: (bytes: number) =>
            bytes < 1024 * 1024
                ? `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} Ko`
                : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} Mo`,
        writeFailedTitle: "Le fichier d'échange n'a pas été écrit",
        importFailedTitle: "Le fichier d'échange n'a pas été importé",
        importedTitle: "Fichier d'échange importé",
        alreadyTitle: "Déjà importé",
        already: "Ce fichier a déjà été importé sur ce poste : rien n'a changé.",
        writtenBy: (writer: string, date: string, time: string) => `Écrit par ${writer} le ${date} à ${time} (selon l'horloge de son poste).`,
        openWorkshop: (title: string) => `Voir l'atelier « ${title} »`,
        recordsAdded: (n: number) => `${count(n)} ${plural(n, "enregistrement ajouté", "enregistrements ajoutés")} sur ce poste`,
        changesApplied: (n: number) => `${count(n)} ${plural(n, "modification appliquée", "modifications appliquées")} à ce que ce poste avait déjà`,
        changesToRelay: (n: number) =>
            `${count(n)} ${plural(n, "modification sera transmise", "modifications seront transmises")} au serveur à la prochaine synchronisation`,
        sectionTitle: "Fichiers d'échange",
        sectionIntro:
            "Sans réseau, un collègue peut transmettre vos modifications : écrivez-les dans un fichier d'échange, copiez-le sur une clé USB, il l'importe sur son poste et les envoie au serveur à sa prochaine synchronisation. Et inversement.",
        relay: (n: number) =>
            `${count(n)} ${plural(n, "modification reçue d'un autre poste sera transmise", "modifications reçues d'autres postes seront transmises")} au serveur à la prochaine synchronisation.`
    },
    sync: {
        /** A moment, relative to today: "14:32", "hier à 14:32", "le 12/03/2024 à 14:32". */
        when: {
            today: (time: string) => time,
            yesterday: (time: string) => `hier à ${time}`,
            other: (date: string, time: string) => `le ${date} à ${time}`
        },
        /** The same, in a sentence: "aujourd'hui à 14:32". */
        at: {
            today: (time: string) => `aujourd'hui à ${time}`,
            yesterday: (time: string) => `hier à ${time}`,
            other: (date: string, time: string) => `le ${date} à ${time}`
        },
        bar: {
            label: "État de la synchronisation",
            connection: {
                notConfigured: "Non configuré",
                online: "En ligne",
                offline: "Hors ligne",
                unauthorized: "Jeton refusé"
            },
            pending: (n: number) => `${count(n)} ${plural(n, "modification", "modifications")} à envoyer`,
            /** Before any server is configured: nothing is late, the changes are simply kept here. */
            pendingLocal: (n: number) => `${count(n)} ${plural(n, "modification enregistrée", "modifications enregistrées")} sur ce poste`,
            allSent: "Tout est envoyé",
            last: (when: string) => `Dernière synchronisation : ${when}`,
            never: "Pas encore synchronisé",
            localOnly: "Les données restent sur ce poste.",
            configure: "Configurer la synchronisation",
            newToken: "Saisir un nouveau jeton",
            conflicts: (n: number) => `${n} ${plural(n, "conflit", "conflits")} à résoudre`,
            rejections: (n: number) => `${n} ${plural(n, "modification refusée", "modifications refusées")}`,
            /** The same, where the line is short (a 1024-pixel window). */
            conflictsShort: (n: number) => `${n} ${plural(n, "conflit", "conflits")}`,
            rejectionsShort: (n: number) => `${n} refus`,
            /** Other computers' changes, taken in from exchange files, that this one will send. */
            relay: (n: number) => `${count(n)} ${plural(n, "modification d'un autre poste", "modifications d'autres postes")} à transmettre`,
            syncNow: "Synchroniser maintenant",
            syncing: "Synchronisation…",
            /** A long reception (a first sync of a national plan), page after page. */
            receiving: (received: number, total: number | null) =>
                total === null
                    ? `Réception du plan : ${count(received)} ${plural(received, "élément reçu", "éléments reçus")}`
                    : `Réception du plan : ${count(received)} sur ${count(total)} éléments`,
            timeLeft: (seconds: number) =>
                seconds < 60 ? `environ ${seconds} s restantes` : `environ ${Math.round(seconds / 60)} min restantes`,
            receivingProgress: "Avancement de la réception du plan",
            pause: "Interrompre",
            paused: "Réception interrompue : ce qui est arrivé est conservé.",
            resume: "Reprendre la réception",
            done: "Synchronisation terminée : tout est envoyé.",
            doneWithPending: (n: number) => `Synchronisation terminée. ${count(n)} ${plural(n, "modification reste", "modifications restent")} à envoyer.`,
            failed: (reason: string) => `La synchronisation n'a pas abouti. ${reason}`,
            tokenRefused: "Le serveur a refusé le jeton : saisissez-en un nouveau dans l'écran Synchronisation.",
            newConflicts: (n: number) => `${n} ${plural(n, "conflit", "conflits")} à résoudre.`
        },
        settings: {
            title: "Synchronisation",
            intro: "Plan ouvert fonctionne sans connexion : vos modifications sont enregistrées sur ce poste, puis envoyées au serveur du plan dès que le réseau le permet. Celles de vos collègues arrivent de la même façon.",
            offlineTitle: "Le serveur ne répond pas",
            offlineText: "Vos modifications restent sur ce poste ; elles seront envoyées dès que le serveur répondra.",
            unauthorizedTitle: "Le serveur a refusé le jeton",
            unauthorizedText: "Saisissez un nouveau jeton ci-dessous. Vos modifications restent sur ce poste en attendant.",
            inboxTitle: "À traiter",
            inboxEmpty: "Aucun conflit ni modification refusée.",
            inboxLink: "Voir les conflits et les modifications refusées",
            accountTitle: "Votre compte",
            name: "Nom",
            institution: "Institution",
            role: "Rôle",
            roles: {
                drafter: "Rédaction des engagements",
                coordinator: "Coordination du plan",
                reader: "Consultation seule"
            },
            server: "Serveur",
            storage: {
                keyring: "Le jeton est conservé dans le trousseau du système.",
                file: "Aucun trousseau n'est disponible sur ce poste : le jeton est conservé dans un fichier lisible par vous seul."
            },
            disconnect: "Se déconnecter",
            disconnectTitle: "Se déconnecter du serveur",
            disconnectConfirm:
                "Le jeton sera oublié sur ce poste. Vos données et les modifications pas encore envoyées y restent : elles seront envoyées quand vous vous reconnecterez.",
            disconnected: "Vous êtes déconnecté du serveur. Les données restent sur ce poste.",
            connectTitle: "Se connecter au serveur du plan",
            reconnectTitle: "Saisir un nouveau jeton",
            serverUrl: "Adresse du serveur",
            serverUrlHint: "Par exemple https://plan.exemple.gouv.fr",
            token: "Jeton d'accès",
            tokenHint:
                "Votre code personnel de connexion, remis par l'administrateur du plan : il tient lieu de mot de passe auprès du serveur. Ne le partagez pas.",
            connect: "Se connecter",
            connecting: "Connexion…",
            connected: "Connexion établie : vos modifications sont envoyées au serveur.",
            notificationsTitle: "Notifications",
            notifications: "Me prévenir des jalons en retard ou à échéance",
            notificationsHint:
                "Une notification du système, au démarrage et après chaque synchronisation, quand des jalons de la liste « À faire » passent en retard ou arrivent à échéance. Chacun n'est signalé qu'une fois."
        },
        inbox: {
            title: "Modifications à traiter",
            breadcrumb: "Modifications à traiter",
            intro: "Quand une même information a été modifiée sur ce poste et par quelqu'un d'autre, le serveur garde l'autre version en attendant votre choix. Les modifications que le serveur a refusées restent ici pour que vous puissiez en reprendre le texte.",
            conflictsTitle: "Conflits à résoudre",
            conflictsEmpty: "Aucun conflit à résoudre.",
            rejectionsTitle: "Modifications refusées",
            rejectionsEmpty: "Aucune modification refusée.",
            kinds: {
                plan: "Plan d'action",
                area: "Axe",
                commitment: "Engagement",
                milestone: "Jalon",
                institution: "Institution",
                report: "Rapport d'avancement",
                round: "Campagne de suivi",
                workshop: L.workshop.workshop,
                participant: "Participant",
                contribution: L.workshop.text,
                jury: L.jury.jury
            },
            field: (label: string) => `Champ : ${label}`,
            conflictAt: (when: string) => `Conflit relevé ${when}`,
            mine: "Ma version",
            theirs: "Leur version",
            proposed: "Proposition de fusion",
            empty: "(vide)",
            keepMine: "Garder ma version",
            keepTheirs: "Garder leur version",
            keepOf: (choice: string, field: string, title: string) => `${choice} : ${field}, « ${title} »`,
            textLabel: "Texte à enregistrer",
            textHintProposed: "Pré-rempli avec la proposition de fusion, qui réunit les deux versions paragraphe par paragraphe : gardez ce qui convient.",
            textHintMine: "Pré-rempli avec votre version : modifiez-la pour y reprendre ce qui convient de l'autre.",
            saveText: "Enregistrer ce texte",
            resolved: (field: string, title: string) => `Conflit résolu (${field}, « ${title} ») : votre choix sera envoyé au serveur.`,
            action: {
                create: "Création",
                edit: (field: string) => `Modification de « ${field} »`,
                editAny: "Modification",
                delete: "Suppression"
            },
            refusedAt: (when: string) => `Refusée ${when}`,
            reason: "Motif du refus :",
            text: "Contenu de la modification",
            copy: "Copier le texte",
            copyOf: (title: string) => `Copier le texte : « ${title} »`,
            copied: "Texte copié.",
            selected: "Le texte est sélectionné : copiez-le avec Ctrl+C.",
            discard: "Écarter",
            discardOf: (title: string) => `Écarter : « ${title} »`,
            discardTitle: "Écarter la modification refusée",
            discardConfirm: (title: string) =>
                `Écarter la modification refusée de « ${title} » ? Son texte ne sera plus disponible ici : copiez-le d'abord si vous en avez besoin.`,
            discarded: (title: string) => `La modification refusée de « ${title} » a été écartée.`
        },
        refresh: {
            notice: "Des modifications reçues du serveur sont disponibles.",
            show: "Afficher",
            shown: "Les modifications reçues du serveur sont affichées."
        }
    }
};

/** The shape every translation must have. */
export type Messages = typeof fr;
