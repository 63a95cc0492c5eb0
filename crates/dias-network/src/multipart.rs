//! A small reader for `multipart/form-data` bodies (the logo upload). The
//! body is already in memory and size-limited by the shell's middleware;
//! only the parts' names, file names and bytes are needed.

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub data: Vec<u8>,
}

/// The boundary from a `Content-Type: multipart/form-data; boundary=…`.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (key, value) = p.trim().split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// A parameter of a `Content-Disposition` header, e.g. `name="logo"`.
fn disposition_param(header: &str, key: &str) -> Option<String> {
    header.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The parts of a body; `None` when it is not well-formed.
pub fn parse(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut parts = Vec::new();
    let mut pos = find(body, delimiter, 0)? + delimiter.len();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Some(parts);
        }
        // Skip the line break after the delimiter.
        pos = find(body, b"\r\n", pos)? + 2;
        let headers_end = find(body, b"\r\n\r\n", pos)?;
        let headers = std::str::from_utf8(&body[pos..headers_end]).ok()?;
        let data_start = headers_end + 4;
        let next = find(body, &[&b"\r\n"[..], delimiter].concat(), data_start)?;
        let mut name = None;
        let mut filename = None;
        for line in headers.split("\r\n") {
            if let Some((key, value)) = line.split_once(':')
                && key.trim().eq_ignore_ascii_case("content-disposition")
            {
                name = disposition_param(value, "name");
                filename = disposition_param(value, "filename");
            }
        }
        parts.push(Part {
            name: name?,
            filename,
            data: body[data_start..next].to_vec(),
        });
        pos = next + 2 + delimiter.len();
    }
}

/// The text value of a field (empty when absent or not UTF-8).
pub fn text(parts: &[Part], name: &str) -> String {
    parts
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| String::from_utf8(p.data.clone()).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files_with_binary_content() {
        let ct = "multipart/form-data; boundary=----x1";
        let b = boundary(ct).unwrap();
        assert_eq!(b, "----x1");
        let mut body = Vec::new();
        body.extend_from_slice(b"------x1\r\nContent-Disposition: form-data; name=\"logo_alt\"\r\n\r\nLogo der Firma\r\n");
        body.extend_from_slice(b"------x1\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n");
        body.extend_from_slice(&[0x89, b'P', b'N', b'G', b'\r', b'\n', 0, 255]);
        body.extend_from_slice(b"\r\n------x1--\r\n");
        let parts = parse(&body, &b).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(text(&parts, "logo_alt"), "Logo der Firma");
        assert_eq!(parts[1].filename.as_deref(), Some("a.png"));
        assert_eq!(
            parts[1].data,
            vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0, 255]
        );
    }

    #[test]
    fn refuses_other_types_and_broken_bodies() {
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(parse(b"no delimiter here", "x"), None);
        assert_eq!(
            parse(
                b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
                "x"
            ),
            None
        );
    }
}
