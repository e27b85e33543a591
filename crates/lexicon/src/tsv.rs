//! Reading one lexicon file: UTF-8, tab-separated, a header line naming the columns, `#`
//! comment lines and blank lines ignored. Columns are found by their header name, so a user's
//! file may put them in any order and leave out the optional ones.

use crate::error::Problem;
use std::collections::HashMap;
use tre_text::normalize;

/// The columns a kind of file may have, and which of them it must have.
pub(crate) struct Schema {
    pub columns: &'static [&'static str],
    pub required: &'static [&'static str],
}

/// One data line: its 1-based line number and its cells in schema order (absent columns empty).
pub(crate) struct Line {
    pub number: usize,
    cells: Vec<String>,
    schema: &'static Schema,
}

impl Line {
    /// The cell of column `name`, normalised and trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        match self.schema.columns.iter().position(|c| *c == name) {
            Some(i) => &self.cells[i],
            None => unreachable!("column {name} is not in the schema"),
        }
    }

    /// The `|`-separated values of column `name`, empty ones dropped.
    pub fn list(&self, name: &str) -> Vec<String> {
        split_list(self.get(name))
    }
}

pub(crate) fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Parses `text`. Problems with the header make the whole file unusable (`None`); problems with
/// single lines are reported and those lines skipped.
pub(crate) fn parse(
    file: &str,
    text: &str,
    schema: &'static Schema,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Line>> {
    let mut header: Option<Vec<Option<usize>>> = None;
    let mut lines = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let raw = if number == 1 {
            raw.strip_prefix('\u{feff}').unwrap_or(raw)
        } else {
            raw
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        let Some(map) = &header else {
            header = Some(read_header(file, number, &cells, schema, problems)?);
            continue;
        };
        if cells.len() > map.len() {
            problems.push(Problem {
                file: file.to_owned(),
                line: number,
                message: format!(
                    "{} cells but the header has {} columns (is there a stray tab?)",
                    cells.len(),
                    map.len()
                ),
            });
            continue;
        }
        let mut ordered = vec![String::new(); schema.columns.len()];
        for (cell, slot) in cells.iter().zip(map) {
            if let Some(slot) = slot {
                ordered[*slot] = normalize(cell.trim());
            }
        }
        lines.push(Line {
            number,
            cells: ordered,
            schema,
        });
    }
    if header.is_none() {
        problems.push(Problem {
            file: file.to_owned(),
            line: 0,
            message: format!(
                "no header line; the first line that is not a comment must name the columns, e.g. {}",
                schema.columns.join(" TAB ")
            ),
        });
        return None;
    }
    Some(lines)
}

fn read_header(
    file: &str,
    number: usize,
    cells: &[&str],
    schema: &Schema,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Option<usize>>> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut map = Vec::with_capacity(cells.len());
    let mut ok = true;
    for cell in cells {
        let name = cell.trim();
        match schema.columns.iter().position(|c| *c == name) {
            Some(i) => {
                if seen.insert(schema.columns[i], i).is_some() {
                    problems.push(header_problem(
                        file,
                        number,
                        format!("column `{name}` appears twice"),
                    ));
                    ok = false;
                }
                map.push(Some(i));
            }
            None => {
                problems.push(header_problem(
                    file,
                    number,
                    format!(
                        "unknown column `{name}`; the columns of this file are: {}",
                        schema.columns.join(", ")
                    ),
                ));
                ok = false;
                map.push(None);
            }
        }
    }
    for required in schema.required {
        if !seen.contains_key(required) {
            problems.push(header_problem(
                file,
                number,
                format!("the header lacks the required column `{required}`"),
            ));
            ok = false;
        }
    }
    ok.then_some(map)
}

fn header_problem(file: &str, line: usize, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SCHEMA: Schema = Schema {
        columns: &["name", "variants", "note"],
        required: &["name"],
    };

    #[test]
    fn columns_by_header_comments_skipped_cells_normalised() {
        let text = "# a comment\n\nvariants\tname\nx|y\tHoà Bình\r\n# another\n\tLạng  Sơn\n";
        let mut problems = Vec::new();
        let lines = parse("f.tsv", text, &SCHEMA, &mut problems).expect("parses");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].number, 4);
        assert_eq!(lines[0].get("name"), "Hòa Bình");
        assert_eq!(lines[0].list("variants"), vec!["x", "y"]);
        assert_eq!(lines[0].get("note"), "");
        assert_eq!(lines[1].get("name"), "Lạng Sơn");
        assert!(lines[1].list("variants").is_empty());
    }

    #[test]
    fn bad_header_and_long_lines_are_reported_with_their_line() {
        let mut problems = Vec::new();
        assert!(parse("f.tsv", "nam\tnote\n", &SCHEMA, &mut problems).is_none());
        assert_eq!(problems.len(), 2);
        assert!(
            problems[0]
                .to_string()
                .starts_with("f.tsv:1: unknown column `nam`")
        );
        assert!(problems[1].to_string().contains("required column `name`"));

        let mut problems = Vec::new();
        let lines = parse("g.tsv", "name\na\tb\nc\n", &SCHEMA, &mut problems).expect("header ok");
        assert_eq!(lines.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);

        let mut problems = Vec::new();
        assert!(parse("h.tsv", "# only comments\n", &SCHEMA, &mut problems).is_none());
        assert!(problems[0].to_string().starts_with("h.tsv: no header line"));
    }
}
