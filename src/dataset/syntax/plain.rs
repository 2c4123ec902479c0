//! The parser's words for a mistake, in the analyst's. The toml parser
//! (`toml_parser`, and `toml` over it) says what its grammar wanted
//! ("missing comma between key-value pairs, expected `,`"); the analyst
//! needs what to write. Every description the parser's version in
//! `Cargo.lock` can give is here; [`plain`] gives `None` only for one a
//! later version adds (the message then keeps the parser's words).

/// The parser's descriptions (the part of its message before `, expected
/// …`) and what the analyst reads instead.
pub(super) const PLAIN: &[(&str, &str)] = &[
    ("carriage return must be followed by newline", "a carriage return stands alone here: save the file with ordinary line endings"),
    ("missing opening quote", "this string has no opening quote"),
    ("missing comma between array elements", "a `,` is missing between two items of this array"),
    ("integers with a radix cannot be signed", "a `0x`, `0o` or `0b` number has no sign: write the number in ordinary digits"),
    ("radix must be lowercase", "write `0x`, `0o` and `0b` in small letters"),
    ("missing assignment between key-value pairs", "a `key = value` here has no `=`"),
    ("unexpected leading zero", "a number does not start with `0`: write it without the leading zero"),
    ("unclosed array table", "this table header is not closed: write `[[name]]`"),
    ("unclosed table", "this table header is not closed: write `[name]`"),
    ("missing key for inline table element", "an item of this inline table has no key: write `key = value`"),
    ("missing inline table opening", "this inline table has no opening `{`"),
    ("missing escaped value", "a `\\` here starts no escape: write `\\\\` for a backslash"),
    ("missing array opening", "this array has no opening `[`"),
    ("invalid unquoted key", "a key without quotes has only letters, digits, `_` and `-`: put this one in quotes, or change it"),
    ("cannot recurse further; max recursion depth met", "arrays and tables are nested too deep here"),
    ("unquoted keys cannot be empty", "a key is missing here: write `key = value`"),
    ("unexpected sign", "a `+` or `-` is out of place in this number"),
    ("unexpected key or value", "something here is not `key = value`: a line holds one `key = value`; a note after it starts with `#`"),
    ("unexpected content", "something here is not `key = value`, a `[table]` header or a `#` note"),
    ("unexpected content between comment and newline", "this note holds a control character: delete it"),
    ("unexpected `=` in array", "an array holds values, not `key = value`: for tables in an array write `[{ key = value }]`"),
    ("unclosed inline table", "this inline table has no closing `}`"),
    ("unclosed array", "this array has no closing `]`"),
    ("too few unicode value digits", "a `\\u` escape takes 4 hexadecimal digits and a `\\U` escape 8"),
    ("string values must be quoted", "text must be in quotes"),
    ("redundant numeric sign", "this number has two signs: keep one"),
    ("redundant integer number prefix", "this number's `0x`, `0o` or `0b` is written twice: keep one"),
    ("missing value", "a value is missing here"),
    ("missing value for key", "this key has no value: write `key = value`"),
    ("missing table open", "this table header has no opening `[`"),
    ("missing comment start", "a note after a value starts with `#`"),
    ("missing comma between key-value pairs", "a `,` is missing between two `key = value` of this inline table"),
    ("keys cannot be multi-line literal strings", "a key is not written with `'''`: use one `'` on each side"),
    ("keys cannot be multi-line basic strings", "a key is not written with `\"\"\"`: use one `\"` on each side"),
    ("key with no value", "this line is not `key = value` nor a `[table]`: it has no `=`"),
    ("invalid value", "this is not a value: text goes in quotes, a number is digits, a flag is `true` or `false`"),
    ("invalid key-value pair", "this line is not `key = value`"),
    ("invalid inline table element", "this item of the inline table is not `key = value`"),
    ("invalid comment character", "this note holds a control character: delete it"),
    ("extra comma in inline table", "this `,` is one too many: delete it"),
    ("extra comma in array", "this `,` is one too many: delete it"),
    ("extra assignment between key-value pairs", "this `=` is one too many: delete it"),
    ("extra `=`", "this `=` is one too many: delete it"),
    ("`_` may only go between digits", "a `_` in a number goes only between two digits"),
    ("invalid string", "this text is not a string: put it in quotes"),
    ("invalid boolean", "a flag is `true` or `false`, in small letters"),
    ("invalid date-time", "this is not a date: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`"),
    ("invalid float", "this is not a number: write digits, with a `.` before any decimals (`2.5`)"),
    ("invalid mantissa", "this is not a number: write digits before any `.` or `e` (`2.5`, `1e6`)"),
    ("invalid fraction", "this is not a number: write digits after the `.` (`2.5`)"),
    ("invalid exponent", "this is not a number: write digits after the `e` (`1e6`)"),
    ("invalid key", "this is not a key: a key is letters, digits, `_` and `-`, or in quotes"),
    ("invalid table", "this table header is not `[name]` or `[[name]]`"),
    ("invalid date", "this is not a date: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`"),
    ("invalid datetime", "this is not a date: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`"),
    ("invalid time", "a date here is followed by something that is not a time: the dataset's dates have no time"),
    ("invalid offset", "a date here is followed by something that is not a time zone: the dataset's dates have no time"),
    ("invalid integer number", "this is not a number: write digits (`3`)"),
    ("invalid hexadecimal number", "this is not a hexadecimal number: after `0x` come only 0 to 9 and a to f"),
    ("invalid octal number", "this is not an octal number: after `0o` come only 0 to 7"),
    ("invalid binary number", "this is not a binary number: after `0b` come only 0 and 1"),
    ("invalid literal string", "this string holds a character it cannot have, or has no closing `'`"),
    ("invalid multi-line literal string", "this text holds a character it cannot have, or has no closing `'''`"),
    ("invalid basic string", "this string holds a character it cannot have, or has no closing `\"`"),
    ("invalid multi-line basic string", "this text holds a character it cannot have, or has no closing `\"\"\"`"),
    ("duplicate key", "this key is given twice: keep one of them"),
    ("recursion limit", "arrays and tables are nested too deep here"),
    ("could not allocate for string", "this string is too large to read"),
];

/// The analyst's words for the parser's `message`, when its description
/// is one of [`PLAIN`]'s.
pub(super) fn plain(message: &str) -> Option<&'static str> {
    let first = message.lines().next().unwrap_or(message).trim();
    PLAIN
        .iter()
        .filter(|(parser, _)| first == *parser || first.strip_prefix(parser).is_some_and(|rest| rest.starts_with(',')))
        .max_by_key(|(parser, _)| parser.len())
        .map(|(_, words)| *words)
}
