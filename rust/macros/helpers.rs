// SPDX-License-Identifier: GPL-2.0-only

//! Small token-stream parsing helpers shared by the macros.
//!
//! There is no `syn` here: the macros walk `proc_macro::TokenStream`s by
//! hand with a [`Cursor`], and report mistakes as [`Error`]s that become a
//! `compile_error!` pointing at the offending token.

use proc_macro::{
    token_stream, Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree,
};
use std::iter::Peekable;

/// A mistake in a macro's input: a message and where to point at.
pub(crate) struct Error {
    span: Span,
    msg: String,
}

/// The result of parsing a macro's input.
pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error at `span`.
    pub(crate) fn new(span: Span, msg: impl Into<String>) -> Error {
        Error {
            span,
            msg: msg.into(),
        }
    }

    /// `::core::compile_error! { "msg" }`, every token spanned at the
    /// error's location so that rustc points there.
    pub(crate) fn into_compile_error(self) -> TokenStream {
        let span = self.span;
        let mut lit = Literal::string(&self.msg);
        lit.set_span(span);
        let mut body = Group::new(Delimiter::Brace, TokenTree::Literal(lit).into());
        body.set_span(span);
        let punct = |c, spacing| {
            let mut p = Punct::new(c, spacing);
            p.set_span(span);
            TokenTree::Punct(p)
        };
        [
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("core", span)),
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("compile_error", span)),
            punct('!', Spacing::Alone),
            TokenTree::Group(body),
        ]
        .into_iter()
        .collect()
    }
}

/// Turns a macro's result into its output: the tokens, or the error.
pub(crate) fn finish(result: Result<TokenStream>) -> TokenStream {
    result.unwrap_or_else(Error::into_compile_error)
}

/// Parses generated Rust source into tokens.
///
/// Every token gets `Span::call_site()`: for lints and `unsafe_code` it
/// counts as coming from this (external) macro, never from the user's
/// source. So only code the macro writes itself may go through here; the
/// user's own tokens are passed on untouched, keeping their spans (see
/// `Documentation/rust/macros.rst`, "Macros and `forbid(unsafe_code)`").
pub(crate) fn generated(src: &str) -> TokenStream {
    // The generated text is fixed code plus validated names and literals;
    // a lexing error is a bug in this crate.
    src.parse()
        .unwrap_or_else(|e| panic!("macros: generated code does not lex: {e}\n{src}"))
}

/// A cursor over the top level of a token stream.
pub(crate) struct Cursor {
    tokens: Peekable<token_stream::IntoIter>,
    /// Where to point when the input ends too early.
    end: Span,
}

impl Cursor {
    /// A cursor over `stream`; `end` is reported when tokens run out.
    pub(crate) fn new(stream: TokenStream, end: Span) -> Cursor {
        Cursor {
            tokens: stream.into_iter().peekable(),
            end,
        }
    }

    /// The next token, if any.
    pub(crate) fn next(&mut self) -> Option<TokenTree> {
        self.tokens.next()
    }

    /// The next token without consuming it.
    pub(crate) fn peek(&mut self) -> Option<&TokenTree> {
        self.tokens.peek()
    }

    /// Whether the input is used up.
    pub(crate) fn at_end(&mut self) -> bool {
        self.tokens.peek().is_none()
    }

    /// The next token, or an error saying `what` was expected.
    pub(crate) fn expect_any(&mut self, what: &str) -> Result<TokenTree> {
        let end = self.end;
        self.next()
            .ok_or_else(|| Error::new(end, format!("expected {what}, found the end of input")))
    }

    /// An identifier.
    pub(crate) fn expect_ident(&mut self, what: &str) -> Result<Ident> {
        match self.expect_any(what)? {
            TokenTree::Ident(i) => Ok(i),
            t => Err(Error::new(
                t.span(),
                format!("expected {what}, found `{t}`"),
            )),
        }
    }

    /// The punctuation character `c`.
    pub(crate) fn expect_punct(&mut self, c: char) -> Result<Punct> {
        match self.expect_any(&format!("`{c}`"))? {
            TokenTree::Punct(p) if p.as_char() == c => Ok(p),
            t => Err(Error::new(t.span(), format!("expected `{c}`, found `{t}`"))),
        }
    }

    /// A group with delimiter `delim`.
    pub(crate) fn expect_group(&mut self, delim: Delimiter, what: &str) -> Result<Group> {
        match self.expect_any(what)? {
            TokenTree::Group(g) if g.delimiter() == delim => Ok(g),
            t => Err(Error::new(
                t.span(),
                format!("expected {what}, found `{t}`"),
            )),
        }
    }

    /// A plain string literal (`"..."` or `r"..."`), unescaped.
    pub(crate) fn expect_string(&mut self, what: &str) -> Result<(String, Span)> {
        match self.expect_any(what)? {
            TokenTree::Literal(l) => {
                let span = l.span();
                match parse_string_literal(&l.to_string()) {
                    Some(s) => Ok((s, span)),
                    None => Err(Error::new(
                        span,
                        format!("expected {what} (a plain string literal), found `{l}`"),
                    )),
                }
            }
            t => Err(Error::new(
                t.span(),
                format!("expected {what}, found `{t}`"),
            )),
        }
    }

    /// Errors unless the input is used up.
    pub(crate) fn expect_end(&mut self) -> Result<()> {
        match self.next() {
            None => Ok(()),
            Some(t) => Err(Error::new(t.span(), format!("unexpected `{t}`"))),
        }
    }
}

/// The value of a Rust string literal as written in source (`"a\n"`,
/// `r#"a"#`), or `None` if it is not a plain string literal (byte, C,
/// character or numeric literals, suffixes, unknown escapes).
pub(crate) fn parse_string_literal(src: &str) -> Option<String> {
    if let Some(raw) = src.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let body = body.strip_suffix(&raw[..hashes])?.strip_suffix('"')?;
        return Some(body.to_owned());
    }
    let body = src.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                let v = u8::from_str_radix(&hex, 16).ok().filter(|v| *v < 0x80)?;
                out.push(char::from(v));
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let close = rest.find('}')?;
                let v = u32::from_str_radix(&rest[..close].replace('_', ""), 16).ok()?;
                out.push(char::from_u32(v)?);
                chars = rest[close + 1..].chars();
            }
            '\n' => {
                // A line continuation: skip the following whitespace.
                let rest = chars.as_str().trim_start();
                chars = rest.chars();
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A Rust string literal for `s` (escaped as needed).
pub(crate) fn str_literal(s: &str) -> String {
    format!("{s:?}")
}

/// Whether `name` is a valid kernel symbol-ish name: ASCII letters,
/// digits and `_`, not starting with a digit, not empty.
pub(crate) fn is_c_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
