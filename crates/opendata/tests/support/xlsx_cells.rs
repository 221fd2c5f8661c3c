//! Filling in a workbook as a person would, for tests: the parts of the `.xlsx` archive edited
//! in place (a cell's value set, keeping its style; a shared string renamed; a sheet renamed),
//! and the archive written again. Used by the opendata tests and, through `#[path]`, by the
//! app's.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Cursor, Read, Write};

/// What a test types in a cell.
#[derive(Debug, Clone, Copy)]
pub enum Typed<'a> {
    /// Text, as a spreadsheet stores it when typed (an inline string).
    Text(&'a str),
    /// A date, as a spreadsheet stores it in a date cell: days since 1899-12-30.
    Date(i32, u32, u32),
    /// A bare number.
    Number(f64),
    /// Nothing: the cell emptied.
    Empty,
}

/// The workbook's parts, in order: (name, bytes).
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().to_string(), content)
        })
        .collect()
}

/// One part as text.
pub fn part(bytes: &[u8], name: &str) -> String {
    let found = parts(bytes).into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no part {name}"));
    String::from_utf8(found.1).unwrap()
}

/// The workbook with the part `name` changed by `change`.
pub fn edit_part(bytes: &[u8], name: &str, change: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut change = Some(change);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (part, content) in parts(bytes) {
        let content = if part == name {
            let text = String::from_utf8(content).unwrap();
            (change.take().unwrap())(text).into_bytes()
        } else {
            content
        };
        out.start_file(part, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(change.is_none(), "no part {name}");
    out.finish().unwrap().into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn serial(year: i32, month: u32, day: u32) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap() - epoch).num_days()
}

/// The sheet's XML with the cell `reference` (`H3`) holding `typed`, in the style it had.
pub fn set_cell(xml: &str, reference: &str, typed: Typed<'_>) -> String {
    let open = format!("<c r=\"{reference}\"");
    let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {reference}"));
    let tag_end = start + xml[start..].find('>').unwrap();
    let end = if xml[..tag_end].ends_with('/') {
        tag_end + 1
    } else {
        tag_end + xml[tag_end..].find("</c>").unwrap() + "</c>".len()
    };
    let style = xml[start..tag_end]
        .split(" s=\"")
        .nth(1)
        .map(|rest| format!(" s=\"{}\"", &rest[..rest.find('"').unwrap()]))
        .unwrap_or_default();
    let cell = match typed {
        Typed::Text(text) => format!(
            "<c r=\"{reference}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(text)
        ),
        Typed::Date(y, m, d) => format!("<c r=\"{reference}\"{style}><v>{}</v></c>", serial(y, m, d)),
        Typed::Number(n) => format!("<c r=\"{reference}\"{style}><v>{n}</v></c>"),
        Typed::Empty => format!("<c r=\"{reference}\"{style}/>"),
    };
    format!("{}{cell}{}", &xml[..start], &xml[end..])
}

/// The workbook with cells of its first sheet (the progress sheet) typed in.
pub fn fill(bytes: &[u8], cells: &[(&str, Typed<'_>)]) -> Vec<u8> {
    edit_part(bytes, "xl/worksheets/sheet1.xml", |mut xml| {
        for (reference, typed) in cells {
            xml = set_cell(&xml, reference, *typed);
        }
        xml
    })
}
