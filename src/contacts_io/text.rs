//! Text helpers of the readers: the byte order marks and character sets of whole files (a
//! vCard's own encodings and escapes are `calcard`'s).

use std::borrow::Cow;

/// The UTF-8 byte order mark some programs put at the start of a file.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a CSV file without its byte order mark: UTF-8 when it is, Windows-1252 otherwise
/// (decoded by `encoding_rs`, the WHATWG decoders browsers use).
pub(super) fn decode_csv(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// The text of a file that starts with a UTF-16 byte order mark (little or big endian), without
/// it; `None` for any other file.
pub(super) fn utf16(bytes: &[u8]) -> Option<String> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, length)) if encoding != encoding_rs::UTF_8 => Some(
            encoding
                .decode_without_bom_handling(&bytes[length..])
                .0
                .into_owned(),
        ),
        _ => None,
    }
}
