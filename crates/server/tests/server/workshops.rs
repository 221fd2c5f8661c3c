//! Workshops through the real server, with hand-made requests: who writes in a workshop, who
//! receives who took part (the institution that ran it, not the coordination of another one),
//! fields set once, values the app never sends, and what deleting takes along or is refused.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;

/// What the identity of the room's first participant holds: personal data.
const NAME: &str = "Awa Diallo";
const EMAIL: &str = "awa.diallo@exemple.fr";

/// The fields of the workshop the ministry runs, as its laptop creates it.
fn workshop_fields(institution: &str, discussed: Uuid) -> Value {
    json!({"planId": PLAN, "institutionId": institution, "title": "Atelier transparence", "heldOn": "2025-03-12",
           "place": "Salle 204", "areaId": AREA, "commitmentIds": [discussed], "facilitator": "Claire Martin",
           "consentText": "Vos données sont conservées un an.", "keepUntil": "2026-03-11"})
}

fn identity_fields(participant: Uuid, name: &str, email: &str) -> Value {
    json!({"participantId": participant, "name": name, "consentWording": "Vos données sont conservées un an.",
           "consentedOn": "2025-03-12", "contactEmail": email, "contactPurpose": "Suites de l'atelier"})
}

fn contribution_fields(workshop: Uuid, participant: Option<Uuid>, kind: &str, text: &str) -> Value {
    json!({"workshopId": workshop, "participantId": participant, "kind": kind, "text": text,
           "aboutCommitmentId": null, "aboutMilestoneId": null, "proposalIds": [], "outcome": null,
           "outcomeReason": "", "commitmentIds": [], "milestoneIds": []})
}

/// A workshop of the ministry, prepared and held on its drafter's laptop: a commitment it
/// discusses (with a milestone), two participants and who they are, a proposal by the first, a
/// vote for it by the second, and a comment on the commitment.
struct Room {
    commitment: Uuid,
    milestone: Uuid,
    workshop: Uuid,
    participants: [Uuid; 2],
    proposal: Uuid,
    vote: Uuid,
    comment: Uuid,
}

fn room(server: &Server, cast: &Cast) -> Room {
    let laptop = Uuid::now_v7();
    let room = Room {
        commitment: Uuid::now_v7(),
        milestone: Uuid::now_v7(),
        workshop: Uuid::now_v7(),
        participants: [Uuid::now_v7(), Uuid::now_v7()],
        proposal: Uuid::now_v7(),
        vote: Uuid::now_v7(),
        comment: Uuid::now_v7(),
    };
    let [first, second] = room.participants;
    let mut vote = contribution_fields(room.workshop, Some(second), "vote", "");
    vote["proposalIds"] = json!([room.proposal]);
    let mut comment = contribution_fields(room.workshop, None, "comment", "Préciser le calendrier.");
    comment["aboutCommitmentId"] = json!(room.commitment);
    let records = [
        (
            "milestone",
            room.milestone,
            json!({"commitmentId": room.commitment, "position": 0, "title": "Ouvrir le registre"}),
        ),
        ("workshop", room.workshop, workshop_fields(&cast.ministry, room.commitment)),
        ("participant", first, json!({"workshopId": room.workshop, "organisationKind": "citizen"})),
        ("identity", first, identity_fields(first, NAME, EMAIL)),
        ("participant", second, json!({"workshopId": room.workshop, "organisationKind": "association"})),
        ("identity", second, identity_fields(second, "Karim", "")),
        (
            "contribution",
            room.proposal,
            contribution_fields(room.workshop, Some(first), "proposal", "Publier les agendas."),
        ),
        ("contribution", room.vote, vote),
        ("contribution", room.comment, comment),
    ];
    let mut mutations = vec![create(laptop, 1, room.commitment, &cast.ministry, "Publier les agendas des décideurs")];
    for (seq, (kind, id, fields)) in (2..).zip(records) {
        mutations.push(mutation(laptop, seq, kind, id, creation(fields)));
    }
    let count = mutations.len();
    let (status, body) = server.push(&cast.tokens["drafter"], &push_request(laptop, mutations));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); count]), "the room: {body}");
    room
}

#[test]
fn everyone_receives_the_workshop_and_only_the_institution_that_ran_it_who_took_part() {
    let (_dir, cast, server) = running();
    let room = room(&server, &cast);
    let public = [
        key("workshop", room.workshop),
        key("participant", room.participants[0]),
        key("participant", room.participants[1]),
        key("contribution", room.proposal),
        key("contribution", room.vote),
        key("contribution", room.comment),
    ];
    let identities = [key("identity", room.participants[0]), key("identity", room.participants[1])];
    // (who, receives who took part): the ministry's people, its reader included; not another
    // institution's drafter, nor the coordination, which is of another institution.
    for (who, personal) in [("drafter2", true), ("reader", true), ("authority", false), ("coordinator", false)] {
        let (status, body) = server.pull(&cast.tokens[who], 0);
        assert_eq!(status, 200);
        let records = pulled(&body);
        for record in &public {
            assert!(records.contains(record), "{who} receives {record:?}");
        }
        for record in &identities {
            assert_eq!(records.contains(record), personal, "{who} receiving {record:?}");
        }
        let text = body.to_string();
        assert_eq!(text.contains(NAME) || text.contains(EMAIL), personal, "{who}: the participant's name and address");
    }
}

