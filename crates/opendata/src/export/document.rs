//! What the printable documents share — the printable plan ([`super::html`]), the
//! self-assessment report ([`super::self_assessment`]) and a workshop's report
//! ([`super::workshop`]): one self-contained HTML page in the State's
//! typography (Marianne embedded, the DSFR's type scale and colours), every text escaped, and the
//! parts both print alike: the plan's heading lines, lists of facts, tables, the table of contents
//! of the areas and their commitments, the annex of institutions.

use plan_ouvert_domain::{numbering, Labels, Locale};
use plan_ouvert_sync::protocol::Value;
use uuid::Uuid;

use super::fields::parse_date;
use super::tree::{PlanTree, Rec};

/// Text made safe for HTML, in an element or a double-quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A text's paragraphs (separated by blank lines) as `<p>`, its other line breaks as `<br>`.
pub(crate) fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut String| {
        if !current.is_empty() {
            let lines: Vec<String> = current.iter().map(|l| escape(l)).collect();
            out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            current.clear();
        }
    };
    for line in text.split('\n') {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Marianne, the typeface of the State's design system (DSFR), in the three cuts the document
/// uses: regular, bold (headings, labels) and italic. They are embedded in the document (as
/// `data:` URLs of the WOFF2 files) so that a saved plan shows in Marianne on any computer,
/// offline and without its fonts installed; other weights fall back to these. The three files
/// weigh 128 KB, about 170 KB once in base64: what a plan's text weighs, and a tenth of what the
/// seven DSFR cuts would. They are a copy of the DSFR's files, kept beside this crate
/// (`assets/fonts/`, with the note on their licence) so the crate builds without the interface's
/// `node_modules`.
const FONTS: [(&[u8], &str, &str); 3] = [
    (include_bytes!("../../assets/fonts/Marianne-Regular.woff2"), "400", "normal"),
    (include_bytes!("../../assets/fonts/Marianne-Bold.woff2"), "700", "normal"),
    (include_bytes!("../../assets/fonts/Marianne-Regular_Italic.woff2"), "400", "italic"),
];

/// Bytes as standard base64 (RFC 4648, with padding): a few lines here rather than a dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The `@font-face` rules of [`FONTS`].
fn font_faces() -> String {
    FONTS
        .iter()
        .map(|(bytes, weight, style)| {
            format!(
                "@font-face {{ font-family: Marianne; src: url(data:font/woff2;base64,{}) format(\"woff2\"); \
                 font-weight: {weight}; font-style: {style}; font-display: swap; }}\n",
                base64(bytes)
            )
        })
        .collect()
}

/// The DSFR's typography (its sizes, line heights and colours, screen and print), for a
/// document of headings, paragraphs, lists and tables; then what the self-assessment report adds
/// (the DSFR's badges for the completion scale, progress bars, a box for what is to complete) and
/// a workshop's report (badges for what became of a contribution).
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: Marianne, arial, sans-serif; font-size: 1rem; line-height: 1.5rem; color: #161616;
  background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; text-rendering: optimizeLegibility; }
