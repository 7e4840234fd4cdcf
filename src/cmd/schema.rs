//! `sakip-site schema`: write the JSON Schemas of the content files (`sakip_site::schema`) into a
//! folder, for editors to check the YAML while it is typed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

/// Write every schema into `output` (default `<root>/schemas`), creating the folder when needed
/// and replacing the schema files in it; other files there are left alone.
pub fn schema(root: &Path, output: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let output = output.unwrap_or_else(|| root.join("schemas"));
    std::fs::create_dir_all(&output).with_context(|| format!("cannot create {}", output.display()))?;
    let schemas = sakip_site::schema::schemas();
    for schema in &schemas {
        let path = output.join(&schema.file_name);
        std::fs::write(&path, &schema.text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!("sakip-site schema: {} schemas written to {}", schemas.len(), output.display());
    Ok(ExitCode::SUCCESS)
}
