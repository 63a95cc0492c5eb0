//! Pieces shared by the MEV fuzz targets.

/// Offset just after the header record (blank lines before it included).
/// The readers take the header from the first chunk, so blocks that end
/// before it (which real 4 MB blocks never do) are not compared.
pub fn header_end(data: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let _ = reader.byte_headers();
    let end = usize::try_from(reader.position().byte()).unwrap_or(data.len());
    // A chunk ends after a `\n`: after a header ending in a lone `\r`, the
    // next one. A header without any `\n` after it is read whole only by a
    // block that is larger than the file (a full block is cut at its last
    // `\n`), as a real 4 MB block is for any header shorter than that.
    let from = end.saturating_sub(1).min(data.len());
    data[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(data.len() + 1, |i| from + i + 1)
}
