//! Views handed to templates as themselves: [`Rows`], a list of views, and [`Record`], one view.
//!
//! A view that reaches a template through serde is copied field by field into template values,
//! and a Rust function of the site that writes its cells reads them back by name. For the
//! thousands of rows of a large site that round trip cost more than writing the cells. These
//! wrappers serialise as a minijinja object holding the Rust views (as [`super::Angka`] does
//! for a figure), so that the site's row writers take the typed views back
//! (`downcast_object_ref`). A template that reads a row itself (`{% for r in rows %}`,
//! `{{ h.row.capaian }}`) still can: the row is serialised into a value when it is read, as
//! before. Any other serializer (JSON) sees the plain list or record.

use std::fmt;
use std::sync::{Arc, OnceLock};

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};
use serde::{Serialize, Serializer};

/// A list of views (rows of a table) that templates read as a list.
pub struct Rows<T>(Arc<[T]>);

impl<T> Rows<T> {
    /// The views, in order.
    pub fn items(&self) -> &[T] {
        &self.0
    }
}

impl<T> From<Vec<T>> for Rows<T> {
    fn from(items: Vec<T>) -> Rows<T> {
        Rows(items.into())
    }
}

impl<T> Clone for Rows<T> {
    fn clone(&self) -> Rows<T> {
        Rows(Arc::clone(&self.0))
    }
}

impl<T> fmt::Debug for Rows<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rows({})", self.0.len())
    }
}

impl<T: Serialize + Send + Sync + 'static> Object for Rows<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let item = self.0.get(key.as_usize()?)?;
        Some(Value::from(Serde(item)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

impl<T: Serialize + Send + Sync + 'static> Serialize for Rows<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Value::from_object(self.clone()).serialize(serializer)
    }
}

/// One view that templates read as a map; its value is made once, when a template first reads
/// a field.
pub struct Record<T>(Arc<RecordInner<T>>);

struct RecordInner<T> {
    view: T,
    value: OnceLock<Value>,
}

impl<T> Record<T> {
    /// `view`, to be handed to a template.
    pub fn new(view: T) -> Record<T> {
        Record(Arc::new(RecordInner { view, value: OnceLock::new() }))
    }

    /// The view.
    pub fn view(&self) -> &T {
        &self.0.view
    }
}

impl<T: Serialize> Record<T> {
    fn value(&self) -> &Value {
        self.0.value.get_or_init(|| Value::from(Serde(&self.0.view)))
    }
}

impl<T> Clone for Record<T> {
    fn clone(&self) -> Record<T> {
        Record(Arc::clone(&self.0))
    }
}

impl<T> fmt::Debug for Record<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Record")
    }
}

impl<T: Serialize + Send + Sync + 'static> Object for Record<T> {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.value().get_item(key).ok().filter(|v| !v.is_undefined())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.value().try_iter() {
            Ok(keys) => Enumerator::Values(keys.collect()),
            Err(_) => Enumerator::Empty,
        }
    }
}

impl<T: Serialize + Send + Sync + 'static> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Value::from_object(self.clone()).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, context};

    use super::*;

    #[derive(Serialize)]
    struct Line {
        nama: &'static str,
        nilai: Option<u32>,
    }

    fn lines() -> Rows<Line> {
        Rows::from(vec![Line { nama: "a", nilai: Some(1) }, Line { nama: "b", nilai: None }])
    }

    #[test]
    fn a_template_reads_the_rows_as_a_list_of_maps() {
        let env = Environment::new();
        let ctx = context! { rows => Serde(lines()), one => Serde(Record::new(Line { nama: "c", nilai: Some(3) })) };
        let out = env
            .render_str(
                "{{ rows | length }}:{% for r in rows %}{{ r.nama }}={{ r.nilai }};{% endfor %}\
                 {{ rows | selectattr('nilai') | map(attribute='nama') | join }}|{{ one.nama }}{{ one.nilai }}\
                 {% for k in one %},{{ k }}{% endfor %}",
                ctx,
            )
            .unwrap();
        assert_eq!(out, "2:a=1;b=None;a|c3,nama,nilai");
    }

    #[test]
    fn a_rust_function_gets_the_views_back() {
        let value = Value::from(Serde(context! { rows => Serde(lines()) }));
        let rows = value.get_attr("rows").unwrap();
        let typed = rows.downcast_object_ref::<Rows<Line>>().expect("the rows themselves");
        assert_eq!(typed.items()[1].nama, "b");
    }

    #[test]
    fn other_serializers_see_the_plain_list() {
        let json = serde_json::to_string(&lines()).unwrap();
        assert_eq!(json, r#"[{"nama":"a","nilai":1},{"nama":"b","nilai":null}]"#);
    }
}
