// SPDX-License-Identifier: GPL-2.0-only

//! `module!`: declares a built-in Rust module.
//!
//! Parses the `key: value,` list, checks it, and writes the statics and
//! functions that hook the module's type into the initcall and exitcall
//! tables. The generated code is written here as text (it never contains
//! the user's tokens, only validated names and string values), so all of
//! it carries the macro's call-site span.

use crate::helpers::{generated, is_c_identifier, str_literal, Cursor, Error, Result};
use proc_macro::{Delimiter, Ident, Span, TokenStream};
use std::fmt::Write;

/// Licences accepted in `license:`: Linux's GPL-compatible module licence
/// strings. Ferrite is GPL-2.0-only and links every module into one
/// image, so anything else is refused at compile time.
const GPL_COMPATIBLE: &[&str] = &[
    "GPL",
    "GPL v2",
    "GPL and additional rights",
    "Dual BSD/GPL",
    "Dual MIT/GPL",
    "Dual MPL/GPL",
];

/// What `module!` was given.
struct ModuleInfo {
    type_: Ident,
    name: String,
    authors: Vec<String>,
    description: Option<String>,
    license: String,
}

/// The keys `module!` knows, in the order they must be written.
const KEYS: &[&str] = &["type", "name", "authors", "description", "license"];

/// Parses the macro's input.
fn parse(input: TokenStream) -> Result<ModuleInfo> {
    let mut it = Cursor::new(input, Span::call_site());
    let mut type_ = None;
    let mut name = None;
    let mut authors = Vec::new();
    let mut description = None;
    let mut license = None;
    let mut last_key: Option<usize> = None;

    while !it.at_end() {
        let key = it.expect_ident("a key (`type`, `name`, `authors`, `description`, `license`)")?;
        let key_str = key.to_string();
        let key_str = key_str.strip_prefix("r#").unwrap_or(&key_str);
        let Some(index) = KEYS.iter().position(|k| *k == key_str) else {
            return Err(Error::new(
                key.span(),
                format!(
                    "unknown key `{key_str}`; expected one of: {}",
                    KEYS.join(", ")
                ),
            ));
        };
        match last_key {
            Some(last) if last == index => {
                return Err(Error::new(key.span(), format!("duplicate key `{key_str}`")));
            }
            Some(last) if last > index => {
                return Err(Error::new(
                    key.span(),
                    format!(
                        "key `{key_str}` must come before `{}` (order: {})",
                        KEYS[last],
                        KEYS.join(", ")
                    ),
                ));
            }
            _ => last_key = Some(index),
        }
        it.expect_punct(':')?;
        match key_str {
            "type" => {
                // Only a plain identifier: the type's name is copied into
                // generated code, so it must not be able to carry code.
                type_ = Some(it.expect_ident("the module's type (an identifier)")?);
            }
            "name" => {
                let (value, span) = it.expect_string("the module's name")?;
                if !is_c_identifier(&value) || value.len() > 55 {
                    return Err(Error::new(
                        span,
                        "the module's name must be a C identifier (ASCII letters, digits \
                         and `_`) of at most 55 characters",
                    ));
                }
                name = Some(value);
            }
            "authors" => {
                let group = it.expect_group(Delimiter::Bracket, "a list of strings `[\"...\"]`")?;
                let mut list = Cursor::new(group.stream(), group.span_close());
                while !list.at_end() {
                    authors.push(list.expect_string("an author")?.0);
                    if !list.at_end() {
                        list.expect_punct(',')?;
                    }
                }
            }
            "description" => description = Some(it.expect_string("a description")?.0),
            "license" => {
                let (value, span) = it.expect_string("a licence")?;
                if !GPL_COMPATIBLE.contains(&value.as_str()) {
                    return Err(Error::new(
                        span,
                        format!(
                            "licence \"{value}\" is not GPL-compatible; use one of: {}",
                            GPL_COMPATIBLE.join(", ")
                        ),
                    ));
                }
                license = Some(value);
            }
            _ => unreachable!("every key in KEYS is handled"),
        }
        if !it.at_end() {
            it.expect_punct(',')?;
        }
    }
    let missing = |what: &str| Error::new(Span::call_site(), format!("module! needs `{what}:`"));
    Ok(ModuleInfo {
        type_: type_.ok_or_else(|| missing("type"))?,
        name: name.ok_or_else(|| missing("name"))?,
        authors,
        description,
        license: license.ok_or_else(|| missing("license"))?,
    })
}

/// Expands `module!`.
pub(crate) fn module(input: TokenStream) -> Result<TokenStream> {
    let info = parse(input)?;
    let type_ = info.type_.to_string();
    let name = &info.name;
    let mut authors = String::new();
    for a in &info.authors {
        write!(authors, "{}, ", str_literal(a)).unwrap();
    }
    let description = str_literal(info.description.as_deref().unwrap_or(""));
    let license = str_literal(&info.license);

    // Everything but THIS_MODULE sits in an anonymous `const _` block:
    // nothing else can name it, and it needs no documentation. Link order
    // decides the initcall order within level 6 (see macros.rst).
    let src = format!(
        r#"
        /// The prefix of this crate's `pr_*!` messages: the module's name.
        const __LOG_PREFIX: &str = "{name}";

        /// This module's metadata, as given to `module!`.
        static THIS_MODULE: ::kernel::ThisModule = ::kernel::ThisModule::new(
            c"{name}",
            {description},
            {license},
            &[{authors}],
        );

        const _: () = {{
            static __MODULE: ::kernel::module::ModuleInstance<{type_}> =
                ::kernel::module::ModuleInstance::new();

            #[unsafe(export_name = "__{name}_init")]
            extern "C" fn __init() -> ::kernel::ffi::c_int {{
                __MODULE.init(&THIS_MODULE)
            }}

            #[unsafe(export_name = "__{name}_exit")]
            extern "C" fn __exit() {{
                __MODULE.exit()
            }}

            #[unsafe(link_section = ".initcall6.init")]
            #[used]
            static __INITCALL: ::kernel::module::InitCall = __init;

            #[unsafe(link_section = ".exitcall.exit")]
            #[used]
            static __EXITCALL: ::kernel::module::ExitCall = __exit;
        }};
        "#
    );
    Ok(generated(&src))
}
