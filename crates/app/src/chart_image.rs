//! A chart of a plan's dashboard saved as an image, for a slide. The window draws the chart
//! into a PNG and hands its bytes over; the file is asked of the person through the shell and
//! named here (the plan's title, what the chart shows, the day), so the window never names a
//! file nor touches the file system.

use base64::Engine as _;
use plan_ouvert_domain::{DashboardChart, ErrorCode, Failure, Locale, PlanId};
use plan_ouvert_opendata::export;

use crate::laptop::{internal, Laptop};
use crate::shell::FileRequest;

/// The first bytes of every PNG file.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The largest image accepted, in bytes: a chart drawn at twice the screen's size is far smaller.
pub const IMAGE_MAX: usize = 20 * 1024 * 1024;

/// The PNG image `png` (base64) holds, or why it is refused: not base64, not a PNG, too large.
pub(crate) fn png_bytes(png: &str, locale: Locale) -> Result<Vec<u8>, Failure> {
    let refused = || {
        Failure::new(
            ErrorCode::Validation,
            locale.pick(
                "L'image du graphique n'a pas pu être préparée : réessayez.",
                "The chart's image could not be prepared: try again.",
            ),
        )
    };
    if png.len() > IMAGE_MAX.div_ceil(3) * 4 {
        return Err(refused());
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(png).map_err(|_| refused())?;
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err(refused());
    }
    Ok(bytes)
}

/// The name proposed for a chart's image: `<plan title> — <what it shows> — <day>.png`.
pub(crate) fn chart_file_name(
    plan_title: &str,
    chart: DashboardChart,
    day: chrono::NaiveDate,
    locale: Locale,
) -> String {
    format!("{}.png", export::file_stem(&format!("{plan_title} — {}", chart.file_label(locale)), day))
}

/// Writes the chart's image where the person chooses (`None` when they cancel); resolves to
/// where it wrote.
pub(crate) fn save_chart_image(
    app: &Laptop,
    plan_id: PlanId,
    chart: DashboardChart,
    png: &str,
) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let bytes = png_bytes(png, locale)?;
    let plan = app.run(|store| store.plan(plan_id))?;
    let name = chart_file_name(&plan.title, chart, chrono::Local::now().date_naive(), locale);
    let Some(path) = app.shell().pick_file(FileRequest::SavePng, Some(&name), locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    std::fs::write(&path, &bytes).map_err(|error| {
        let message = match locale {
            Locale::Fr => format!("L'image n'a pas pu être écrite dans {} : {error}.", path.display()),
            Locale::En => format!("The image could not be written to {}: {error}.", path.display()),
        };
        Failure::new(ErrorCode::Storage, message)
    })?;
    tracing::info!(file = %path.display(), ?chart, "saved a chart of the dashboard");
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_png_is_written() {
        let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nrest of the image");
        assert!(png_bytes(&png, Locale::Fr).is_ok());
        let html = base64::engine::general_purpose::STANDARD.encode(b"<html>");
        assert_eq!(png_bytes(&html, Locale::Fr).expect_err("refused").code, ErrorCode::Validation);
        assert_eq!(png_bytes("not base64!", Locale::En).expect_err("refused").code, ErrorCode::Validation);
    }

    #[test]
    fn the_image_is_named_after_the_plan_the_chart_and_the_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        assert_eq!(
            chart_file_name("France — Plan d'action 2021/2023", DashboardChart::Areas, day, Locale::Fr),
            "France — Plan d'action 2021 2023 — Avancement par axe — 2026-11-30.png"
        );
        assert_eq!(
            chart_file_name("France", DashboardChart::Statuses, day, Locale::En),
            "France — Milestones by status — 2026-11-30.png"
        );
    }
}
