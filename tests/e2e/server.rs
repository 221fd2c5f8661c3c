//! The central plan API beside the desktop app: its binary, its administration, a server process
//! on a loopback port, and the app connected to it through its Synchronisation screen.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::desktop::Desktop;

/// The server binary of this workspace, built next to the app's.
pub fn server_binary() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_plan-ouvert")).with_file_name("plan-ouvert-server");
    if !binary.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "plan-ouvert-server"])
            // Beside the app it serves: a release build of the benchmarks gets a release server.
            .args(if cfg!(debug_assertions) { &[][..] } else { &["--release"][..] })
            .status()
            .expect("cargo build -p plan-ouvert-server");
        assert!(status.success(), "the server binary did not build");
    }
    binary
}

pub fn admin(db: &Path, args: &[&str]) -> String {
    let output = Command::new(server_binary()).arg("--db").arg(db).args(args).output().expect("plan-ouvert-server");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// `plan-ouvert-server serve` on a fixed loopback port, so that it can come back at the same
/// address the apps know.
pub struct ServerProcess(Child);

impl ServerProcess {
    pub fn start(db: &Path, port: u16) -> Self {
        let mut child = Command::new(server_binary())
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("the server's first line");
        assert!(line.contains("listening"), "the server did not start: {line}");
        Self(child)
    }

    pub fn stop(mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub async fn connect(app: &Desktop, url: &str, token: &str, name: &str) {
    app.go("#/synchronisation").await;
    app.type_into("#sync-server-url", url).await;
    app.type_into("#sync-token", token).await;
    app.click("#sync-connect").await;
    app.wait_for_text_in("#sync-account", name).await;
    // No keyring under Xvfb (and the test asks for the file): the settings say where the token is.
    app.wait_for_text_in("#sync-token-storage", "fichier lisible par vous seul").await;
}

/// Asks for an exchange now and waits until everything is sent.
pub async fn all_sent(app: &Desktop) {
    app.wait_until("everything to be sent", || async {
        if app.text_now_or_empty("#sync-pending").await.contains("Tout est envoyé") {
            return true;
        }
        if app.count("#sync-now:not([disabled])").await > 0 {
            app.click("#sync-now").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        false
    })
    .await;
}
