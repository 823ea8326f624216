// SPDX-License-Identifier: GPL-2.0-only

//! `#[kunit_tests(suite)]`: turns the `#[test]` functions of a module into
//! a KUnit suite, registered in `.kunit_test_suites` next to the C ones,
//! and compiles the module only under `--cfg=CONFIG_KUNIT`.

use crate::helpers::{generated, is_c_identifier, Cursor, Error, Result};
use proc_macro::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::fmt::Write;

/// One `#[test]` function.
struct Test {
    name: String,
    /// Line of the function's name, for failures reported without a
    /// location of their own (a returned `Err`).
    line: usize,
}

/// The suite name: as given, with `rust_` in front unless it is there
/// already, so the runner's output shows which suites are Rust.
fn suite_name(attr: TokenStream) -> Result<String> {
    let mut it = Cursor::new(attr, Span::call_site());
    let ident = it.expect_ident("a suite name: #[kunit_tests(name)]")?;
    it.expect_end()?;
    let name = ident.to_string();
    let name = if name.starts_with("rust_") {
        name
    } else {
        format!("rust_{name}")
    };
    if !is_c_identifier(&name) || name.len() > 63 {
        return Err(Error::new(
            ident.span(),
            "the suite name must be an ASCII identifier of at most 63 characters",
        ));
    }
    Ok(name)
}

/// Whether an attribute's bracketed content is exactly `test`.
fn is_test_attr(content: &Group) -> bool {
    let mut it = content.stream().into_iter();
    matches!((it.next(), it.next()), (Some(TokenTree::Ident(i)), None) if i.to_string() == "test")
}

/// Walks the module's items, dropping `#[test]` attributes and recording
/// the functions they were on. Everything else is kept as written.
fn collect_tests(body: TokenStream, end: Span) -> Result<(TokenStream, Vec<Test>)> {
    let mut out = Vec::new();
    let mut tests = Vec::new();
    let mut it = Cursor::new(body, end);
    // Set by `#[test]` until the function it belongs to is seen.
    let mut pending: Option<Span> = None;

    while let Some(token) = it.next() {
        match &token {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                // An outer attribute (inner ones, `#![...]`, are kept as
                // they are). Other attributes of a test stay on it.
                if let Some(TokenTree::Group(g)) = it.peek() {
                    if g.delimiter() == Delimiter::Bracket {
                        if is_test_attr(g) {
                            if pending.is_some() {
                                return Err(Error::new(g.span(), "duplicate #[test]"));
                            }
                            pending = Some(g.span());
                            it.next();
                            continue;
                        }
                        out.push(token);
                        out.extend(it.next());
                        continue;
                    }
                }
                if pending.is_some() {
                    return Err(Error::new(token.span(), "#[test] only goes on functions"));
                }
                out.push(token);
            }
            TokenTree::Ident(i) if pending.is_some() => {
                let word = i.to_string();
                match word.as_str() {
                    // Visibility, and `fn` qualifiers that still make a
                    // plain callable function.
                    "pub" | "const" => {
                        out.push(token);
                        if let Some(TokenTree::Group(g)) = it.peek() {
                            if g.delimiter() == Delimiter::Parenthesis {
                                out.push(it.next().unwrap());
                            }
                        }
                    }
                    "fn" => {
                        let name = it.expect_ident("the test function's name")?;
                        let params = it.expect_group(Delimiter::Parenthesis, "`()`")?;
                        if !params.stream().is_empty() {
                            return Err(Error::new(
                                params.span(),
                                "a KUnit test function takes no arguments",
                            ));
                        }
                        if it
                            .peek()
                            .is_some_and(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '<'))
                        {
                            return Err(Error::new(
                                name.span(),
                                "a KUnit test function cannot be generic",
                            ));
                        }
                        let fn_name = name.to_string();
                        tests.push(Test {
                            name: fn_name,
                            line: name.span().start().line(),
                        });
                        pending = None;
                        out.push(token);
                        out.push(TokenTree::Ident(name));
                        out.push(TokenTree::Group(params));
                    }
                    "async" | "unsafe" | "extern" => {
                        return Err(Error::new(
                            i.span(),
                            format!("a KUnit test function cannot be `{word}`"),
                        ));
                    }
                    _ => {
                        return Err(Error::new(
                            pending.unwrap_or(i.span()),
                            "#[test] only goes on functions",
                        ));
                    }
                }
            }
            _ if pending.is_some() => {
                return Err(Error::new(token.span(), "#[test] only goes on functions"));
            }
            _ => out.push(token),
        }
    }
    if let Some(span) = pending {
        return Err(Error::new(span, "#[test] is not followed by a function"));
    }
    Ok((out.into_iter().collect(), tests))
}

