//! Reading the applications of a jury session from CSV files, good and broken.

use plan_ouvert_domain::Locale;
use plan_ouvert_opendata::jury_applications::{
    read_jury_applications, ApplicationsProblem, ApplicationsRefusal, ROWS_MAX,
};

fn refused(bytes: &[u8]) -> ApplicationsRefusal {
    read_jury_applications(bytes).expect_err("the file should be refused")
}

/// (row, column, French message) of every problem.
fn places(refusal: &ApplicationsRefusal) -> Vec<(Option<usize>, Option<&str>, &str)> {
    refusal.problems.iter().map(|p| (p.row, p.column.as_deref(), p.message_fr.as_str())).collect()
}

fn only(refusal: &ApplicationsRefusal) -> &ApplicationsProblem {
    assert_eq!(refusal.problems.len(), 1, "{refusal}");
    &refusal.problems[0]
}

#[test]
fn a_french_spreadsheets_file_is_read_with_its_bom_semicolons_and_headers_as_written() {
    let text = "\u{feff}RÉFÉRENCE ; titre;Organisation;Resume;Courriel;Commentaire interne\r\n\
                AIC-001;Cartographie des fontaines;Eau libre;\"Recenser; cartographier\r\net ouvrir.\";contact@eaulibre.org;à revoir\r\n\
                \r\n\
                AIC-002;Budget participatif lycéen;\"Collectif \"\"Lycées\"\"\";;;\r\n";
    let file = read_jury_applications(text.as_bytes()).expect("read");
    assert_eq!(file.separator, ';');
    assert_eq!(file.applications.len(), 2);
    let first = &file.applications[0];
    assert_eq!((first.row, first.text_line), (2, 2));
    assert_eq!(first.application.title.as_str(), "Cartographie des fontaines");
    assert_eq!(first.application.applicant.as_str(), "Eau libre");
    assert_eq!(first.application.summary.as_str(), "Recenser; cartographier\net ouvrir.");
    assert_eq!(first.application.contact_email.as_str(), "contact@eaulibre.org");
    assert_eq!(first.application.reference.as_str(), "AIC-001");
    // The blank row counts in the numbering; the quoted line break does not.
    let second = &file.applications[1];
    assert_eq!((second.row, second.text_line), (4, 5));
    assert_eq!(second.application.applicant.as_str(), "Collectif \"Lycées\"");
    assert!(second.application.contact_email.as_str().is_empty());
}

#[test]
fn a_comma_separated_file_without_optional_columns_is_read() {
    let text = "Titre,Porteur,Résumé\nJardins partagés,\"Quartiers, ensemble\",Des jardins\n";
    let file = read_jury_applications(text.as_bytes()).expect("read");
    assert_eq!(file.separator, ',');
    assert_eq!(file.applications[0].application.applicant.as_str(), "Quartiers, ensemble");
    assert!(file.applications[0].application.reference.as_str().is_empty());
}

#[test]
fn the_header_says_the_separator_semicolons_when_as_many_of_each() {
    // Separators inside quotes do not count: three semicolons, the four commas are quoted.
    let text = "Titre;Porteur;Résumé;\"Notes, remarques, suites, idées, etc.\"\nA;B;C;D\n";
    assert_eq!(read_jury_applications(text.as_bytes()).map(|f| f.separator), Ok(';'));
    assert_eq!(read_jury_applications("Titre,Porteur,Résumé\nA,B,C\n".as_bytes()).map(|f| f.separator), Ok(','));
    // One of each: semicolons, so « Porteur,Résumé » is one column and both are missing.
    let refusal = refused("Titre;Porteur,Résumé\nA;B,C\n".as_bytes());
    let missing: Vec<Option<&str>> = refusal.problems.iter().map(|p| p.column.as_deref()).collect();
    assert_eq!(missing, vec![Some("Porteur"), Some("Résumé")]);
}

#[test]
fn every_missing_required_column_is_named() {
    let refusal = refused("Nom du projet;Courriel\nA;a@b.fr\n".as_bytes());
    let seen: Vec<(Option<usize>, Option<&str>)> =
        refusal.problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
    assert_eq!(seen, vec![(Some(1), Some("Titre")), (Some(1), Some("Porteur")), (Some(1), Some("Résumé"))]);
    assert_eq!(
        refusal.problems[1].message(Locale::Fr),
        "Ligne 1, colonne « Porteur » : la colonne obligatoire « Porteur » (ou « Organisation ») est absente de la ligne \
         d'en-tête (colonnes trouvées : « Nom du projet », « Courriel »)."
    );
    assert!(refusal.problems[0].message(Locale::En).starts_with("Row 1, column “Titre”: the required column “Titre”"));
}

#[test]
fn a_column_named_twice_is_refused() {
    let refusal = refused("Titre;Porteur;Résumé;Organisation\nA;B;C;D\n".as_bytes());
    let problem = only(&refusal);
    assert_eq!((problem.row, problem.column.as_deref()), (Some(1), Some("Organisation")));
    assert!(problem.message_fr.contains("même colonne que « Porteur » (colonne 2)"), "{}", problem.message_fr);
}

