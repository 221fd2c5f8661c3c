//! The interface's port, written from the declarations of the commands and events: the
//! `Backend` interface the screens use, and `backendOver`, which turns any transport (Tauri's
//! IPC in the desktop app, HTTP to the loopback bridge in a browser) into that interface. An
//! adapter only carries calls; it has nothing to list by hand.

use std::collections::BTreeSet;

/// `plan_overview` → `planOverview`.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The type names a TypeScript type expression uses, to import them from the bindings.
fn type_names(expression: &str, into: &mut BTreeSet<String>) {
    for word in expression.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if word.starts_with(|c: char| c.is_ascii_uppercase()) && !matches!(word, "Array" | "Record" | "Promise") {
            into.insert(word.to_string());
        }
    }
}

fn doc_comment(docs: &[&str], indent: &str) -> String {
    match docs {
        [] => String::new(),
        [one] => format!("{indent}/**{one} */\n"),
        lines => {
            let mut out = format!("{indent}/**\n");
            for line in lines {
                out.push_str(&format!("{indent} *{line}\n"));
            }
            out.push_str(&format!("{indent} */\n"));
            out
        }
    }
}

/// The whole generated file.
pub fn port() -> String {
    let commands = crate::commands::signatures();
    let events = crate::shell::event_signatures();
    let mut types = BTreeSet::new();
    for command in &commands {
        for (_, ty) in &command.args {
            type_names(ty, &mut types);
        }
        type_names(&command.returns, &mut types);
    }
    for event in &events {
        type_names(&event.payload, &mut types);
    }
    types.insert("ErrorCode".into());
    types.insert("JuryCriterion".into());

    let mut out = String::from(
        "// Generated from crates/app/src/commands.rs and shell.rs by crates/app/tests/generated.rs.\n\
         // Do not edit by hand: UPDATE_BINDINGS=1 cargo test -p plan-ouvert-app --test generated\n\n",
    );
    out.push_str(&format!(
        "import type {{ {} }} from \"./bindings\";\n\n",
        types.iter().cloned().collect::<Vec<_>>().join(", ")
    ));
    out.push_str(
        "/** How an adapter carries a call or an event; it holds no rule, no message and no data. */\n\
         export interface Transport {\n    \
         call(command: string, args: Record<string, unknown>): Promise<unknown>;\n    \
         listen(event: string, listener: (payload: unknown) => void): Promise<() => void>;\n\
         }\n\n",
    );
    out.push_str(
        "/**\n * The one port through which the interface talks to the backend: one method per command,\n \
         * each rejecting with a `Failure`; one `on…` method per event, resolving to the function\n \
         * that stops listening.\n */\nexport interface Backend {\n",
    );
    for command in &commands {
        out.push_str(&doc_comment(command.docs, "    "));
        let params: Vec<String> = command.args.iter().map(|(name, ty)| format!("{}: {ty}", camel_case(name))).collect();
        out.push_str(&format!(
            "    {}({}): Promise<{}>;\n",
            camel_case(command.name),
            params.join(", "),
            command.returns
        ));
    }
    for event in &events {
        out.push_str(&doc_comment(event.docs, "    "));
        out.push_str(&format!(
            "    {}(listener: (payload: {}) => void): Promise<() => void>;\n",
            event.listener, event.payload
        ));
    }
    out.push_str("}\n\n");

    out.push_str("/** The backend over a transport: each method is its command, by name. */\n");
    out.push_str("export function backendOver(transport: Transport): Backend {\n    return {\n");
    let mut members = Vec::new();
    for command in &commands {
        let params: Vec<String> = command.args.iter().map(|(name, _)| camel_case(name)).collect();
        let args = if params.is_empty() { "{}".to_string() } else { format!("{{ {} }}", params.join(", ")) };
        members.push(format!(
            "        {}: ({}) => transport.call(\"{}\", {args}) as Promise<{}>",
            camel_case(command.name),
            params.join(", "),
            command.name,
            command.returns
        ));
    }
    for event in &events {
        members.push(format!(
            "        {}: listener => transport.listen(\"{}\", payload => listener(payload as {}))",
            event.listener, event.name, event.payload
        ));
    }
    out.push_str(&members.join(",\n"));
    out.push_str("\n    };\n}\n\n");

    out.push_str("/** Every command's name, as the backend receives it. */\nexport const COMMANDS = [\n");
    let names: Vec<String> = commands.iter().map(|c| format!("    \"{}\"", c.name)).collect();
    out.push_str(&names.join(",\n"));
    out.push_str("\n] as const;\n\n");

    let codes: Vec<String> =
        plan_ouvert_domain::ErrorCode::ALL.iter().map(|code| serde_json::to_string(code).unwrap_or_default()).collect();
    out.push_str(&format!(
        "/** Every failure code, to recognise a backend's failure. */\nexport const ERROR_CODES: readonly ErrorCode[] = [{}];\n",
        codes.join(", ")
    ));
    use plan_ouvert_domain::{Email, LongText, Phone, ShortText, Title};
    out.push_str(&format!(
        "\n/** The longest text each kind of field accepts, in characters (the backend refuses more). */\n\
         export const TEXT_LIMITS = {{ title: {}, shortText: {}, longText: {}, email: {}, phone: {} }} as const;\n",
        Title::MAX,
        ShortText::MAX,
        LongText::MAX,
        Email::MAX,
        Phone::MAX
    ));
    use plan_ouvert_domain::workshop::{KEEP_DEFAULT_DAYS, KEEP_MAX_DAYS, VOTE_MAX};
    out.push_str(&format!(
        "\n/** Workshops: the days their participants' data is kept by default and at most after the day\n \
         * they were held, and the most proposals a priority vote names (the backend refuses more). */\n\
         export const WORKSHOP_LIMITS = {{ keepDefaultDays: {KEEP_DEFAULT_DAYS}, keepMaxDays: {KEEP_MAX_DAYS}, voteMax: {VOTE_MAX} }} as const;\n",
    ));
    use plan_ouvert_domain::{JuryCriterion, JURORS_MAX, SCORE_MAX, SELECTION_MAX};
    let criteria: Vec<String> = JuryCriterion::CODES.iter().map(|code| format!("\"{code}\"")).collect();
    out.push_str(&format!(
        "\n/** The citizen jury: the most jurors a session has, the most projects it selects, the highest\n \
         * score of a criterion (the lowest is 0), and the criteria in the score sheet's order. */\n\
         export const JURY_LIMITS = {{ jurorsMax: {JURORS_MAX}, selectionMax: {SELECTION_MAX}, scoreMax: {SCORE_MAX} }} as const;\n\
         export const JURY_CRITERIA: readonly JuryCriterion[] = [{}];\n",
        criteria.join(", ")
    ));
    out
}

/// The desktop window's capability: exactly the declared commands, and listening to events.
pub fn capability() -> String {
    let mut permissions: Vec<String> =
        crate::commands::COMMANDS.iter().map(|name| format!("allow-{}", name.replace('_', "-"))).collect();
    permissions.push("core:event:allow-listen".into());
    permissions.push("core:event:allow-unlisten".into());
    let value = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "main",
        "description": "Generated from crates/app/src/commands.rs (UPDATE_BINDINGS=1 cargo test -p plan-ouvert-app --test generated). What the main window may do: call the app's own commands, each listed, and nothing else (no file system, shell or network API).",
        "windows": ["main"],
        "permissions": permissions,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_camel_case() {
        assert_eq!(camel_case("plan_overview"), "planOverview");
        assert_eq!(camel_case("import_ogp_csv"), "importOgpCsv");
        assert_eq!(camel_case("locale"), "locale");
    }

    #[test]
    fn type_names_leave_out_builtins() {
        let mut names = BTreeSet::new();
        type_names("Array<Plan>", &mut names);
        type_names("ImportSummary | null", &mut names);
        type_names("string", &mut names);
        assert_eq!(names.into_iter().collect::<Vec<_>>(), vec!["ImportSummary", "Plan"]);
    }
}
