//! A strict RFC 4180 reader over text already known to be UTF-8, that says where it stopped. The
//! separator is a comma ([`Records::new`]) or another ASCII character, such as the semicolon a
//! French spreadsheet writes ([`Records::with_separator`]).
//!
//! Fields borrow from the input unless they hold doubled quotes, so a large file is never copied
//! field by field. Records are numbered as a spreadsheet shows them (the header is row 1) and
//! carry the line on which they start, so that every problem can be placed.

use std::borrow::Cow;

/// One record: its fields, its row (as a spreadsheet numbers it) and the line it starts on.
#[derive(Debug)]
pub(crate) struct Record<'a> {
    pub row: usize,
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
}

impl Record<'_> {
    /// A blank line: one field, empty or spaces.
    pub fn is_blank(&self) -> bool {
        self.fields.len() == 1 && self.fields[0].trim().is_empty()
    }
}

/// Why the text stopped being CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Broken {
    /// A quoted field opened on `line` of record `row` was never closed: the rest of the file is
    /// inside it.
    UnclosedQuote { row: usize, line: usize },
    /// A quoted field closed on `line` is followed by something other than the separator or the
    /// end of the line.
    AfterClosingQuote { row: usize, line: usize, found: char },
}

/// The records of a text, in order.
#[derive(Debug)]
pub(crate) struct Records<'a> {
    text: &'a str,
    separator: u8,
    pos: usize,
    row: usize,
    line: usize,
    done: bool,
    ended_with_break: bool,
}

impl<'a> Records<'a> {
    /// Records separated by commas.
    pub fn new(text: &'a str) -> Self {
        Self::with_separator(text, b',')
    }

    /// Records whose fields are separated by `separator`, an ASCII character other than a quote
    /// or a line break.
    pub fn with_separator(text: &'a str, separator: u8) -> Self {
        debug_assert!(separator.is_ascii() && !matches!(separator, b'"' | b'\n' | b'\r'));
        Records { text, separator, pos: 0, row: 0, line: 1, done: false, ended_with_break: false }
    }

    /// The row in which the text's end falls: the last record's, or the next one when the last
    /// record ended with a line break (used to place a byte that is not UTF-8).
    pub fn row_at_end(mut self) -> usize {
        while self.next().is_some() {}
        if self.row == 0 || self.ended_with_break {
            self.row + 1
        } else {
            self.row
        }
    }

