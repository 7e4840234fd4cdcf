//! Reading a site as it was at a git revision, without touching the work tree.
//!
//! A revision is materialised with `git archive <commit> content themes` piped into `tar -x` in
//! a fresh temporary folder: the work tree, the index and the repository's refs are never
//! written, so `diff` is safe to run in the middle of an edit. `themes/` comes along because
//! `check` looks for the theme that `sakip.yaml` names. Both programs are run from the site root,
//! where git takes paths relative to the current folder, so a site in a sub-folder of its
//! repository needs no prefix handling: the archive holds `content/…` as the site root sees it.
//!
//! We pipe into the `tar` program rather than adding the `tar` crate: git is required anyway,
//! every platform git runs on ships a `tar` (Git for Windows and Windows 10 alike), and the
//! archive comes from git's own trees, which cannot hold `..` or absolute paths.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a revision could not be read (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// git could not be started, or `tar` could not.
    #[error("cannot run `{program}`: {source}")]
    Spawn {
        /// The program.
        program: &'static str,
        /// Why.
        source: std::io::Error,
    },
    /// The site root is not inside a git repository.
    #[error("{0} is not inside a git repository")]
    NotARepository(PathBuf),
    /// git does not know the revision.
    #[error("unknown revision `{0}`")]
    UnknownRevision(String),
    /// No `origin/HEAD`, `main` or `master` to take the merge base with.
    #[error("no default branch (neither origin/HEAD, main nor master exists); give BASE explicitly")]
    NoDefaultBranch,
    /// The revision has no `content/` folder at the site's place.
    #[error("revision {0} has no content/ folder in the site root")]
    NoContent(String),
    /// A git or tar command failed.
    #[error("`{command}` failed: {stderr}")]
    Failed {
        /// The command line.
        command: String,
        /// What it said.
        stderr: String,
    },
    /// The temporary folder could not be made.
    #[error("cannot create a temporary folder: {0}")]
    Temp(std::io::Error),
}

/// A commit: what the user typed and the short hash it resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// As typed (`HEAD~1`, `main`), or `merge-base HEAD main` for the default base.
    pub name: String,
    /// The full hash.
    pub hash: String,
    /// The short hash, for people.
    pub short: String,
}

/// One side of a diff: a commit, or the site as it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revision {
    /// The work tree, edits not yet committed included.
    WorkingTree,
    /// A commit.
    Commit(Commit),
}

impl Revision {
    /// The short hash, or `working tree`.
    pub fn label(&self) -> &str {
        match self {
            Revision::WorkingTree => "working tree",
            Revision::Commit(c) => &c.short,
        }
    }
}

/// A commit of a data log: who and when, and the data commit before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    /// The commit (named by its short hash).
    pub commit: Commit,
    /// The commit date.
    pub date: chrono::NaiveDate,
    /// The author's name (never the e-mail address).
    pub author: String,
    /// The full hash of the data commit before it.
    pub parent: Option<String>,
}

impl Logged {
    /// A line of `hash␟short␟date␟author␟parents`.
    fn parse(line: &str) -> Option<Logged> {
        let mut fields = line.split('\u{1f}');
        let (hash, short, date, author) = (fields.next()?, fields.next()?, fields.next()?, fields.next()?);
        let parent = fields.next().and_then(|p| p.split(' ').find(|h| !h.is_empty())).map(str::to_string);
        let commit = Commit { name: short.to_string(), hash: hash.to_string(), short: short.to_string() };
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        Some(Logged { commit, date, author: author.to_string(), parent })
    }
}

/// The git repository that holds a site root.
#[derive(Debug)]
pub struct Repo {
    root: PathBuf,
}

/// A revision's site, extracted into a temporary folder that lives as long as this value.
#[derive(Debug)]
pub struct Snapshot {
    dir: tempfile::TempDir,
}

impl Snapshot {
    /// The extracted site root (holds `content/`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

impl Repo {
    /// The repository holding `root`.
    pub fn open(root: &Path) -> Result<Repo, GitError> {
        let repo = Repo { root: root.to_path_buf() };
        match repo.git(&["rev-parse", "--is-inside-work-tree"]) {
            Ok(out) if out.trim() == "true" => Ok(repo),
            _ => Err(GitError::NotARepository(root.to_path_buf())),
        }
    }