#[test]
fn only_the_institution_and_the_coordination_write_in_a_workshop_and_only_the_institution_who_took_part() {
    let (_dir, cast, server) = running();
    let room = room(&server, &cast);
    let participant = |l: Uuid, id: Uuid| {
        mutation(l, 1, "participant", id, creation(json!({"workshopId": room.workshop, "organisationKind": "company"})))
    };
    let proposal = |l: Uuid, id: Uuid| {
        let fields = contribution_fields(room.workshop, None, "proposal", "Une proposition.");
        mutation(l, 1, "contribution", id, creation(fields))
    };
    // Another institution's drafter writes nothing in the ministry's workshop, nor does a reader.
    for who in ["authority", "reader"] {
        assert_eq!(
            push_one(&server, &cast.tokens[who], |l| participant(l, Uuid::now_v7())),
            refused("forbidden"),
            "{who}"
        );
        assert_eq!(
            push_one(&server, &cast.tokens[who], |l| proposal(l, Uuid::now_v7())),
            refused("forbidden"),
            "{who}"
        );
        let retitle = |l| {
            mutation(
                l,
                1,
                "workshop",
                room.workshop,
                setting("title", json!("Atelier repris"), json!("Atelier transparence")),
            )
        };
        assert_eq!(push_one(&server, &cast.tokens[who], retitle), refused("forbidden"), "{who}");
        let erase = |l| mutation(l, 1, "contribution", room.proposal, deletion(u64::from(u32::MAX)));
        assert_eq!(push_one(&server, &cast.tokens[who], erase), refused("forbidden"), "{who}");
    }
    let laptop = Uuid::now_v7();
    let (status, body) =
        server.push(&cast.tokens["authority"], &push_request(laptop, vec![participant(laptop, Uuid::now_v7())]));
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")), "a hand-made request learns it was refused");

    // The coordination takes a participant and a proposal in the ministry's workshop…
    let taken = Uuid::now_v7();
    assert_eq!(push_one(&server, &cast.tokens["coordinator"], |l| participant(l, taken)), applied());
    assert_eq!(push_one(&server, &cast.tokens["coordinator"], |l| proposal(l, Uuid::now_v7())), applied());
    // …but who that participant is, only the ministry's people record: not the coordination of
    // another institution, not another institution's drafter, not a reader.
    let identity = |l: Uuid| mutation(l, 1, "identity", taken, creation(identity_fields(taken, "Lina", "")));
    for who in ["coordinator", "authority", "reader"] {
        assert_eq!(
            push_one(&server, &cast.tokens[who], identity),
            refused("forbidden"),
            "{who} recording who took part"
        );
    }
    assert_eq!(push_one(&server, &cast.tokens["drafter2"], identity), applied(), "a ministry drafter's other laptop");

    // An identity is not even confirmed to them: its exact values replayed, a change, an erasure.
    let [first, _] = room.participants;
    let replay = |l: Uuid| mutation(l, 1, "identity", first, creation(identity_fields(first, NAME, EMAIL)));
    let rename = |l: Uuid| mutation(l, 1, "identity", first, setting("name", json!("Quelqu'un"), json!(NAME)));
    let erase = |l: Uuid| mutation(l, 1, "identity", first, deletion(u64::from(u32::MAX)));
    for who in ["coordinator", "authority", "reader"] {
        assert_eq!(push_one(&server, &cast.tokens[who], replay), refused("forbidden"), "{who} replaying an identity");
        assert_eq!(push_one(&server, &cast.tokens[who], rename), refused("forbidden"), "{who} renaming");
        assert_eq!(push_one(&server, &cast.tokens[who], erase), refused("forbidden"), "{who} erasing");
    }
    assert_eq!(value(&server, &cast, "identity", first, "name"), json!(NAME), "left as it was");
    assert_eq!(push_one(&server, &cast.tokens["drafter"], replay), applied(), "the same creation sent again");
}