/// Expands `#[kunit_tests(suite)]` on `mod name { ... }`.
pub(crate) fn kunit_tests(attr: TokenStream, item: TokenStream) -> Result<TokenStream> {
    let suite = suite_name(attr)?;

    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let is_mod = tokens
        .iter()
        .any(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "mod"));
    let body = match tokens.pop() {
        Some(TokenTree::Group(g)) if is_mod && g.delimiter() == Delimiter::Brace => g,
        _ => {
            return Err(Error::new(
                Span::call_site(),
                "#[kunit_tests] goes on an inline module: `mod tests { ... }`",
            ))
        }
    };

    let (items, tests) = collect_tests(body.stream(), body.span_close())?;
    if tests.is_empty() {
        return Err(Error::new(
            body.span(),
            "#[kunit_tests]: the module has no #[test] function",
        ));
    }

    // One zero-sized type per test whose `TestCase::run` calls it; the
    // kernel's generic trampoline does the rest. All of this sits in an
    // anonymous `const _` block inside the module: the tests are in scope,
    // and nothing here can clash with the user's names.
    let mut src = String::from("const _: () = {\n");
    let mut cases = String::new();
    for t in &tests {
        // Named after the test, so that symbols (backtraces, `%pS`) say
        // which test a frame belongs to.
        let case_name = t.name.strip_prefix("r#").unwrap_or(&t.name);
        write!(
            src,
            "#[allow(non_camel_case_types)]\n\
             struct __kunit_case_{case_name};\n\
             impl ::kernel::kunit::TestCase for __kunit_case_{case_name} {{\n\
                 fn run() {{\n\
                     ::kernel::kunit::TestResult::report(\n\
                         {name}(), ::core::concat!(::core::file!(), \"\\0\"), {line});\n\
                 }}\n\
             }}\n",
            name = t.name,
            line = t.line,
        )
        .unwrap();
        write!(
            cases,
            "::kernel::kunit::Case::new::<__kunit_case_{case_name}>(c\"{case_name}\"), "
        )
        .unwrap();
    }
    write!(
        src,
        "static __KUNIT_CASES: ::kernel::kunit::Cases<{count}> =\n\
             ::kernel::kunit::Cases::new([{cases}]);\n\
         static __KUNIT_SUITE: ::kernel::kunit::Suite =\n\
             ::kernel::kunit::Suite::new(c\"{suite}\", &__KUNIT_CASES);\n\
         #[unsafe(link_section = \".kunit_test_suites\")]\n\
         #[used]\n\
         static __KUNIT_SUITE_ENTRY: ::kernel::kunit::SuiteEntry =\n\
             ::kernel::kunit::SuiteEntry::new(&__KUNIT_SUITE);\n\
         }};\n",
        count = tests.len(),
    )
    .unwrap();

    let mut new_body = items;
    new_body.extend(generated(&src));
    let mut group = Group::new(Delimiter::Brace, new_body);
    group.set_span(body.span());
    tokens.push(TokenTree::Group(group));
    // The whole module exists only in the test build, as on Linux: a
    // production kernel (`make CONFIG_KUNIT=n`) neither compiles nor
    // links its tests.
    let mut out = generated("#[cfg(CONFIG_KUNIT)]");
    out.extend(tokens);
    Ok(out)
}
