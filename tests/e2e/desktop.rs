//! The real desktop app, started by tauri-driver under the display of the test run (Xvfb in CI),
//! with its own data folder, and driven through WebDriver.
//!
//! Each [`Desktop`] runs its own tauri-driver on free loopback ports, so two instances (two
//! laptops of a workshop) can run side by side.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::process::{Child, Command};

/// How long a screen may take to show what a test waits for.
const PATIENCE: Duration = Duration::from_secs(45);

pub struct Desktop {
    pub client: Client,
    driver: Child,
}

impl Drop for Desktop {
    /// tauri-driver starts WebKitWebDriver, which starts the app: stop exactly those processes
    /// (found by parent id, deepest first), also when a test fails half-way, so nothing outlives
    /// the test and nothing else is touched.
    fn drop(&mut self) {
        if let Some(pid) = self.driver.id() {
            let mut family = descendants(pid);
            family.reverse();
            family.push(pid);
            for pid in family {
                let _ =
                    std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).stderr(Stdio::null()).status();
            }
        }
    }
}

/// Every process whose parent chain leads to `root`, parents before children (Linux `/proc`).
fn descendants(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
            // The command name is in parentheses and may hold spaces: read after the last ')'.
            let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
            if let Some(ppid) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
                parents.push((pid, ppid));
            }
        }
    }
    let mut found = vec![root];
    let mut index = 0;
    while index < found.len() {
        let parent = found[index];
        found.extend(parents.iter().filter(|(_, ppid)| *ppid == parent).map(|(pid, _)| *pid));
        index += 1;
    }
    found.remove(0);
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("its address").port()
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let in_cargo_home = std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo/bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => "tauri-driver".into(),
    }
}

impl Desktop {
    /// Starts the app binary built for this test run on the data folder `data_dir`.
    pub async fn launch(data_dir: &Path) -> Desktop {
        Self::launch_with(data_dir, &[]).await
    }