#[test]
fn the_fields_that_decide_who_holds_an_identity_are_set_once() {
    let (_dir, cast, server) = running();
    let room = room(&server, &cast);
    // Another workshop of the ministry, where a contribution or a participant could be moved.
    let other = Uuid::now_v7();
    let fields = workshop_fields(&cast.ministry, room.commitment);
    assert_eq!(
        push_one(&server, &cast.tokens["drafter"], |l| mutation(l, 1, "workshop", other, creation(fields))),
        applied()
    );
    let [first, second] = room.participants;
    let changes = [
        ("workshop", room.workshop, "institutionId", json!(cast.authority), json!(cast.ministry)),
        ("contribution", room.proposal, "workshopId", json!(other), json!(room.workshop)),
        ("participant", first, "workshopId", json!(other), json!(room.workshop)),
        ("identity", first, "participantId", json!(second), json!(first)),
    ];
    // Not by the institution, not by the coordination: personal data never moves elsewhere.
    for who in ["drafter", "coordinator"] {
        for (kind, id, field, to, from) in &changes {
            let change = |l| mutation(l, 1, kind, *id, setting(field, to.clone(), from.clone()));
            assert_eq!(
                push_one(&server, &cast.tokens[who], change),
                refused("forbidden"),
                "{who} changing {kind}.{field}"
            );
        }
    }
    for (kind, id, field, _, from) in &changes {
        assert_eq!(&value(&server, &cast, kind, *id, field), from, "{kind}.{field} as it was");
    }
}

#[test]
fn values_the_app_never_sends_and_records_that_do_not_exist_are_refused() {
    let (_dir, cast, server) = running();
    let room = room(&server, &cast);
    let drafter = &cast.tokens["drafter"];
    let create_one =
        |kind: &'static str, fields: Value| move |l: Uuid| mutation(l, 1, kind, Uuid::now_v7(), creation(fields));
    let with = |mut fields: Value, field: &str, value: Value| {
        fields[field] = value;
        fields
    };
    let workshop = workshop_fields(&cast.ministry, room.commitment);
    let proposal = contribution_fields(room.workshop, None, "proposal", "Une proposition.");
    let invalid = [
        ("workshop", with(workshop.clone(), "title", json!(" Atelier "))), // untrimmed
        ("workshop", with(workshop.clone(), "keepUntil", json!("2025-03-01"))), // before the workshop
        ("workshop", with(workshop.clone(), "heldOn", json!("12/03/2025"))),
        ("workshop", with(workshop.clone(), "institutionId", json!(cast.ministry.to_uppercase()))),
        ("workshop", with(workshop, "facilitator", json!(""))),
        ("participant", json!({"workshopId": room.workshop, "organisationKind": "citoyen"})),
        ("participant", json!({"workshopId": room.workshop})),
        ("identity", with(identity_fields(room.participants[0], "Awa", ""), "contactEmail", json!("pas une adresse"))),
        ("contribution", with(proposal.clone(), "kind", json!("idée"))),
        ("contribution", with(proposal.clone(), "outcome", json!("peut-être"))),
        ("contribution", with(proposal.clone(), "text", json!("texte\u{7}"))),
        ("contribution", with(proposal.clone(), "proposalIds", json!([room.proposal, room.proposal]))),
    ];
    for (kind, fields) in invalid {
        let shown = fields.to_string();
        assert_eq!(push_one(&server, drafter, create_one(kind, fields)), refused("invalid"), "{kind}: {shown}");
    }
    let changes = [
        ("contribution", room.proposal, "outcome", json!("peut-être"), Value::Null),
        ("contribution", room.proposal, "outcomeReason", json!("raison\u{0}"), json!("")),
        ("participant", room.participants[0], "organisationKind", json!("Citizen"), json!("citizen")),
    ];
    for (kind, id, field, to, from) in changes {
        let change = |l| mutation(l, 1, kind, id, setting(field, to.clone(), from.clone()));
        assert_eq!(push_one(&server, drafter, change), refused("invalid"), "{kind}.{field} = {to}");
    }
    // Who a participant is was written once: their address may only be withdrawn.
    for (field, to) in [
        ("contactEmail", json!(" awa@exemple.fr")),
        ("contactEmail", json!("autre@exemple.fr")),
        ("name", json!("Awa")),
    ] {
        let change = |l| mutation(l, 1, "identity", room.participants[0], setting(field, to.clone(), json!(EMAIL)));
        assert_eq!(push_one(&server, drafter, change), refused("forbidden"), "identity.{field} = {to}");
    }
    let withdraw =
        |l| mutation(l, 1, "identity", room.participants[0], setting("contactEmail", json!(""), json!(EMAIL)));
    assert_eq!(push_one(&server, drafter, withdraw), applied());

    // What a contribution names exists: a commitment, a milestone, a proposal, a participant.
    let nowhere = Uuid::now_v7();
    let missing = [
        ("contribution", with(proposal.clone(), "aboutCommitmentId", json!(nowhere))),
        ("contribution", with(proposal.clone(), "commitmentIds", json!([room.commitment, nowhere]))),
        ("contribution", with(proposal.clone(), "milestoneIds", json!([nowhere]))),
        ("contribution", with(proposal.clone(), "proposalIds", json!([nowhere]))),
        ("contribution", with(proposal, "participantId", json!(nowhere))),
        ("participant", json!({"workshopId": nowhere, "organisationKind": "citizen"})),
        ("identity", identity_fields(nowhere, "Awa", "")),
    ];
    for (kind, fields) in missing {
        let shown = fields.to_string();
        assert_eq!(
            push_one(&server, drafter, create_one(kind, fields)),
            refused("missingReference"),
            "{kind}: {shown}"
        );
    }
    let trace =
        |l| mutation(l, 1, "contribution", room.proposal, setting("commitmentIds", json!([nowhere]), json!([])));
    assert_eq!(push_one(&server, drafter, trace), refused("missingReference"));
}

