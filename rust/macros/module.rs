// SPDX-License-Identifier: GPL-2.0-only

//! `module!`: declares a built-in Rust module.
//!
//! Parses the `key: value,` list, checks it, and writes the statics and
//! functions that hook the module's type into the initcall and exitcall
//! tables. The generated code is written here as text (it never contains
//! the user's tokens, only validated names and string values), so all of
//! it carries the macro's call-site span.

use crate::helpers::{generated, is_c_identifier, str_literal, Cursor, Error, Result};
use proc_macro::{Delimiter, Ident, Span, TokenStream, TokenTree};
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
    params: Vec<Param>,
}

/// One entry of `params:`, validated: every field is safe to paste into
/// generated code.
struct Param {
    name: String,
    /// The Rust type of the static (`u32`, `::kernel::module_param::ParamString`).
    type_: String,
    /// The default as a Rust expression of that type.
    default: String,
    description: String,
}

/// The keys `module!` knows, in the order they must be written.
const KEYS: &[&str] = &[
    "type",
    "name",
    "authors",
    "description",
    "license",
    "params",
];

/// The types a parameter may have.
const PARAM_TYPES: &[&str] = &[
    "bool", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize", "str",
];

/// Parses `params: { name: type { default: value, description: "..." }, ... }`.
fn parse_params(group: &proc_macro::Group) -> Result<Vec<Param>> {
    let mut params: Vec<Param> = Vec::new();
    let mut it = Cursor::new(group.stream(), group.span_close());
    while !it.at_end() {
        let ident = it.expect_ident("a parameter name")?;
        let name = ident.to_string();
        if !is_c_identifier(&name) || params.iter().any(|p| p.name == name) {
            return Err(Error::new(
                ident.span(),
                format!("parameter `{name}`: a new C identifier is needed"),
            ));
        }
        it.expect_punct(':')?;
        let ty = it.expect_ident(&format!("a type, one of: {}", PARAM_TYPES.join(", ")))?;
        let ty_str = ty.to_string();
        if !PARAM_TYPES.contains(&ty_str.as_str()) {
            return Err(Error::new(
                ty.span(),
                format!(
                    "parameter type `{ty_str}` is not supported; use one of: {}",
                    PARAM_TYPES.join(", ")
                ),
            ));
        }
        let body = it.expect_group(Delimiter::Brace, "`{ default: ..., description: \"...\" }`")?;
        let mut fields = Cursor::new(body.stream(), body.span_close());
        let key = fields.expect_ident("`default`")?;
        if key.to_string() != "default" {
            return Err(Error::new(key.span(), "expected `default`"));
        }
        fields.expect_punct(':')?;
        let default = param_default(&mut fields, &ty_str)?;
        fields.expect_punct(',')?;
        let key = fields.expect_ident("`description`")?;
        if key.to_string() != "description" {
            return Err(Error::new(key.span(), "expected `description`"));
        }
        fields.expect_punct(':')?;
        let description = fields.expect_string("a description")?.0;
        if !fields.at_end() {
            fields.expect_punct(',')?;
        }
        fields.expect_end()?;
        let type_ = if ty_str == "str" {
            "::kernel::module_param::ParamString".to_owned()
        } else {
            format!("::core::primitive::{ty_str}")
        };
        params.push(Param {
            name,
            type_,
            default,
            description,
        });
        if !it.at_end() {
            it.expect_punct(',')?;
        }
    }
    Ok(params)
}

/// A parameter's `default:` value, checked against its type and written
/// back as Rust source.
fn param_default(it: &mut Cursor, ty: &str) -> Result<String> {
    let first = it.expect_any("the default value")?;
    let span = first.span();
    let bad = || Error::new(span, format!("expected a default of type `{ty}`"));
    match ty {
        "bool" => match &first {
            TokenTree::Ident(i) if i.to_string() == "true" || i.to_string() == "false" => {
                Ok(i.to_string())
            }
            _ => Err(bad()),
        },
        "str" => {
            let TokenTree::Literal(l) = &first else {
                return Err(bad());
            };
            let s = crate::helpers::parse_string_literal(&l.to_string()).ok_or_else(bad)?;
            if s.len() > 128 {
                return Err(Error::new(
                    span,
                    "a string parameter holds at most 128 bytes",
                ));
            }
            Ok(format!(
                "::kernel::module_param::ParamString::new({})",
                str_literal(&s)
            ))
        }
        _ => {
            let (negative, lit) = match &first {
                TokenTree::Punct(p) if p.as_char() == '-' => (true, it.expect_any("a number")?),
                _ => (false, first.clone()),
            };
            let TokenTree::Literal(l) = lit else {
                return Err(bad());
            };
            let text = l.to_string().replace('_', "");
            let magnitude = match text.strip_prefix("0x") {
                Some(hex) => i128::from_str_radix(hex, 16),
                None => text.parse::<i128>(),
            }
            .map_err(|_| bad())?;
            let value = if negative { -magnitude } else { magnitude };
            let fits = match ty {
                "i8" => i8::try_from(value).is_ok(),
                "u8" => u8::try_from(value).is_ok(),
                "i16" => i16::try_from(value).is_ok(),
                "u16" => u16::try_from(value).is_ok(),
                "i32" => i32::try_from(value).is_ok(),
                "u32" => u32::try_from(value).is_ok(),
                // The kernel's architectures are all 64-bit.
                "i64" | "isize" => i64::try_from(value).is_ok(),
                _ => u64::try_from(value).is_ok(),
            };
            if !fits {
                return Err(Error::new(span, format!("{value} does not fit in `{ty}`")));
            }
            Ok(value.to_string())
        }
    }
}

/// Parses the macro's input.
fn parse(input: TokenStream) -> Result<ModuleInfo> {
    let mut it = Cursor::new(input, Span::call_site());
    let mut type_ = None;
    let mut name = None;
    let mut authors = Vec::new();
    let mut description = None;
    let mut license = None;
    let mut params = Vec::new();
    let mut last_key: Option<usize> = None;

    while !it.at_end() {
        let key = it.expect_ident(&format!("a key ({})", KEYS.join(", ")))?;
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
            "params" => {
                let group = it.expect_group(Delimiter::Brace, "`{ name: type { ... }, ... }`")?;
                params = parse_params(&group)?;
            }
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
        params,
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
    let mut param_statics = String::new();
    let mut param_sets = String::new();
    for p in &info.params {
        let Param {
            name: pname,
            type_,
            default,
            description,
        } = p;
        write!(
            param_statics,
            "#[doc = {d}]\n\
             #[allow(non_upper_case_globals)]\n\
             pub(crate) static {pname}: ::kernel::module_param::ModuleParam<{type_}> =\n\
                 ::kernel::module_param::ModuleParam::new(c\"{name}.{pname}\", {d}, {default});\n",
            d = str_literal(description),
        )
        .unwrap();
        // A refused value is logged and its default kept, as in Linux.
        writeln!(
            param_sets,
            "let _ = module_parameters::{pname}.set_from_boot_command_line();"
        )
        .unwrap();
    }

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

        /// The module's parameters (`params:` of `module!`): read one with
        /// `module_parameters::NAME.value()`.
        #[allow(dead_code)]
        mod module_parameters {{
            {param_statics}
        }}

        const _: () = {{
            static __MODULE: ::kernel::module::ModuleInstance<{type_}> =
                ::kernel::module::ModuleInstance::new();

            #[unsafe(export_name = "__{name}_init")]
            extern "C" fn __init() -> ::kernel::ffi::c_int {{
                {param_sets}
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