    /// [`Desktop::launch`] with more environment variables for the app.
    pub async fn launch_with(data_dir: &Path, env: &[(&str, &str)]) -> Desktop {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need a display: run them under xvfb-run (scripts/test.sh does)"
        );
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(tauri_driver());
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("PLAN_OUVERT_DATA_DIR", data_dir)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let driver = command.spawn().expect("tauri-driver (cargo install --locked tauri-driver --version 2.1.0)");
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": { "application": env!("CARGO_BIN_EXE_plan-ouvert") }
        });
        let capabilities = capabilities.as_object().expect("an object").clone();
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(err) if started.elapsed() < PATIENCE => {
                    let _ = err;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(err) => panic!("no WebDriver session with the app: {err}"),
            }
        };
        let desktop = Desktop { client, driver };
        desktop.wait_for("header").await;
        desktop
    }

    /// Loads the demonstration plan and opens its first commitment; returns that screen's
    /// address (`#/commitments/…`) to come back to it.
    pub async fn open_demo_commitment(&self) -> String {
        self.click("#load-demo").await;
        self.wait_for(".po-commitment a").await;
        let href = self.script("return document.querySelector('.po-commitment a').getAttribute('href')", vec![]).await;
        let href = href.as_str().expect("a commitment link").to_string();
        self.go(&href).await;
        self.wait_for("#milestone-new-title").await;
        href
    }

    /// Kills the app process with SIGKILL, as a crash or a pulled plug would: no chance to save
    /// or flush anything. The WebDriver session dies with it; launch the app again after.
    pub fn kill_app(&self) {
        let pid = self.driver.id().expect("tauri-driver is running");
        let app = descendants(pid)
            .into_iter()
            .find(|p| std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == "plan-ouvert"))
            .expect("the app process");
        let killed = std::process::Command::new("kill").args(["-KILL", &app.to_string()]).status();
        assert!(killed.is_ok_and(|s| s.success()), "the app was killed");
    }

    /// The memory the app holds now, in KiB: the proportional set size (shared pages divided
    /// among their users) of the app's process and its web view's processes, not the drivers'.
    #[allow(dead_code)] // The memory benchmark's (tests/memory_bench.rs), not the journeys'.
    pub fn memory_kib(&self) -> u64 {
        let pid = self.driver.id().expect("tauri-driver is running");
        descendants(pid)
            .into_iter()
            .filter(|p| {
                std::fs::read_to_string(format!("/proc/{p}/comm"))
                    .is_ok_and(|c| c.trim() == "plan-ouvert" || c.trim().starts_with("WebKit") && !c.contains("Driver"))
            })
            .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).ok())
            .filter_map(|rollup| {
                rollup
                    .lines()
                    .find(|l| l.starts_with("Pss:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            })
            .sum()
    }

    /// Closes the app as a person would (the window closes, the process ends); the drivers are
    /// stopped when `self` is dropped.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }

    /// The first element matching `css`, once it is there.
    pub async fn wait_for(&self, css: &str) -> Element {
        let found = self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await;
        match found {
            Ok(element) => element,
            Err(e) => {
                self.screenshot("failure").await;
                panic!("{css} never appeared: {e}; the page shows:\n{}", self.body_text().await)
            }
        }
    }

    /// Clicks like a person. A click can be refused while a dialog is still closing over the
    /// element, or the screen is being redrawn: it is tried again until the element takes it.
    pub async fn click(&self, css: &str) {
        let started = Instant::now();
        loop {
            let element = self.wait_for(css).await;
            self.bring_into_view(css).await;
            match element.click().await {
                Ok(_) => return,
                Err(err) if started.elapsed() < PATIENCE => {
                    let _ = err;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(err) => {
                    self.screenshot("failure").await;
                    panic!("cannot click {css}: {err}");
                }
            }
        }
    }

    /// Scrolls the element to the middle of the window, as a person does before using it
    /// (WebKitWebDriver may otherwise click at the window's very edge and miss).
    async fn bring_into_view(&self, css: &str) {
        self.script(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', inline: 'center' })",
            vec![json!(css)],
        )
        .await;
    }

    /// Types into a field with the keyboard, after emptying it. A field in a dialog that is
    /// still opening refuses keys for a moment: typing is tried again until it takes.
    pub async fn type_into(&self, css: &str, text: &str) {
        let started = Instant::now();
        loop {
            let field = self.wait_for(css).await;
            self.bring_into_view(css).await;
            let typed = match field.clear().await {
                Ok(()) => field.send_keys(text).await,
                Err(err) => Err(err),
            };
            match typed {
                // A field the page draws from its state can be drawn again between the clear and
                // the first key, with what it held before: the keys then go after that. A text
                // field is checked, and typed into again if so.
                Ok(()) if !self.holds_other_text(&field, text).await => return,
                Ok(()) if started.elapsed() < PATIENCE => tokio::time::sleep(Duration::from_millis(200)).await,
                Ok(()) => panic!("{css} does not hold what was typed into it: {text:?}"),
                Err(_) if started.elapsed() < PATIENCE => tokio::time::sleep(Duration::from_millis(200)).await,
                Err(err) => {
                    self.screenshot("failure").await;
                    panic!("cannot type into {css}: {err}");
                }
            }
        }
    }

    /// Whether `field`, a field of free text, holds something else than `text` (a date or a
    /// number field shows what was typed in its own way, and is not checked).
    async fn holds_other_text(&self, field: &Element, text: &str) -> bool {
        let kind = field.prop("type").await.ok().flatten().unwrap_or_default();
        if !matches!(kind.as_str(), "text" | "search" | "email" | "tel" | "url" | "textarea") {
            return false;
        }
        field.prop("value").await.ok().flatten().is_some_and(|value| value != text)
    }

    /// Sets a field's value at once, as choosing in a list does, then leaves the field. Dates are
    /// typed (`type_into`, day/month/year), as a person types them.
    pub async fn pick(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.script(
            "const [css, value] = arguments;
             const el = document.querySelector(css);
             const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
                         : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));
             el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
             el.dispatchEvent(new FocusEvent('blur'));",
            vec![json!(css), json!(value)],
        )
        .await;
    }

    /// Saves a picture of the window as `target/e2e-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }

    /// Follows an in-app link (`#/…`), as clicking it would.
    /// Creates, through the screens as a person does, a plan of the 2025-2027 period titled
    /// `plan` with one area and one commitment in it; returns the routes of the plan's overview
    /// and of the commitment, which the screen ends on.
    pub async fn draft_plan(&self, plan: &str, area: &str, commitment: &str) -> (String, String) {
        self.go("#/").await;
        self.type_into("#plan-country", "France").await;
        self.type_into("#plan-title", plan).await;
        self.type_into("#plan-period-start", "01/01/2025").await;
        self.type_into("#plan-period-end", "31/12/2027").await;
        self.click("#plan-submit").await;
        self.wait_for_text_in("main h1", plan).await;
        let overview = self.location().await;
        self.click("#area-add").await;
        self.type_into("#area-title", area).await;
        self.click("#area-submit").await;
        self.click("[data-testid^='add-commitment-']").await;
        self.type_into("#commitment-new-title", commitment).await;
        self.click("#commitment-new-submit").await;
        self.wait_for_text_in("main h1", commitment).await;
        (overview, self.location().await)
    }

    /// The route the window shows (its `#…`).
    async fn location(&self) -> String {
        self.script("return location.hash", vec![]).await.as_str().unwrap_or_default().to_string()
    }

    pub async fn go(&self, hash: &str) {
        self.script("location.hash = arguments[0]", vec![json!(hash)]).await;
    }

    /// Ticks or unticks a DSFR checkbox through its label, as a person does (the input itself is
    /// drawn by the label).
    pub async fn tick(&self, id: &str) {
        self.click(&format!("label[for='{id}']")).await;
    }

    /// Chooses an institution in the picker whose field is `#<id>` (the interface's
    /// `shared/InstitutionPicker.tsx`) as a person does: types `typed` into the field, then
    /// clicks the option of the list whose text contains `text`.
    pub async fn choose_institution(&self, id: &str, typed: &str, text: &str) {
        self.type_into(&format!("#{id}"), typed).await;
        let option = "const [id, text] = arguments;
             const option = [...document.querySelectorAll(`#${id}-listbox [role=option]`)].find(o => o.textContent.includes(text));
             return option ? option.id : null;";
        let args = || vec![json!(id), json!(text)];
        self.wait_until(&format!("the option {text:?} of #{id}"), || async {
            !self.script(option, args()).await.is_null()
        })
        .await;
        let found = self.script(option, args()).await;
        let found = found.as_str().unwrap_or_else(|| panic!("no option {text:?} in #{id}")).to_string();
        self.click(&format!("[id='{found}']")).await;
    }

    /// Waits until the save status says everything is saved.
    pub async fn wait_saved(&self) {
        self.wait_until("the save status to say \"Enregistré\"", || async {
            match self.client.find(Locator::Css("[data-testid='save-status']")).await {
                Ok(el) => {
                    el.text().await.map(|t| t.starts_with("Enregistré") || t.starts_with("Saved")).unwrap_or(false)
                }
                Err(_) => false,
            }
        })
        .await;
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
    }

    pub async fn script(&self, code: &str, args: Vec<Value>) -> Value {
        self.client.execute(code, args).await.unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// The text of the first element matching `css` (its DOM text, whitespace collapsed).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        self.text_now(css).await.unwrap_or_default()
    }

    /// The text of the first element matching `css` right now, empty if there is none.
    pub async fn text_now_or_empty(&self, css: &str) -> String {
        self.text_now(css).await.unwrap_or_default()
    }

    async fn text_now(&self, css: &str) -> Option<String> {
        let text = self
            .script(
                "const el = document.querySelector(arguments[0]);
                 return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;",
                vec![json!(css)],
            )
            .await;
        text.as_str().map(str::to_string)
    }

    /// The current value of a field.
    pub async fn value(&self, css: &str) -> String {
        self.wait_for(css).await;
        let value = self.script("return document.querySelector(arguments[0]).value", vec![json!(css)]).await;
        value.as_str().unwrap_or_default().to_string()
    }

    /// Waits until the page's text contains `needle`.
    pub async fn wait_for_text(&self, needle: &str) {
        self.wait_until(&format!("the text {needle:?}"), || async { self.body_text().await.contains(needle) }).await;
    }

    /// Waits until the element matching `css` has a text containing `needle`.
    pub async fn wait_for_text_in(&self, css: &str, needle: &str) {
        self.wait_until(&format!("{needle:?} in {css}"), || async {
            self.text_now(css).await.is_some_and(|t| t.contains(needle))
        })
        .await;
    }

    pub async fn body_text(&self) -> String {
        self.text_now("body").await.unwrap_or_default()
    }

    pub async fn wait_until<F, Fut>(&self, what: &str, mut condition: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let started = Instant::now();
        while !condition().await {
            if started.elapsed() > PATIENCE {
                self.screenshot("failure").await;
                let page = self.body_text().await;
                panic!("waited {PATIENCE:?} for {what}; the page shows:\n{page}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