#[test]
fn deleting_what_is_still_named_is_refused_and_a_workshop_goes_with_everything_in_it() {
    let (_dir, cast, server) = running();
    let room = room(&server, &cast);
    let [first, second] = room.participants;
    let drafter = &cast.tokens["drafter"];
    // The proposal fed the milestone of another commitment, which nothing else names.
    let (fed, fed_milestone) = (Uuid::now_v7(), Uuid::now_v7());
    let laptop = Uuid::now_v7();
    let milestone = json!({"commitmentId": fed, "position": 0, "title": "Registre ouvert"});
    let trace = setting("milestoneIds", json!([fed_milestone]), json!([]));
    let mutations = vec![
        create(laptop, 1, fed, &cast.ministry, "Ouvrir les registres"),
        mutation(laptop, 2, "milestone", fed_milestone, creation(milestone)),
        mutation(laptop, 3, "contribution", room.proposal, trace),
    ];
    let (status, body) = server.push(drafter, &push_request(laptop, mutations));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); 3]), "{body}");

    // Still named, they stay: a participant who contributed, a proposal voted for, the
    // commitment the workshop discusses, the milestone the proposal fed — and its commitment,
    // which would take the milestone along.
    let seen = head(&server, &cast);
    for (kind, id) in [
        ("participant", first),
        ("contribution", room.proposal),
        ("commitment", room.commitment),
        ("milestone", fed_milestone),
        ("commitment", fed),
    ] {
        let delete = |l| mutation(l, 1, kind, id, deletion(seen));
        assert_eq!(push_one(&server, drafter, delete), refused("inUse"), "deleting the {kind} {id}");
    }
    assert_eq!(value(&server, &cast, "milestone", fed_milestone, "title"), json!("Registre ouvert"));

    // A participant's data erased on request: the ministry's laptops are told it is gone; the
    // participant and their contributions stay, anonymous; the others are told nothing of it.
    let before = head(&server, &cast);
    let erase = |l| mutation(l, 1, "identity", first, deletion(before));
    assert_eq!(push_one(&server, drafter, erase), applied());
    for (who, told) in [("drafter2", true), ("reader", true), ("coordinator", false), ("authority", false)] {
        let (_, body) = server.pull(&cast.tokens[who], before);
        assert_eq!(deleted(&body).contains(&key("identity", first)), told, "{who} told the identity is gone");
        assert!(!deleted(&body).contains(&key("participant", first)), "{who}: the participant stays");
        assert!(!pulled(&server.pull(&cast.tokens[who], 0).1).contains(&key("identity", first)), "{who}");
    }
    assert_eq!(value(&server, &cast, "contribution", room.proposal, "participantId"), json!(first));

    // The workshop goes with its participants, who they are and their contributions.
    let before = head(&server, &cast);
    let delete = |l| mutation(l, 1, "workshop", room.workshop, deletion(before));
    assert_eq!(push_one(&server, drafter, delete), applied());
    let everything = [
        key("workshop", room.workshop),
        key("participant", first),
        key("participant", second),
        key("contribution", room.proposal),
        key("contribution", room.vote),
        key("contribution", room.comment),
    ];
    for (who, personal) in [("drafter2", true), ("reader", true), ("coordinator", false), ("authority", false)] {
        let (_, body) = server.pull(&cast.tokens[who], before);
        let gone = deleted(&body);
        for record in &everything {
            assert!(gone.contains(record), "{who} told {record:?} is gone");
        }
        assert_eq!(gone.contains(&key("identity", second)), personal, "{who} told who took part is gone");
        let now = pulled(&server.pull(&cast.tokens[who], 0).1);
        assert!(everything.iter().all(|r| !now.contains(r)) && !now.contains(&key("identity", second)), "{who}");
    }
    // What it discussed and what it fed stay, and may now go.
    let seen = head(&server, &cast);
    for commitment in [room.commitment, fed] {
        let delete = |l| mutation(l, 1, "commitment", commitment, deletion(seen));
        assert_eq!(push_one(&server, drafter, delete), applied());
    }
}
