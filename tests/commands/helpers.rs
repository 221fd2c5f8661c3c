//! An app on the mock runtime with its own data folder, a way to call a command by name, and
//! what several tests start from: a plan, the HATVP, its workshop with a participant.

use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

type Window = WebviewWindow<tauri::test::MockRuntime>;

pub struct App {
    app: tauri::App<tauri::test::MockRuntime>,
    window: Window,
    /// What the "file dialogs" answer (the mock runtime has none).
    files: std::sync::Arc<plan_ouvert::ScriptedFiles>,
    _dir: tempfile::TempDir,
}

impl App {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("temporary data folder");
        let app = plan_ouvert::builder(mock_builder())
            .build(plan_ouvert::context())
            .expect("the app builds on the mock runtime");
        let files = std::sync::Arc::new(plan_ouvert::ScriptedFiles::default());
        plan_ouvert::open_app(app.handle(), dir.path(), plan_ouvert::FilePicker::Scripted(files.clone()))
            .expect("store");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("main window");
        Self { app, window, files, _dir: dir }
    }

    /// The next file dialog answers `path` (as if the person picked it).
    pub fn pick_next(&self, path: impl Into<std::path::PathBuf>) {
        self.files.push([Some(path.into())]);
    }

    /// Another window, which no capability names.
    pub fn window_named(&self, label: &str) -> Window {
        WebviewWindowBuilder::new(&self.app, label, Default::default()).build().expect("window")
    }

    /// Calls a command as the interface does; `Err` carries the JSON the interface receives.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_from(&self.window, cmd, args)
    }

    pub fn call_from(&self, window: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("JSON reply"))
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd} {args} failed: {e}"))
    }

    pub fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args.clone()) {
            Ok(v) => panic!("{cmd} {args} should fail, returned {v}"),
            Err(e) => e,
        }
    }

    /// A plan of the 2021-2023 period with one area; returns (plan id, area id).
    pub fn plan_with_area(&self) -> (Value, Value) {
        let plan = self.ok(
            "create_plan",
            json!({"input": {"country": "France", "title": "France — Plan d'action national 2021-2023",
                              "periodStart": "2021-12-17", "periodEnd": "2023-12-31"}}),
        );
        let area = self.ok(
            "create_area",
            json!({"planId": plan["id"], "input": {"kind": "thematic", "title": "Accélérer la transition écologique", "description": ""}}),
        );
        (plan["id"].clone(), area["id"].clone())
    }

    /// The Haute Autorité pour la transparence de la vie publique, created here; its id.
    pub fn hatvp(&self) -> Value {
        self.ok(
            "create_institution",
            json!({"input": {"name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP",
                             "kind": "independentAuthority"}}),
        )["id"]
            .clone()
    }

    /// [`App::plan_with_area`] with a commitment, and the HATVP's workshop about it (held in
    /// 2030, so that no keeping day passes while the tests are kept) where Awa, who gave her
    /// address, made a proposal ([`PROPOSAL`]).
    pub fn workshop_with_awa(&self) -> Workshop {
        let (plan, area) = self.plan_with_area();
        let commitment = self
            .ok("create_commitment", json!({"areaId": area, "title": "Publier les agendas des responsables"}))["id"]
            .clone();
        let hatvp = self.hatvp();
        let id = self.ok(
            "create_workshop",
            json!({"planId": plan, "institutionId": hatvp,
                   "input": {"title": "Atelier transparence", "heldOn": "2030-03-12", "place": "Salle 204", "areaId": null,
                             "commitmentIds": [commitment], "facilitator": "Claire Martin",
                             "consentText": "Vos contributions sont enregistrées.", "keepUntil": "2031-03-12"}}),
        )["id"]
            .clone();
        let awa = self.ok(
            "add_participant",
            json!({"workshopId": id, "input": {"name": "Awa", "organisationKind": "citizen", "consentAccepted": true,
                   "contactAccepted": true, "contactEmail": "awa@example.org"}}),
        )["participant"]["id"]
            .clone();
        self.ok(
            "add_contribution",
            json!({"workshopId": id, "participantId": awa,
                   "input": {"kind": "proposal", "text": PROPOSAL, "aboutCommitmentId": null,
                             "aboutMilestoneId": null, "proposalIds": []}}),
        );
        Workshop { id, awa }
    }
}

/// Awa's proposal in [`App::workshop_with_awa`].
pub const PROPOSAL: &str = "Publier les agendas chaque semaine.";

/// What [`App::workshop_with_awa`] made: ids.
pub struct Workshop {
    pub id: Value,
    /// Awa, the participant.
    pub awa: Value,
}

/// A laptop of its own with [`App::workshop_with_awa`]: the app and the workshop's id.
pub fn laptop_with_workshop() -> (App, Value) {
    let app = App::start();
    let workshop = app.workshop_with_awa().id;
    (app, workshop)
}
