//! Workshops: a facilitator prepares one, participants come one after another and contribute,
//! the facilitator traces each contribution to what it fed; a commitment shows the contributions
//! it came from; who the participants are stays with the institution that ran the workshop.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::{Error, Store};
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::{Change, RecordKind};

use crate::helpers::{refused_fields, world, World};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn workshop_input(commitments: Vec<CommitmentId>) -> WorkshopInput {
    WorkshopInput {
        title: "Atelier transparence de la vie publique".into(),
        held_on: "2023-03-12".into(),
        place: "Salle 204".into(),
        area_id: None,
        commitment_ids: commitments,
        facilitator: "Claire Martin".into(),
        consent_text: labels::WorkshopLabels::FR.default_consent_text.into(),
        keep_until: "2024-03-11".into(),
    }
}

fn participant(name: &str, kind: OrganisationKind, email: Option<&str>) -> ParticipantInput {
    ParticipantInput {
        name: name.into(),
        organisation_kind: kind,
        consent_accepted: true,
        contact_accepted: email.is_some(),
        contact_email: email.unwrap_or_default().into(),
    }
}

fn proposal(text: &str) -> ContributionInput {
    ContributionInput {
        kind: ContributionKind::Proposal,
        text: text.into(),
        about_commitment_id: None,
        about_milestone_id: None,
        proposal_ids: Vec::new(),
    }
}

fn vote(proposals: Vec<ContributionId>) -> ContributionInput {
    ContributionInput { kind: ContributionKind::Vote, text: String::new(), proposal_ids: proposals, ..proposal("") }
}

struct Room {
    w: World,
    commitment: Commitment,
    milestone: Milestone,
    workshop: Workshop,
}

fn room() -> Room {
    let mut w = world();
    let commitment = w.store.create_commitment(w.area.id, "Publier les agendas").unwrap();
    let milestone = w
        .store
        .create_milestone(commitment.id, &MilestoneInput { title: "Ouvrir le registre".into(), ..Default::default() })
        .unwrap();
    let workshop = w.store.create_workshop(w.plan.id, w.hatvp.id, &workshop_input(vec![commitment.id])).unwrap();
    Room { w, commitment, milestone, workshop }
}

#[test]
fn a_workshop_is_prepared_with_clear_refusals_and_nothing_stored_on_bad_input() {
    let mut w = world();
    let before = w.store.workshops(w.plan.id).unwrap().len();
    let bad = WorkshopInput { title: String::new(), keep_until: "2023-03-01".into(), ..workshop_input(Vec::new()) };
    assert_eq!(
        refused_fields(w.store.create_workshop(w.plan.id, w.hatvp.id, &bad).unwrap_err()),
        ["title", "keepUntil"]
    );
    let elsewhere = CommitmentId::new();
    let unknown = workshop_input(vec![elsewhere]);
    assert_eq!(
        refused_fields(w.store.create_workshop(w.plan.id, w.hatvp.id, &unknown).unwrap_err()),
        ["commitmentIds"]
    );
    assert_eq!(w.store.workshops(w.plan.id).unwrap().len(), before, "nothing stored");

    let created = w.store.create_workshop(w.plan.id, w.hatvp.id, &workshop_input(Vec::new())).unwrap();
    assert_eq!(created.institution_id, w.hatvp.id);
    assert_eq!(created.keep_until, day("2024-03-11"));
    let changed = WorkshopInput { place: "Ségur, salle 12".into(), ..workshop_input(Vec::new()) };
    assert_eq!(w.store.update_workshop(created.id, &changed).unwrap().place, "Ségur, salle 12");
    let list = w.store.workshops(w.plan.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].institution.acronym, "HATVP");
    // Its creation and its change wait to be sent, as any record.
    let push = w.store.sync_push_request().unwrap().unwrap();
    let workshop_changes: Vec<&Change> =
        push.mutations.iter().filter(|m| m.record.kind == RecordKind::Workshop).map(|m| &m.change).collect();
    assert!(matches!(workshop_changes[0], Change::Create { .. }), "{workshop_changes:?}");
    assert!(workshop_changes.len() >= 2);
}