    /// Skips to just after the next line break (used to go on after a broken record).
    fn skip_line(&mut self) {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
                return;
            }
            if b == b'\r' {
                if bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                return;
            }
        }
    }

    /// Consumes a line break at the current position, if any; true when there was one.
    fn eat_break(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        match bytes.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Broken>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.pos >= self.text.len() {
            self.done = true;
            return None;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        self.row += 1;
        let row = self.row;
        let start_line = self.line;
        let mut fields = Vec::new();
        self.ended_with_break = false;
        loop {
            // One field.
            if bytes.get(self.pos) == Some(&b'"') {
                let open_line = self.line;
                self.pos += 1;
                let mut owned: Option<String> = None;
                let mut chunk_start = self.pos;
                loop {
                    let Some(offset) = bytes[self.pos..].iter().position(|&b| b == b'"' || b == b'\n') else {
                        self.pos = bytes.len();
                        self.done = true;
                        return Some(Err(Broken::UnclosedQuote { row, line: open_line }));
                    };
                    self.pos += offset;
                    if bytes[self.pos] == b'\n' {
                        self.line += 1;
                        self.pos += 1;
                        continue;
                    }
                    // A quote: doubled (escaped) or closing.
                    if bytes.get(self.pos + 1) == Some(&b'"') {
                        let piece = &text[chunk_start..=self.pos];
                        owned.get_or_insert_with(String::new).push_str(piece);
                        self.pos += 2;
                        chunk_start = self.pos;
                        continue;
                    }
                    let last = &text[chunk_start..self.pos];
                    self.pos += 1;
                    let field = match owned {
                        Some(mut s) => {
                            s.push_str(last);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(last),
                    };
                    fields.push(field);
                    break;
                }
                match bytes.get(self.pos) {
                    None => {
                        self.done = true;
                        return Some(Ok(Record { row, line: start_line, fields }));
                    }
                    Some(b) if *b == self.separator => {
                        self.pos += 1;
                        continue;
                    }
                    Some(b'\r' | b'\n') => {
                        self.ended_with_break = self.eat_break();
                        return Some(Ok(Record { row, line: start_line, fields }));
                    }
                    Some(_) => {
                        let found = text[self.pos..].chars().next().unwrap_or('?');
                        let line = self.line;
                        self.skip_line();
                        self.ended_with_break = true;
                        return Some(Err(Broken::AfterClosingQuote { row, line, found }));
                    }
                }
            } else {
                let end = bytes[self.pos..]
                    .iter()
                    .position(|&b| b == self.separator || b == b'\n' || b == b'\r')
                    .map_or(bytes.len(), |o| self.pos + o);
                fields.push(Cow::Borrowed(&text[self.pos..end]));
                self.pos = end;
                match bytes.get(self.pos) {
                    None => {
                        self.done = true;
                        return Some(Ok(Record { row, line: start_line, fields }));
                    }
                    Some(b) if *b == self.separator => {
                        self.pos += 1;
                        // A separator at the very end of the text still opens one last empty field.
                        if self.pos >= bytes.len() {
                            fields.push(Cow::Borrowed(""));
                            self.done = true;
                            return Some(Ok(Record { row, line: start_line, fields }));
                        }
                        continue;
                    }
                    _ => {
                        self.ended_with_break = self.eat_break();
                        return Some(Ok(Record { row, line: start_line, fields }));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<Vec<String>, Broken>> {
        Records::new(text).map(|r| r.map(|r| r.fields.into_iter().map(|f| f.into_owned()).collect())).collect()
    }

    #[test]
    fn reads_quoted_and_multiline_fields() {
        let rows = read("a,b,c\r\n\"x, \"\"y\"\"\",\"1\n2\",z\r\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], Ok(vec!["x, \"y\"".to_string(), "1\n2".to_string(), "z".to_string()]));
    }

    #[test]
    fn numbers_rows_and_lines() {
        let mut records = Records::new("h1,h2\n\"a\nb\",c\nd,e");
        let r1 = records.next().and_then(Result::ok).map(|r| (r.row, r.line));
        let r2 = records.next().and_then(Result::ok).map(|r| (r.row, r.line));
        let r3 = records.next().and_then(Result::ok).map(|r| (r.row, r.line));
        assert_eq!((r1, r2, r3), (Some((1, 1)), Some((2, 2)), Some((3, 4))));
        assert!(records.next().is_none());
    }

    #[test]
    fn reports_an_unclosed_quote_with_its_row() {
        let rows = read("a,b\n1,2\n3,\"never closed\n4,5\n");
        assert_eq!(rows[2], Err(Broken::UnclosedQuote { row: 3, line: 3 }));
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn reads_with_another_separator() {
        let rows: Vec<_> = Records::with_separator("a;b,c\n\"x;y\";2;\n", b';')
            .map(|r| r.map(|r| r.fields.into_iter().map(|f| f.into_owned()).collect::<Vec<_>>()))
            .collect();
        assert_eq!(rows[0], Ok(vec!["a".to_string(), "b,c".to_string()]));
        assert_eq!(rows[1], Ok(vec!["x;y".to_string(), "2".to_string(), String::new()]));
        let broken: Vec<_> = Records::with_separator("\"x\",y\n", b';').collect();
        assert_eq!(broken[0].as_ref().err(), Some(&Broken::AfterClosingQuote { row: 1, line: 1, found: ',' }));
    }

    #[test]
    fn reports_text_after_a_closing_quote_and_goes_on() {
        let rows = read("a,b\n\"x\"y,2\n3,4\n");
        assert_eq!(rows[1], Err(Broken::AfterClosingQuote { row: 2, line: 2, found: 'y' }));
        assert_eq!(rows[2], Ok(vec!["3".to_string(), "4".to_string()]));
    }
}