#[test]
fn every_bad_value_is_reported_with_its_row_and_column_and_nothing_is_returned() {
    let text = "Titre;Porteur;Résumé;Courriel;Référence\n\
                Bon projet;Asso;Résumé;ok@asso.fr;R-1\n\
                ;Asso;Résumé;;R-2\n\
                Projet;Asso;Résumé;pas-une-adresse;R-3\n\
                Autre projet;;Résumé;;r-1\n";
    let refusal = refused(text.as_bytes());
    assert_eq!(
        places(&refusal),
        vec![
            (Some(3), Some("Titre"), "Ce champ est obligatoire."),
            (
                Some(4),
                Some("Courriel"),
                "Adresse électronique invalide : elle doit être de la forme prenom.nom@exemple.gouv.fr."
            ),
            (
                Some(5),
                Some("Référence"),
                "la référence « r-1 » est déjà celle de la ligne 2 : chaque candidature a la sienne."
            ),
            (Some(5), Some("Porteur"), "Ce champ est obligatoire."),
        ]
    );
    assert_eq!(refusal.problems[0].message(Locale::Fr), "Ligne 3, colonne « Titre » : Ce champ est obligatoire.");
    let whole = refusal.message(Locale::Fr);
    assert!(
        whole.starts_with("Les candidatures n'ont pas été importées (rien n'a été enregistré) :\n- Ligne 3"),
        "{whole}"
    );
}

#[test]
fn a_row_spanning_lines_gives_both_its_row_and_its_text_line() {
    let text = "Titre;Porteur;Résumé\n\"Un\ntitre\";Asso;\"Sur\ntrois\nlignes\"\nProjet;Asso;Résumé;de trop\n";
    let refusal = refused(text.as_bytes());
    let problem = only(&refusal);
    assert_eq!((problem.row, problem.text_line, problem.column.as_deref()), (Some(3), Some(6), None));
    assert_eq!(
        problem.message(Locale::Fr),
        "Ligne 3 (ligne 6 du texte) : 4 valeurs alors que la ligne d'en-tête a 3 colonnes."
    );
    assert_eq!(problem.message(Locale::En), "Row 3 (text line 6): 4 values but the header row has 3 columns.");
}

#[test]
fn quotes_never_closed_or_followed_by_text_are_placed() {
    let refusal = refused("Titre;Porteur;Résumé\nA;B;\"jamais fermé\nC;D;E\n".as_bytes());
    let problem = only(&refusal);
    assert_eq!(problem.row, Some(2));
    assert!(problem.message_fr.contains("jamais refermés"), "{}", problem.message_fr);

    let refusal = refused("Titre;Porteur;Résumé\n\"A\"x;B;C\nD;E;F\n".as_bytes());
    let problem = only(&refusal);
    assert_eq!(problem.row, Some(2));
    assert!(problem.message_fr.starts_with("« x » suit des guillemets fermants"), "{}", problem.message_fr);
    assert!(problem.message_fr.contains("séparateur « ; »"), "{}", problem.message_fr);
}

#[test]
fn empty_files_and_files_without_applications_are_refused() {
    for empty in [&b""[..], b"   \r\n\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF \n"] {
        assert_eq!(only(&refused(empty)).message_fr, "Le fichier est vide.", "{empty:?}");
    }
    let refusal = refused("Titre;Porteur;Résumé\r\n;;\r\n\r\n".as_bytes());
    assert_eq!(only(&refusal).message_fr, "Le fichier n'a que sa ligne d'en-tête : aucune candidature à importer.");
}

#[test]
fn more_than_two_thousand_applications_are_refused() {
    let file = |rows: usize| {
        let mut text = String::from("Titre;Porteur;Résumé\n");
        for i in 0..rows {
            text.push_str(&format!("Projet {i};Porteur {i};Résumé\n"));
        }
        text
    };
    assert_eq!(read_jury_applications(file(ROWS_MAX).as_bytes()).map(|f| f.applications.len()), Ok(ROWS_MAX));
    let refusal = refused(file(ROWS_MAX + 1).as_bytes());
    let problem = only(&refusal);
    assert_eq!(problem.row, None);
    assert_eq!(
        problem.message_fr,
        "Le fichier compte 2\u{a0}001 candidatures : 2\u{a0}000 au plus. Vérifiez qu'il s'agit bien de la liste des \
         candidatures d'une promotion, ou découpez-le."
    );
    assert!(problem.message_en.starts_with("The file holds 2,001 applications: at most 2,000."));
}

#[test]
fn files_that_are_not_utf8_text_are_refused() {
    // « Résumé » written in Windows-1252: its `é` is the 16th byte.
    let latin1 = b"Titre;Porteur;R\xE9sum\xE9\n";
    let problem = only(&refused(latin1)).clone();
    assert!(
        problem.message_fr.starts_with("Le fichier n'est pas en UTF-8 : l'octet 16 (0xE9, ligne 1 du texte)"),
        "{}",
        problem.message_fr
    );
    let later = b"Titre;Porteur;Resume\nA;B;caf\xE9\n";
    assert!(only(&refused(later)).message_fr.contains("ligne 2 du texte"));
    let workbook = b"PK\x03\x04\x14\x00\x06\x00";
    assert!(only(&refused(workbook)).message_fr.starts_with("Le fichier est un classeur (.xlsx, .ods)"));
    assert!(only(&refused(b"\xFF\xFET\x00i\x00")).message_fr.contains("UTF-16"));
    assert!(only(&refused(b"Titre\x00;Porteur")).message_fr.contains("octets nuls"));
}