h1, h2, h3, h4, h5, h6 { font-weight: 700; color: #161616; margin: 0 0 1.5rem; }
h1 { font-size: 2.5rem; line-height: 3rem; }
h2 { font-size: 2rem; line-height: 2.5rem; border-bottom: 2px solid #000091; padding-bottom: .25rem; margin-top: 3rem; }
h3 { font-size: 1.75rem; line-height: 2.25rem; margin-top: 2.5rem; }
h4 { font-size: 1.375rem; line-height: 1.75rem; margin: 1.75rem 0 .75rem; }
h5 { font-size: 1.125rem; line-height: 1.5rem; margin: 1.25rem 0 .5rem; }
h6 { font-size: 1rem; line-height: 1.5rem; margin: 1rem 0 .25rem; }
p { margin: 0 0 1rem; }
.meta, .area-kind { color: #3a3a3a; margin-bottom: .5rem; }
.number { color: #000091; }
.star { color: #b34000; }
nav.toc ol { padding-left: 1.5rem; }
nav.toc li { margin: .25rem 0; }
nav.toc a { color: inherit; text-decoration: none; }
article.commitment { border-top: 1px solid #dddddd; margin-top: 2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
dl.facts dd p { margin: 0 0 .25rem; }
dl.facts dl.facts { margin: 0; }
ul.values { margin: .25rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; line-height: 1.5rem; margin: .5rem 0 1.5rem; }
table th, table td { border: 1px solid #929292; padding: .25rem .5rem; vertical-align: top;
  text-align: left; }
table th { background: #eeeeee; font-weight: 700; }
table td p { margin: 0 0 .25rem; }
.nowrap { white-space: nowrap; }
section.irm { border-left: 4px solid #000091; background: #f5f5fe; padding: .5rem 1rem .75rem; margin: 1rem 0; }
section.irm .starred { font-weight: 700; }
.marque { font-weight: 700; text-transform: uppercase; letter-spacing: -.01em; font-size: 1.05rem; line-height: 1.1;
  margin: 0 0 2rem; }
.kicker { color: #000091; font-weight: 700; margin-bottom: .5rem; }
.subtitle { font-size: 1.375rem; line-height: 1.75rem; font-weight: 700; margin-bottom: 1rem; }
.as-of { border-left: 4px solid #000091; padding: .25rem 0 .25rem 1rem; margin: 1rem 0; }
.as-of strong { font-size: 1.25rem; }
.figure { font-size: 2.5rem; line-height: 3rem; font-weight: 700; color: #000091; margin: 0 0 .5rem; }
.rule, .source, .signature { color: #3a3a3a; font-size: .875rem; line-height: 1.5rem; }
.source { display: block; }
.bar { display: inline-block; width: 8rem; height: .5rem; background: #e3e3fd; margin-right: .5rem; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #000091; }
.badge { display: inline-block; font-size: .875rem; line-height: 1.5rem; font-weight: 700; text-transform: uppercase;
  padding: 0 .5rem; border-radius: .25rem; background: #eeeeee; color: #3a3a3a; white-space: nowrap; }
.badge.limited { background: #ffe9e6; color: #b34000; }
.badge.substantial { background: #e8edff; color: #0063cb; }
.badge.complete { background: #b8fec9; color: #18753c; }
.badge.withdrawn { background: #feebd0; color: #695240; }
.badge.overdue { background: #ffe9e9; color: #ce0500; margin-left: .5rem; }
.badge.kept { background: #b8fec9; color: #18753c; }
.badge.merged { background: #e8edff; color: #0063cb; }
.badge.notKept { background: #feebd0; color: #695240; }
article.contribution { border-top: 1px solid #dddddd; margin-top: 1.5rem; }
.to-complete { border: 2px dashed #b34000; background: #fff4f3; padding: .75rem 1rem; margin: 1rem 0; }
.to-complete strong { color: #b34000; text-transform: uppercase; }
section.entry { border-left: 4px solid #dddddd; padding: 0 0 0 1rem; margin: .5rem 0 1.5rem; }
ul.evidence li { margin: .25rem 0; }
.hash { font-family: monospace; font-size: .75rem; word-break: break-all; color: #3a3a3a; }
.number-cell { text-align: right; }
article.assessed > dl.facts { grid-template-columns: minmax(9rem, 16rem) 1fr; }
table.levels { width: auto; min-width: 60%; }
footer { border-top: 1px solid #dddddd; margin-top: 3rem; padding-top: 1rem; color: #3a3a3a; font-size: .875rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.5; }
  h1 { font-size: 20pt; line-height: 1.25; }
  h2 { font-size: 16pt; line-height: 1.25; }
  h3 { font-size: 14pt; line-height: 1.3; }
  h4 { font-size: 12pt; line-height: 1.3; }
  h5, h6 { font-size: 10.5pt; line-height: 1.4; }
  nav.toc { break-after: page; page-break-after: always; }
  section.area { break-before: page; page-break-before: always; }
  section.annex { break-before: page; page-break-before: always; }
  h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  tr, dl.facts, section.irm { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  section.irm { background: none; }
  .bar, .bar > span, .badge, .to-complete { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  article.assessed + article.assessed { break-before: page; page-break-before: always; }
  section.entry, table.progress tr { break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// A document being written, in one language.
pub(crate) struct Out {
    pub html: String,
    pub locale: Locale,
    pub labels: Labels,
}

impl Out {
    /// Opens the document: its language, its title (plain text, escaped here), the fonts and the
    /// style, then the body.
    pub fn begin(locale: Locale, title: &str) -> Out {
        let mut out = Out { html: String::new(), locale, labels: Labels::of(locale) };
        out.push(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"Plan ouvert\">\n<title>{}</title>\n<style>\n{}{STYLE}</style>\n</head>\n<body>\n",
            locale.code(),
            escape(title),
            font_faces()
        ));
        out
    }

    /// Closes the document and gives its text.
    pub fn finish(mut self) -> String {
        self.push("</body>\n</html>\n");
        self.html
    }

    pub fn push(&mut self, text: &str) {
        self.html.push_str(text);
    }

    pub fn pick(&self, fr: &'static str, en: &'static str) -> &'static str {
        self.locale.pick(fr, en)
    }

    /// A date of the records (`YYYY-MM-DD`) as the app shows it; any other text as it is.
    pub fn date(&self, text: &str) -> String {
        parse_date(text).map(|d| self.locale.date(d)).unwrap_or_else(|| text.to_string())
    }

    /// The plan's lines under a title: its country and period, and what the OGP numbers it.
    pub fn plan_lines(&mut self, tree: &PlanTree) {
        self.push(&format!("<p class=\"meta\">{}", escape(tree.plan.text("country"))));
        self.push(&format!(
            " — {} {} {} {}",
            self.pick("période du", "period from"),
            self.date(tree.plan.text("periodStart")),
            self.pick("au", "to"),
            self.date(tree.plan.text("periodEnd"))
        ));
        self.push("</p>\n");
        let ogp_plan = tree.plan.text("ogpPlanId");
        let plan_number = tree.plan.fields.get("planNumber").and_then(Value::as_i64);
        if names_ogp_plan(tree) {
            self.push(&format!(
                "<p class=\"meta\">{}",
                self.pick("Partenariat pour un gouvernement ouvert (PGO)", "Open Government Partnership (OGP)")
            ));
            if let Some(n) = plan_number {
                self.push(&format!(" — {} {n}", self.pick("plan d'action n°", "action plan no.")));
            }
            if !ogp_plan.is_empty() {
                self.push(&format!(" ({})", escape(ogp_plan)));
            }
            self.push("</p>\n");
        }
    }

    /// A list of facts: each label (escaped already, or a label of [`Labels`]) and its value as HTML.
    pub fn facts(&mut self, facts: &[(&str, String)]) {
        self.push("<dl class=\"facts\">\n");
        for (label, value) in facts {
            self.push(&format!("<dt>{label}</dt>\n<dd>{value}</dd>\n"));
        }
        self.push("</dl>\n");
    }

    /// A table: its class, its column headers, its rows (each a `<tr>…</tr>` already written).
    pub fn table(&mut self, class: &str, headers: &[&str], rows: &[String]) {
        self.push(&format!("<table class=\"{class}\">\n<thead><tr>"));
        for header in headers {
            self.push(&format!("<th scope=\"col\">{header}</th>"));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.push(row);
        }
        self.push("</tbody>\n</table>\n");
    }

    /// Opens the table of contents: its heading and its list.
    pub fn toc_begin(&mut self) {
        self.push(&format!(
            "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<ol>\n",
            self.pick("Sommaire", "Contents")
        ));
    }

    /// Closes the table of contents with its last entry, the annex of institutions
    /// ([`Out::institutions_annex`]) when there is one.
    pub fn toc_end(&mut self, tree: &PlanTree) {
        // The institutions of the plan as adopted: not those named only by its progress reports.
        if !tree.plan_institutions().is_empty() {
            self.push(&format!(
                "<li><a href=\"#institutions\">{}</a></li>\n",
                self.pick("Institutions", "Institutions")
            ));
        }
        self.push("</ol>\n</nav>\n");
    }

    /// The entries of a table of contents for the areas and their commitments (`<li>` each, the
    /// commitments in an `<ol>` under their area), leading to `#area-<id>` and `#commitment-<id>`.
    pub fn toc_areas(&mut self, tree: &PlanTree) {
        for (a, area) in tree.areas.iter().enumerate() {
            self.push(&format!(
                "<li><a href=\"#area-{}\">{} — {}</a>\n",
                area.rec.id,
                area_heading(self.locale, a),
                escape(area.rec.text("title"))
            ));
            if !area.commitments.is_empty() {
                self.push("<ol>\n");
                for (c, node) in area.commitments.iter().enumerate() {
                    self.push(&format!(
                        "<li><a href=\"#commitment-{}\">{} {}</a></li>\n",
                        node.rec.id,
                        numbering::commitment_number(a, c),
                        escape(node.rec.text("title"))
                    ));
                }
                self.push("</ol>\n");
            }
            self.push("</li>\n");
        }
    }

    /// The annex listing the institutions the plan names (not those named only by progress
    /// reports), by name, with their kind; nothing when there are none.
    pub fn institutions_annex(&mut self, tree: &PlanTree) {
        let institutions = tree.plan_institutions();
        if institutions.is_empty() {
            return;
        }
        self.push(&format!(
            "<section class=\"annex\" id=\"institutions\">\n<h2>{}</h2>\n<ul>\n",
            self.pick("Institutions", "Institutions")
        ));
        for institution in institutions {
            let kind = match institution.text("kind") {
                "ministry" => self.pick("ministère", "ministry"),
                "independentAuthority" => self.pick("autorité administrative indépendante", "independent authority"),
                "parliament" => self.pick("Parlement", "Parliament"),
                "court" => self.pick("juridiction", "court"),
                _ => self.pick("autre", "other"),
            };
            self.push(&format!("<li>{} — {kind}</li>\n", institution_label(tree, institution.id)));
        }
        self.push("</ul>\n</section>\n");
    }
}

/// Whether the plan's lines ([`Out::plan_lines`]) name the OGP's plan (its identifier or number).
pub(crate) fn names_ogp_plan(tree: &PlanTree) -> bool {
    !tree.plan.text("ogpPlanId").is_empty() || tree.plan.fields.get("planNumber").and_then(Value::as_i64).is_some()
}

/// An institution as the documents name it: `name (acronym)`, escaped; `""` when unknown.
pub(crate) fn institution_label(tree: &PlanTree, id: Uuid) -> String {
    match tree.institution(id) {
        Some(i) if !i.text("acronym").is_empty() && i.text("acronym") != i.text("name") => {
            format!("{} ({})", escape(i.text("name")), escape(i.text("acronym")))
        }
        Some(i) => escape(i.text("name")),
        None => String::new(),
    }
}

/// "Axe 2": the area's name and number.
pub(crate) fn area_heading(locale: Locale, area_rank: usize) -> String {
    format!("{} {}", locale.pick("Axe", "Area"), numbering::area_number(area_rank))
}

/// A commitment's planning facts, as the commitment screen's planning section has them: its
/// dates (or their text as the source gave it), its lead and supporting institutions by name, its
/// other supporters; those it has, values as HTML.
pub(crate) fn planning_facts(out: &Out, tree: &PlanTree, rec: &Rec) -> Vec<(&'static str, String)> {
    let c = out.labels.commitment;
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    for (field, source, label) in
        [("startDate", "startDateSource", c.start_date), ("endDate", "endDateSource", c.end_date)]
    {
        let text = match (rec.text(field), rec.text(source)) {
            ("", "") => continue,
            ("", source) => escape(source),
            (date, _) => out.date(date),
        };
        facts.push((label, text));
    }
    if let Some(lead) = rec.id_of("leadInstitutionId") {
        facts.push((c.lead_institution_id, institution_label(tree, lead)));
    }
    let supporting: Vec<String> =
        rec.ids_of("supportingInstitutionIds").into_iter().map(|id| institution_label(tree, id)).collect();
    if !supporting.is_empty() {
        facts.push((c.supporting_institution_ids, supporting.join(out.pick(" ; ", "; "))));
    }
    if !rec.text("otherSupporters").trim().is_empty() {
        facts.push((c.other_supporters, paragraphs(rec.text("otherSupporters"))));
    }
    facts
}

/// The OGP values a commitment says it is relevant to, by their labels.
pub(crate) fn ogp_values(rec: &Rec, labels: &Labels) -> Vec<&'static str> {
    let c = &labels.commitment;
    [
        ("accessToInformation", c.access_to_information),
        ("civicParticipation", c.civic_participation),
        ("publicAccountability", c.public_accountability),
        ("technologyInnovation", c.technology_innovation),
    ]
    .into_iter()
    .filter(|(field, _)| rec.flag(field))
    .map(|(_, label)| label)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_alphabet_with_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