#[test]
fn a_participant_gives_as_little_as_needed_and_their_agreement_is_kept_with_its_wording() {
    let Room { mut w, workshop, .. } = room();
    let refused = ParticipantInput { consent_accepted: false, ..participant("Awa", OrganisationKind::Citizen, None) };
    assert_eq!(
        refused_fields(w.store.add_participant(workshop.id, &refused, Locale::Fr).unwrap_err()),
        ["consentAccepted"]
    );
    let anonymous = w
        .store
        .add_participant_on(
            workshop.id,
            &participant("Awa", OrganisationKind::Citizen, None),
            day("2023-03-12"),
            Locale::Fr,
        )
        .unwrap();
    let identity = anonymous.identity.unwrap();
    assert_eq!(identity.contact_email, "");
    assert_eq!(identity.contact_purpose, "");
    assert_eq!(identity.consent_wording, workshop.consent_text);
    assert_eq!(identity.consented_on, day("2023-03-12"));
    let contact = w
        .store
        .add_participant_on(
            workshop.id,
            &participant("Bruno", OrganisationKind::Association, Some("bruno@example.org")),
            day("2023-03-12"),
            Locale::Fr,
        )
        .unwrap();
    let identity = contact.identity.unwrap();
    assert_eq!(identity.contact_email, "bruno@example.org");
    assert_eq!(identity.contact_purpose, labels::WorkshopLabels::FR.default_contact_purpose);
    // The participant (anonymous) and who they are are two records: the second is the one kept
    // from other institutions.
    let push = w.store.sync_push_request().unwrap().unwrap();
    let created = |kind| push.mutations.iter().filter(|m| m.record.kind == kind).count();
    assert_eq!((created(RecordKind::Participant), created(RecordKind::Identity)), (2, 2));
    let participant_fields = push
        .mutations
        .iter()
        .find_map(|m| match (&m.change, m.record.kind) {
            (Change::Create { fields }, RecordKind::Participant) => Some(fields.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(participant_fields.keys().collect::<Vec<_>>(), ["organisationKind", "workshopId"]);

    let detail = w.store.workshop(workshop.id).unwrap();
    let counts: Vec<(OrganisationKind, u32)> = detail.by_kind.iter().map(|c| (c.kind, c.count)).collect();
    assert_eq!(counts[0], (OrganisationKind::Citizen, 1));
    assert_eq!(counts[1], (OrganisationKind::Association, 1));
    assert_eq!(counts.iter().map(|c| c.1).sum::<u32>(), 2, "every kind listed, each participant once");
    assert!(detail.identities_here);
}

#[test]
fn contributions_are_proposals_comments_and_votes_of_the_room() {
    let Room { mut w, commitment, milestone, workshop } = room();
    let awa =
        w.store.add_participant(workshop.id, &participant("Awa", OrganisationKind::Citizen, None), Locale::Fr).unwrap();
    let awa = Some(awa.participant.id);
    let first = w.store.add_contribution(workshop.id, awa, &proposal("Publier les agendas des ministres.")).unwrap();
    let second = w.store.add_contribution(workshop.id, awa, &proposal("Ouvrir les registres de lobbying.")).unwrap();
    let comment = ContributionInput {
        kind: ContributionKind::Comment,
        text: "Le jalon devrait dire quand.".into(),
        about_milestone_id: Some(milestone.id),
        ..proposal("")
    };
    w.store.add_contribution(workshop.id, awa, &comment).unwrap();
    // Votes name proposals of this workshop only.
    assert_eq!(
        refused_fields(w.store.add_contribution(workshop.id, awa, &vote(vec![ContributionId::new()])).unwrap_err()),
        ["proposalIds"]
    );
    let not_a_proposal = w.store.workshop(workshop.id).unwrap().contributions[2].contribution.id;
    assert_eq!(
        refused_fields(w.store.add_contribution(workshop.id, awa, &vote(vec![not_a_proposal])).unwrap_err()),
        ["proposalIds"]
    );
    w.store.add_contribution(workshop.id, awa, &vote(vec![second.id, first.id])).unwrap();
    w.store.add_contribution(workshop.id, None, &vote(vec![second.id])).unwrap();
    // A comment on something outside the plan is refused.
    let stray = ContributionInput { about_commitment_id: Some(CommitmentId::new()), ..comment.clone() };
    let stray = ContributionInput { about_milestone_id: None, ..stray };
    assert_eq!(refused_fields(w.store.add_contribution(workshop.id, awa, &stray).unwrap_err()), ["aboutCommitmentId"]);
    // Someone of another workshop is not a participant of this one.
    let other = w.store.create_workshop(w.plan.id, w.hatvp.id, &workshop_input(Vec::new())).unwrap();
    assert!(matches!(w.store.add_contribution(other.id, awa, &proposal("x")), Err(Error::NotFound(_))));

    let detail = w.store.workshop(workshop.id).unwrap();
    let kinds: Vec<ContributionKind> = detail.contributions.iter().map(|c| c.contribution.kind).collect();
    use ContributionKind::*;
    assert_eq!(kinds, [Proposal, Proposal, Comment, Vote, Vote]);
    // Proposals by votes: the second has two (one first choice), the first one.
    assert_eq!(detail.contributions[0].contribution.id, second.id);
    assert_eq!((detail.contributions[0].votes, detail.contributions[0].first_choices), (2, 2));
    assert_eq!((detail.contributions[1].votes, detail.contributions[1].first_choices), (1, 0));
    assert_eq!(detail.contributions[2].about.as_ref().unwrap().milestone_id, Some(milestone.id));
    assert_eq!(detail.contributions[2].about.as_ref().unwrap().commitment_id, commitment.id);
    assert_eq!(detail.contributions[0].author.as_deref(), Some("Awa"));
    assert_eq!(detail.contributions[4].author, None, "the facilitator's");
    assert_eq!(detail.participants[0].contributions, 4);
    assert_eq!(detail.discussed[0].title, "Publier les agendas");

    // A proposal voted for stays; one typed by mistake goes, and comes back.
    assert!(matches!(w.store.delete_contribution(second.id), Err(Error::InUse { .. })));
    let lone = w.store.add_contribution(workshop.id, awa, &proposal("Une erreur de saisie.")).unwrap();
    let deletion = w.store.delete_contribution(lone.id).unwrap();
    assert_eq!(w.store.workshop(workshop.id).unwrap().contributions.len(), 5);
    w.store.restore_deletion(deletion).unwrap();
    let back = w.store.workshop(workshop.id).unwrap();
    assert!(back
        .contributions
        .iter()
        .any(|c| c.contribution.text == "Une erreur de saisie." && c.contribution.participant_id == awa));
}

#[test]
fn the_facilitator_says_what_became_of_each_contribution_and_the_commitment_shows_where_it_came_from() {
    let Room { mut w, commitment, milestone, workshop } = room();
    let first = w.store.add_contribution(workshop.id, None, &proposal("Publier les agendas des ministres.")).unwrap();
    let second =
        w.store.add_contribution(workshop.id, None, &proposal("Ouvrir le registre aux collectivités.")).unwrap();
    let third = w.store.add_contribution(workshop.id, None, &proposal("Supprimer le Sénat.")).unwrap();
    let trace = |outcome, reason: &str, commitments: Vec<CommitmentId>, milestones: Vec<MilestoneId>| TraceInput {
        outcome,
        outcome_reason: reason.into(),
        commitment_ids: commitments,
        milestone_ids: milestones,
    };
    // Refusals, nothing stored.
    let no_reason = trace(Some(ContributionOutcome::NotKept), "", Vec::new(), Vec::new());
    assert_eq!(refused_fields(w.store.trace_contribution(third.id, &no_reason).unwrap_err()), ["outcomeReason"]);
    let unknown = trace(Some(ContributionOutcome::Kept), "", vec![CommitmentId::new()], Vec::new());
    assert_eq!(refused_fields(w.store.trace_contribution(first.id, &unknown).unwrap_err()), ["commitmentIds"]);
    assert_eq!(w.store.workshop(workshop.id).unwrap().contributions[0].contribution.outcome, None);

    w.store
        .trace_contribution(first.id, &trace(Some(ContributionOutcome::Kept), "", vec![commitment.id], Vec::new()))
        .unwrap();
    let merged = trace(
        Some(ContributionOutcome::Merged),
        "Fusionnée avec la proposition sur les agendas.",
        Vec::new(),
        vec![milestone.id],
    );
    w.store.trace_contribution(second.id, &merged).unwrap();
    w.store
        .trace_contribution(
            third.id,
            &trace(Some(ContributionOutcome::NotKept), "Hors du champ du plan.", Vec::new(), Vec::new()),
        )
        .unwrap();

    let came_from = w.store.contributions_to_commitment(commitment.id).unwrap();
    let texts: Vec<(&str, Option<&str>)> =
        came_from.iter().map(|t| (t.contribution.text.as_str(), t.milestone_title.as_deref())).collect();
    assert_eq!(
        texts,
        [
            ("Publier les agendas des ministres.", None),
            ("Ouvrir le registre aux collectivités.", Some("Ouvrir le registre"))
        ]
    );
    assert_eq!(came_from[0].workshop_title, workshop.title);
    let list = w.store.workshops(w.plan.id).unwrap();
    assert_eq!((list[0].contributions, list[0].decided), (3, 3));
    // A workshop whose contributions fed the plan is not deleted with them.
    assert!(matches!(w.store.delete_workshop(workshop.id), Err(Error::InUse { .. })));
    let empty = w.store.create_workshop(w.plan.id, w.hatvp.id, &workshop_input(Vec::new())).unwrap();
    w.store.delete_workshop(empty.id).unwrap();
    assert_eq!(w.store.workshops(w.plan.id).unwrap().len(), 1);
}

#[test]
fn who_the_participants_are_is_for_the_institution_that_ran_the_workshop() {
    let Room { mut w, workshop, .. } = room();
    let hatvp = w.hatvp.clone();
    let ministry = w.ministry.clone();
    sign_in(&mut w.store, &hatvp, Role::Drafter);
    let detail = w.store.workshop(workshop.id).unwrap();
    assert!(detail.identities_here && detail.read_only.is_none());
    sign_in(&mut w.store, &ministry, Role::Coordinator);
    let detail = w.store.workshop(workshop.id).unwrap();
    assert!(!detail.identities_here, "not even the coordination of another institution");
    assert!(detail.read_only.is_none(), "the coordination may change the workshop itself");
    sign_in(&mut w.store, &ministry, Role::Drafter);
    assert_eq!(
        w.store.workshop(workshop.id).unwrap().read_only,
        Some(ReadOnly::OtherInstitution { lead: hatvp.name.clone() })
    );
}

fn sign_in(store: &mut Store, institution: &Institution, role: Role) {
    crate::helpers::sign_in(store, &crate::helpers::person("Camille", institution, role));
}

#[test]
fn a_participant_gets_their_data_back_and_erased_before_anything_was_sent() {
    let Room { mut w, workshop, .. } = room();
    let input = participant("Awa Diallo", OrganisationKind::Association, Some("awa@example.org"));
    let awa = w.store.add_participant_on(workshop.id, &input, day("2023-03-12"), Locale::Fr).unwrap().participant.id;
    w.store.add_contribution(workshop.id, Some(awa), &proposal("Publier les agendas.")).unwrap();
    let data = w.store.participant_data(awa).unwrap();
    assert_eq!(data.identity.name, "Awa Diallo");
    assert_eq!(data.identity.contact_email, "awa@example.org");
    assert_eq!(data.workshop_title, workshop.title);
    assert_eq!(data.keep_until, workshop.keep_until);
    assert_eq!(data.contributions.len(), 1);

    w.store.erase_participant(awa).unwrap();
    assert!(matches!(w.store.participant_data(awa), Err(Error::NotFound(_))));
    assert!(matches!(w.store.erase_participant(awa), Err(Error::NotFound(_))), "nothing left to erase");
    let detail = w.store.workshop(workshop.id).unwrap();
    assert!(detail.participants[0].identity.is_none());
    assert_eq!(detail.contributions[0].contribution.participant_id, Some(awa), "the contribution stays, anonymous");
    // What waits to be sent says nothing of her any more: the creation goes blank, then the erasure.
    let push = w.store.sync_push_request().unwrap().unwrap();
    let sent = serde_json::to_string(&push.mutations).unwrap();
    assert!(!sent.contains("Awa") && !sent.contains("awa@example.org"), "{sent}");
    let identity: Vec<&Change> =
        push.mutations.iter().filter(|m| m.record.kind == RecordKind::Identity).map(|m| &m.change).collect();
    assert!(matches!(identity[..], [Change::Create { .. }, Change::Delete { .. }]), "{identity:?}");
}

#[test]
fn identities_are_erased_once_their_workshop_keeps_them_no_longer() {
    let Room { mut w, workshop, .. } = room();
    let awa = participant("Awa", OrganisationKind::Citizen, None);
    w.store.add_participant_on(workshop.id, &awa, day("2023-03-12"), Locale::Fr).unwrap();
    w.store.add_participant_on(workshop.id, &awa, day("2023-03-12"), Locale::Fr).unwrap();
    // Kept until 2024-03-11 inclusive.
    assert_eq!(w.store.erase_expired_identities_on(day("2024-03-11")).unwrap(), 0);
    assert_eq!(w.store.erase_expired_identities_on(day("2024-03-12")).unwrap(), 2);
    let detail = w.store.workshop(workshop.id).unwrap();
    assert_eq!(detail.participants.len(), 2);
    assert!(detail.participants.iter().all(|p| p.identity.is_none()));
    assert_eq!(w.store.erase_expired_identities_on(day("2024-03-12")).unwrap(), 0);
}

#[test]
fn a_reader_forgets_an_expired_identity_without_asking_the_server_to_erase_it() {
    let Room { mut w, workshop, .. } = room();
    let awa = participant("Awa", OrganisationKind::Citizen, None);
    w.store.add_participant_on(workshop.id, &awa, day("2023-03-12"), Locale::Fr).unwrap();
    let hatvp = w.hatvp.clone();
    sign_in(&mut w.store, &hatvp, Role::Reader);
    let before = w.store.sync_counts().unwrap().pending;
    assert_eq!(w.store.erase_expired_identities_on(day("2025-01-01")).unwrap(), 1);
    assert_eq!(w.store.sync_counts().unwrap().pending, before, "a reader may not erase on the server");
    assert!(w.store.workshop(workshop.id).unwrap().participants[0].identity.is_none());
}

#[test]
fn the_workshop_screens_choose_among_every_commitment_and_milestone_of_the_plan_numbered_in_plan_order() {
    let mut w = world();
    let second_area = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    // Created in an order that mixes the areas: the list follows the plan's.
    let b1 = w.store.create_commitment(second_area.id, "Registre des représentants d'intérêts").unwrap();
    let a1 = w.store.create_commitment(w.area.id, "Publier les agendas").unwrap();
    let a2 = w.store.create_commitment(w.area.id, "Ouvrir les données").unwrap();
    let milestone = |title: &str| MilestoneInput { title: title.into(), ..Default::default() };
    let m2 = w.store.create_milestone(a1.id, &milestone("Deuxième jalon")).unwrap();
    let m1 = w.store.create_milestone(a1.id, &milestone("Premier jalon")).unwrap();
    w.store.move_milestone(m1.id, 0).unwrap();
    let targets = w.store.plan_targets(w.plan.id).unwrap();
    let listed: Vec<(&str, &str, Option<MilestoneId>)> =
        targets.iter().map(|t| (t.number.as_str(), t.title.as_str(), t.milestone_id)).collect();
    assert_eq!(
        listed,
        [
            ("1.1", "Publier les agendas", None),
            ("1.1.1", "Premier jalon", Some(m1.id)),
            ("1.1.2", "Deuxième jalon", Some(m2.id)),
            ("1.2", "Ouvrir les données", None),
            ("2.1", "Registre des représentants d'intérêts", None),
        ]
    );
    assert_eq!((targets[2].commitment_id, targets[2].area_id), (a1.id, w.area.id));
    assert_eq!((targets[3].commitment_id, targets[4].commitment_id), (a2.id, b1.id));
    assert_eq!(targets[4].area_id, second_area.id);
    // The commitment screen numbers them alike.
    let detail = w.store.commitment_detail(a1.id).unwrap();
    assert_eq!((detail.number.as_str(), detail.milestone_numbers[&m2.id].as_str()), ("1.1", "1.1.2"));
    assert!(matches!(w.store.plan_targets(PlanId::new()), Err(Error::NotFound(_))));
}

#[test]
fn a_workshop_is_run_by_the_institution_of_the_person_signed_in() {
    let mut w = world();
    assert_eq!(w.store.own_institution().unwrap(), None, "nobody signed in: the person chooses");
    let hatvp = w.hatvp.clone();
    sign_in(&mut w.store, &hatvp, Role::Drafter);
    assert_eq!(w.store.own_institution().unwrap().map(|i| i.acronym), Some("HATVP".to_string()));
    // Held under another id but named alike (as the server's directory names it): the same one.
    let mut elsewhere = crate::helpers::person("Hugo", &hatvp, Role::Drafter);
    elsewhere.institution_id = uuid::Uuid::now_v7();
    elsewhere.institution_name = hatvp.name.to_ascii_uppercase();
    crate::helpers::sign_in(&mut w.store, &elsewhere);
    assert_eq!(w.store.own_institution().unwrap().map(|i| i.id), Some(hatvp.id));
    elsewhere.institution_name = "Conseil d'État".into();
    crate::helpers::sign_in(&mut w.store, &elsewhere);
    assert_eq!(w.store.own_institution().unwrap(), None, "not on this laptop yet");
}

#[test]
fn a_plans_records_for_its_exports_carry_its_workshops_and_never_who_took_part() {
    let Room { mut w, workshop, .. } = room();
    let input = participant("Awa Diallo", OrganisationKind::Citizen, Some("awa@example.org"));
    let awa = w.store.add_participant(workshop.id, &input, Locale::Fr).unwrap().participant.id;
    w.store.add_contribution(workshop.id, Some(awa), &proposal("Publier les agendas.")).unwrap();
    let records = w.store.plan_records(w.plan.id).unwrap();
    let count = |kind| records.keys().filter(|k| k.kind == kind).count();
    assert_eq!(
        (count(RecordKind::Workshop), count(RecordKind::Participant), count(RecordKind::Contribution)),
        (1, 1, 1)
    );
    assert_eq!(count(RecordKind::Identity), 0);
    let all = serde_json::to_string(&records.values().collect::<Vec<_>>()).unwrap();
    assert!(!all.contains("Awa") && !all.contains("awa@example.org"));
}

#[test]
fn only_the_organising_institutions_people_record_who_takes_part() {
    let Room { mut w, workshop, .. } = room();
    let ministry = w.ministry.clone();
    sign_in(&mut w.store, &ministry, Role::Coordinator);
    let before = w.store.sync_counts().unwrap().pending;
    let refused =
        w.store.add_participant(workshop.id, &participant("Awa", OrganisationKind::Citizen, None), Locale::Fr);
    let Err(error) = refused else { panic!("a coordinator of another institution recorded a participant") };
    assert!(matches!(&error, Error::PersonalDataElsewhere { institution } if institution == &w.hatvp.name));
    assert!(error.to_failure(Locale::Fr).message.contains("institution organisatrice"));
    assert_eq!(w.store.sync_counts().unwrap().pending, before, "nothing stored");
    assert!(w.store.workshop(workshop.id).unwrap().participants.is_empty());
}
