//! From the path of a request to the key of a file in the in-memory site, strictly.
//!
//! The preview serves only what a build rendered into memory, so no request can reach the disk;
//! this module still refuses every path that names something other than one plain file of the
//! site, so that the answer never depends on how a lookup treats odd keys: the path is
//! percent-decoded exactly once, segment by segment, and a segment that decodes to `.` or `..`,
//! holds a slash, a backslash, a NUL or another control character, or a `:` (a drive letter or
//! a scheme) is refused, as is an empty segment (`//etc/passwd`) or text that is not UTF-8.

/// Why a request path was refused (the answer is 400 Bad Request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The path does not start with `/`.
    #[error("the path does not start with /")]
    NotAbsolute,
    /// A `%` not followed by two hexadecimal digits, or bytes that are not UTF-8.
    #[error("the path is not percent-encoded UTF-8")]
    Encoding,
    /// An empty segment (`//`), `.` or `..`.
    #[error("the path has an empty, `.` or `..` segment")]
    Segment,
    /// A segment holding `/`, `\`, `:` or a control character once decoded.
    #[error("the path has a forbidden character")]
    Character,
}

/// The site file a request path names: `/` and `/dir/` name `index.html` and `dir/index.html`.
pub fn resolve(path: &str) -> Result<String, Refused> {
    let rest = path.strip_prefix('/').ok_or(Refused::NotAbsolute)?;
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    let mut key = String::with_capacity(rest.len() + "index.html".len());
    for (i, raw) in segments.iter().enumerate() {
        if i == last && raw.is_empty() {
            key.push_str("index.html");
            break;
        }
        key.push_str(&segment(raw)?);
        if i != last {
            key.push('/');
        }
    }
    Ok(key)
}

/// One segment, decoded and checked.
fn segment(raw: &str) -> Result<String, Refused> {
    let decoded = String::from_utf8(percent_decode(raw)?).map_err(|_| Refused::Encoding)?;
    if decoded.is_empty() || decoded == "." || decoded == ".." {
        return Err(Refused::Segment);
    }
    if decoded.chars().any(|c| matches!(c, '/' | '\\' | ':') || c.is_control()) {
        return Err(Refused::Character);
    }
    Ok(decoded)
}

fn percent_decode(raw: &str) -> Result<Vec<u8>, Refused> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(Refused::Encoding)?;
            let text = std::str::from_utf8(hex).map_err(|_| Refused::Encoding)?;
            out.push(u8::from_str_radix(text, 16).map_err(|_| Refused::Encoding)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_name_their_index_and_files_themselves() {
        assert_eq!(resolve("/").as_deref(), Ok("index.html"));
        assert_eq!(resolve("/en/").as_deref(), Ok("en/index.html"));
        assert_eq!(resolve("/indikator/IKU-1/").as_deref(), Ok("indikator/IKU-1/index.html"));
        assert_eq!(resolve("/static/style.css").as_deref(), Ok("static/style.css"));
        assert_eq!(resolve("/data/capaian.csv").as_deref(), Ok("data/capaian.csv"));
        // Decoded once: `%25` is a literal percent sign, not the start of another escape.
        assert_eq!(resolve("/bukti/a%20b%252e.pdf").as_deref(), Ok("bukti/a b%2e.pdf"));
        assert_eq!(resolve("/halaman/tentang-kami/").as_deref(), Ok("halaman/tentang-kami/index.html"));
    }

    #[test]
    fn every_way_out_of_the_site_is_refused() {
        let refused = [
            ("/../Cargo.toml", Refused::Segment),
            ("/a/../../etc/passwd", Refused::Segment),
            ("/%2e%2e/", Refused::Segment),
            ("/%2E%2E/Cargo.toml", Refused::Segment),
            ("/./index.html", Refused::Segment),
            ("/%2e%2e%2fCargo.toml", Refused::Character),
            ("/..%2f", Refused::Character),
            ("/..%5c", Refused::Character),
            ("/..\\Cargo.toml", Refused::Character),
            ("/%5c%5cserver/share", Refused::Character),
            ("/%00", Refused::Character),
            ("/index.html%00.css", Refused::Character),
            ("/C:/Windows/win.ini", Refused::Character),
            ("/c%3a/x", Refused::Character),
            ("//etc/passwd", Refused::Segment),
            ("/a//b", Refused::Segment),
            ("/%", Refused::Encoding),
            ("/%zz", Refused::Encoding),
            ("/%ff", Refused::Encoding),
            ("etc/passwd", Refused::NotAbsolute),
            ("", Refused::NotAbsolute),
        ];
        for (path, why) in refused {
            assert_eq!(resolve(path), Err(why), "{path}");
        }
    }
}
