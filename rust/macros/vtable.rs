// SPDX-License-Identifier: GPL-2.0-only

//! `#[vtable]`: tells, at compile time, which methods of a trait an
//! implementation provides, so that an abstraction can leave the
//! corresponding C function pointer NULL for the others.

use crate::helpers::{generated, str_literal, Cursor, Error, Result};
use proc_macro::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::collections::HashSet;
use std::fmt::Write;

/// The methods and associated constants declared at the top level of a
/// trait or impl body.
fn scan_body(body: &Group) -> (Vec<String>, HashSet<String>) {
    let mut methods = Vec::new();
    let mut consts = HashSet::new();
    let mut it = Cursor::new(body.stream(), body.span_close());
    while let Some(token) = it.next() {
        let TokenTree::Ident(ident) = token else {
            continue;
        };
        let word = ident.to_string();
        if word != "fn" && word != "const" {
            continue;
        }
        // `fn(u8)` in a type and `const {` blocks are not items: only a
        // keyword followed by a name is.
        if let Some(TokenTree::Ident(name)) = it.peek() {
            let name = name.to_string();
            let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
            if word == "fn" {
                methods.push(name);
            } else {
                consts.insert(name);
            }
        }
    }
    (methods, consts)
}

/// The name after `trait` in a trait's header tokens.
fn trait_name(tokens: &[TokenTree]) -> Option<String> {
    let at = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "trait"))?;
    match tokens.get(at + 1) {
        Some(TokenTree::Ident(name)) => Some(name.to_string()),
        _ => None,
    }
}

/// The constant recording whether `method` is implemented.
fn has_const(method: &str) -> String {
    format!("HAS_{}", method.to_uppercase())
}

/// Expands `#[vtable]` on a trait or an impl of one.
pub(crate) fn vtable(attr: TokenStream, item: TokenStream) -> Result<TokenStream> {
    if let Some(t) = attr.into_iter().next() {
        return Err(Error::new(t.span(), "#[vtable] takes no arguments"));
    }

    // Find `trait` or `impl` at the top level, and the body: the last
    // brace-delimited group.
    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let mut kind = None;
    for t in &tokens {
        if let TokenTree::Ident(i) = t {
            match i.to_string().as_str() {
                "trait" => kind = kind.or(Some(true)),
                "impl" => kind = kind.or(Some(false)),
                _ => {}
            }
        }
    }
    let Some(is_trait) = kind else {
        return Err(Error::new(
            Span::call_site(),
            "#[vtable] goes on a trait or on an `impl Trait for Type` block",
        ));
    };
    let Some(TokenTree::Group(body)) = tokens.pop() else {
        return Err(Error::new(
            Span::call_site(),
            "#[vtable]: expected a `{ ... }` body",
        ));
    };
    if body.delimiter() != Delimiter::Brace {
        return Err(Error::new(
            body.span(),
            "#[vtable]: expected a `{ ... }` body",
        ));
    }

    let (methods, consts) = scan_body(&body);
    let mut added = String::new();
    let mut seen = HashSet::new();
    if is_trait {
        // An impl without `#[vtable]` keeps this default, and so do its
        // `HAS_` constants, which read it: the first one an abstraction
        // uses fails to evaluate, with this message. (A required item
        // would make rustc suggest writing it by hand, which compiles
        // and leaves every `HAS_` constant false.)
        let name = trait_name(&tokens).unwrap_or_else(|| "this trait".to_owned());
        let msg = format!(
            "an impl of `{name}` lacks #[vtable]: add #[vtable] above the \
             `impl {name} for ...` block, or none of its methods is ever called"
        );
        write!(
            added,
            "#[doc(hidden)]\n\
             const USE_VTABLE_ATTR: () = ::core::panic!({});\n",
            str_literal(&msg)
        )
        .unwrap();
    } else {
        added.push_str("const USE_VTABLE_ATTR: () = ();\n");
    }
    for m in &methods {
        let c = has_const(m);
        // A method may appear twice (cfg'd variants); the trait or impl may
        // also set the constant by hand.
        if consts.contains(&c) || !seen.insert(c.clone()) {
            continue;
        }
        if is_trait {
            write!(
                added,
                "/// Whether the implementation provides [`Self::{m}`]. \
                 Set by `#[vtable]` on the impl.\n\
                 const {c}: bool = {{ let () = Self::USE_VTABLE_ATTR; false }};\n"
            )
            .unwrap();
        } else {
            writeln!(added, "const {c}: bool = true;").unwrap();
        }
    }

    // The body keeps the user's tokens (and spans); the constants go first.
    let mut new_body = generated(&added);
    new_body.extend(body.stream());
    let mut group = Group::new(Delimiter::Brace, new_body);
    group.set_span(body.span());
    tokens.push(TokenTree::Group(group));
    Ok(tokens.into_iter().collect())
}
