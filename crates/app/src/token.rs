//! Where the person's token is kept: the system's keyring (Secret Service) when this computer
//! has one, otherwise a file in the data folder that only this user may read. The settings
//! screen says which.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use plan_ouvert_domain::TokenStorage;

/// Set to `file` to skip the keyring (machines whose keyring prompts, tests).
pub const TOKEN_STORE_ENV: &str = "PLAN_OUVERT_TOKEN_STORE";

const SERVICE: &str = "plan-ouvert";
const FILE: &str = "sync-token";

fn file(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

fn keyring_allowed() -> bool {
    std::env::var(TOKEN_STORE_ENV).map(|v| v != "file").unwrap_or(true)
}

/// One keyring entry per installation (`account` is the laptop's sync id), so two data folders
/// on one computer do not share a token.
fn entry(account: &str) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, account).ok()
}

/// Keeps `token`, in the keyring if one answers (checked by reading it back), else in the file.
pub fn save(data_dir: &Path, account: &str, token: &str) -> std::io::Result<TokenStorage> {
    if keyring_allowed() {
        if let Some(entry) = entry(account) {
            if entry.set_password(token).is_ok() && entry.get_password().ok().as_deref() == Some(token) {
                let _ = std::fs::remove_file(file(data_dir));
                return Ok(TokenStorage::Keyring);
            }
        }
    }
    write_private(&file(data_dir), token)?;
    Ok(TokenStorage::File)
}

/// Writes a file readable and writable by its owner only, replacing it atomically — whatever
/// files were there before and whatever their permissions (a mode given when opening applies
/// only to a file being created, so the temporary file is always a new one, and is made private
/// again before anything is written in it).
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    match std::fs::remove_file(&temporary) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut out = options.open(&temporary)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        out.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    out.write_all(content.as_bytes())?;
    out.sync_all()?;
    std::fs::rename(&temporary, path)
}

pub fn load(data_dir: &Path, account: &str, storage: TokenStorage) -> Option<String> {
    match storage {
        TokenStorage::Keyring => entry(account)?.get_password().ok(),
        TokenStorage::File => std::fs::read_to_string(file(data_dir)).ok().map(|t| t.trim().to_string()),
    }
}

pub fn forget(data_dir: &Path, account: &str) {
    if keyring_allowed() {
        if let Some(entry) = entry(account) {
            let _ = entry.delete_credential();
        }
    }
    let _ = std::fs::remove_file(file(data_dir));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_keyring_the_token_is_in_a_file_only_its_owner_may_read() {
        std::env::set_var(TOKEN_STORE_ENV, "file");
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(save(dir.path(), "laptop", "po_secret").unwrap(), TokenStorage::File);
        assert_eq!(load(dir.path(), "laptop", TokenStorage::File).as_deref(), Some("po_secret"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(file(dir.path())).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        forget(dir.path(), "laptop");
        assert_eq!(load(dir.path(), "laptop", TokenStorage::File), None);
    }

    /// Set in the process [`a_token_saved_is_read_back_by_a_new_process`] starts: where to read.
    const CHILD_ENV: &str = "PLAN_OUVERT_TOKEN_TEST_CHILD";

    #[test]
    fn a_token_saved_is_read_back_by_a_new_process() {
        // Wherever this computer keeps it (its keyring when one answers, else the file), a token
        // saved by one run of the app is read by the next: another process, started afresh.
        let dir = tempfile::tempdir().unwrap();
        let account = format!(
            "test-{}-{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
        );
        let storage = save(dir.path(), &account, "po_kept_across_runs").unwrap();
        let code = match storage {
            TokenStorage::Keyring => "keyring",
            TokenStorage::File => "file",
        };
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "token::tests::read_in_a_new_process", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, format!("{}\n{account}\n{code}", dir.path().display()))
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{printed}{}", String::from_utf8_lossy(&output.stderr));
        assert!(printed.contains("TOKEN=po_kept_across_runs"), "the new process read: {printed}");
        forget(dir.path(), &account);
    }

    /// The other half of [`a_token_saved_is_read_back_by_a_new_process`], run only by it.
    #[test]
    #[ignore = "run by a_token_saved_is_read_back_by_a_new_process in a process of its own"]
    fn read_in_a_new_process() {
        let Ok(what) = std::env::var(CHILD_ENV) else { return };
        let mut parts = what.split('\n');
        let (dir, account, code) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let storage = if code == "keyring" { TokenStorage::Keyring } else { TokenStorage::File };
        println!("TOKEN={}", load(Path::new(dir), account, storage).unwrap_or_default());
    }

    #[cfg(unix)]
    #[test]
    fn the_token_file_is_private_even_where_readable_files_were_left() {
        use std::os::unix::fs::PermissionsExt as _;
        std::env::set_var(TOKEN_STORE_ENV, "file");
        let dir = tempfile::tempdir().unwrap();
        for leftover in [file(dir.path()), file(dir.path()).with_extension("tmp")] {
            std::fs::write(&leftover, "old").unwrap();
            std::fs::set_permissions(&leftover, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        save(dir.path(), "laptop", "po_new").unwrap();
        let mode = std::fs::metadata(file(dir.path())).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(load(dir.path(), "laptop", TokenStorage::File).as_deref(), Some("po_new"));
    }
}
