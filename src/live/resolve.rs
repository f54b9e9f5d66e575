//! Which file of the output folder a request path names: percent-decoded, then refused when
//! it would lead outside the folder (a `..` segment, an absolute or drive path, a symlink
//! that points out of it).

use std::path::{Component, Path, PathBuf};

use percent_encoding::percent_decode_str;

/// What a request path leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the folder (a folder's `index.html` when the path ends in `/`).
    File(PathBuf),
    /// A folder named without its trailing `/`: the browser is sent to the path with it, so
    /// that the page's relative links resolve as they do on disk.
    AddSlash,
    /// Nothing there.
    NotFound,
    /// A path that would lead outside the folder.
    Forbidden,
}

/// Resolves the path part of a request (without its query) inside `root`.
pub fn resolve(root: &Path, path: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(path).decode_utf8() else {
        return Resolved::NotFound;
    };
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        if segment.is_empty() || segment == "." {
            continue;
        }
        if segment.contains(['\\', '\0']) || !is_plain(segment) {
            return Resolved::Forbidden;
        }
        relative.push(segment);
    }
    let Ok(root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    let Ok(found) = root.join(&relative).canonicalize() else {
        return Resolved::NotFound;
    };
    if !found.starts_with(&root) {
        return Resolved::Forbidden;
    }
    if found.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::AddSlash;
        }
        let index = found.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    Resolved::File(found)
}

/// Whether a segment is one plain name: not `..`, not a root or a drive (`C:`).
fn is_plain(segment: &str) -> bool {
    let mut components = Path::new(segment).components();
    matches!(components.next(), Some(Component::Normal(_)))
        && components.next().is_none()
        && !segment.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("status/")).unwrap();
        std::fs::write(out.join("index.html"), "front").unwrap();
        std::fs::write(out.join("status/index.html"), "deck").unwrap();
        std::fs::write(out.join("a b.pdf"), "pdf").unwrap();
        std::fs::create_dir_all(tmp.path().join("content")).unwrap();
        std::fs::write(tmp.path().join("content/strategy.yaml"), "secret").unwrap();
        (tmp, out)
    }

    #[test]
    fn paths_inside_the_folder_are_found_after_decoding() {
        let (_tmp, out) = tree();
        let root = out.canonicalize().unwrap();
        assert_eq!(resolve(&out, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&out, "/status/"),
            Resolved::File(root.join("status/index.html"))
        );
        assert_eq!(resolve(&out, "/status"), Resolved::AddSlash);
        assert_eq!(
            resolve(&out, "/a%20b.pdf"),
            Resolved::File(root.join("a b.pdf"))
        );
        assert_eq!(resolve(&out, "/nothing.pdf"), Resolved::NotFound);
        assert_eq!(resolve(&out, "/%ff"), Resolved::NotFound);
    }

    #[test]
    fn paths_leading_out_of_the_folder_are_refused() {
        let (tmp, out) = tree();
        for path in [
            "/../content/strategy.yaml",
            "/%2e%2e/content/strategy.yaml",
            "/..%2fcontent%2fstrategy.yaml",
            "/status/%2E%2E/%2E%2E/content/strategy.yaml",
            "/..%5ccontent%5cstrategy.yaml",
            "/c:/x",
        ] {
            assert_eq!(resolve(&out, path), Resolved::Forbidden, "{path}");
        }
        let absolute = format!("/{}", tmp.path().join("content/strategy.yaml").display());
        assert_eq!(resolve(&out, &absolute), Resolved::NotFound, "{absolute}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("content"), out.join("link")).unwrap();
            assert_eq!(resolve(&out, "/link/strategy.yaml"), Resolved::Forbidden);
        }
    }
}
