//! A success metric, written in a metrics file (`content/metrics/<group>.yaml`); its page at `metrics/<id>/`.

use super::*;
use crate::model::Metric;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Metric,
    name: "metric",
    plural_title: "Metrics",
    file: None,
    url: Url::Folder("metrics/"),
    entities: entities::<Metric>(),
    summary: Some(Counted {
        plural: "metrics",
        count: |pb| pb.metrics.len(),
    }),
    title_index,
    export: Some(Export {
        key: "metrics",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Metrics",
        url: "metrics/",
        list: NavList::MetricGroups,
        then: None,
    }),
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::Entry(Parent::MetricsFile)),
};

impl Entity for Metric {
    const KIND: Kind = Kind::Metric;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.metrics
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn file(&self) -> Idx<SourceFile> {
        self.file
    }
}

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    Some(pb.metrics[Idx::new(i)].target.text.clone())
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.metrics.iter_enumerated().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(EntityRef::from(i)), "group": pb.metric_groups[m.group].id,
        "description": m.description, "target": m.target, "measures": json_refs(pb, &m.measures),
    })));
}