    /// The commit `name` names.
    pub fn resolve(&self, name: &str) -> Result<Commit, GitError> {
        let spec = format!("{name}^{{commit}}");
        let hash = self
            .git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &spec])
            .map_err(|_| GitError::UnknownRevision(name.to_string()))?;
        self.commit(name.to_string(), hash.trim())
    }

    /// The merge base of `HEAD` with the default branch: `origin/HEAD` when set, else `main`,
    /// else `master`.
    pub fn default_base(&self) -> Result<Commit, GitError> {
        let branch = self.default_branch()?;
        let hash = self.git(&["merge-base", "HEAD", &branch])?;
        self.commit(format!("merge-base HEAD {branch}"), hash.trim())
    }

    fn default_branch(&self) -> Result<String, GitError> {
        if let Ok(origin) = self.git(&["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]) {
            return Ok(origin.trim().to_string());
        }
        ["main", "master"]
            .into_iter()
            .find(|b| self.git(&["rev-parse", "--verify", "--quiet", &format!("refs/heads/{b}")]).is_ok())
            .map(str::to_string)
            .ok_or(GitError::NoDefaultBranch)
    }

    fn commit(&self, name: String, hash: &str) -> Result<Commit, GitError> {
        let short = self.git(&["rev-parse", "--short", hash])?.trim().to_string();
        Ok(Commit { name, hash: hash.to_string(), short })
    }

    /// The newest `limit` commits that changed `content/`, newest first, each with the commit
    /// before it that changed `content/` (git rewrites the parents of a path-limited log), or
    /// none for the first.
    pub fn data_commits(&self, limit: usize) -> Result<Vec<Logged>, GitError> {
        // Fields split by the unit separator, which no name or hash holds. No e-mail is asked
        // for, so none can reach a page.
        let format = "--format=%H%x1f%h%x1f%cs%x1f%an%x1f%P";
        let count = format!("-n{limit}");
        let out = self.git(&["log", "--parents", format, &count, "--", "content"])?;
        Ok(out.lines().filter_map(Logged::parse).collect())
    }

    /// The site's `content/` and `themes/` at `commit`, in a temporary folder.
    pub fn snapshot(&self, commit: &Commit) -> Result<Snapshot, GitError> {
        let listed = self.git(&["ls-tree", "--name-only", &commit.hash, "--", "content", "themes"])?;
        let paths: Vec<&str> = listed.lines().collect();
        if !paths.contains(&"content") {
            return Err(GitError::NoContent(commit.short.clone()));
        }
        let dir = tempfile::Builder::new().prefix("sakip-diff-").tempdir().map_err(GitError::Temp)?;
        let mut archive = Command::new("git");
        archive.arg("-C").arg(&self.root).args(["archive", "--format=tar", &commit.hash, "--"]).args(&paths);
        extract(archive, dir.path())?;
        Ok(Snapshot { dir })
    }

    /// Run git in the site root; its standard output, or why it failed.
    fn git(&self, args: &[&str]) -> Result<String, GitError> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|source| GitError::Spawn { program: "git", source })?;
        if !out.status.success() {
            return Err(GitError::Failed {
                command: format!("git {}", args.join(" ")),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// Pipe the tar stream of `archive` into `tar -x` in `into`.
fn extract(mut archive: Command, into: &Path) -> Result<(), GitError> {
    let mut git = archive
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| GitError::Spawn { program: "git", source })?;
    let stream = git.stdout.take().map_or_else(Stdio::null, Stdio::from);
    let tar = Command::new("tar")
        .args(["-x", "-f", "-", "-C"])
        .arg(into)
        .stdin(stream)
        .stderr(Stdio::piped())
        .output();
    // Wait for git before judging tar, so that a failed archive reports git's own message.
    let git = git.wait_with_output().map_err(|source| GitError::Spawn { program: "git", source })?;
    if !git.status.success() {
        return Err(failed("git archive", &git.stderr));
    }
    let tar = tar.map_err(|source| GitError::Spawn { program: "tar", source })?;
    if !tar.status.success() {
        return Err(failed("tar -x", &tar.stderr));
    }
    Ok(())
}

fn failed(command: &str, stderr: &[u8]) -> GitError {
    GitError::Failed {
        command: command.to_string(),
        stderr: String::from_utf8_lossy(stderr).trim().to_string(),
    }
}
