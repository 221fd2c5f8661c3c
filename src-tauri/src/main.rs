// No console window on Windows release builds: a start-up failure is shown in a dialog instead.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match plan_ouvert::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            plan_ouvert::report_start_failure(&error);
            std::process::ExitCode::FAILURE
        }
    }
}
